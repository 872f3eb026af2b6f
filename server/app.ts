import "reflect-metadata";
import path from "node:path";
import fs from "node:fs";
import http, { type IncomingMessage, type Server } from "node:http";
import compression from "compression";
import express, { type RequestHandler } from "express";
import proxyaddr from "proxy-addr";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, type ValidationContext } from "graphql";
import type { DataSource } from "typeorm";
import { adminRoutes } from "./admin/admin-routes";
import { demoImageRouter } from "./catalog/demo-images";
import type { Config } from "./config";
import { openReader } from "./db/data-source";
import { requireRole } from "./graphql/auth";
import { BROTLI_OPTIONS, CatalogCache } from "./http/catalog-cache";
import type { Context } from "./graphql/context";
import { AppError, QueryLimitCode, QueryLimitError, databaseFaultError, formatError, unexpectedErrors } from "./graphql/errors";
import { RequestLimits } from "./http/rate-limits";
import { notesOf, requestLog } from "./http/request-log";
import { securityHeaders } from "./http/security-headers";
import { silentLogger, type Logger } from "./lib/logger";
import { withTimeout } from "./lib/time";
import { LoaderCache } from "./graphql/loaders";
import { buildShopSchema } from "./graphql/schema";
import { createMailTransport } from "./email/mail-transport";
import { createResolvers, createServices, type Services } from "./modules";
import { InvalidWebhook } from "./payments/payment.port";
import { RequestSession } from "./sessions/request-session";
import { SESSION_COOKIE, SESSION_HEADER } from "./sessions/session.service";

/** The storefront's routes (client/src/app/router.tsx); other paths are answered with its not-found page and 404. */
const STOREFRONT_PATHS = [
  /^\/$/,
  /^\/product\/[^/]+$/,
  /^\/category\/[^/]+$/,
  /^\/cart$/,
  /^\/checkout$/,
  /^\/order\/[^/]+$/,
  /^\/login$/,
  /^\/signup$/,
  /^\/account\/orders$/,
  /^\/account$/,
  /^\/forgot-password$/,
  /^\/reset-password$/,
  /^\/admin(\/.*)?$/,
];
export const isStorefrontPath = (p: string) => STOREFRONT_PATHS.some((re) => re.test(p));

export interface App {
  app: express.Express;
  services: Services;
  listen(port: number, host?: string): Promise<Server>;
  /**
   * Graceful stop: no new connections, the requests under way finish (up to `drainMs`, then their
   * connections are cut), then the sweeper and the rate limits' Redis close. The database is the caller's.
   */
  stop(drainMs?: number): Promise<void>;
}

export interface AppOptions {
  /** Run the checkout sweeper (default true). */
  sweeper?: boolean;
  /** Deliver the email outbox (default true). */
  mail?: boolean;
  /** Where the request lines and errors go (default: nowhere). */
  logger?: Logger;
}

/** The most tokens a GraphQL document may have (graphql-js counts them as it parses; larger: QUERY_TOO_LARGE). */
const MAX_TOKENS = 1000;

/** graphql-armor's refusal, reported as a validation error that carries our code (see QueryLimitError). */
const refuse = (code: QueryLimitCode) => [
  (ctx: ValidationContext | null, error: GraphQLError) =>
    ctx?.reportError(
      new GraphQLError(error.message, { originalError: new QueryLimitError(code, error.message.replace(/^Syntax Error: /, "")) }),
    ),
];

export async function createApp(config: Config, dataSource: DataSource, options: AppOptions = {}): Promise<App> {
  const log = options.logger ?? silentLogger();
  const reader = await openReader(dataSource);
  const services = createServices(config, dataSource, reader, log);
  // A store without shipping zones (new, or upgraded from before them) starts with its settings as the default zone.
  await services.shipping
    .ensureDefaults()
    .catch((err) => log.warn({ err }, "Could not set up the default shipping zone; it is made at the next start"));
  const schema = await buildShopSchema(createResolvers(config, services));
  const limits = RequestLimits.create(config.rateLimits, config.redisUrl, log);
  await limits.ready();
  const armor = new ApolloArmor({
    // Fragments count by the fields they hold, not as extra levels: clients compose them freely.
    maxDepth: { n: 8, flattenFragments: true, propagateOnRejection: false, onReject: refuse(QueryLimitCode.QUERY_TOO_DEEP) },
    maxAliases: { n: 10, propagateOnRejection: false, onReject: refuse(QueryLimitCode.TOO_MANY_ALIASES) },
    maxDirectives: { n: 50, propagateOnRejection: false, onReject: refuse(QueryLimitCode.TOO_MANY_DIRECTIVES) },
    costLimit: { maxCost: 10000, propagateOnRejection: false, onReject: refuse(QueryLimitCode.QUERY_TOO_COMPLEX) },
    // Its token limit answers every syntax error with HTTP 500; graphql-js's own (parseOptions) is used instead.
    maxTokens: { enabled: false },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<Context>({
    schema,
    ...protection,
    parseOptions: { maxTokens: MAX_TOKENS },
    plugins: [
      ...protection.plugins,
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used (the catalog cache is http/catalog-cache.ts); on, it wraps every field's resolver.
      ApolloServerPluginCacheControlDisabled(),
      limits.plugin(),
      {
        requestDidStart: async ({ contextValue }) => ({
          // The operation's name goes into the request's log line.
          didResolveOperation: async ({ operation, operationName }) => {
            contextValue.notes.operation = operationName ?? `anonymous ${operation?.operation ?? "operation"}`;
          },
          // What the client gets masked as INTERNAL_SERVER_ERROR is logged whole, under the request's id.
          didEncounterErrors: async ({ errors }) => {
            for (const err of unexpectedErrors(errors)) contextValue.log.error({ err }, "Unexpected error");
          },
          // An answer that says when to try again (RATE_LIMITED, DATABASE_BUSY, …) says it in Retry-After too.
          willSendResponse: async ({ response }) => {
            if (response.body.kind !== "single") return;
            const waits = (response.body.singleResult.errors ?? []).map((e) => e.extensions?.retryAfterSeconds).filter(Number.isFinite);
            if (waits.length) response.http.headers.set("retry-after", String(Math.max(...(waits as number[]))));
          },
        }),
      },
    ],
    formatError,
    includeStacktraceInErrorResponses: false,
    // The IDE reads the schema by introspection: the two are on or off together (GRAPHQL_IDE).
    introspection: config.graphqlIde,
    // main.ts owns shutdown (HTTP server, Apollo, database, in that order).
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const cookie = sessionCookie(config);
  const cache = new CatalogCache({
    ttlMs: config.catalogCacheMs,
    maxEntries: 2000,
    sessionCookie: cookie.name,
    sessionHeader: SESSION_HEADER,
  });
  const app = express();
  app.disable("x-powered-by");
  // The client's address (rate limits, sign-in throttle) comes from X-Forwarded-For only through trusted proxies.
  app.set("trust proxy", config.trustProxy);
  const trustsPeer = app.get("trust proxy fn") as (address: string | undefined, hop: number) => boolean;
  const fromTrustedProxy = (req: { socket: { remoteAddress?: string } }) =>
    config.trustProxy !== false && trustsPeer(req.socket.remoteAddress, 0);
  // The client's address as req.ip has it; also for requests answered before Express (the catalog cache's).
  const addressOf = (req: IncomingMessage) => proxyaddr(req, trustsPeer);
  const logRequest = requestLog(log, fromTrustedProxy, addressOf);
  app.use(logRequest as RequestHandler);
  let warnedUntrustedProxy = false;
  app.use((req, _res, next) => {
    // Requests that come through a proxy nobody told us about: every shopper would share the proxy's address.
    if (!warnedUntrustedProxy && req.headers["x-forwarded-for"] && !fromTrustedProxy(req)) {
      warnedUntrustedProxy = true;
      log.warn(
        { peer: req.socket.remoteAddress },
        "A request came through a proxy (X-Forwarded-For) that isn't trusted: if the shop runs behind one, set TRUST_PROXY, " +
          "or every shopper shares the proxy's address and its limits",
      );
    }
    next();
  });
  let draining = false;
  app.use((_req, res, next) => {
    // A response sent while shutting down (even for a request that came before) closes its connection, so the
    // client reconnects (to another process) instead of sending more on this one.
    const writeHead = res.writeHead;
    res.writeHead = function (this: express.Response, ...args: Parameters<typeof writeHead>) {
      if (draining) this.shouldKeepAlive = false;
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  });
  const headers = securityHeaders({ production: config.production, https: config.cookieSecure });
  app.use(headers.all);
  // Brotli or gzip for what compresses (HTML, scripts, styles, GraphQL's JSON), by what the client accepts.
  app.use(compression({ brotli: BROTLI_OPTIONS }));

  // Health checks, shared by the callers that ask at the same time: a flood of probes runs one check at a
  // time, and never takes every pooled database connection from the shop.
  const alive = oneAtATime(() => withTimeout(dataSource.query("SELECT 1"), 2000));
  const ready = oneAtATime(() =>
    withTimeout(Promise.all([dataSource.showMigrations(), dataSource.query("SELECT COUNT(*) AS n FROM product WHERE 1 = 0")]), 2000),
  );

  app.get("/healthz", async (_req, res) => {
    if (draining) return void res.status(503).json({ status: "unavailable", reason: "shutting down" });
    try {
      await alive();
      res.json({ status: "ok" });
    } catch {
      res.status(503).json({ status: "unavailable", reason: "database does not answer" });
    }
  });

  // Readiness (for a load balancer or an orchestrator): the database answers, has every migration, and its
  // tables are there. /healthz stays the cheap liveness check.
  app.get("/readyz", async (_req, res) => {
    if (draining) return void res.status(503).json({ status: "unavailable", reason: "shutting down" });
    try {
      const [pending] = await ready();
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
    res.setHeader("Content-Security-Policy", headers.ideCsp);
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
      log.error({ err: error }, "Webhook failed; the provider will send it again");
      res.status(500).json({ error: "Internal server error" });
    }
  });

  const sessionOf = (req: express.Request, res: express.Response) => new RequestSession(services.sessions, req, res, cookie);
  app.use(
    "/graphql",
    limits.middleware("api"),
    cache.json(express.json({ limit: "200kb" })),
    cache.middleware,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        session: sessionOf(req, res),
        loaders: new LoaderCache(),
        origin: `${req.protocol}://${req.get("host") ?? "localhost"}`,
        notes: notesOf(res),
        log: (req as { log?: Logger }).log ?? log,
      }),
    }),
  );
  app.use("/media/demo", demoImageRouter());
  const asAdmin = requireRole(["ADMIN"], (req, res) => sessionOf(req, res).viewer());
  app.use("/api/admin", limits.middleware("api"), adminRoutes(asAdmin, services, config.uploadMaxBytes, log));
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
  // The IDE's page is served at GET /graphql only (with its own policy, and not at all with GRAPHQL_IDE=false).
  app.get(
    "/graphiql.html",
    (_req, res) => void res.status(404).json({ errors: [{ message: "Not found", extensions: { code: "NOT_FOUND" } }] }),
  );
  app.use(express.static(config.clientDist, { index: false, maxAge: 0 }));
  /**
   * The status of a storefront page's HTML: 404 where the storefront will render its not-found page, for an
   * unknown path and for a product or category the shop doesn't have (or no longer sells), so that a search
   * engine or a link checker isn't told a missing product is there. A lookup that fails (the database
   * away) serves the page as 200: the page shows its own error.
   */
  const pageStatus = async (p: string): Promise<number> => {
    if (!isStorefrontPath(p)) return 404;
    const [, kind, key] = /^\/(product|category)\/([^/]+)$/.exec(p) ?? [];
    if (!kind) return 200;
    let name: string;
    try {
      name = decodeURIComponent(key);
    } catch {
      return 404;
    }
    const found = kind === "product" ? services.catalog.sellable(name) : services.categories.bySlug(name);
    return found.then(
      (row) => (row ? 200 : 404),
      () => 200,
    );
  };
  app.get(/.*/, (req, res, next) => {
    if (req.accepts(["html", "json"]) !== "html") return next();
    const shop = path.join(config.clientDist, "index.html");
    if (!fs.existsSync(shop)) return res.status(503).type("text").send("The storefront is not built; run `npm run build`.");
    void pageStatus(req.path).then((status) => res.status(status).set("Cache-Control", "no-cache").sendFile(shop));
  });
  // Our own errors from plain HTTP routes (sign-in needed, a bad upload), malformed JSON bodies and the like:
  // a GraphQL-shaped error, never Express's HTML page with a stack.
  app.use((err: { status?: number; message?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    // A database that is locked or doesn't answer: 503 with Retry-After, as in GraphQL (never a 500).
    const known = err instanceof AppError ? err : databaseFaultError(err);
    if (known) {
      if (!(err instanceof AppError)) log.warn({ err }, "Database fault on an HTTP route");
      const { http: _http, ...extensions } = known.extensions;
      if (typeof extensions.retryAfterSeconds === "number") res.setHeader("Retry-After", String(extensions.retryAfterSeconds));
      return void res.status(known.httpStatus).json({ errors: [{ message: known.message, extensions }] });
    }
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err }, "Unexpected HTTP error");
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
  // Delivers the email outbox: what this process writes at once, the rest (retries, other processes') as it falls due.
  const stopMail = options.mail === false ? async () => {} : services.email.startSender(createMailTransport(config.mail));

  let server: Server | undefined;
  return {
    app,
    services,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        // The catalog cache answers what it keeps before Express; everything else is Express's.
        const listener = cache.front(app, {
          draining: () => draining,
          addressOf,
          fromTrustedProxy,
          take: (address) => limits.take("api", address),
          log: logRequest,
        });
        server = http.createServer(listener);
        server.once("error", reject);
        if (host) server.listen(port, host, () => resolve(server!));
        else server.listen(port, () => resolve(server!));
      }),
    stop: async (drainMs = 10_000) => {
      draining = true;
      if (server) {
        // close() stops accepting and ends idle keep-alive connections; requests under way finish, up to drainMs.
        const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
        server.closeIdleConnections();
        const cut = setTimeout(() => server?.closeAllConnections(), drainMs);
        await closed;
        clearTimeout(cut);
      }
      await stopSweeper();
      await stopMail();
      await apollo.stop();
      await limits.close();
      if (reader !== dataSource && reader.isInitialized) await reader.destroy();
    },
  };
}

/** A function whose concurrent calls share one run of `work` (the one under way, if any). */
function oneAtATime<T>(work: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () => (running ??= work().finally(() => (running = undefined)));
}

/** The session cookie: `__Host-` prefixed when Secure (no Domain, Path=/: a subdomain can't set or read it). */
function sessionCookie(config: Config) {
  return {
    name: config.cookieSecure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE,
    secure: config.cookieSecure,
    maxAgeSeconds: config.sessionDays * 86_400,
  };
}
