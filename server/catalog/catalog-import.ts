import { validationProblems, type Problem } from "../graphql/validation";
import { MAX_PRODUCT_CATEGORIES, SLUG } from "./category-rules";
import { CreateProductInput, ImageInput } from "./product.inputs";

/** A catalog row as the importers write it; price in minor units, sku upper-case. */
export interface CatalogRow {
  sku: string;
  name: string;
  description: string;
  price: number;
  currency: string;
  stock: number;
  /** Replaces the product's images when given. */
  images?: { url: string; alt: string }[];
  /** Replaces the product's categories (by slug) when given. */
  categories?: string[];
}

/** In a CSV cell, categories are slugs separated by "|": "tea|green-tea". */
export const CATEGORY_SEPARATOR = "|";

export interface RowProblem extends Problem {
  index: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

/** A row as the product form's input, so a file is held to the same rules as createProduct. */
function asInput(raw: Record<string, unknown>): CreateProductInput {
  const input = Object.assign(new CreateProductInput(), {
    sku: trimmed(raw.sku),
    name: trimmed(raw.name),
    description: trimmed(raw.description ?? ""),
    price: raw.price,
    stock: raw.stock,
    images: [] as ImageInput[],
  });
  if (raw.images !== undefined) {
    input.images = Array.isArray(raw.images)
      ? raw.images.map((img: unknown) =>
          Object.assign(new ImageInput(), {
            url: typeof img === "string" ? img : isObject(img) ? img.url : undefined,
            alt: isObject(img) && img.alt !== undefined ? trimmed(img.alt) : input.name,
          }),
        )
      : (raw.images as ImageInput[]);
  }
  return input;
}

/**
 * Checks every row before anything is written, through CreateProductInput's rules, and lists each problem by
 * row index and field. `currency` may be left out (the store's currency is meant); when given it must be the
 * store's. A file may not name one SKU twice.
 */
export function validateCatalog(input: unknown, storeCurrency: string): { rows: CatalogRow[]; problems: RowProblem[] } {
  if (!Array.isArray(input)) {
    return { rows: [], problems: [{ index: -1, field: "(file)", message: "must be a JSON array of products" }] };
  }
  const problems: RowProblem[] = [];
  const rows: CatalogRow[] = [];
  const seen = new Map<string, number>();
  input.forEach((raw: unknown, index) => {
    if (!isObject(raw)) return problems.push({ index, field: "(row)", message: "must be an object" });
    const before = problems.length;
    const product = asInput(raw);
    problems.push(...validationProblems(product).map((p) => ({ index, ...p })));
    // SKUs are stored upper-case, so matching is the same on SQLite (case-sensitive) and MySQL (not).
    const sku = typeof product.sku === "string" ? product.sku.toUpperCase() : "";
    if (sku && seen.has(sku)) problems.push({ index, field: "sku", message: `repeats the sku of row ${seen.get(sku)}` });
    else if (sku) seen.set(sku, index);
    if (raw.currency !== undefined && (typeof raw.currency !== "string" || raw.currency.toUpperCase() !== storeCurrency)) {
      problems.push({ index, field: "currency", message: `must be the store's currency, ${storeCurrency}` });
    }
    const categories = categoriesOf(raw.categories);
    if (typeof categories === "string") problems.push({ index, field: "categories", message: categories });
    if (problems.length > before) return;
    rows.push({
      sku,
      name: product.name,
      description: product.description,
      price: product.price,
      currency: storeCurrency,
      stock: product.stock,
      images: raw.images === undefined ? undefined : product.images.map((i) => ({ url: i.url, alt: i.alt })),
      categories: categories as string[] | undefined,
    });
  });
  return { rows, problems };
}

/** A row's categories: a list of slugs (or, from a CSV cell, slugs separated by "|"); a string says what is wrong. */
function categoriesOf(raw: unknown): string[] | undefined | string {
  if (raw === undefined) return undefined;
  const list = typeof raw === "string" ? raw.split(CATEGORY_SEPARATOR) : raw;
  if (!Array.isArray(list) || list.some((c) => typeof c !== "string"))
    return `must be a list of category slugs (in CSV: separated by "${CATEGORY_SEPARATOR}")`;
  const slugs = [...new Set(list.map((c: string) => c.trim().toLowerCase()).filter(Boolean))];
  const bad = slugs.find((c) => c.length > 100 || !SLUG.test(c));
  if (bad) return `"${bad}" is not a category slug (lower-case letters, digits and hyphens, e.g. green-tea)`;
  if (slugs.length > MAX_PRODUCT_CATEGORIES) return `a product can be in ${MAX_PRODUCT_CATEGORIES} categories at most`;
  return slugs;
}
