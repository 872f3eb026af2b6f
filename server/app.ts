import "reflect-metadata";
import path from "node:path";
import fs from "node:fs";
import type { Server } from "node:http";
import express from "express";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { DataSource } from "typeorm";
import { AccountResolver } from "./accounts/account.resolver";
import { adminRoutes } from "./admin/admin-routes";
import { DashboardResolver } from "./admin/dashboard.resolver";
import { DashboardService } from "./admin/dashboard.service";
import { AdminProductResolver } from "./catalog/admin-product.resolver";
import { ShopResolver } from "./catalog/shop.resolver";
import { ProductAdminService } from "./catalog/product-admin.service";
import { InventoryResolver } from "./inventory/inventory.resolver";
import { InventoryService } from "./inventory/inventory.service";
import { AdminOrderResolver } from "./orders/admin-order.resolver";
import { OrderAdminService } from "./orders/order-admin.service";
import { AccountService } from "./accounts/account.service";
import { LoginThrottleService } from "./accounts/login-throttle.service";
import { CartResolver } from "./cart/cart.resolver";
import { CartService } from "./cart/cart.service";
import { FlatShippingRule } from "./cart/pricing";
import { CatalogService } from "./catalog/catalog.service";
import { ProductResolver } from "./catalog/product.resolver";
import type { Config } from "./config";
import { openReader } from "./db/data-source";
import { Transactions } from "./db/transaction";
import type { Context } from "./graphql/context";
import { formatError } from "./graphql/errors";
import { createLoaders } from "./graphql/loaders";
import { buildShopSchema } from "./graphql/schema";
import { demoImageRouter } from "./media/demo-images";
import { OrderResolver } from "./orders/order.resolver";
import { RandomOrderNumber } from "./orders/order-number";
import { OrderService } from "./orders/order.service";
import { PaymentService } from "./payments/payment.service";
import { TestPaymentProvider } from "./payments/test-provider";
import { RequestSession } from "./sessions/request-session";
import { SessionService } from "./sessions/session.service";

export type Services = ReturnType<typeof createServices>;

/** The storefront's routes (client/src/app/router.tsx); other paths are answered with its not-found page and 404. */
const STOREFRONT_PATHS = [
  /^\/$/,
  /^\/product\/[^/]+$/,
  /^\/cart$/,
  /^\/checkout$/,
  /^\/order\/[^/]+$/,
  /^\/login$/,
  /^\/signup$/,
  /^\/account\/orders$/,
  /^\/admin(\/.*)?$/,
];
export const isStorefrontPath = (p: string) => STOREFRONT_PATHS.some((re) => re.test(p));

/** The composition root: every service, wired once per process. */
export function createServices(config: Config, dataSource: DataSource, reader: DataSource = dataSource) {
  const tx = new Transactions(dataSource, reader);
  const pricing = new FlatShippingRule(config);
  const catalog = new CatalogService(tx);
  const cart = new CartService(tx, catalog, pricing, config.currency);
  const testProvider = new TestPaymentProvider();
  const payments = new PaymentService(config.testPayments ? [testProvider] : []);
  const orders = new OrderService(tx, catalog, cart, payments, pricing, new RandomOrderNumber(), config.currency);
  const sessions = new SessionService(tx, config.sessionDays);
  const throttle = new LoginThrottleService(tx, {
    maxFailuresPerEmail: config.loginMaxFailures,
    maxFailuresPerAddress: config.loginMaxFailures * 4,
    windowMinutes: config.loginBlockMinutes,
    blockMinutes: config.loginBlockMinutes,
  });
  const accounts = new AccountService(tx, sessions, cart, throttle, { scryptLogN: config.scryptLogN, production: config.production });
  const inventory = new InventoryService(tx, catalog, config.lowStockThreshold);
  const productAdmin = new ProductAdminService(tx, catalog, inventory, config.currency);
  const orderAdmin = new OrderAdminService(tx, inventory, payments);
  const dashboard = new DashboardService(tx, inventory, config.currency);
  return { tx, catalog, cart, payments, testProvider, orders, sessions, accounts, inventory, productAdmin, orderAdmin, dashboard };
}

export interface App {
  app: express.Express;
  services: Services;
  listen(port: number): Promise<Server>;
  stop(): Promise<void>;
}

export async function createApp(config: Config, dataSource: DataSource): Promise<App> {
  const reader = await openReader(dataSource);
  const services = createServices(config, dataSource, reader);
  const instances = new Map<unknown, unknown>([
    [ProductResolver, new ProductResolver(services.catalog)],
    [CartResolver, new CartResolver(services.cart)],
    [OrderResolver, new OrderResolver(services.orders)],
    [AccountResolver, new AccountResolver(services.accounts, services.orders)],
    [AdminProductResolver, new AdminProductResolver(services.catalog, services.productAdmin, services.tx, config.currency)],
    [InventoryResolver, new InventoryResolver(services.inventory)],
    [AdminOrderResolver, new AdminOrderResolver(services.orders, services.orderAdmin, services.accounts)],
    [DashboardResolver, new DashboardResolver(services.dashboard)],
    [ShopResolver, new ShopResolver(config.currency)],
  ]);
  const schema = await buildShopSchema({ get: (cls) => instances.get(cls) ?? new (cls as new () => unknown)() });
  const armor = new ApolloArmor({
    // Fragments count by the fields they hold, not as extra levels: clients compose them freely.
    maxDepth: { n: 8, flattenFragments: true },
    maxAliases: { n: 10 },
    costLimit: { maxCost: 10000 },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<Context>({
    schema,
    ...protection,
    plugins: [...protection.plugins, ApolloServerPluginLandingPageDisabled()],
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // main.ts owns shutdown (HTTP server, Apollo, database, in that order).
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  app.get("/healthz", async (_req, res) => {
    try {
      await Promise.race([
        dataSource.query("SELECT 1"),
        new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000)),
      ]);
      res.json({ status: "ok" });
    } catch {
      res.status(503).json({ status: "unavailable", reason: "database does not answer" });
    }
  });

  const ide = path.join(config.clientDist, "graphiql.html");
  app.get("/graphql", (req, res, next) => {
    if (req.accepts(["application/json", "application/graphql-response+json", "text/html"]) !== "text/html") return next();
    if (!fs.existsSync(ide)) return res.status(503).type("text").send("The GraphQL IDE is not built; run `npm run build`.");
    res.sendFile(ide);
  });

  app.use(
    "/graphql",
    express.json({ limit: "200kb" }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        session: new RequestSession(services.sessions, req, res, {
          secure: config.cookieSecure,
          maxAgeSeconds: config.sessionDays * 86_400,
        }),
        loaders: createLoaders(services.catalog, services.orders),
      }),
    }),
  );
  app.use("/media/demo", demoImageRouter());
  app.use("/api/admin", adminRoutes(config, services));
  // Uploaded images: served as the image types they were checked to be, never sniffed as anything else.
  app.use("/media/uploads", express.static(config.uploadDir, { maxAge: "1d", fallthrough: false, setHeaders: (res) => res.setHeader("X-Content-Type-Options", "nosniff") }));
  // Vite's hashed bundles never change under one name; everything else is revalidated.
  app.use("/assets", express.static(path.join(config.clientDist, "assets"), { immutable: true, maxAge: "1y", fallthrough: false }));
  app.use(express.static(config.clientDist, { index: false, maxAge: 0 }));
  app.get(/.*/, (req, res, next) => {
    if (req.accepts(["html", "json"]) !== "html") return next();
    const shop = path.join(config.clientDist, "index.html");
    if (!fs.existsSync(shop)) return res.status(503).type("text").send("The storefront is not built; run `npm run build`.");
    // The storefront renders its own not-found page; unknown URLs also get a real 404 status.
    res.status(isStorefrontPath(req.path) ? 200 : 404).set("Cache-Control", "no-cache").sendFile(shop);
  });
  // Malformed JSON bodies and the like: a GraphQL-shaped error, never Express's HTML page with a stack.
  app.use((err: { status?: number; message?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) console.error("Unexpected HTTP error:", err);
    res.status(status).json({
      errors: [
        status === 500
          ? { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }
          : { message: err.message ?? "Bad request", extensions: { code: "BAD_REQUEST" } },
      ],
    });
  });

  let server: Server | undefined;
  return {
    app,
    services,
    listen: (port) =>
      new Promise((resolve, reject) => {
        server = app.listen(port, () => resolve(server!));
        server.once("error", reject);
      }),
    stop: async () => {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server?.closeAllConnections?.();
      await apollo.stop();
      if (reader !== dataSource && reader.isInitialized) await reader.destroy();
    },
  };
}
