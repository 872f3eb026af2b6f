/**
 * npm run bench: serves the store in-process on a fresh database with the demo catalog and measures, over
 * loopback, latency and SQL statements per request for the main shopper operations. Bounded: a fixed
 * number of requests per operation. BENCH_DATABASE_URL picks the database (default: a temp SQLite file).
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApp } from "../app";
import { MAX_STOCK } from "../catalog/product.inputs";
import { loadConfig } from "../config";
import { queryCounter } from "../db/data-source";
import { describeDatabase } from "../db/database";
import { openStoreDatabase } from "../modules";

const N = Number(process.env.BENCH_REQUESTS ?? 300);

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sw-bench-"));
  const config = loadConfig({
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? `sqlite:${path.join(tmp, "bench.sqlite")}`,
    SEED_DEMO: "false",
    // One client address sends every request: the per-address limits would refuse most of them.
    RATE_LIMITS: "api=100000000/60,mutation=100000000/60,checkout=100000000/60",
    ENABLE_TEST_PAYMENTS: "true",
  });
  const ds = await openStoreDatabase(config.database);
  const app = await createApp(config, ds);
  await app.services.catalogIo.seedDemoIfEmpty();
  // The bench measures speed, not running out: every product filled up, through the ledger like any change.
  const products = await app.services.catalog.all();
  for (const v of await app.services.catalog.variantsFor(products.map((p) => p.id))) {
    await app.services.inventory.move({ variantId: v.id, to: MAX_STOCK, reason: "Benchmark stock", actor: "npm run bench" });
  }
  const server = await app.listen(0);
  const port = (server.address() as { port: number }).port;
  const counter = queryCounter(ds);

  /** A shopper: posts GraphQL with its own session cookie. */
  const shopper = () => {
    let cookie = "";
    return async (query: string, variables?: object) => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const set = res.headers.get("set-cookie");
      if (set) cookie = set.split(";")[0];
      const body = (await res.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };
  };
  const post = shopper();

  async function measure(name: string, n: number, run: (i: number) => Promise<void>) {
    const times: number[] = [];
    const q0 = counter.count;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await run(i);
      times.push(performance.now() - t);
    }
    const total = performance.now() - t0;
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
    console.log(
      `${name.padEnd(44)} ${String(n).padStart(5)} req  ${((n / total) * 1000).toFixed(0).padStart(6)} req/s  p50 ${pct(0.5)} ms  p95 ${pct(0.95)} ms  p99 ${pct(0.99)} ms  ${((counter.count - q0) / n).toFixed(1)} SQL/req`,
    );
  }

  console.log(`Shopwright bench on ${describeDatabase(config.database)}, sequential requests over loopback`);
  const page = `query($first: Int) { products(first: $first) { totalCount nodes { id name price { amount currency } stock images { url alt } } } }`;
  await measure("products(first: 20)", N, () => post(page, { first: 20 }));
  await measure('products(search: "tea")', N, () => post(`{ products(search: "tea") { nodes { id name } } }`));
  await measure("product(id)", N, (i) =>
    post(`query($id: ID!) { product(id: $id) { name images { url } } }`, { id: String((i % 20) + 1) }),
  );
  await measure("addToCart", N, (i) =>
    post(`mutation($id: ID!) { addToCart(productId: $id) { total { amount } } }`, { id: String((i % 5) + 25) }),
  );
  await measure("cart (5 lines)", N, () => post(`{ cart { lines { quantity product { name images { url } } } total { amount } } }`));
  const orders = Math.min(N, 100);
  const checkout = async (as: typeof post) => {
    await as(`mutation { addToCart(productId: "26") { id } }`);
    await as(`mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
      input: {
        email: "bench@example.com",
        shippingAddress: { name: "B", line1: "1 Road", city: "Town", postalCode: "1000", country: "US" },
        payment: { provider: "test", token: "pm_card_visa" },
      },
    });
  };
  await measure("addToCart + placeOrder", orders, () => checkout(post));

  // A slow payment provider (2 s a call) must not slow anyone else down: the charge runs outside any
  // transaction. Other shoppers' addToCart, alone and while CHECKOUTS checkouts wait on the provider.
  const slowMs = Number(process.env.BENCH_PROVIDER_DELAY_MS ?? 2000);
  const concurrent = Number(process.env.BENCH_CHECKOUTS ?? 8);
  const adder = shopper();
  const add = (i: number) => adder(`mutation($id: ID!) { addToCart(productId: $id) { total { amount } } }`, { id: String((i % 5) + 20) });
  await measure("addToCart, no checkout running", N, add);
  app.services.testProvider.delayMs = slowMs;
  let running = true;
  let placed = 0;
  const buyers = Array.from({ length: concurrent }, async () => {
    const buyer = shopper();
    while (running) {
      await checkout(buyer);
      placed++;
    }
  });
  await new Promise((r) => setTimeout(r, 200)); // every buyer is now waiting on the provider
  await measure(`addToCart, ${concurrent} checkouts on a ${slowMs / 1000} s provider`, N, add);
  running = false;
  await Promise.all(buyers);
  app.services.testProvider.delayMs = 0;
  console.log(`  (${placed} slow checkouts completed meanwhile)`);

  await app.stop();
  await ds.destroy();
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
