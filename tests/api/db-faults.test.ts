import { spawn, type ChildProcess } from "node:child_process";
import type { GqlResult, ShopperClient } from "../helpers/client";
import { ADD, CART } from "../helpers/operations";
import { TcpProxy } from "../helpers/tcp-proxy";
import { engines, startTestServer, type TestServer } from "../helpers/test-server";

const PRODUCTS = `query { products(first: 5) { nodes { id name stock } } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long `work` takes to answer; fails (instead of hanging the suite) when it takes more than `limitMs`. */
async function timed<T>(work: Promise<T>, limitMs = 15_000): Promise<{ result: T; ms: number }> {
  const start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer after ${limitMs} ms`)), limitMs);
  });
  try {
    const result = await Promise.race([work, hang]);
    return { result, ms: Date.now() - start };
  } finally {
    clearTimeout(timer);
  }
}

/** The answer is a proper GraphQL error with `code`: a plain sentence, a retry hint, nothing of the driver, the SQL or a stack. */
function expectDatabaseError(result: GqlResult, code: string): void {
  expect(result.status).toBe(200);
  expect(result.errors?.[0]).toEqual({
    message: expect.any(String),
    locations: expect.any(Array),
    path: expect.any(Array),
    extensions: { code, retryAfterSeconds: expect.any(Number) },
  });
  expect(result.headers.get("retry-after")).toBe(String(result.errors![0].extensions!.retryAfterSeconds));
  expect(JSON.stringify(result.errors)).not.toMatch(/\bat \S+ \(|stack|SQLITE|QueryFailed|PROTOCOL_|ETIMEDOUT|ECONN|SELECT|UPDATE|INSERT/i);
}

/** A process that takes SQLite's write lock, as `npm run seed` does while it writes, and gives it back after a while. */
const LOCK_HOLDER = `
const Database = require(${JSON.stringify(require.resolve("better-sqlite3"))});
const db = new Database(process.argv[1]);
db.exec("BEGIN IMMEDIATE");
process.stdout.write("locked\\n");
setTimeout(() => { db.exec("ROLLBACK"); db.close(); }, Number(process.argv[2]));
`;

describe("SQLite: another process holds the write lock (npm run seed, create-admin)", () => {
  let server: TestServer;
  let file: string;
  let holder: ChildProcess | undefined;
  let productId: string;
  let shopper: ShopperClient;

  beforeAll(async () => {
    server = await startTestServer("sqlite");
    ({ LOCKED: productId } = await server.seed([{ sku: "LOCKED", stock: 10 }]));
    shopper = server.client();
    await shopper.ok(ADD, { productId, quantity: 1 });
    const db = server.config.database;
    if (db.engine !== "sqlite") throw new Error("expected an SQLite server");
    file = db.file;
  });

  afterAll(async () => {
    if (holder && holder.exitCode === null) holder.kill();
    await server?.stop();
  });

  /** Starts a process that holds the write lock for `ms`; resolves once it holds it, with when it has let go. */
  async function holdWriteLock(ms: number): Promise<{ released: Promise<void> }> {
    const child = spawn(process.execPath, ["-e", LOCK_HOLDER, file, String(ms)], { stdio: ["ignore", "pipe", "inherit"] });
    holder = child;
    const released = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.once("data", () => resolve());
      child.once("exit", (code) => reject(new Error(`the lock holder exited (${code}) before taking the lock`)));
    });
    return { released };
  }

  test("a write waits for a lock held 1 s, then succeeds; the catalog keeps answering meanwhile", async () => {
    const { released } = await holdWriteLock(1000);
    const start = Date.now();
    const adding = timed(shopper.gql(ADD, { productId, quantity: 1 }));
    await sleep(100);
    // The waiting write doesn't hold up the rest of the store: the catalog answers long before the lock is
    // free. (Timed from the start: this test runs in the server's process, so a server that stopped its event
    // loop to wait would delay this test's own timers too.)
    const browsing = await server.client().gql(PRODUCTS);
    const browsedAfter = Date.now() - start;
    expect(browsing.errors).toBeUndefined();
    expect(browsing.data.products.nodes).toHaveLength(1);
    expect(browsedAfter).toBeLessThan(600);

    const { result, ms } = await adding;
    await released;
    console.log(`SQLite write lock held 1 s: addToCart answered after ${ms} ms; the catalog, asked at 100 ms, after ${browsedAfter} ms`);
    expect(result.errors).toBeUndefined();
    expect(result.data.addToCart.totalQuantity).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(2500);
  });

  test("a lock held longer than 5 s: writes answer DATABASE_BUSY after about 5 s (queued ones too), nothing changed; then they work again", async () => {
    const newcomer = server.client();
    const { released } = await holdWriteLock(6500);
    const [mine, theirs] = await Promise.all([
      timed(shopper.gql(ADD, { productId, quantity: 3 })),
      // A new shopper's first write (its session), queued behind the first in this process.
      timed(newcomer.gql(ADD, { productId, quantity: 1 })),
    ]);
    console.log(`SQLite write lock held 6.5 s: two addToCart answered in ${mine.ms} and ${theirs.ms} ms`);
    for (const { result, ms } of [mine, theirs]) {
      expectDatabaseError(result, "DATABASE_BUSY");
      expect(ms).toBeGreaterThanOrEqual(4500);
      expect(ms).toBeLessThan(6000);
    }
    // Reads still answer while the lock is held, and show that nothing was written.
    expect((await shopper.ok(CART)).cart.totalQuantity).toBe(2);
    expect(newcomer.cookies.size).toBe(0);
    expect(await server.stock(productId)).toBe(10);

    await released;
    const again = await timed(shopper.gql(ADD, { productId, quantity: 3 }));
    expect(again.result.errors).toBeUndefined();
    expect(again.result.data.addToCart.totalQuantity).toBe(5);
    expect(again.ms).toBeLessThan(1000);
    expect((await newcomer.ok(ADD, { productId, quantity: 1 })).addToCart.totalQuantity).toBe(1);
  });
});

const describeMysql = engines.includes("mysql") ? describe : describe.skip;

describeMysql("MariaDB: the database hangs, the network to it drops, it restarts", () => {
  let proxy: TcpProxy;
  let server: TestServer;
  let productId: string;
  let shopper: ShopperClient;

  beforeAll(async () => {
    const target = new URL(process.env.TEST_MYSQL_URL!);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 3306));
    server = await startTestServer("mysql", {}, { via: (url) => proxy.via(url) });
    ({ FROZEN: productId } = await server.seed([{ sku: "FROZEN", stock: 10 }]));
    shopper = server.client();
    await shopper.ok(ADD, { productId, quantity: 1 });
  });

  afterAll(async () => {
    proxy?.thaw();
    await server?.stop();
    await proxy?.close();
  });

  test("frozen: the catalog, addToCart and a burst larger than the pool answer DATABASE_UNAVAILABLE within 10 s, /healthz 503 within 2 s; thawed: the same server answers again, nothing half-written", async () => {
    proxy.freeze();
    const [catalog, adding, burst, health] = await Promise.all([
      timed(server.client().gql(PRODUCTS)),
      timed(shopper.gql(ADD, { productId, quantity: 2 })),
      // More requests than the pool has connections (10): some wait for one.
      Promise.all(Array.from({ length: 12 }, () => timed(server.client().gql(PRODUCTS)))),
      timed(fetch(`${server.url}/healthz`)),
    ]);
    expect(health.result.status).toBe(503);
    expect(health.ms).toBeLessThan(2500);
    for (const { result, ms } of [catalog, adding, ...burst]) {
      expectDatabaseError(result, "DATABASE_UNAVAILABLE");
      expect(ms).toBeLessThan(10_000);
    }
    const slowest = Math.max(...[catalog, adding, ...burst].map((r) => r.ms));
    console.log(
      `frozen database: catalog ${catalog.ms} ms, addToCart ${adding.ms} ms, slowest of all ${slowest} ms, /healthz ${health.ms} ms`,
    );

    proxy.thaw();
    // No restart: the pool has dropped the connections that hung and opens new ones.
    const after = await timed(shopper.gql(ADD, { productId, quantity: 1 }));
    expect(after.result.errors).toBeUndefined();
    // 1 before the freeze + 1 now: the addToCart that hung left nothing behind.
    expect(after.result.data.addToCart.totalQuantity).toBe(2);
    expect(after.ms).toBeLessThan(2000);
    const browsing = await timed(server.client().gql(PRODUCTS));
    expect(browsing.result.errors).toBeUndefined();
    expect(browsing.result.data.products.nodes[0].stock).toBe(10);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  test("every connection cut (the database restarts): the next requests get new connections and succeed", async () => {
    proxy.cut();
    await sleep(100);
    expect((await server.client().gql(PRODUCTS)).errors).toBeUndefined();
    const after = await shopper.ok(ADD, { productId, quantity: 1 });
    expect(after.addToCart.totalQuantity).toBe(3);
  });
});
