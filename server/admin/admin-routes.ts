import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import express, { Router, type RequestHandler, type Response } from "express";
import type { CatalogIoService } from "../catalog/catalog-io.service";
import { viewerOfRoute } from "../graphql/auth";
import type { Logger } from "../lib/logger";
import type { UploadService } from "../media/upload.service";
import type { OrderAdminService } from "../orders/order-admin.service";

export interface AdminRouteServices {
  catalogIo: CatalogIoService;
  orderAdmin: OrderAdminService;
  uploads: UploadService;
}

/**
 * The biggest catalog CSV the upload route takes: 100,000 products with descriptions of a few hundred
 * characters fit. (GraphQL's importProductsCsv takes what its 200 kB body limit lets through.)
 */
export const CSV_IMPORT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Writes a CSV download as its service yields it, a page at a time, waiting while the client reads slower
 * than it is made. A client that goes away stops it (the generator is closed, no more pages are read); a
 * failure after the first bytes cuts the response short (the client sees an incomplete download, never a
 * complete-looking file) and is logged.
 */
async function streamCsv(res: Response, name: string, pages: AsyncGenerator<string>, log: Logger): Promise<void> {
  res.type("text/csv").attachment(name).setHeader("Cache-Control", "no-store");
  try {
    await pipeline(Readable.from(pages), res);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ERR_STREAM_PREMATURE_CLOSE" || res.destroyed) {
      if (code !== "ERR_STREAM_PREMATURE_CLOSE") log.error({ err: error }, `The ${name} download failed`);
      return;
    }
    throw error;
  }
}

/**
 * The owner's HTTP endpoints that aren't GraphQL: image upload, the catalog's CSV upload and CSV downloads.
 * Adapters like resolvers: `authorized` is the same role check as @Authorized("ADMIN"), and the work is the
 * feature services'.
 */
export function adminRoutes(authorized: RequestHandler, services: AdminRouteServices, uploadMaxBytes: number, log: Logger): Router {
  const router = Router();
  router.use(authorized);

  router.post("/uploads", express.raw({ type: () => true, limit: uploadMaxBytes }), async (req, res) => {
    const url = await services.uploads.save(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    res.status(201).json({ url });
  });

  // The catalog CSV as the request's body (any content type, UTF-8): { created, updated }, or BAD_USER_INPUT
  // with the problems by row, as importProductsCsv answers, for files of any size up to CSV_IMPORT_MAX_BYTES.
  router.post("/import/products.csv", express.text({ type: () => true, limit: CSV_IMPORT_MAX_BYTES }), async (req, res) => {
    const csv = typeof req.body === "string" ? req.body : "";
    res.json(await services.catalogIo.importCsv(csv, viewerOfRoute(res).email!));
  });

  router.get("/export/products.csv", (_req, res) => streamCsv(res, "products.csv", services.catalogIo.exportCsv(), log));
  router.get("/export/orders.csv", (_req, res) => streamCsv(res, "orders.csv", services.orderAdmin.exportCsv(), log));
  return router;
}
