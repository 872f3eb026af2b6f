/**
 * The store on a real three-node MariaDB Galera cluster on loopback (server/scripts/cluster/galera.ts), with two
 * servers that write to different nodes: A prefers node 1, B node 2. Runs when TEST_GALERA=true (CI sets it;
 * see jest.config.js). About a minute, most of it the nodes' start-up and state transfers.
 */
import os from "node:os";
import path from "node:path";
import { createConnection, type Connection } from "mysql2/promise";
import { failoverPool } from "../../server/db/failover";
import { CLUSTER_DATABASE, GaleraCluster, NODES, type NodeNumber } from "../../server/scripts/cluster/galera";
import { startServerProcess, type RunningServer } from "../helpers/cli";
import { ShopperClient } from "../helpers/client";
import { ADD, PLACE_ORDER, orderInput } from "../helpers/operations";
import { TestSmtp } from "../helpers/smtp";
import { startServerOn, type TestServer } from "../helpers/test-server";

jest.setTimeout(180_000);

const cluster = new GaleraCluster({
  dir: path.join(os.tmpdir(), `sw-galera-test-${process.pid}`),
  basePort: Number(process.env.TEST_GALERA_PORT ?? 23300),
});
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  await cluster.down();
  await cluster.up();
  a = await startServerOn(cluster.databaseUrl([1, 2, 3]));
  b = await startServerOn(cluster.databaseUrl([2, 3, 1]));
});

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await cluster.down();
});

/** Asks one node directly. */
async function onNode<T>(node: NodeNumber, sql: string, params: unknown[] = []): Promise<T[]> {
  const conn: Connection = await createConnection({ uri: cluster.nodeUrl(node), connectTimeout: 5000 });
  try {
    // Wait until this node has applied everything the cluster committed before the read (causal read).
    await conn.query("SET SESSION wsrep_sync_wait = 1");
    const [rows] = await conn.query(sql, params);
    return rows as T[];
  } finally {
    await conn.end();
  }
}

async function stockOn(node: NodeNumber, productId: string): Promise<number> {
  const [row] = await onNode<{ stock: number }>(node, "SELECT stock FROM product WHERE id = ?", [Number(productId)]);
  return Number(row.stock);
}

async function soldOn(node: NodeNumber, productId: string): Promise<number> {
  const [row] = await onNode<{ sold: string | null }>(
    node,
    "SELECT COALESCE(SUM(l.quantity), 0) AS sold FROM order_line l JOIN customer_order o ON o.id = l.order_id WHERE l.product_id = ? AND o.status <> 'CANCELLED'",
    [Number(productId)],
  );
  return Number(row.sold);
}

/** A shopper of `server` with `quantity` of the product in the cart. */
async function shopperWith(server: TestServer, productId: string, quantity = 1): Promise<ShopperClient> {
  const shopper = server.client();
  await shopper.ok(ADD, { productId, quantity });
  return shopper;
}

const outcome = (r: { data?: any; errors?: any[] }) => (r.data?.placeOrder ? "OK" : (r.errors?.[0].extensions?.code ?? "NO ANSWER"));

test("the two servers write to different nodes, and every table suits Galera: InnoDB with a primary key", async () => {
  expect(failoverPool(a.dataSource)?.current).toBe(`127.0.0.1:${cluster.port(1)}`);
  expect(failoverPool(b.dataSource)?.current).toBe(`127.0.0.1:${cluster.port(2)}`);
  const tables = await onNode<{ name: string; engine: string; keyed: number }>(
    3,
    `SELECT t.TABLE_NAME AS name, t.ENGINE AS engine,
            (SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS c
              WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME AND c.CONSTRAINT_TYPE = 'PRIMARY KEY') AS keyed
       FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE'`,
    [CLUSTER_DATABASE],
  );
  expect(tables.length).toBeGreaterThan(10);
  expect(tables.filter((t) => t.engine !== "InnoDB" || Number(t.keyed) !== 1)).toEqual([]);
});

test("40 shoppers on two servers on different nodes order the last 5 units: exactly 5 sold, 35 told OUT_OF_STOCK, on every node", async () => {
  const ids = await a.seed([{ sku: "GALERA-RARE", name: "Rare Teapot", price: 2500, stock: 5 }]);
  const product = ids["GALERA-RARE"];
  const shoppers = await Promise.all(Array.from({ length: 40 }, (_, i) => shopperWith(i % 2 ? b : a, product)));

  const results = await Promise.all(shoppers.map((s) => s.gql(PLACE_ORDER, { input: orderInput() })));

  const codes = results.map(outcome);
  // A certification conflict (both nodes took the same unit) is retried, never shown to a shopper as DATABASE_BUSY.
  expect(codes.filter((c) => c !== "OK" && c !== "OUT_OF_STOCK")).toEqual([]);
  expect(codes.filter((c) => c === "OK")).toHaveLength(5);
  for (const node of NODES) {
    expect([node, await stockOn(node, product), await soldOn(node, product)]).toEqual([node, 0, 5]);
  }
});

test("two server processes writing to different nodes send each order's emails exactly once", async () => {
  // SELECT … FOR UPDATE SKIP LOCKED locks rows on one node only: two nodes may claim the same messages, and
  // the claim that loses certification is retried, then finds them claimed.
  const smtp = await TestSmtp.start();
  const processes: RunningServer[] = [];
  const admin = await createConnection({ uri: cluster.nodeUrl(1, "mysql") });
  await admin.query("CREATE DATABASE sw_mail CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
  await admin.end();
  try {
    const env = (order: NodeNumber[]) => ({
      ...smtp.env({ STORE_OWNER_EMAIL: "alerts@teashop.example", MAIL_POLL_MS: "50", MAIL_RETRY_BASE_MS: "50", MAIL_MAX_ATTEMPTS: "50" }),
      DATABASE_URL: cluster.databaseUrl(order, "sw_mail"),
      ENABLE_TEST_PAYMENTS: "true",
      SCRYPT_LOG_N: "12",
      RATE_LIMITS: "api=1000000/60,mutation=1000000/60,checkout=1000000/60",
    });
    processes.push(await startServerProcess({ ...env([1, 2, 3]), SEED_DEMO: "true" }));
    processes.push(await startServerProcess({ ...env([2, 3, 1]), SEED_DEMO: "false" }));
    const { products } = await new ShopperClient(processes[0].url).ok(`query { products(first: 50) { nodes { id stock } } }`);
    const productId = products.nodes.find((p: { stock: number }) => p.stock >= 20).id;
    // With the mail server down, both processes pile up due messages and keep trying them at the same moments.
    await smtp.stop();
    const placed = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const shopper = new ShopperClient(processes[i % 2].url);
        await shopper.ok(ADD, { productId, quantity: 1 });
        const { placeOrder } = await shopper.ok(PLACE_ORDER, { input: orderInput({ email: `node${i}@example.com` }) });
        return placeOrder.number as string;
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    await smtp.start();
    await smtp.waitFor((all) => all.length >= 20, 30_000, "20 emails");
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.messages).toHaveLength(20);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(20);
    for (const number of placed) expect(smtp.messages.filter((m) => m.subject.includes(number))).toHaveLength(2);
  } finally {
    for (const p of processes) await p.stop();
    await smtp.stop();
  }
});

describe("a node killed in the middle of a burst of checkouts", () => {
  const STOCK = 40;
  const CHECKOUTS = 60;
  let product: string;
  const acknowledged: string[] = [];

  test("the store keeps answering through the other nodes; every acknowledged order is on both survivors; nothing oversold", async () => {
    const ids = await a.seed([
      { sku: "GALERA-BURST", name: "Burst Mug", price: 1200, stock: STOCK },
      { sku: "GALERA-OPEN", name: "Open Jug", price: 900 },
    ]);
    product = ids["GALERA-BURST"];
    const shoppers = await Promise.all(Array.from({ length: CHECKOUTS }, (_, i) => shopperWith(i % 2 ? b : a, product)));

    // A transaction of A's open on node 1 when it dies: it had written but not committed, so it is run again
    // from the start on the next node, and the caller gets its result, not an error.
    let attempts = 0;
    let killed!: () => void;
    const kill = new Promise<void>((resolve) => (killed = resolve));
    const openAtKill = a.app.services.tx.run(async (m) => {
      attempts++;
      await m.query("UPDATE product SET name = ? WHERE id = ?", [`Open Jug ${attempts}`, Number(ids["GALERA-OPEN"])]);
      if (attempts === 1) await kill;
      await m.query("UPDATE product SET description = ? WHERE id = ?", ["written after the kill", Number(ids["GALERA-OPEN"])]);
      return attempts;
    });

    let killedAt = Infinity;
    const outcomes: { code: string; started: number; ended: number; id?: string }[] = [];
    let next = 0;
    // Six checkouts at a time, half through A (writing to node 1), half through B (node 2).
    const worker = async () => {
      while (next < shoppers.length) {
        const shopper = shoppers[next++];
        const started = Date.now();
        const r = await shopper.gql(PLACE_ORDER, { input: orderInput() });
        outcomes.push({ code: outcome(r), started, ended: Date.now(), id: r.data?.placeOrder?.id });
      }
    };
    let done = false;
    const killer = (async () => {
      while (!done && outcomes.filter((o) => o.code === "OK").length < 12) await new Promise((r) => setTimeout(r, 5));
      killedAt = Date.now();
      await cluster.kill(1);
      killed();
    })();
    await Promise.all([Promise.all(Array.from({ length: 6 }, worker)).finally(() => (done = true)), killer]);
    expect(await openAtKill).toBe(2);

    acknowledged.push(...outcomes.filter((o) => o.code === "OK").map((o) => o.id!));
    // A's node is gone: its writes now go to the next node of its list.
    expect(failoverPool(a.dataSource)?.current).toBe(`127.0.0.1:${cluster.port(2)}`);
    const after = outcomes.filter((o) => o.started > killedAt);
    expect(after.length).toBeGreaterThan(10);
    // Every checkout that started after the kill got its answer: an order, or out of stock once the 40 were sold.
    expect(after.filter((o) => o.code !== "OK" && o.code !== "OUT_OF_STOCK")).toEqual([]);
    // One caught by the kill may be told the database is unavailable (a COMMIT whose answer was lost), nothing worse.
    expect(outcomes.filter((o) => !["OK", "OUT_OF_STOCK", "DATABASE_UNAVAILABLE"].includes(o.code))).toEqual([]);

    expect(acknowledged.length).toBeGreaterThanOrEqual(STOCK - 1);
    for (const node of [2, 3] as const) {
      const found = await onNode<{ id: string }>(node, "SELECT id FROM customer_order WHERE id IN (?)", [acknowledged]);
      expect([node, found.length]).toEqual([node, acknowledged.length]);
      const [jug] = await onNode<{ name: string; description: string }>(node, "SELECT name, description FROM product WHERE id = ?", [
        Number(ids["GALERA-OPEN"]),
      ]);
      expect(jug).toEqual({ name: "Open Jug 2", description: "written after the kill" });
      const stock = await stockOn(node, product);
      expect([node, stock >= 0, stock + (await soldOn(node, product))]).toEqual([node, true, STOCK]);
    }
  });

  test("the node restarted rejoins, catches up on what it missed, and its server writes to it again", async () => {
    await cluster.start(1);
    const found = await onNode<{ id: string }>(1, "SELECT id FROM customer_order WHERE id IN (?)", [acknowledged]);
    expect(found.length).toBe(acknowledged.length);
    expect((await stockOn(1, product)) + (await soldOn(1, product))).toBe(STOCK);

    // A asks a node it lost every second; once it is Synced, writes move back to it.
    const deadline = Date.now() + 15_000;
    while (failoverPool(a.dataSource)?.current !== `127.0.0.1:${cluster.port(1)}` && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(failoverPool(a.dataSource)?.current).toBe(`127.0.0.1:${cluster.port(1)}`);
    const commits = async () => Number((await onNode<{ Value: string }>(1, "SHOW STATUS LIKE 'wsrep_local_commits'"))[0].Value);
    const before = await commits();
    const more = await a.seed([{ sku: "GALERA-AFTER", stock: 3 }]);
    const shopper = await shopperWith(a, more["GALERA-AFTER"]);
    expect(outcome(await shopper.gql(PLACE_ORDER, { input: orderInput() }))).toBe("OK");
    expect(await commits()).toBeGreaterThan(before);
  });
});
