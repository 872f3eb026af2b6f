import type { DataSource, EntityManager } from "typeorm";

/** What the bench needs to know of the catalog it made. */
export interface BenchCatalog {
  products: number;
  /** The highest product id (ids run from 1). */
  lastId: number;
  /** Active products sold in one form (one variant): what shoppers put in their carts. */
  simpleIds: number[];
  /** Products whose name says "teapot" (the search's hits). */
  teapots: number;
}

const COLLECTIONS = [
  "Harbor",
  "Kyoto",
  "Nordic",
  "Atelier",
  "Meadow",
  "Cobalt",
  "Saffron",
  "Ember",
  "Linden",
  "Juniper",
  "Granite",
  "Willow",
];
const FINISHES = ["Glazed", "Matte", "Hand-thrown", "Speckled", "Brushed", "Hammered", "Enamelled", "Frosted", "Polished", "Rustic"];
const MATERIALS = ["Stoneware", "Porcelain", "Cast Iron", "Glass", "Copper", "Bamboo", "Oak", "Linen", "Ceramic", "Steel"];
const NOUNS = [
  "Teapot",
  "Tea Cup",
  "Mug",
  "Kettle",
  "Tea Caddy",
  "Strainer",
  "Tray",
  "Tea Towel",
  "Milk Jug",
  "Sugar Bowl",
  "Saucer",
  "Infuser",
  "Tea Tin",
  "Coaster Set",
  "Trivet",
  "Cake Stand",
  "Serving Bowl",
  "Tumbler",
  "Carafe",
  "Scoop",
  "Whisk",
  "Matcha Bowl",
  "Storage Jar",
  "Apron",
  "Placemat",
];
const SENTENCES = [
  "Made in small batches by a family workshop that has worked the same way for three generations.",
  "Every piece is finished by hand, so no two are quite alike.",
  "It keeps its heat well and sits steady on the table.",
  "Dishwasher safe, though a rinse in warm water is all it really needs.",
  "The glaze is food safe and free of lead and cadmium.",
  "A thoughtful gift for anyone who takes their afternoon tea seriously.",
  "Pairs well with the rest of the collection.",
  "Sized for two generous cups, or one long morning.",
  "The handle stays cool and the lid is held in place by a small lip.",
  "Ships in recycled packaging, wrapped in paper rather than plastic.",
  "Store it dry; the natural finish deepens with use.",
  "Designed in our studio and tested in our own kitchen for a month before it made the catalog.",
];

/** The same catalog for the same size, every run: a small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rows inserted per statement (SQLite takes up to 32,766 parameters in one). */
const BATCH = 500;

async function insert(tx: EntityManager, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const q = (name: string) => tx.connection.driver.escape(name);
  const head = `INSERT INTO ${q(table)} (${columns.map(q).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    await tx.query(head + chunk.map(() => tuple).join(", "), chunk.flat());
  }
}

/**
 * Writes a catalog of `count` products into a freshly migrated, empty store database, directly with
 * multi-row INSERTs (seconds for 100,000): each product with its variant rows (every 10th in three sizes,
 * the rest one default variant), an image, and its stock put in through a ledger entry per variant, so
 * the stock columns and the ledger agree as the store keeps them. Every 50th product is a draft.
 */
export async function generateCatalog(ds: DataSource, count: number, currency: string): Promise<BenchCatalog> {
  const rnd = random(count);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const products: unknown[][] = [];
  const variants: unknown[][] = [];
  const images: unknown[][] = [];
  const movements: unknown[][] = [];
  const simpleIds: number[] = [];
  let teapots = 0;
  let variantId = 0;
  for (let id = 1; id <= count; id++) {
    const noun = pick(NOUNS);
    if (noun === "Teapot") teapots++;
    const name = `${pick(COLLECTIONS)} ${pick(FINISHES)} ${pick(MATERIALS)} ${noun}`;
    const sku = `BENCH-${String(id).padStart(6, "0")}`;
    const description = Array.from({ length: 3 + Math.floor(rnd() * 3) }, () => pick(SENTENCES)).join(" ");
    const price = 500 + Math.floor(rnd() * 300) * 25;
    const sized = id % 10 === 0;
    const draft = id % 50 === 7;
    const sizes = sized ? ["S", "M", "L"] : [];
    const variantStock = sized ? 200_000 : 500_000;
    const stock = variantStock * Math.max(1, sizes.length);
    products.push([
      id,
      sku,
      name,
      description,
      price,
      currency,
      stock,
      100 + Math.floor(rnd() * 2900),
      JSON.stringify(sized ? [{ name: "Size", values: sizes }] : []),
      draft ? "DRAFT" : "ACTIVE",
    ]);
    images.push([id, `/media/uploads/bench/${sku.toLowerCase()}.jpg`, name, 0]);
    (sized ? sizes : [null]).forEach((size, position) => {
      variantId++;
      variants.push([
        variantId,
        id,
        size ? `${sku}-${size}` : sku,
        JSON.stringify(size ? [size] : []),
        price + position * 200,
        currency,
        variantStock,
        position,
      ]);
      movements.push([id, variantId, variantStock, "Initial stock (npm run bench)", variantStock, "npm run bench"]);
    });
    if (!sized && !draft) simpleIds.push(id);
  }
  // One transaction: SQLite writes it once, not once a statement.
  await ds.transaction(async (tx) => {
    await insert(
      tx,
      "product",
      ["id", "sku", "name", "description", "price_amount", "currency", "stock", "weight_grams", "options", "status"],
      products,
    );
    await insert(
      tx,
      "product_variant",
      ["id", "product_id", "sku", "option_values", "price_amount", "currency", "stock", "position"],
      variants,
    );
    await insert(tx, "product_image", ["product_id", "url", "alt", "position"], images);
    await insert(tx, "stock_movement", ["product_id", "variant_id", "delta", "reason", "resulting_stock", "actor"], movements);
  });
  return { products: count, lastId: count, simpleIds, teapots };
}
