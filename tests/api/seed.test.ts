import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { connectStore } from "../../server/modules";
import { runCli } from "../helpers/cli";
import { engines, scratchDatabase } from "../helpers/test-server";

function writeJson(data: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sw-seed-")), "catalog.json");
  fs.writeFileSync(file, typeof data === "string" ? data : JSON.stringify(data));
  return file;
}

describe.each(engines)("npm run seed [%s]", (engine) => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  const products = async () => {
    const ds = await connectStore(scratch.db, { withoutMigrations: true });
    try {
      const rows = await ds.query("SELECT sku, name, price_amount, stock FROM product ORDER BY sku");
      const images = await ds.query(
        "SELECT p.sku, i.url, i.alt FROM product_image i JOIN product p ON p.id = i.product_id ORDER BY p.sku, i.position",
      );
      return { rows: rows.map((r: any) => ({ ...r, price_amount: Number(r.price_amount), stock: Number(r.stock) })), images };
    } finally {
      await ds.destroy();
    }
  };

  beforeAll(async () => {
    scratch = await scratchDatabase(engine);
  });
  afterAll(async () => scratch.drop());

  test("a good file is upserted by sku, and the command says how many it created and updated", async () => {
    const first = writeJson([
      { sku: "MUG-1", name: "Mug", description: "A mug", price: 1200, currency: "USD", stock: 5, images: ["/img/mug.png"] },
      { sku: "pot-1", name: "Pot", description: "A pot", price: 3000, currency: "usd", stock: 2 },
    ]);
    const run1 = await runCli("scripts/seed.js", ["--file", first], { DATABASE_URL: scratch.url });
    expect(run1.stderr).toBe("");
    expect(run1.code).toBe(0);
    expect(run1.stdout).toMatch(/created 2, updated 0 products/);

    const second = writeJson([
      {
        sku: "MUG-1",
        name: "Big Mug",
        description: "A bigger mug",
        price: 1500,
        currency: "USD",
        stock: 9,
        images: [{ url: "/img/big.png", alt: "Big mug" }],
      },
      { sku: "BOWL-1", name: "Bowl", description: "", price: 900, currency: "USD", stock: 0 },
    ]);
    const run2 = await runCli("scripts/seed.js", ["--file", second], { DATABASE_URL: scratch.url });
    expect(run2.code).toBe(0);
    expect(run2.stdout).toMatch(/created 1, updated 1 products/);

    const { rows, images } = await products();
    expect(rows).toEqual([
      { sku: "BOWL-1", name: "Bowl", price_amount: 900, stock: 0 },
      { sku: "MUG-1", name: "Big Mug", price_amount: 1500, stock: 9 },
      { sku: "POT-1", name: "Pot", price_amount: 3000, stock: 2 },
    ]);
    expect(images).toEqual([{ sku: "MUG-1", url: "/img/big.png", alt: "Big mug" }]);
  });

  test("a bad file is reported by row and field, exits non-zero, and writes nothing — not even its good rows", async () => {
    const before = await products();
    const bad = writeJson([
      { sku: "NEW-1", name: "Fine", description: "ok", price: 100, currency: "USD", stock: 1 },
      { sku: "MUG-1", name: "", description: "x", price: 12.5, currency: "USD", stock: 3 },
      { sku: "NEW-2", name: "Euro", description: "x", price: 100, currency: "EUR", stock: -1 },
      { sku: "new-1", name: "Dup", description: "x", price: 100, currency: "USD", stock: 1, images: ["ftp://nope"] },
    ]);
    const run = await runCli("scripts/seed.js", ["--file", bad], { DATABASE_URL: scratch.url });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("row 1, name:");
    expect(run.stderr).toContain("row 1, price:");
    expect(run.stderr).toContain("row 2, currency:");
    expect(run.stderr).toContain("row 2, stock:");
    expect(run.stderr).toContain("row 3, sku: repeats the sku of row 0");
    expect(run.stderr).toContain("row 3, images[0].url:");
    expect(run.stderr).toMatch(/nothing was written/);
    expect(await products()).toEqual(before);
  });

  test("a file that is not a JSON array is refused with a clear message", async () => {
    for (const content of ["{ not json", JSON.stringify({ sku: "X" })]) {
      const run = await runCli("scripts/seed.js", ["--file", writeJson(content)], { DATABASE_URL: scratch.url });
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split("\n").length).toBeLessThanOrEqual(2);
      expect(run.stderr).toMatch(/JSON|array/);
    }
  });

  test("without --file it loads the demo catalog of at least 24 products with images", async () => {
    const run = await runCli("scripts/seed.js", [], { DATABASE_URL: scratch.url });
    expect(run.code).toBe(0);
    const { rows, images } = await products();
    expect(rows.length).toBeGreaterThanOrEqual(24 + 3);
    expect(images.filter((i: any) => i.url.startsWith("/media/demo/")).length).toBeGreaterThanOrEqual(48);
  });
});
