import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import { createApp, type App } from "../../server/app";
import { validateCatalog } from "../../server/catalog/catalog-import";
import { loadConfig, parseDatabaseUrl, type Config, type DatabaseConfig } from "../../server/config";
import { queryCounter } from "../../server/db/data-source";
import type { Logger } from "../../server/lib/logger";
import { createScratchMysqlDatabase } from "../../server/db/scratch-mysql";
import { openStoreDatabase } from "../../server/modules";
import { ShopperClient } from "./client";

export type Engine = "sqlite" | "mysql";
export const ROOT = path.resolve(__dirname, "../..");

/** SQLite always; MySQL/MariaDB too when TEST_MYSQL_URL names a server the tests may create databases on. */
export const engines: Engine[] = process.env.TEST_MYSQL_URL ? ["sqlite", "mysql"] : ["sqlite"];

/** A fresh, empty database of the engine: a new SQLite file or a new MySQL database. */
export async function scratchDatabase(engine: Engine): Promise<{ db: DatabaseConfig; url: string; drop: () => Promise<void> }> {
  if (engine === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sw-test-"));
    const file = path.join(dir, "store.sqlite");
    return { db: { engine, file }, url: `sqlite:${file}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const scratch = await createScratchMysqlDatabase(process.env.TEST_MYSQL_URL!, "sw_test");
  return { db: { engine, url: scratch.url }, url: scratch.url, drop: scratch.drop };
}

export interface ProductSeed {
  sku: string;
  name?: string;
  description?: string;
  price?: number;
  stock?: number;
  images?: { url: string; alt: string }[];
  options?: { name: string; values: string[] }[];
  variants?: { sku?: string; options: string[] | Record<string, string>; price?: number; stock?: number; imageUrl?: string }[];
}

export interface TestServer {
  engine: Engine;
  url: string;
  databaseUrl: string;
  config: Config;
  dataSource: DataSource;
  app: App;
  client(opts?: { cookies?: boolean; headers?: Record<string, string> }): ShopperClient;
  /** Adds products through the catalog importer; returns their ids by sku. */
  seed(products: ProductSeed[]): Promise<Record<string, string>>;
  stock(productId: string): Promise<number>;
  /** The id of a product's first (for a product without options, only) variant. */
  variantOf(productId: string | number): Promise<number>;
  /** SQL statements run so far (see QueryCounter). */
  queries(): number;
  /** Starts a second server process-equivalent on the same database. */
  twin(): Promise<TestServer>;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** Where the server's log goes (silent by default). */
  logger?: Logger;
  /** The port to listen on (default: any free one); with `publicUrl`, the server knows its own address. */
  port?: number;
  /** Rewrites the MySQL URL the server connects with (e.g. through a TcpProxy); the scratch database is made and dropped directly. */
  via?: (url: string) => string;
}

/** Limits far above what any suite sends from its one address; the rate-limit tests set their own. */
const GENEROUS_LIMITS = "api=1000000/60,mutation=1000000/60,login=1000000/60,signup=1000000/60,checkout=1000000/60";

async function serve(
  engine: Engine,
  databaseUrl: string,
  db: DatabaseConfig,
  env: Record<string, string>,
  drop: () => Promise<void>,
  options: TestServerOptions = {},
): Promise<TestServer> {
  // A cheaper password hash keeps the suites fast; the default (OWASP's) is tested in accounts/password.test.ts.
  // A server with a DATABASE_URL is not in demo mode: the suites pay with the test provider, so they turn it on
  // (a production server never has it).
  const defaults = {
    SEED_DEMO: "false",
    SCRYPT_LOG_N: "12",
    RATE_LIMITS: GENEROUS_LIMITS,
    // Suites read back what they just changed; the catalog cache has its own (catalog-cache.test.ts).
    CATALOG_CACHE_SECONDS: "0",
    ...(env.NODE_ENV === "production" ? {} : { ENABLE_TEST_PAYMENTS: "true" }),
  };
  const config = loadConfig({ ...defaults, ...env, DATABASE_URL: databaseUrl, PORT: "0" }, ROOT);
  const dataSource = await openStoreDatabase(db);
  const app = await createApp(config, dataSource, { logger: options.logger });
  const server = await app.listen(options.port ?? 0);
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const twins: TestServer[] = [];
  const self: TestServer = {
    engine,
    url,
    databaseUrl,
    config,
    dataSource,
    app,
    client: (opts) => new ShopperClient(url, opts),
    async seed(products) {
      const { rows, problems } = validateCatalog(
        products.map((p, i) => ({ name: `Product ${p.sku}`, description: `About ${p.sku} #${i}`, price: 1000, stock: 10, ...p })),
        config.currency,
      );
      if (problems.length) throw new Error(`bad seed: ${JSON.stringify(problems)}`);
      await app.services.catalogIo.importRows(rows, "test seed");
      const rowsBySku = await dataSource.query(`SELECT id, sku FROM product`);
      return Object.fromEntries(rowsBySku.map((r: { id: number; sku: string }) => [r.sku, String(r.id)]));
    },
    async stock(productId) {
      const [row] = await app.services.tx.reader.query(`SELECT stock FROM product WHERE id = ?`, [Number(productId)]);
      return Number(row.stock);
    },
    async variantOf(productId) {
      const [row] = await app.services.tx.reader.query(`SELECT id FROM product_variant WHERE product_id = ? ORDER BY position, id`, [
        Number(productId),
      ]);
      return Number(row.id);
    },
    queries: () => queryCounter(dataSource).count,
    async twin() {
      const other = await serve(engine, databaseUrl, db, env, async () => {}, { ...options, port: undefined });
      twins.push(other);
      return other;
    },
    async stop() {
      for (const t of twins) await t.stop();
      await app.stop();
      if (dataSource.isInitialized) await dataSource.destroy();
      await drop();
    },
  };
  return self;
}

/** A client signed in as a (new or promoted) admin of the server. */
export async function adminClient(server: TestServer, email: string, password = "admin password"): Promise<ShopperClient> {
  await server.app.services.accounts.upsertAdmin(email, password);
  const admin = server.client();
  await admin.ok(`mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`, { email, password });
  return admin;
}

/** A port free on loopback now (for a server that must know its address before it starts: PUBLIC_URL). */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts the real HTTP server on a fresh database of the engine. */
export async function startTestServer(
  engine: Engine,
  env: Record<string, string> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const scratch = await scratchDatabase(engine);
  if (scratch.db.engine === "mysql" && options.via) {
    const url = options.via(scratch.url);
    return serve(engine, url, { engine: "mysql", url }, env, scratch.drop, options);
  }
  return serve(engine, scratch.url, scratch.db, env, scratch.drop, options);
}

/**
 * Starts the real HTTP server on a MySQL/MariaDB database that exists already (e.g. on a Galera cluster, with
 * several hosts in the URL); `stop` leaves the database to its owner.
 */
export async function startServerOn(databaseUrl: string, env: Record<string, string> = {}): Promise<TestServer> {
  return serve("mysql", databaseUrl, parseDatabaseUrl(databaseUrl, ROOT), env, async () => {});
}

/** Runs a suite once per engine, each against its own server and fresh database. */
export function describeEachEngine(name: string, suite: (server: () => TestServer) => void, env: Record<string, string> = {}): void {
  describe.each(engines)(`${name} [%s]`, (engine) => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(engine, env);
    });
    afterAll(async () => {
      await server?.stop();
    });
    suite(() => server);
  });
}
