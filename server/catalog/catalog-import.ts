import { In } from "typeorm";
import type { Transactions } from "../db/transaction";
import { ProductImage } from "./product-image.entity";
import { Product } from "./product.entity";

/** A catalog row as `npm run seed -- --file` reads it; price in minor units, sku upper-case. */
export interface CatalogRow {
  sku: string;
  name: string;
  description: string;
  price: number;
  currency: string;
  stock: number;
  /** Replaces the product's images when given; each a URL or `{ url, alt }`. */
  images?: { url: string; alt: string }[];
}

export interface RowProblem {
  index: number;
  field: string;
  message: string;
}

/** 100,000.00 in a two-decimal currency; with at most 999 of a line, a line stays far from 32-bit limits. */
const MAX_PRICE = 10_000_000;
const MAX_STOCK = 1_000_000;
const MAX_IMAGES = 10;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isImageUrl = (s: string) => /^(\/[^\s]*|https?:\/\/[^\s]+)$/.test(s) && s.length <= 500;

/**
 * Checks every row before anything is written and lists each problem by row index and field.
 * `currency` may be left out (the store's currency is meant); when given it must be the store's.
 */
export function validateCatalog(input: unknown, storeCurrency: string): { rows: CatalogRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  if (!Array.isArray(input)) {
    return { rows: [], problems: [{ index: -1, field: "(file)", message: "must be a JSON array of products" }] };
  }
  const rows: CatalogRow[] = [];
  const seen = new Map<string, number>();
  input.forEach((raw, index) => {
    const problem = (field: string, message: string) => problems.push({ index, field, message });
    if (!isObject(raw)) return problem("(row)", "must be an object");
    const before = problems.length;

    const str = (field: string, min: number, max: number): string => {
      const v = raw[field];
      if (typeof v !== "string") problem(field, "is required and must be a string");
      else if (v.trim().length < min || v.length > max) problem(field, `must be ${min} to ${max} characters`);
      return typeof v === "string" ? v.trim() : "";
    };
    const int = (field: string, max: number, what: string): number => {
      const v = raw[field];
      if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > max) problem(field, `must be a whole number from 0 to ${max} (${what})`);
      return v as number;
    };

    // SKUs are stored upper-case, so matching is the same on SQLite (case-sensitive) and MySQL (not).
    const sku = str("sku", 1, 64).toUpperCase();
    if (sku && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(sku)) problem("sku", "may hold only letters, digits, '.', '_' and '-'");
    else if (sku && seen.has(sku)) problem("sku", `repeats the sku of row ${seen.get(sku)}`);
    else if (sku) seen.set(sku, index);
    const name = str("name", 1, 200);
    const description = str("description", 0, 10_000);
    const price = int("price", MAX_PRICE, "minor units, e.g. 2599 for 25.99");
    const stock = int("stock", MAX_STOCK, "units in stock");
    let currency = storeCurrency;
    if (raw.currency !== undefined) {
      if (typeof raw.currency !== "string" || raw.currency.toUpperCase() !== storeCurrency) {
        problem("currency", `must be the store's currency, ${storeCurrency}`);
      } else currency = storeCurrency;
    }
    let images: CatalogRow["images"];
    if (raw.images !== undefined) {
      if (!Array.isArray(raw.images) || raw.images.length > MAX_IMAGES) {
        problem("images", `must be a list of at most ${MAX_IMAGES} images`);
      } else {
        images = [];
        raw.images.forEach((img: unknown, i: number) => {
          const url = typeof img === "string" ? img : isObject(img) ? img.url : undefined;
          const alt = isObject(img) && typeof img.alt === "string" ? img.alt.slice(0, 200) : name;
          if (typeof url !== "string" || !isImageUrl(url)) problem(`images[${i}]`, "must be a URL (http(s)://… or /…)");
          else images!.push({ url, alt });
        });
      }
    }
    if (problems.length === before) rows.push({ sku, name, description, price, currency, stock, images });
  });
  return { rows, problems };
}

/** Upserts rows by sku in one transaction; returns how many products it created and updated. */
export async function importCatalog(tx: Transactions, rows: CatalogRow[]): Promise<{ created: number; updated: number }> {
  return tx.run(async (m) => {
    const existing = rows.length ? await m.findBy(Product, { sku: In(rows.map((r) => r.sku)) }) : [];
    const bySku = new Map(existing.map((p) => [p.sku, p]));
    let created = 0;
    for (const row of rows) {
      const fields = { name: row.name, description: row.description, priceAmount: row.price, currency: row.currency, stock: row.stock };
      let product = bySku.get(row.sku);
      if (product) {
        await m.update(Product, { id: product.id }, fields);
      } else {
        product = m.create(Product, { sku: row.sku, ...fields });
        await m.save(product);
        created++;
      }
      if (row.images) {
        await m.delete(ProductImage, { productId: product.id });
        if (row.images.length) {
          await m.insert(
            ProductImage,
            row.images.map((img, position) => ({ productId: product!.id, url: img.url, alt: img.alt, position })),
          );
        }
      }
    }
    return { created, updated: rows.length - created };
  });
}
