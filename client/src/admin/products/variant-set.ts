import type { VariantInput } from "../../graphql/graphql";
import { parseMoneyInput } from "../../lib/money";
import type { FieldProblem } from "./field-problem";

/** An option as the owner types it: a name and its values separated by commas. */
export interface OptionRow {
  name: string;
  values: string;
}

/** A row of the variants table. */
export interface VariantRow {
  /** An existing variant (kept by id when saved); none for a new one. */
  id?: string;
  /** One value per option, in the options' order. */
  values: string[];
  /** Empty: the server makes one from the product's SKU and the values. */
  sku: string;
  /** As typed; empty: the product's price. */
  price: string;
  /** Opening stock of a new variant, as typed. */
  stock: string;
  /** The stock of an existing variant (changed in the stock panel, not here). */
  currentStock?: number;
  /** One of the product's pictures that shows this variant; empty: none. */
  imageUrl: string;
}

/** The most variants a product can have (the server's limit too). */
export const MAX_VARIANTS = 100;
export const MAX_OPTIONS = 3;

export const variantTitle = (values: readonly string[]) => values.join(" / ");

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The options as the API takes them: names trimmed, values split at commas, blanks and repeats left out. */
export function parseOptions(rows: readonly OptionRow[]): { name: string; values: string[] }[] {
  return rows.map((row) => {
    const values: string[] = [];
    for (const raw of row.values.split(",")) {
      const value = raw.trim();
      if (value && !values.some((v) => same(v, value))) values.push(value);
    }
    return { name: row.name.trim(), values };
  });
}

/** How many variants the options make (every combination). */
export const combinations = (options: readonly { values: readonly string[] }[]) =>
  options.length ? options.reduce((n, o) => n * o.values.length, 1) : 0;

/**
 * Every combination of the options' values, in the options' order (S / Blue, S / Red, M / Blue, …). A row that
 * already has those values stays as it is (its id, SKU, price, stock and picture); the others are new.
 */
export function generateVariants(options: readonly { values: readonly string[] }[], rows: readonly VariantRow[]): VariantRow[] {
  if (!options.length) return [];
  let combos: string[][] = [[]];
  for (const option of options) combos = combos.flatMap((combo) => option.values.map((value) => [...combo, value]));
  return combos.map((values) => {
    const kept = rows.find((r) => r.values.length === values.length && r.values.every((v, i) => same(v, values[i])));
    return kept ? { ...kept, values } : { values, sku: "", price: "", stock: "0", imageUrl: "" };
  });
}

/** Whether every row has one value of each option (else the options changed since the variants were made). */
export function rowsFit(options: readonly { values: readonly string[] }[], rows: readonly VariantRow[]): boolean {
  return rows.every((r) => r.values.length === options.length && r.values.every((v, i) => options[i].values.some((o) => same(o, v))));
}

/**
 * The rows as the API takes them, in order (the server's `variants[i]` is row i), or the first problem: no
 * variants yet, rows made for other options, a price or an opening stock that isn't one. A picture no longer
 * among the product's is left out.
 */
export function toVariantInputs(
  options: readonly { values: readonly string[] }[],
  rows: readonly VariantRow[],
  imageUrls: readonly string[],
  currency: string,
): VariantInput[] | FieldProblem {
  if (!rows.length) return { field: "variants", message: "Press “Generate variants” to make the variants of these options." };
  if (!rowsFit(options, rows)) {
    return { field: "variants", message: "The options changed since the variants were made: press “Generate variants” again." };
  }
  const inputs: VariantInput[] = [];
  for (const [i, row] of rows.entries()) {
    const price = row.price.trim() ? parseMoneyInput(row.price, currency) : null;
    if (row.price.trim() && price === null) return { field: `variants[${i}].price`, message: "Enter the price like 25.99" };
    const stock = row.id ? null : Number(row.stock.trim() || "0");
    if (stock !== null && (!Number.isInteger(stock) || stock < 0)) {
      return { field: `variants[${i}].stock`, message: "Enter a whole number of units, like 0 or 12" };
    }
    inputs.push({
      id: row.id ?? null,
      sku: row.sku.trim() || null,
      options: [...row.values],
      price,
      stock,
      imageUrl: imageUrls.includes(row.imageUrl) ? row.imageUrl : null,
    });
  }
  return inputs;
}
