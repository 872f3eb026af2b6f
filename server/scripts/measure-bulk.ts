/**
 * node dist/server/scripts/measure-bulk.js [products] [orders]   (after npm run build; defaults 100000 and 50000)
 *
 * Issue 12's figures for big files, on fresh SQLite files in a temporary folder: the time and peak memory
 * (the process's maximum RSS) of
 *   1. `npm run seed -- --file` with a JSON file of `products` products (a tenth of them with two variants),
 *      then again with new prices and stock (all updates);
 *   2. the admin's CSV upload (POST /api/admin/import/products.csv) of as many rows, into a server process;
 *   3. the orders download (GET /api/admin/export/orders.csv) of `orders` orders, streamed, from a server process.
 * Each runs in a process of its own (this one only sends and counts), so the peaks are theirs alone; the
 * servers hash passwords cheaply (SCRYPT_LOG_N=12), so the admin's sign-in doesn't set their peak.
 * Not part of the test suite: the figures depend on the machine.
 */
import "reflect-metadata";
import { execFileSync, fork, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../config";
import { createApp } from "../app";
import { openStoreDatabase } from "../modules";

const ROOT = path.resolve(__dirname, "../../..");
const DIST = path.join(ROOT, "dist/server");
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function catalogJson(n: number): unknown[] {
  return Array.from({ length: n }, (_, i) =>
    i % 10 === 0
      ? {
          sku: `gen-${i}`,
          name: `Shirt ${i}`,
          description: "A shirt of cotton, made to last; machine washable at 40 degrees.",
          price: 1900,
          stock: 0,
          options: [{ name: "Size", values: ["M", "L"] }],
          variants: [
            { options: ["M"], stock: 1 },
            { options: ["L"], price: 2100, stock: 2 },
          ],
        }
      : {
          sku: `gen-${i}`,
          name: `Mug ${i}`,
          description: "A mug of stoneware that holds 350 ml; dishwasher safe.",
          price: 1000 + (i % 7),
          stock: i % 3,
        },
  );
}

function catalogCsv(n: number): string {
  const lines = ["sku,name,description,price,stock,categories,product_sku,options"];
  for (let i = 0; i < n; i++) {
    lines.push(
      i % 10 === 0
        ? `CSV-${i}-M,Shirt ${i},"A shirt of cotton, made to last",19.00,1,,CSV-${i},Size=M`
        : `CSV-${i},Mug ${i},"A mug of stoneware that holds 350 ml; dishwasher safe.",10.50,${i % 3},,,`,
    );
  }
  return lines.join("\r\n") + "\r\n";
}

/** A fresh, migrated SQLite file. */
function freshDatabase(dir: string, name: string): string {
  const url = `sqlite:${path.join(dir, name)}`;
  execFileSync(process.execPath, [path.join(DIST, "scripts/migrate.js")], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  return url;
}

/** The server in a child process (this script with --serve): resolves with its address once it listens. */
function serve(url: string): Promise<{ child: ChildProcess; base: string; ask(what: string): Promise<Record<string, number>> }> {
  const child = fork(__filename, ["--serve"], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent", SCRYPT_LOG_N: "12" },
    stdio: "inherit",
  });
  const ask = (what: string) =>
    new Promise<Record<string, number>>((resolve) => {
      child.once("message", (m) => resolve(m as Record<string, number>));
      child.send(what);
    });
  return new Promise((resolve) => child.once("message", (m) => resolve({ child, base: (m as { base: string }).base, ask })));
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation { login(email: "measure@example.com", password: "measure password") { id } }`,
    }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("sw_session="));
  if (!cookie) throw new Error(`sign-in failed: ${await res.text()}`);
  return cookie.split(";")[0];
}

/** Orders straight into the tables (not by checkouts), a few hundred per statement, each with one line. */
async function insertOrders(url: string, n: number): Promise<void> {
  const ds = await openStoreDatabase({ engine: "sqlite", file: url.slice("sqlite:".length) });
  try {
    const q = (name: string) => ds.driver.escape(name);
    const address = ["Name", "Line1", "City", "Postalcode", "Country"];
    const columns = [
      ...["id", "number", "status", "email", "session_id", "currency", "subtotal_amount", "shipping_amount", "tax_amount", "total_amount"],
      ...["payment_provider", "created_at", ...address.map((a) => `shipping${a}`), ...address.map((a) => `billing${a}`)],
    ];
    const lineColumns = [
      "order_id",
      "product_id",
      "position",
      "sku",
      "name",
      "quantity",
      "currency",
      "unit_price_amount",
      "line_total_amount",
    ];
    const tuple = (k: number) => `(${Array(k).fill("?").join(", ")})`;
    await ds.query(
      `INSERT INTO product (sku, name, description, price_amount, currency, stock) VALUES ('MEASURE-1', 'Mug', '', 900, 'USD', 0)`,
    );
    const [{ id: productId }] = await ds.query(`SELECT id FROM product WHERE sku = 'MEASURE-1'`);
    await ds.transaction(async (m) => {
      for (let start = 0; start < n; start += 40) {
        const orders: unknown[] = [];
        const lines: unknown[] = [];
        for (let i = start; i < Math.min(n, start + 40); i++) {
          const id = randomUUID();
          const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString().replace("T", " ").replace("Z", "");
          const place = [`Cleo ${i}`, "1 Main St", "Berlin", "10115", "DE"];
          orders.push(id, `SW-${String(i).padStart(7, "0")}`, "PAID", `o${i}@example.com`, "s", "USD", 1000, 500, 190, 1690, "manual", at);
          orders.push(...place, ...place);
          lines.push(id, productId, 0, "MEASURE-1", "Mug", 1 + (i % 3), "USD", 300, 300 * (1 + (i % 3)));
        }
        const count = orders.length / columns.length;
        await m.query(
          `INSERT INTO ${q("customer_order")} (${columns.map(q).join(", ")}) VALUES ${Array(count).fill(tuple(columns.length)).join(", ")}`,
          orders,
        );
        await m.query(
          `INSERT INTO ${q("order_line")} (${lineColumns.map(q).join(", ")}) VALUES ${Array(count).fill(tuple(9)).join(", ")}`,
          lines,
        );
      }
    });
  } finally {
    await ds.destroy();
  }
}

async function measure(products: number, orders: number): Promise<void> {
  // MEASURE_DIR: work there and keep the files (to look into them afterwards).
  const keep = process.env.MEASURE_DIR;
  const dir = keep ? (fs.mkdirSync(keep, { recursive: true }), keep) : fs.mkdtempSync(path.join(os.tmpdir(), "sw-measure-"));
  console.log(`Measuring in ${dir} (${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)})`);
  try {
    // 1. npm run seed -- --file
    const json = path.join(dir, "catalog.json");
    fs.writeFileSync(json, JSON.stringify(catalogJson(products)));
    const seedDb = freshDatabase(dir, "seed.sqlite");
    const seed = spawnSync(process.execPath, [path.join(DIST, "scripts/seed.js"), "--file", json], {
      env: { ...process.env, DATABASE_URL: seedDb },
      encoding: "utf8",
    });
    if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr}`);
    const took = /Took ([\d.]+) s; peak memory (\d+) MB/.exec(seed.stdout);
    console.log(
      `seed --file, ${products.toLocaleString("en")} products (${mb(fs.statSync(json).size)} JSON): ${took?.[1]} s, peak RSS ${took?.[2]} MB`,
    );
    // The same file again: every product is there, so all are updates (new prices and stock).
    fs.writeFileSync(
      json,
      JSON.stringify(
        catalogJson(products).map((p) => ({ ...(p as Record<string, unknown>), price: 2000, stock: (p as { stock: number }).stock + 1 })),
      ),
    );
    const again = spawnSync(process.execPath, [path.join(DIST, "scripts/seed.js"), "--file", json], {
      env: { ...process.env, DATABASE_URL: seedDb },
      encoding: "utf8",
    });
    if (again.status !== 0) throw new Error(`seed failed: ${again.stderr}`);
    const tookAgain = /updated (\d+) products[\s\S]*Took ([\d.]+) s; peak memory (\d+) MB/.exec(again.stdout);
    console.log(`seed --file again (${tookAgain?.[1]} updates): ${tookAgain?.[2]} s, peak RSS ${tookAgain?.[3]} MB`);

    // 2. the admin's CSV upload
    const csv = path.join(dir, "catalog.csv");
    fs.writeFileSync(csv, catalogCsv(products));
    const importServer = await serve(freshDatabase(dir, "upload.sqlite"));
    try {
      const cookie = await signIn(importServer.base);
      const before = await importServer.ask("rss");
      const started = performance.now();
      const res = await fetch(`${importServer.base}/api/admin/import/products.csv`, {
        method: "POST",
        headers: { cookie, "content-type": "text/csv" },
        body: fs.readFileSync(csv),
      });
      const answer = await res.text();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (res.status !== 200) throw new Error(`upload failed: ${res.status} ${answer.slice(0, 500)}`);
      const after = await importServer.ask("rss");
      console.log(
        `CSV upload, ${products.toLocaleString("en")} rows (${mb(fs.statSync(csv).size)}): ${seconds} s, ${answer}; server peak RSS ${mb(after.maxRss)} (${mb(before.maxRss)} before the upload)`,
      );
    } finally {
      importServer.child.kill();
    }

    // 3. the orders download
    const exportDb = freshDatabase(dir, "export.sqlite");
    await insertOrders(exportDb, orders);
    const exportServer = await serve(exportDb);
    try {
      const cookie = await signIn(exportServer.base);
      const before = await exportServer.ask("rss");
      const started = performance.now();
      const res = await fetch(`${exportServer.base}/api/admin/export/orders.csv`, { headers: { cookie } });
      let bytes = 0;
      let rows = 0;
      let chunks = 0;
      const reader = res.body!.getReader();
      for (let part = await reader.read(); !part.done; part = await reader.read()) {
        chunks++;
        bytes += part.value.length;
        for (const b of part.value) if (b === 10) rows++;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const after = await exportServer.ask("rss");
      console.log(
        `orders.csv, ${orders.toLocaleString("en")} orders: ${seconds} s, ${rows - 1} rows, ${mb(bytes)} in ${chunks} chunks; server peak RSS ${mb(after.maxRss)} (${mb(before.maxRss)} before the download)`,
      );
    } finally {
      exportServer.child.kill();
    }
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The child: the app on DATABASE_URL with an admin, its address sent to the parent; answers "rss" with its memory. */
async function serveChild(): Promise<void> {
  const config = loadConfig(
    { ...process.env, SEED_DEMO: "false", PORT: "0", RATE_LIMITS: "api=1000000/60,mutation=1000000/60,login=1000000/60" },
    ROOT,
  );
  if (config.database.engine !== "sqlite") throw new Error("measure-bulk serves SQLite only");
  const ds = await openStoreDatabase(config.database);
  const app = await createApp(config, ds);
  await app.services.accounts.upsertAdmin("measure@example.com", "measure password");
  const server = await app.listen(0);
  const address = server.address();
  process.on("message", () => process.send!({ rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 }));
  process.send!({ base: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}` });
}

if (process.argv.includes("--serve")) {
  serveChild().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  const [products = 100_000, orders = 50_000] = process.argv.slice(2).map(Number);
  measure(products, orders)
    .then(() => process.exit(0))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
