import "reflect-metadata";
import path from "node:path";
import fs from "node:fs";
import zlib from "node:zlib";
import type { Server } from "node:http";
import compression from "compression";
import express from "express";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { DataSource } from "typeorm";
import { adminRoutes } from "./admin/admin-routes";
import { demoImageRouter } from "./catalog/demo-images";
import type { Config } from "./config";
import { openReader } from "./db/data-source";
import { requireRole } from "./graphql/auth";
import type { Context } from "./graphql/context";
import { AppError, formatError } from "./graphql/errors";
import { LoaderCache } from "./graphql/loaders";
import { buildShopSchema } from "./graphql/schema";
import { createResolvers, createServices, type Services } from "./modules";
import { InvalidWebhook } from "./payments/payment.port";
import { RequestSession } from "./sessions/request-session";

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

export interface App {
  app: express.Express;
  services: Services;
  listen(port: number): Promise<Server>;
  stop(): Promise<void>;
}

export async function createApp(config: Config, dataSource: DataSource, options: { sweeper?: boolean } = {}): Promise<App> {
  const reader = await openReader(dataSource);
  const services = createServices(config, dataSource, reader);
  const schema = await buildShopSchema(createResolvers(config, services));
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
    // The IDE reads the schema by introspection: the two are on or off together (GRAPHQL_IDE).
    introspection: config.graphqlIde,
    // main.ts owns shutdown (HTTP server, Apollo, database, in that order).
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  // Brotli or gzip for what compresses (HTML, scripts, styles, GraphQL's JSON), by what the client accepts.
  app.use(compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } } }));

  app.get("/healthz", async (_req, res) => {
    try {
      await Promise.race([dataSource.query("SELECT 1"), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000))]);
      res.json({ status: "ok" });
    } catch {
      res.status(503).json({ status: "unavailable", reason: "database does not answer" });
    }
  });

  // Readiness (for a load balancer or an orchestrator): the database answers, has every migration, and its
  // tables are there. /healthz stays the cheap liveness check.
  app.get("/readyz", async (_req, res) => {
    try {
      const ready = Promise.all([dataSource.showMigrations(), dataSource.query("SELECT COUNT(*) AS n FROM product WHERE 1 = 0")]);
      const [pending] = await Promise.race([
        ready,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000)),
      ]);
      if (pending) return void res.status(503).json({ status: "unavailable", reason: "migrations are pending" });
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ status: "unavailable", reason: "the database or its tables do not answer" });
    }
  });

  const ide = path.join(config.clientDist, "graphiql.html");
  app.get("/graphql", (req, res, next) => {
    if (req.accepts(["application/json", "application/graphql-response+json", "text/html"]) !== "text/html") return next();
    if (!config.graphqlIde) {
      return void res
        .status(404)
        .json({ errors: [{ message: "The GraphQL IDE is turned off (GRAPHQL_IDE)", extensions: { code: "NOT_FOUND" } }] });
    }
    if (!fs.existsSync(ide)) return res.status(503).type("text").send("The GraphQL IDE is not built; run `npm run build`.");
    res.sendFile(ide);
  });

  // Payment providers' webhooks: the raw body, as sent, is what the signature covers.
  app.post("/webhooks/:provider", express.raw({ type: () => true, limit: "1mb" }), async (req, res) => {
    try {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const result = await services.checkout.receiveWebhook(String(req.params.provider), body, req.headers);
      res.json({ received: true, result });
    } catch (error) {
      if (error instanceof InvalidWebhook) return void res.status(400).json({ error: `Webhook refused: ${error.message}` });
      console.error("Webhook failed; the provider will send it again:", error);
      res.status(500).json({ error: "Internal server error" });
    }
  });

  const sessionOf = (req: express.Request, res: express.Response) =>
    new RequestSession(services.sessions, req, res, { secure: config.cookieSecure, maxAgeSeconds: config.sessionDays * 86_400 });
  app.use(
    "/graphql",
    express.json({ limit: "200kb" }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        session: sessionOf(req, res),
        loaders: new LoaderCache(),
        origin: `${req.protocol}://${req.get("host") ?? "localhost"}`,
      }),
    }),
  );
  app.use("/media/demo", demoImageRouter());
  const asAdmin = requireRole(["ADMIN"], (req, res) => sessionOf(req, res).viewer());
  app.use("/api/admin", adminRoutes(asAdmin, services, config.uploadMaxBytes));
  // Uploaded images: served as the image types they were checked to be, never sniffed as anything else.
  app.use(
    "/media/uploads",
    express.static(config.uploadDir, {
      maxAge: "1d",
      fallthrough: false,
      setHeaders: (res) => res.setHeader("X-Content-Type-Options", "nosniff"),
    }),
  );
  // Vite's hashed bundles never change under one name; everything else is revalidated.
  app.use("/assets", express.static(path.join(config.clientDist, "assets"), { immutable: true, maxAge: "1y", fallthrough: false }));
  app.use(express.static(config.clientDist, { index: false, maxAge: 0 }));
  app.get(/.*/, (req, res, next) => {
    if (req.accepts(["html", "json"]) !== "html") return next();
    const shop = path.join(config.clientDist, "index.html");
    if (!fs.existsSync(shop)) return res.status(503).type("text").send("The storefront is not built; run `npm run build`.");
    // The storefront renders its own not-found page; unknown URLs also get a real 404 status.
    res
      .status(isStorefrontPath(req.path) ? 200 : 404)
      .set("Cache-Control", "no-cache")
      .sendFile(shop);
  });
  // Our own errors from plain HTTP routes (sign-in needed, a bad upload), malformed JSON bodies and the like:
  // a GraphQL-shaped error, never Express's HTML page with a stack.
  app.use((err: { status?: number; message?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (err instanceof AppError)
      return void res.status(err.httpStatus).json({ errors: [{ message: err.message, extensions: err.extensions }] });
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) console.error("Unexpected HTTP error:", err);
    // Messages of Express's own errors can name files on this server ("ENOENT … stat '/srv/…'"): a file that
    // isn't there is a plain NOT_FOUND, and only a malformed body's message (it names no file) is passed on.
    const answer =
      status === 500
        ? { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }
        : status === 404
          ? { message: "Not found", extensions: { code: "NOT_FOUND" } }
          : { message: err instanceof SyntaxError ? err.message : "Bad request", extensions: { code: "BAD_REQUEST" } };
    res.status(status).json({ errors: [answer] });
  });

  // Settles unpaid orders whose hold ran out (and any a crash left behind), now and every minute.
  const stopSweeper = options.sweeper === false ? async () => {} : services.checkout.startSweeper();

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
      await stopSweeper();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server?.closeAllConnections?.();
      await apollo.stop();
      if (reader !== dataSource && reader.isInitialized) await reader.destroy();
    },
  };
}
