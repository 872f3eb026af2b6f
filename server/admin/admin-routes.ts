import express, { Router, type RequestHandler } from "express";
import type { CatalogIoService } from "../catalog/catalog-io.service";
import type { UploadService } from "../media/upload.service";
import type { OrderAdminService } from "../orders/order-admin.service";

export interface AdminRouteServices {
  catalogIo: CatalogIoService;
  orderAdmin: OrderAdminService;
  uploads: UploadService;
}

/**
 * The owner's HTTP endpoints that aren't GraphQL: image upload and CSV downloads. Adapters like resolvers:
 * `authorized` is the same role check as @Authorized("ADMIN"), and the work is the feature services'.
 */
export function adminRoutes(authorized: RequestHandler, services: AdminRouteServices, uploadMaxBytes: number): Router {
  const router = Router();
  router.use(authorized);

  router.post("/uploads", express.raw({ type: () => true, limit: uploadMaxBytes }), async (req, res) => {
    const url = await services.uploads.save(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    res.status(201).json({ url });
  });

  router.get("/export/products.csv", async (_req, res) => {
    res
      .type("text/csv")
      .attachment("products.csv")
      .send(await services.catalogIo.exportCsv());
  });

  router.get("/export/orders.csv", async (_req, res) => {
    res
      .type("text/csv")
      .attachment("orders.csv")
      .send(await services.orderAdmin.exportCsv());
  });
  return router;
}
