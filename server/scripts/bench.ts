/**
 * npm run bench: the built server (`node <npm start's options> dist/server/main.js`, a separate process,
 * NODE_ENV=production as `npm start` runs in production) under autocannon over loopback, on a generated
 * catalog of 1,000 and of 100,000 products, on SQLite and (BENCH_DATABASE_URL) on MySQL/MariaDB too. For
 * each of the shopper's operations, as the storefront sends them: requests per second, p50/p99 latency, the server's CPU time per
 * request (from /proc/<pid>/stat) and its SQL statements per request (counted by a probe preloaded into it,
 * see bench/probe.ts); the catalog's rows twice, with the query (the catalog cache off) and as served (the
 * store's default cache); then the 100k/1k throughput ratios, the CPU per catalog page and the server's
 * resident memory after its run. Bounded in time: fixed durations per operation. Not part of the test
 * suite: figures on a shared machine are noisy, so compare rows within one run.
 *
 * BENCH_CLUSTER=true adds the checkout rows (addToCart, placeOrder, at the smallest catalog) on a MariaDB Galera
 * cluster on loopback (cluster/galera.ts): first a cluster of one node, then of three, the server writing to
 * the first. Next to BENCH_DATABASE_URL's rows they show what synchronous replication costs a checkout.
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createConnection } from "mysql2/promise";
import { loadConfig, parseDatabaseUrl, type DatabaseConfig } from "../config";
import { describeDatabase } from "../db/database";
import { encodeCursor } from "../graphql/cursor";
import { connectStore } from "../modules";
import { SESSION_COOKIE } from "../sessions/session.service";
import { generateCatalog, type BenchCatalog } from "./bench/catalog";
import { GaleraCluster, type NodeNumber } from "./cluster/galera";
import { storefrontOperations } from "./bench/operations";
import { startServer, stopAllServers, type ServerProcess, type Snapshot } from "./bench/server-process";
import { startFlags } from "./start-flags";

const ROOT = path.resolve(__dirname, "../../..");
const seconds = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!(value > 0)) throw new Error(`${name} must be a number of seconds, got "${process.env[name]}"`);
  return value;
};
/** How long each operation is measured, after a warm-up of its own. */
const DURATION = seconds("BENCH_DURATION", 3.5);
const WARMUP = seconds("BENCH_WARMUP", 1);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SIZES = (process.env.BENCH_SIZES ?? "1000,100000").split(",").map((s) => Number(s.trim()));
/** BENCH_OPERATIONS=first,search: only the operations whose names start with these words. */
const ONLY = process.env.BENCH_OPERATIONS?.split(",").map((s) => s.trim());
const selected = (op: { name: string }) => !ONLY || ONLY.includes(op.name.split(/[ ,]/)[0]);
/** The slow-provider row (at the smallest catalog): BENCH_CHECKOUTS checkouts (0: no row) waiting on a provider this slow. */
const SLOW_PROVIDER_MS = Number(process.env.BENCH_PROVIDER_DELAY_MS ?? 2000);
const CHECKOUTS = Number(process.env.BENCH_CHECKOUTS ?? 8);
/** BENCH_CLUSTER=true: the checkout rows on a Galera cluster of one node, then of three (see above). */
const CLUSTER = process.env.BENCH_CLUSTER === "true";
const CLUSTER_OPERATIONS = ["addToCart", "placeOrder"];
const SLOW_ROW = `addToCart, ${CHECKOUTS} slow pays`;
const CURRENCY = "USD";
/** addToCart: the adds to one cart before the connection starts another. */
const CART_ADDS = 250;
/** A storefront catalog page. */
const PAGE = 24;
const SEARCH = "teapot";

type Memory = ReturnType<ServerProcess["memory"]>;

/**
 * The server a row is measured on. "served": NODE_ENV=production as `npm start` runs it, with the store's
 * default catalog cache (what a shopper gets; every row). "query": the same with the catalog cache off (the
 * catalog rows only: what their query costs, run by every request). "dev": not production, for the test
 * payment provider made slow (the slow-provider row only: production refuses the test provider).
 */
type Server = "query" | "served" | "dev";

interface Row {
  engine: string;
  products: number;
  server: Server;
  operation: string;
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  cpuMsPerReq: number;
  sqlPerReq: number;
  failed: number;
}

/** A request of an operation, named when the operation sends more than one kind. */
type Step = autocannon.Request & { step?: string };

/** One operation: the requests of one autocannon connection, in order, repeated for the whole run. */
interface Operation {
  name: string;
  /** A public catalog request (anonymous, so the catalog cache keeps its answers): measured on both servers. */
  catalog?: boolean;
  /** A fresh sequence of requests for each connection (its own cookie, its own counters). */
  requests(connection: number): Step[];
  /** The step of the sequence that the row is about (its latency, its count); default: every request. */
  measured?: string;
}

const operation = storefrontOperations(ROOT);
const DOCS = {
  products: operation("Products"),
  product: operation("Product"),
  addToCart: operation("AddToCart"),
  cart: operation("Cart"),
  placeOrder: operation("PlaceOrder"),
};
const JSON_HEADERS = { "content-type": "application/json" };
/** A request body as Apollo Client sends it: the operation's name, its variables and its text. */
const gql = (query: string, variables: object = {}) =>
  JSON.stringify({ operationName: /^(?:query|mutation) (\w+)/.exec(query)?.[1], variables, query });
/**
 * The session cookie among Set-Cookie headers, as `name=value`: `__Host-sw_session` in production (Secure,
 * COOKIE_SECURE's default there), `sw_session` otherwise. Secure only tells a browser to keep it off http;
 * the bench sends it back itself, over http on loopback, and the server takes it as from any client.
 */
const sessionCookieOf = (set: string | string[] | undefined) =>
  (Array.isArray(set) ? set : set ? [set] : [])
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`) || c.startsWith(`__Host-${SESSION_COOKIE}=`));
const cookieOf = (headers: Record<string, string | string[]>) => sessionCookieOf(headers["set-cookie"] ?? headers["Set-Cookie"]);
let orders = 0;
/**
 * A checkout's input. Production's payment method here is the manual one (MANUAL_PAYMENT_INSTRUCTIONS): the
 * order is placed PENDING_PAYMENT, holding its stock, with nothing to call (as .ci/smoke-production.sh's
 * checkout). The test card only on the non-production server of the slow-provider row.
 */
const checkoutInput = (payment: object = { provider: "manual" }) => ({
  email: `bench-${++orders}@example.com`,
  shippingAddress: { name: "Bench Shopper", line1: "1 Loopback Road", city: "Springfield", postalCode: "12345", country: "US" },
  payment,
});
const TEST_CARD = { provider: "test", token: "pm_card_visa" };

/** The shopper's operations against a catalog; `carts` holds one session cookie per connection. */
function operations(catalog: BenchCatalog, carts: string[]): Operation[] {
  const simple = catalog.simpleIds;
  const anyProduct = () => simple[Math.floor(Math.random() * simple.length)];
  const page = (variables: object): Step[] => [
    { method: "POST", path: "/graphql", headers: JSON_HEADERS, body: gql(DOCS.products, variables) },
  ];
  // A cart of the connection's own: five products it adds to in turn, so it stays five lines long; every
  // CART_ADDS adds the connection starts a new cart (a new shopper), so no line reaches its most (999).
  const cartProducts = (connection: number) => Array.from({ length: 5 }, (_, i) => simple[(connection * 5 + i) % simple.length]);
  return [
    { name: "first page", catalog: true, requests: () => page({ first: PAGE }) },
    { name: `search "${SEARCH}"`, catalog: true, requests: () => page({ first: PAGE, search: SEARCH }) },
    // As "Load more" asks for a later page: without the count, which came with the first page.
    {
      name: "deep page",
      catalog: true,
      requests: () => page({ first: PAGE, after: encodeCursor("product", catalog.lastId - 100), withCount: false }),
    },
    {
      name: "product",
      catalog: true,
      requests: () => [
        {
          method: "POST",
          path: "/graphql",
          headers: JSON_HEADERS,
          body: gql(DOCS.product, { id: String(simple[0]) }),
          setupRequest: (req) => ({ ...req, body: gql(DOCS.product, { id: String(anyProduct()) }) }),
        },
      ],
    },
    {
      name: "addToCart",
      requests: (connection) => {
        const products = cartProducts(connection);
        let cookie: string | undefined = carts[connection % carts.length];
        let n = 0;
        const request = (req: autocannon.Request) => {
          if (n > 0 && n % CART_ADDS === 0) cookie = undefined;
          const productId = String(products[n++ % products.length]);
          return {
            ...req,
            headers: { ...JSON_HEADERS, ...(cookie ? { cookie } : {}) },
            body: gql(DOCS.addToCart, { productId, quantity: 1 }),
          };
        };
        return [
          {
            ...request({ method: "POST", path: "/graphql" }),
            setupRequest: request,
            onResponse: (_status, _body, _context, headers) => void (cookie ??= cookieOf(headers)),
          },
        ];
      },
    },
    {
      name: "cart",
      requests: (connection) => [
        { method: "POST", path: "/graphql", headers: { ...JSON_HEADERS, cookie: carts[connection % carts.length] }, body: gql(DOCS.cart) },
      ],
    },
    {
      // A whole checkout each time: a new shopper adds a product, then places the order (manual payment).
      name: "placeOrder",
      measured: "placeOrder",
      requests: () => [
        {
          step: "addToCart",
          method: "POST",
          path: "/graphql",
          headers: JSON_HEADERS,
          body: gql(DOCS.addToCart, { productId: String(simple[1]), quantity: 1 }),
          setupRequest: (req) => ({ ...req, body: gql(DOCS.addToCart, { productId: String(anyProduct()), quantity: 1 }) }),
          onResponse: (_status, _body, context, headers) => void (context.cookie = cookieOf(headers)),
        },
        {
          step: "placeOrder",
          method: "POST",
          path: "/graphql",
          setupRequest: (req, context) => ({
            ...req,
            headers: { ...JSON_HEADERS, cookie: String(context.cookie) },
            body: gql(DOCS.placeOrder, { input: checkoutInput() }),
          }),
        },
      ],
    },
  ];
}

interface Measured {
  requests: number;
  seconds: number;
  latencies: number[];
  failed: number;
  firstFailure?: string;
}

/** Runs `op` for `duration` seconds; counts and times the responses to its measured request. */
async function load(url: string, op: Operation, duration: number): Promise<Measured> {
  const latencies: number[] = [];
  let failed = 0;
  let firstFailure: string | undefined;
  let step = "";
  let connection = 0;
  const check = (name: string) => (status: number, body: string) => {
    step = name;
    if (status !== 200 || body.includes('"errors":')) {
      failed++;
      firstFailure ??= `${name}: HTTP ${status} ${body.slice(0, 500)}`;
    }
  };
  const started = performance.now();
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    // autocannon stops at its first sample tick after `duration`: a tick every 100 ms, not every second.
    sampleInt: 100,
    timeout: 30,
    setupClient: (client) => {
      const requests = op.requests(connection++).map((r): autocannon.Request => {
        const { step: name = op.name, onResponse, ...request } = r;
        const mark = check(name);
        return {
          ...request,
          onResponse: (status, body, context, headers) => {
            mark(status, body);
            onResponse?.(status, body, context, headers);
          },
        };
      });
      client.setRequests(requests);
    },
  });
  instance.on("response", (_client, _status, _bytes, ms) => {
    if (!op.measured || step === op.measured) latencies.push(ms);
  });
  const result = await instance;
  const elapsed = (performance.now() - started) / 1000;
  if (result.errors) {
    failed += result.errors;
    firstFailure ??= `${result.errors} connection errors or timeouts`;
  }
  // The responses came in `elapsed` (autocannon stops at a tick, a little after `duration`).
  return { requests: latencies.length, seconds: elapsed, latencies, failed, firstFailure };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;

async function measure(server: ServerProcess, kind: Server, engine: string, products: number, op: Operation): Promise<Row> {
  await load(server.url, op, WARMUP);
  const before: Snapshot = await server.snapshot();
  const run = await load(server.url, op, DURATION);
  if (interrupted) throw new Error("interrupted");
  const after = await server.snapshot();
  if (run.firstFailure) console.error(`  ${op.name}: ${run.failed} failed responses; the first: ${run.firstFailure}`);
  const sorted = run.latencies.sort((a, b) => a - b);
  return {
    engine,
    products,
    server: kind,
    operation: op.name,
    requests: run.requests,
    reqPerSec: run.requests / run.seconds,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    cpuMsPerReq: (after.cpuMs - before.cpuMs) / run.requests,
    sqlPerReq: (after.statements - before.statements) / run.requests,
    failed: run.failed,
  };
}

/** Posts one GraphQL operation as a shopper with `cookie`; returns the data and the session cookie. */
async function post(
  url: string,
  query: string,
  variables: object,
  cookie?: string,
): Promise<{ data: Record<string, unknown>; cookie?: string }> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { ...JSON_HEADERS, ...(cookie ? { cookie } : {}) },
    body: gql(query, variables),
  });
  const body = (await res.json()) as { data: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(`${query.split("(")[0]}: ${JSON.stringify(body.errors)}`);
  return { data: body.data, cookie: sessionCookieOf(res.headers.getSetCookie()) ?? cookie };
}

/** Checks the pages are what the rows say they are. */
async function checkPages(url: string, catalog: BenchCatalog): Promise<void> {
  const count = async (variables: object) => {
    const { data } = await post(url, DOCS.products, { first: PAGE, ...variables });
    return (data.products as { nodes: unknown[] }).nodes.length;
  };
  const pages = [await count({}), await count({ after: encodeCursor("product", catalog.lastId - 100) })];
  if (pages.some((n) => n !== PAGE)) throw new Error(`a catalog page has ${pages.join(" and ")} products, not ${PAGE}`);
  if (!(await count({ search: SEARCH }))) throw new Error(`searching "${SEARCH}" finds nothing`);
}

/**
 * Checks a checkout on the production server is what the placeOrder row says (a manual payment: the order
 * waits for it, PENDING_PAYMENT) and that its session cookie is production's; makes one cart of three lines
 * per connection, and returns their session cookies.
 */
async function prepare(url: string, catalog: BenchCatalog): Promise<string[]> {
  const { cookie } = await post(url, DOCS.addToCart, { productId: String(catalog.simpleIds[0]), quantity: 1 });
  if (!cookie?.startsWith(`__Host-${SESSION_COOKIE}=`)) throw new Error(`the production server's session cookie is ${cookie}`);
  const { data } = await post(url, DOCS.placeOrder, { input: checkoutInput() }, cookie);
  const order = data.placeOrder as { status: string; payment: { provider: string } };
  if (order.status !== "PENDING_PAYMENT" || order.payment.provider !== "manual")
    throw new Error(`a checkout places an order ${order.status} paid by ${order.payment.provider}, not PENDING_PAYMENT by manual`);
  const carts: string[] = [];
  for (let c = 0; c < CONNECTIONS; c++) {
    let cookie: string | undefined;
    for (let i = 0; i < 3; i++) {
      const productId = String(catalog.simpleIds[(c * 5 + i) % catalog.simpleIds.length]);
      cookie = (await post(url, DOCS.addToCart, { productId, quantity: 1 }, cookie)).cookie;
    }
    carts.push(cookie!);
  }
  return carts;
}

/** A database for one run: a new SQLite file, or the (empty) BENCH_DATABASE_URL database, emptied afterwards. */
interface BenchDatabase {
  engine: string;
  url(products: number): string;
  empty(): Promise<void>;
}

function sqliteDatabase(dir: string): BenchDatabase {
  return { engine: "SQLite", url: (products) => `sqlite:${path.join(dir, `bench-${products}.sqlite`)}`, empty: async () => {} };
}

async function mysqlDatabase(url: string, label?: string): Promise<BenchDatabase> {
  const config = parseDatabaseUrl(url, ROOT) as Extract<DatabaseConfig, { engine: "mysql" }>;
  const name = decodeURIComponent(new URL(config.url).pathname.slice(1));
  const tables = async () => {
    const conn = await createConnection({ uri: config.url });
    try {
      const [rows] = await conn.query("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ?", [name]);
      const [version] = await conn.query("SELECT VERSION() AS v");
      return { names: (rows as { t: string }[]).map((r) => r.t), mariadb: /mariadb/i.test((version as { v: string }[])[0].v) };
    } finally {
      await conn.end();
    }
  };
  const first = await tables();
  if (first.names.length)
    throw new Error(
      `BENCH_DATABASE_URL's database ${name} has ${first.names.length} tables: the bench fills the database and empties it again, so it takes only an empty scratch database`,
    );
  return {
    engine: label ?? (first.mariadb ? "MariaDB" : "MySQL"),
    url: () => url,
    empty: async () => {
      const { names } = await tables();
      const conn = await createConnection({ uri: config.url });
      try {
        await conn.query("SET FOREIGN_KEY_CHECKS = 0");
        for (const t of names) await conn.query(`DROP TABLE \`${t.replace(/`/g, "``")}\``);
      } finally {
        await conn.end();
      }
    },
  };
}

/** What every benched server is given. */
const commonEnv = (url: string) => ({
  DATABASE_URL: url,
  // The generated catalog's prices are in it.
  STORE_CURRENCY: CURRENCY,
  // One client address sends every request: the per-address limits would refuse most of them.
  RATE_LIMITS: "api=100000000/60,mutation=100000000/60,checkout=100000000/60,login=100000000/60,signup=100000000/60",
});

/**
 * The production server's environment on `url`, as `npm start` runs in production. Set for a clean start:
 * NODE_ENV=production, DATABASE_URL, a payment method (production has no test card: the manual one, as
 * .ci/smoke-production.sh), STORE_CURRENCY and RATE_LIMITS (above). Left at production's defaults: the
 * catalog cache (CATALOG_CACHE_SECONDS, 2 s; `extra` turns it off for the rows with the query), COOKIE_SECURE
 * (on: the session cookie is `__Host-sw_session`, Secure, which the bench sends back itself over http),
 * PUBLIC_URL and SMTP_URL (unset: a warning each at start; order emails wait in the outbox table as on a
 * store without email), LOG_LEVEL (info: a line per request, to a file), no demo owner nor demo catalog.
 */
const productionEnv = (url: string, extra: Record<string, string> = {}) => ({
  ...commonEnv(url),
  NODE_ENV: "production",
  MANUAL_PAYMENT_INSTRUCTIONS: "Pay by bank transfer",
  ...extra,
});
/** The store's default catalog cache, in production: the seconds of the rows as served. */
const SERVED_CACHE_SECONDS = loadConfig(productionEnv("sqlite:bench.sqlite"), ROOT).catalogCacheMs / 1000;
/** The rows with the query: the production server with the catalog cache off, so every request does its work. */
const queryEnv = (url: string) => productionEnv(url, { CATALOG_CACHE_SECONDS: "0" });

/**
 * The slow-provider row's server: not production (which refuses the test provider and TEST_PAYMENT_DELAY_MS),
 * the test provider made slow; not demo mode either (DATABASE_URL is set), so no demo owner nor outbox files.
 */
const slowProviderEnv = (url: string) => ({
  ...commonEnv(url),
  ENABLE_TEST_PAYMENTS: "true",
  TEST_PAYMENT_DELAY_MS: String(SLOW_PROVIDER_MS),
});

const SERVERS: Record<Server, string> = {
  query: "prod, cache off",
  served: `prod, cache ${SERVED_CACHE_SECONDS} s`,
  dev: "dev, test pay",
};

/** Set on Ctrl-C: nothing more is started, and the handler cleans up and exits. */
let interrupted = false;

/** Starts a server on `url`, hands it to `work`, and stops it (printing the end of its log if `work` fails). */
async function withServer(dir: string, env: Record<string, string>, work: (server: ServerProcess) => Promise<void>): Promise<void> {
  if (interrupted) throw new Error("interrupted");
  const server = await startServer(ROOT, dir, env);
  try {
    await work(server);
  } catch (e) {
    if (!interrupted) console.error(server.output().split("\n").slice(-20).join("\n"));
    throw e;
  } finally {
    await server.stop();
  }
}

async function runOne(
  db: BenchDatabase,
  products: number,
  dir: string,
  rows: Row[],
  memory: Map<string, Memory>,
  only?: string[],
): Promise<void> {
  const url = db.url(products);
  const pick = (op: { name: string }) => selected(op) && (!only || only.includes(op.name.split(/[ ,]/)[0]));
  const config = parseDatabaseUrl(url, ROOT);
  const record = (row: Row) => {
    rows.push(row);
    printRow(row);
  };
  try {
    const made = performance.now();
    // Migrated and written without the serving limits (statement timeouts): one transaction writes it all.
    const ds = await connectStore(config);
    const catalog = await ds
      .runMigrations({ transaction: "each" })
      .then(() => generateCatalog(ds, products, CURRENCY))
      .finally(() => ds.destroy());
    const generated = (performance.now() - made) / 1000;
    console.error(
      `  ${db.engine}, ${products.toLocaleString("en")} products (${catalog.teapots} teapots): catalog written in ${generated.toFixed(1)} s, on ${describeDatabase(config)}`,
    );
    // The catalog's rows with the query (cache off), then every row as served (the store's default cache).
    const querying = operations(catalog, []).filter((op) => op.catalog && pick(op));
    if (querying.length) {
      await withServer(dir, queryEnv(url), async (server) => {
        console.error(`  ${SERVERS.query}: server pid ${server.pid}`);
        await checkPages(server.url, catalog);
        for (const op of querying) record(await measure(server, "query", db.engine, products, op));
      });
    }
    let carts: string[] = [];
    await withServer(dir, productionEnv(url), async (server) => {
      console.error(`  ${SERVERS.served}: server pid ${server.pid}`);
      await checkPages(server.url, catalog);
      carts = await prepare(server.url, catalog);
      for (const op of operations(catalog, carts).filter(pick)) record(await measure(server, "served", db.engine, products, op));
      memory.set(`${db.engine} ${products}`, server.memory());
    });
    if (products === Math.min(...SIZES) && CHECKOUTS > 0 && pick({ name: SLOW_ROW })) {
      await withServer(dir, slowProviderEnv(url), async (server) => {
        console.error(`  ${SERVERS.dev}: server pid ${server.pid}`);
        record(await slowProvider(server, db.engine, catalog, carts));
      });
    }
  } finally {
    await db.empty();
  }
}

/**
 * addToCart while CHECKOUTS other shoppers' checkouts wait on a slow payment provider (the test provider
 * made slow by TEST_PAYMENT_DELAY_MS, on a server not in production): the charge runs outside any
 * transaction, so it must not slow anyone else down. Compare with the addToCart row above it (production's:
 * graphql-js's development checks cost this one a few per cent of CPU).
 */
async function slowProvider(server: ServerProcess, engine: string, catalog: BenchCatalog, carts: string[]): Promise<Row> {
  let running = true;
  let failure: unknown;
  const buyers = Array.from({ length: CHECKOUTS }, async (_, b) => {
    for (let i = 0; running; i++) {
      try {
        const productId = String(catalog.simpleIds[(b * 31 + i) % catalog.simpleIds.length]);
        const { cookie } = await post(server.url, DOCS.addToCart, { productId, quantity: 1 });
        await post(server.url, DOCS.placeOrder, { input: checkoutInput(TEST_CARD) }, cookie);
      } catch (e) {
        if (running) failure ??= e;
        return;
      }
    }
  });
  try {
    await new Promise((r) => setTimeout(r, 300)); // every buyer is now waiting on the provider
    const addToCart = operations(catalog, carts).find((o) => o.name === "addToCart")!;
    return await measure(server, "dev", engine, catalog.products, { ...addToCart, name: SLOW_ROW });
  } finally {
    running = false;
    await Promise.all(buyers);
    if (failure) console.error(`  a slow checkout failed: ${String(failure)}`);
  }
}

const COLUMNS = [
  ["engine", 8],
  ["products", 9],
  ["server", 15],
  ["operation", 24],
  ["req/s", 8],
  ["p50 ms", 8],
  ["p99 ms", 8],
  ["CPU ms/req", 11],
  ["SQL/req", 8],
  ["failed", 7],
] as const;
const line = (cells: string[]) => cells.map((c, i) => (i < 4 ? c.padEnd(COLUMNS[i][1]) : c.padStart(COLUMNS[i][1]))).join(" ");

function printRow(r: Row): void {
  console.log(
    line([
      r.engine,
      r.products.toLocaleString("en"),
      SERVERS[r.server],
      r.operation,
      r.reqPerSec.toFixed(0),
      r.p50.toFixed(1),
      r.p99.toFixed(1),
      r.cpuMsPerReq.toFixed(2),
      r.sqlPerReq.toFixed(1),
      String(r.failed),
    ]),
  );
}

function printSummary(rows: Row[], memory: Map<string, Memory>): void {
  const find = (engine: string, products: number, server: Server, op: string) =>
    rows.find((r) => r.engine === engine && r.products === products && r.server === server && r.operation === op);
  const [small, large] = [Math.min(...SIZES), Math.max(...SIZES)];
  // With the query: what the database work costs. As served: what a shopper gets, the store's default cache.
  const ways = [
    ["query", "with the query"],
    ["served", `as served (cache ${SERVED_CACHE_SECONDS} s)`],
  ] as const;
  console.log("");
  const checkouts = rows.filter((r) => r.operation === "placeOrder" && r.products === small);
  if (checkouts.length > 1) {
    const each = checkouts.map((r) => `${r.engine} ${r.reqPerSec.toFixed(0)}/s, p99 ${r.p99.toFixed(0)} ms`);
    console.log(`Checkouts (placeOrder at ${small.toLocaleString("en")} products): ${each.join("; ")}`);
  }
  for (const engine of [...new Set(rows.map((r) => r.engine))]) {
    for (const [server, how] of ways) {
      if (small === large) break;
      const ratios = (
        [
          ["first page", 0.7],
          [`search "${SEARCH}"`, 0.3],
          ["deep page", 0.7],
        ] as const
      ).map(([op, target]) => {
        const [a, b] = [find(engine, small, server, op), find(engine, large, server, op)];
        if (!a || !b) return `${op} -`;
        const ratio = b.reqPerSec / a.reqPerSec;
        return `${op} ${ratio.toFixed(2)} (target >= ${target}: ${ratio >= target ? "met" : "MISSED"})`;
      });
      console.log(
        `${engine} throughput at ${large.toLocaleString("en")} / at ${small.toLocaleString("en")} products, ${how}: ${ratios.join(", ")}`,
      );
    }
    for (const [server, how] of ways) {
      const pages = SIZES.map((n) => find(engine, n, server, "first page")).filter((r): r is Row => !!r);
      if (!pages.length) continue;
      const cpu = pages.map((r) => `${r.cpuMsPerReq.toFixed(2)} ms at ${r.products.toLocaleString("en")}`);
      const met = pages.every((r) => r.cpuMsPerReq <= 0.5);
      console.log(
        `${engine} server CPU per catalog page of ${PAGE}, ${how}: ${cpu.join(", ")} (target <= 0.5 ms: ${met ? "met" : "MISSED"})`,
      );
    }
    const sizes = SIZES.filter((n) => memory.has(`${engine} ${n}`));
    const rss = sizes.map((n) => {
      const m = memory.get(`${engine} ${n}`)!;
      return `${m.rssMb.toFixed(0)} MB after ${n.toLocaleString("en")} products (peak ${m.peakMb.toFixed(0)} MB)`;
    });
    const rssMet = sizes.every((n) => memory.get(`${engine} ${n}`)!.rssMb <= 150);
    console.log(
      `${engine} server RSS after its run as served (cache ${SERVED_CACHE_SECONDS} s, every row): ${rss.join(", ")} (target <= 150 MB: ${rssMet ? "met" : "MISSED"})`,
    );
  }
}

/** The checkout rows on a Galera cluster of one node, then of three (BENCH_CLUSTER); the cluster is removed after. */
async function onCluster(dir: string, rows: Row[], memory: Map<string, Memory>): Promise<void> {
  // Not under `dir`: that is private to this user, and the nodes run as the mysql user when the bench runs as root.
  const cluster = new GaleraCluster({
    dir: path.join(os.tmpdir(), `sw-bench-galera-${process.pid}`),
    basePort: Number(process.env.BENCH_CLUSTER_PORT ?? 33300),
  });
  try {
    for (const nodes of [[1], [1, 2, 3]] as NodeNumber[][]) {
      for (const node of nodes) await cluster.start(node);
      await cluster.createDatabase();
      const db = await mysqlDatabase(cluster.databaseUrl(nodes), `Galera×${nodes.length}`);
      console.error(`  a Galera cluster of ${nodes.length} on loopback, the server writing to node 1`);
      await runOne(db, Math.min(...SIZES), dir, rows, memory, CLUSTER_OPERATIONS);
    }
  } finally {
    await cluster.down();
  }
}

async function main() {
  const began = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sw-bench-"));
  const databases = [sqliteDatabase(dir)];
  if (process.env.BENCH_DATABASE_URL) databases.push(await mysqlDatabase(process.env.BENCH_DATABASE_URL));
  const rows: Row[] = [];
  const memory = new Map<string, Memory>();
  // Interrupted: stop the server, empty the scratch database and remove the temporary files before going.
  process.once("SIGINT", () => {
    console.error("Interrupted: stopping the server and cleaning up");
    interrupted = true;
    void stopAllServers()
      .then(() => Promise.all(databases.map((db) => db.empty())))
      .catch((e) => console.error(e))
      .finally(() => {
        fs.rmSync(dir, { recursive: true, force: true });
        process.exit(130);
      });
  });
  try {
    console.log(
      `Shopwright bench: NODE_ENV=production node ${[...startFlags(ROOT), "dist/server/main.js"].join(" ")} (manual payments, COOKIE_SECURE's default) under autocannon on loopback, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per operation; ${os.cpus().length} CPUs`,
    );
    console.log(
      `Servers: "${SERVERS.query}" the catalog rows with the query (CATALOG_CACHE_SECONDS=0); "${SERVERS.served}" every row as served (the store's default catalog cache, CATALOG_CACHE_SECONDS unset); "${SERVERS.dev}" the slow-provider row only (not production: the test provider)`,
    );
    console.log(line(COLUMNS.map(([name]) => name)));
    for (const db of databases) for (const products of SIZES) await runOne(db, products, dir, rows, memory);
    if (CLUSTER) await onCluster(dir, rows, memory);
    printSummary(rows, memory);
    console.log(
      [
        "",
        "CPU ms/req and SQL/req: the server process's (every thread, from /proc), over the measured seconds, per request of the row.",
        "Catalog rows (first page, search, deep page, product) as served: anonymous requests, so the cache keeps and serves their answers (a hit runs no SQL).",
        "placeOrder: whole checkouts, each a new shopper's addToCart then placeOrder (manual payment: the order waits PENDING_PAYMENT, holding its stock); p50/p99 are placeOrder's own, CPU and SQL both requests'.",
        `${SLOW_ROW}: addToCart while ${CHECKOUTS} other checkouts wait on a ${SLOW_PROVIDER_MS / 1000} s test payment provider, on a server not in production (CPU and SQL include theirs).`,
        `Took ${((performance.now() - began) / 1000).toFixed(0)} s.`,
      ].join("\n"),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  if (interrupted) return; // the SIGINT handler exits once it has cleaned up
  console.error(e);
  process.exit(1);
});
