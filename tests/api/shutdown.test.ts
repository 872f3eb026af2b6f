import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli, startServerProcess } from "../helpers/cli";
import { ShopperClient } from "../helpers/client";
import { ADD, PLACE_ORDER, orderInput } from "../helpers/operations";
import { engines, scratchDatabase } from "../helpers/test-server";
import { connectStore } from "../../server/modules";

describe.each(engines)("graceful shutdown [%s]", (engine) => {
  test("SIGTERM during a burst of checkouts: every acknowledged order is stored, nothing else is charged or taken", async () => {
    const scratch = await scratchDatabase(engine);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sw-shutdown-"));
    try {
      const catalog = path.join(dir, "catalog.json");
      fs.writeFileSync(
        catalog,
        JSON.stringify([{ sku: "BURST-1", name: "Burst", description: "", price: 1000, currency: "USD", stock: 500 }]),
      );
      expect((await runCli("scripts/seed.js", ["--file", catalog], { DATABASE_URL: scratch.url })).code).toBe(0);
      const server = await startServerProcess({
        DATABASE_URL: scratch.url,
        ENABLE_TEST_PAYMENTS: "true",
        TEST_PAYMENT_DELAY_MS: "1500", // a payment provider that takes its time: checkouts are under way at SIGTERM
        RATE_LIMITS: "api=100000/60,mutation=100000/60,checkout=100000/60",
      });
      const productId = (await new ShopperClient(server.url).ok(`{ products(first: 1) { nodes { id } } }`)).products.nodes[0].id;
      const shoppers = Array.from({ length: 40 }, () => new ShopperClient(server.url));
      await Promise.all(shoppers.map((s) => s.ok(ADD, { productId, quantity: 2 })));

      type Outcome = { email: string; acknowledged: boolean; number?: string };
      const checkout = async (s: ShopperClient, i: number): Promise<Outcome> => {
        const email = `burst-${i}@example.com`;
        try {
          const r = await s.gql(PLACE_ORDER, { input: orderInput({ email, idempotencyKey: `burst-${i}` }) });
          const order = r.data?.placeOrder;
          return { email, acknowledged: order?.status === "PAID", number: order?.number };
        } catch {
          return { email, acknowledged: false }; // refused or cut: the shopper saw no confirmation
        }
      };
      // 20 checkouts start, SIGTERM arrives while they wait on the provider, and 20 more come in once the
      // server has begun to stop. (Not a fixed time after the signal: a process busy with the first 20 takes the
      // signal only when it is free, a quarter of a second later on a loaded machine, and a request that came
      // before that is one under way, to be finished.) The signal waits until all 20 are under way — each has
      // written its order, which it does before asking the provider — not a fixed time, which on a loaded machine
      // could pass before some of them had even reached the server.
      const ds = await connectStore(scratch.db);
      const first = shoppers.slice(0, 20).map(checkout);
      for (const started = Date.now(); Date.now() - started < 10_000; await new Promise((r) => setTimeout(r, 20))) {
        const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM customer_order");
        if (Number(n) >= 20) break;
      }
      const exit = server.stop("SIGTERM");
      await server.printed("Shutting down");
      const late = shoppers.slice(20).map((s, i) => checkout(s, i + 20));
      const outcomes = await Promise.all([...first, ...late]);
      expect(await exit).toBe(0);
      expect(server.output()).not.toMatch(/"level":(50|60)/); // no error logged on the way down

      const acknowledged = outcomes.filter((o) => o.acknowledged);
      // The checkouts under way at the signal finished and were answered; the ones that came after it found the
      // door closed: their shoppers saw no confirmation, and they must have left nothing behind.
      expect(outcomes.slice(0, 20).filter((o) => o.acknowledged)).toHaveLength(20);
      expect(outcomes.slice(20).filter((o) => o.acknowledged)).toEqual([]);

      try {
        const orders: { email: string; number: string; status: string }[] = await ds.query(
          "SELECT email, number, status FROM customer_order",
        );
        // Every acknowledged order is there, PAID; no order exists that its shopper wasn't told about.
        expect(orders.map((o) => `${o.email} ${o.number} ${o.status}`).sort()).toEqual(
          acknowledged.map((o) => `${o.email} ${o.number} PAID`).sort(),
        );
        const [{ stock }] = await ds.query("SELECT stock FROM product");
        expect(Number(stock)).toBe(500 - 2 * acknowledged.length);
        const [{ total }] = await ds.query("SELECT SUM(delta) AS total FROM stock_movement");
        expect(Number(total)).toBe(Number(stock)); // the ledger adds up to the stock: nothing taken and left behind
      } finally {
        await ds.destroy();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await scratch.drop();
    }
  });
});
