import { validateCatalog } from "../../server/catalog/catalog-import";
import { CatalogProblems } from "../../server/catalog/catalog-io.service";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../helpers/cli";
import { adminClient, describeEachEngine, engines, scratchDatabase, type TestServer } from "../helpers/test-server";

/** Reads a download to its end, as text (the export's rows come in many chunks). */
async function download(
  server: TestServer,
  path: string,
  cookie: string,
): Promise<{ status: number; type: string | null; disposition: string | null; text: string; chunks: number }> {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
  let text = "";
  let chunks = 0;
  const decoder = new TextDecoder();
  const reader = res.body!.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    chunks++;
    text += decoder.decode(part.value, { stream: true });
  }
  return { status: res.status, type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition"), text, chunks };
}

/** Orders written straight into the tables, many per statement (not by checkouts): groups of 7 share their created_at. */
async function insertOrders(server: TestServer, n: number, productId: number): Promise<void> {
  const ds = server.dataSource;
  const q = (name: string) => ds.driver.escape(name);
  const columns = [
    "id",
    "number",
    "status",
    "email",
    "session_id",
    "currency",
    "subtotal_amount",
    "shipping_amount",
    "tax_amount",
    "total_amount",
    "payment_provider",
    "created_at",
  ];
  const address = ["Name", "Line1", "City", "Postalcode", "Country"];
  const all = [...columns, ...address.map((a) => `shipping${a}`), ...address.map((a) => `billing${a}`)];
  const base = Date.UTC(2026, 0, 1);
  for (let start = 0; start < n; start += 40) {
    const values: unknown[] = [];
    const lines: unknown[] = [];
    for (let i = start; i < Math.min(n, start + 40); i++) {
      const id = randomUUID();
      const at = new Date(base + Math.floor(i / 7) * 1000).toISOString().replace("T", " ").replace("Z", "");
      const place = [`Cleo ${i}`, "1 Main St", "Berlin", "10115", "DE"];
      values.push(
        id,
        `SW-${String(i).padStart(7, "0")}`,
        "PAID",
        `o${i}@example.com`,
        "s",
        "USD",
        1000,
        500,
        190,
        1690,
        "manual",
        at,
        ...place,
        ...place,
      );
      if (i % 100 === 0) lines.push(id, productId, 0, "BULK-1", "Mug", 3, "USD", 300, 900);
    }
    const tuple = (k: number) => `(${Array(k).fill("?").join(", ")})`;
    await ds.query(
      `INSERT INTO ${q("customer_order")} (${all.map(q).join(", ")}) VALUES ${Array(values.length / all.length)
        .fill(tuple(all.length))
        .join(", ")}`,
      values,
    );
    if (lines.length)
      await ds.query(
        `INSERT INTO ${q("order_line")} (${["order_id", "product_id", "position", "sku", "name", "quantity", "currency", "unit_price_amount", "line_total_amount"].map(q).join(", ")}) VALUES ${Array(
          lines.length / 9,
        )
          .fill(tuple(9))
          .join(", ")}`,
        lines,
      );
  }
}

/**
 * Issue 12, "fast at 100,000 products": files and exports bigger than one SQL statement may bind (SQLite
 * refuses more than 32,766 values: "too many SQL variables"). Real databases, the real services and routes.
 */

/** Products the imports below make: more than SQLite's 32,766 variables, so one `IN (…)` of them all would fail. */
const BIG = 40_000;
/** Rows of the CSV uploads: far over GraphQL's 200 kB body limit (the batching itself is proven with BIG). */
const CSV_ROWS = 12_000;
/** Orders of the export: more than SQLite's 32,766 variables, so one `IN (…)` of their ids would fail. */
const ORDERS = 33_000;

const count = async (server: { dataSource: { query(sql: string): Promise<{ n: unknown }[]> } }, sql: string) =>
  Number((await server.dataSource.query(`SELECT COUNT(*) AS n FROM ${sql}`))[0].n);

describeEachEngine("big catalog files and exports", (server) => {
  test(`an import of ${BIG.toLocaleString("en")} products goes in batches, with variants, categories, pictures and stock history`, async () => {
    const { catalogIo, categories } = server().app.services;
    await categories.create({ name: "Mugs", slug: "mugs", parentId: null, position: 0 });
    // Some of the file's products are there already (upserted by SKU), one of them with options.
    const before = validateCatalog(
      [
        ...Array.from({ length: 100 }, (_, i) => ({ sku: `BULK-${i}`, name: `Old ${i}`, price: 100, stock: 1 })),
        {
          sku: "BULK-TEE",
          name: "Tee",
          price: 1000,
          stock: 0,
          options: [{ name: "Size", values: ["S"] }],
          variants: [{ options: ["S"], stock: 2 }],
        },
      ],
      "USD",
    );
    expect(before.problems).toEqual([]);
    await catalogIo.importRows(before.rows, "test");

    const file: Record<string, unknown>[] = Array.from({ length: BIG }, (_, i) =>
      i % 10 === 0
        ? {
            sku: `bulk-${i}`,
            name: `Shirt ${i}`,
            price: 1900,
            stock: 0,
            options: [{ name: "Size", values: ["M", "L"] }],
            variants: [
              { options: ["M"], stock: 1 },
              { options: ["L"], price: 2100, stock: 2 },
            ],
            categories: ["mugs"],
          }
        : {
            sku: `bulk-${i}`,
            name: `Mug ${i}`,
            description: "A mug",
            price: 1000 + (i % 7),
            stock: i % 3,
            images: i % 5 ? undefined : [`/img/${i}.png`],
          },
    );
    file.push({ sku: "BULK-TEE", name: "Tee", price: 1000, stock: 0 });
    const { rows, problems } = validateCatalog(file, "USD");
    expect(problems).toEqual([]);
    const progress: number[] = [];
    const started = Date.now();
    const result = await catalogIo.importRows(rows, "test", { onProgress: (done) => progress.push(done) });
    const seconds = (Date.now() - started) / 1000;
    expect(result).toEqual({ created: BIG - 100, updated: 101 });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(BIG + 1);
    expect(progress.length).toBeGreaterThan(50);

    const shirts = BIG / 10;
    expect(await count(server(), "product")).toBe(BIG + 1);
    expect(await count(server(), "product_variant")).toBe(BIG + 1 + shirts);
    expect(await count(server(), "product_category")).toBe(shirts);
    expect(await count(server(), "product_image")).toBe(BIG / 10);
    // Every product's stock is its variants', and the ledger's movements add up to it.
    const [sums] = await server().dataSource.query(
      `SELECT (SELECT SUM(stock) FROM product) AS products, (SELECT SUM(stock) FROM product_variant) AS variants,
              (SELECT SUM(delta) FROM stock_movement) AS ledger`,
    );
    const mugs = Array.from({ length: BIG }, (_, i) => (i % 10 === 0 ? 3 : i % 3)).reduce((a, b) => a + b, 0);
    expect(Number(sums.products)).toBe(mugs);
    expect(Number(sums.variants)).toBe(mugs);
    expect(Number(sums.ledger)).toBe(mugs);
    const [shirt] = await server().dataSource.query(`SELECT price_amount, stock, options FROM product WHERE sku = 'BULK-10'`);
    expect({ ...shirt, price_amount: Number(shirt.price_amount), stock: Number(shirt.stock) }).toEqual({
      price_amount: 1900,
      stock: 3,
      options: JSON.stringify([{ name: "Size", values: ["M", "L"] }]),
    });
    const variants = await server().dataSource.query(
      `SELECT v.sku, v.price_amount, v.stock FROM product_variant v JOIN product p ON p.id = v.product_id WHERE p.sku IN ('BULK-10', 'BULK-TEE') ORDER BY v.sku`,
    );
    expect(variants.map((v: Record<string, unknown>) => [v.sku, Number(v.price_amount), Number(v.stock)])).toEqual([
      ["BULK-10-L", 2100, 2],
      ["BULK-10-M", 1900, 1],
      ["BULK-TEE", 1000, 0],
    ]);
    console.log(`[${server().engine}] imported ${BIG + 1} products in ${seconds.toFixed(1)} s`);
  });

  test("a bad row deep in a big file is named by its row, and nothing of the file is written", async () => {
    const { catalogIo } = server().app.services;
    const products = await count(server(), "product");
    const movements = await count(server(), "stock_movement");
    // Row 9,990's SKU is a variant of another product's: found only when its batch, the 40th, is written.
    const file = Array.from({ length: 10_000 }, (_, i) => ({
      sku: i === 9_990 ? "BULK-10-M" : `deep-${i}`,
      name: `Deep ${i}`,
      price: 500,
      stock: 1,
    }));
    const { rows, problems } = validateCatalog(file, "USD");
    expect(problems).toEqual([]);
    const batches: number[] = [];
    const error = await catalogIo
      .importRows(rows, "test", { batchSize: 250, onProgress: (done) => batches.push(done) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogProblems);
    expect((error as CatalogProblems).problems).toEqual([
      { index: 9_990, field: "sku", message: "Another product already has the SKU BULK-10-M" },
    ]);
    expect(batches.at(-1)).toBe(9_750);
    expect(await count(server(), "product")).toBe(products);
    expect(await count(server(), "stock_movement")).toBe(movements);
  });

  test("the admin's CSV upload takes a file bigger than GraphQL's body limit; a bad row deep in it is named, nothing written", async () => {
    const admin = await adminClient(server(), `bulk${Date.now()}@example.com`);
    const cookie = `sw_session=${admin.cookies.get("sw_session")}`;
    const header = "sku,name,description,price,stock,categories,product_sku,options";
    const lines = Array.from({ length: CSV_ROWS }, (_, i) =>
      i % 4 === 0 ? `CSVB-${i}-S,Sock ${i},"Warm, soft",4.50,3,mugs,CSVB-${i},Size=S` : `CSVB-${i},Cup ${i},,2.25,1,,,`,
    );
    const upload = (csv: string) =>
      fetch(`${server().url}/api/admin/import/products.csv`, {
        method: "POST",
        headers: { cookie, "content-type": "text/csv" },
        body: csv,
      });
    const products = await count(server(), "product");

    const badLines = [...lines];
    badLines[CSV_ROWS - 10] = `CSVB-${CSV_ROWS - 10},Cup,,-1,1,,,`;
    const bad = await upload([header, ...badLines].join("\r\n"));
    expect(bad.status).toBe(400);
    const { errors } = (await bad.json()) as { errors: { message: string; extensions: { code: string; problems: unknown[] } }[] };
    expect(errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(errors[0].extensions.problems).toEqual([{ row: CSV_ROWS - 8, field: "price", message: "must be a price like 25.99" }]);
    expect(errors[0].message).toMatch(new RegExp(`nothing was imported.*row ${CSV_ROWS - 8}`));
    expect(await count(server(), "product")).toBe(products);

    const csv = [header, ...lines].join("\r\n");
    expect(csv.length).toBeGreaterThan(200 * 1024);
    const good = await upload(csv);
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ created: CSV_ROWS, updated: 0 });
    expect(await count(server(), "product")).toBe(products + CSV_ROWS);
    const [sock] = await server().dataSource.query(
      `SELECT v.sku, v.stock, p.options FROM product_variant v JOIN product p ON p.id = v.product_id WHERE p.sku = 'CSVB-4'`,
    );
    expect({ ...sock, stock: Number(sock.stock) }).toEqual({
      sku: "CSVB-4-S",
      stock: 3,
      options: JSON.stringify([{ name: "Size", values: ["S"] }]),
    });

    // Guests and customers are refused like at the other admin routes.
    expect((await fetch(`${server().url}/api/admin/import/products.csv`, { method: "POST", body: csv })).status).toBe(401);
  });

  test("the catalog export streams every product and variant, a page at a time, with the import's columns", async () => {
    const admin = await adminClient(server(), `export${Date.now()}@example.com`);
    const cookie = `sw_session=${admin.cookies.get("sw_session")}`;
    const [{ plain }] = await server().dataSource.query(`SELECT COUNT(*) AS plain FROM product WHERE options = '[]'`);
    const [{ variants }] = await server().dataSource.query(
      `SELECT COUNT(*) AS variants FROM product_variant v JOIN product p ON p.id = v.product_id WHERE p.options <> '[]'`,
    );
    const { status, type, disposition, text, chunks } = await download(server(), "/api/admin/export/products.csv", cookie);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/csv/);
    expect(disposition).toMatch(/^attachment; filename="?products.csv"?$/);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("sku,name,description,price,stock,status,categories,product_sku,options");
    expect(lines.at(-1)).toBe("");
    expect(lines.length - 2).toBe(Number(plain) + Number(variants));
    expect(lines).toContain("BULK-10-L,Shirt 10,,21.00,2,ACTIVE,mugs,BULK-10,Size=L");
    expect(lines).toContain("BULK-11,Mug 11,A mug,10.04,2,ACTIVE,,,");
    expect(chunks).toBeGreaterThan(1);
  });

  test(`the orders export streams ${ORDERS.toLocaleString("en")} orders, newest first, each once with its items`, async () => {
    const admin = await adminClient(server(), `orders${Date.now()}@example.com`);
    const cookie = `sw_session=${admin.cookies.get("sw_session")}`;
    const [{ id: productId }] = await server().dataSource.query(`SELECT id FROM product WHERE sku = 'BULK-1'`);
    await insertOrders(server(), ORDERS, Number(productId));

    const { status, type, disposition, text, chunks } = await download(server(), "/api/admin/export/orders.csv", cookie);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/csv/);
    expect(disposition).toMatch(/^attachment; filename="?orders.csv"?$/);
    expect(chunks).toBeGreaterThan(1);
    const [header, ...rows] = text.split("\r\n").slice(0, -1);
    expect(header).toBe("number,date,status,email,items,subtotal,shipping,tax,total,currency,ship_to,city,country");
    expect(rows).toHaveLength(ORDERS);
    const numbers = rows.map((r) => r.split(",")[0]);
    expect(new Set(numbers).size).toBe(ORDERS);
    // Newest first: by created_at (ties, 7 orders a second, by id), so the numbers' seconds never go up.
    const seconds = numbers.map((n) => Math.floor(Number(n.slice(3)) / 7));
    expect(seconds.every((s, i) => i === 0 || s <= seconds[i - 1])).toBe(true);
    expect(rows[0]).toMatch(
      new RegExp(`^SW-\\d{7},2026-01-01T\\d\\d:\\d\\d:\\d\\d.000Z,PAID,o\\d+@example.com,0,10.00,5.00,1.90,16.90,USD,Cleo \\d+,Berlin,DE$`),
    );
    const withItems = rows.filter((r) => r.split(",")[4] === "3").map((r) => r.split(",")[0]);
    expect(withItems.sort()).toEqual(numbers.filter((n) => Number(n.slice(3)) % 100 === 0).sort());
  });

  test("a client that leaves mid-download stops the export (no more pages are read) and the server carries on", async () => {
    const admin = await adminClient(server(), `leave${Date.now()}@example.com`);
    const cookie = `sw_session=${admin.cookies.get("sw_session")}`;
    const settle = () => new Promise((r) => setTimeout(r, 500));
    let before = server().queries();
    const stop = new AbortController();
    const res = await fetch(`${server().url}/api/admin/export/orders.csv`, { headers: { cookie }, signal: stop.signal });
    await res.body!.getReader().read();
    stop.abort();
    await settle();
    const left = server().queries() - before;
    await settle();
    expect(server().queries() - before).toBe(left);

    before = server().queries();
    const again = await download(server(), "/api/admin/export/orders.csv", cookie);
    const whole = server().queries() - before;
    expect(again.text.split("\r\n")).toHaveLength(ORDERS + 2);
    // The whole export reads 33 pages (3 statements each); the one left after its first bytes, a few.
    expect(left).toBeLessThan(whole / 2);
  });
});

describe.each(engines)("npm run seed -- --file with a big file [%s]", (engine) => {
  test("shows its progress on stderr (a line every 10,000 when not on a terminal) and ends with its time and peak memory", async () => {
    const scratch = await scratchDatabase(engine);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sw-seed-")), "catalog.json");
    try {
      fs.writeFileSync(
        file,
        JSON.stringify(Array.from({ length: 12_000 }, (_, i) => ({ sku: `SEED-${i}`, name: `Seed ${i}`, price: 100, stock: 1 }))),
      );
      const run = await runCli("scripts/seed.js", ["--file", file], { DATABASE_URL: scratch.url }, { timeoutMs: 120_000 });
      expect(run.code).toBe(0);
      expect(run.stderr).toBe("Imported 10,000 / 12,000 products\nImported 12,000 / 12,000 products\n");
      expect(run.stdout).toMatch(/created 12000, updated 0 products\.\nTook \d+\.\d s; peak memory \d+ MB\.\n$/);
    } finally {
      await scratch.drop();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
