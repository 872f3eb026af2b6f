import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import express, { Router, type NextFunction, type Request, type Response } from "express";
import { Role } from "../accounts/customer.entity";
import type { Services } from "../app";
import type { Config } from "../config";
import { Order } from "../orders/order.entity";
import { Product } from "../catalog/product.entity";
import { tokenFromRequest } from "../sessions/session.service";
import { minorDigits } from "./catalog-csv";
import { toCsv } from "./csv";

/** Image types we accept, told by their first bytes (never by the name or the client's Content-Type). */
function imageType(b: Buffer): "png" | "jpg" | "gif" | "webp" | undefined {
  if (b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpg";
  if (b.length > 6 && /^GIF8[79]a$/.test(b.subarray(0, 6).toString("latin1"))) return "gif";
  if (b.length > 12 && b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP") return "webp";
  return undefined;
}

const fail = (res: Response, status: number, code: string, message: string) => res.status(status).json({ errors: [{ message, extensions: { code } }] });

/** Admin-only HTTP endpoints that aren't GraphQL: image upload and CSV downloads. */
export function adminRoutes(config: Config, services: Services): Router {
  const router = Router();
  const requireAdmin = async (req: Request, res: Response, next: NextFunction) => {
    const session = await services.sessions.find(tokenFromRequest(req.headers));
    if (!session?.customer) return fail(res, 401, "UNAUTHENTICATED", "Sign in to do this");
    if (session.customer.role !== Role.ADMIN) return fail(res, 403, "FORBIDDEN", "Your account may not do this");
    next();
  };
  router.use(requireAdmin);

  router.post("/uploads", express.raw({ type: () => true, limit: config.uploadMaxBytes }), async (req, res) => {
    const body = req.body as Buffer;
    if (!Buffer.isBuffer(body) || body.length === 0) return fail(res, 400, "BAD_USER_INPUT", "Send the image file as the request body");
    const ext = imageType(body);
    if (!ext) return fail(res, 415, "BAD_USER_INPUT", "Only PNG, JPEG, GIF and WebP images can be uploaded");
    await fs.promises.mkdir(config.uploadDir, { recursive: true });
    const name = `${randomUUID()}.${ext}`;
    await fs.promises.writeFile(path.join(config.uploadDir, name), body);
    res.status(201).json({ url: `/media/uploads/${name}` });
  });

  router.get("/export/products.csv", async (_req, res) => {
    const digits = minorDigits(config.currency);
    const products = await services.tx.reader.find(Product, { order: { id: "ASC" } });
    const rows = products.map((p) => [p.sku, p.name, p.description, (p.priceAmount / 10 ** digits).toFixed(digits), p.stock, p.status]);
    res.type("text/csv").attachment("products.csv").send(toCsv([["sku", "name", "description", "price", "stock", "status"], ...rows]));
  });

  router.get("/export/orders.csv", async (_req, res) => {
    const digits = minorDigits(config.currency);
    const money = (n: number) => (n / 10 ** digits).toFixed(digits);
    const orders = await services.tx.reader.find(Order, { order: { createdAt: "DESC" } });
    const lines = await services.orders.linesFor(orders.map((o) => o.id));
    const items = new Map<string, number>();
    for (const l of lines) items.set(l.orderId, (items.get(l.orderId) ?? 0) + l.quantity);
    const header = ["number", "date", "status", "email", "items", "subtotal", "shipping", "tax", "total", "currency", "ship_to", "city", "country"];
    const rows = orders.map((o) => [
      o.number,
      o.createdAt.toISOString(),
      o.status,
      o.email,
      items.get(o.id) ?? 0,
      money(o.subtotalAmount),
      money(o.shippingAmount),
      money(o.taxAmount),
      money(o.totalAmount),
      o.currency,
      o.shippingAddress.name,
      o.shippingAddress.city,
      o.shippingAddress.country,
    ]);
    res.type("text/csv").attachment("orders.csv").send(toCsv([header, ...rows]));
  });
  return router;
}
