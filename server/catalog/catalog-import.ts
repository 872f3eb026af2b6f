import { validationProblems, type Problem } from "../graphql/validation";
import { MAX_PRODUCT_CATEGORIES, SLUG } from "./category-rules";
import { CreateProductInput, ImageInput } from "./product.inputs";
import { isPlan, planVariants, type OptionSpec, type VariantPlan, type VariantProblem, type VariantSpec } from "./variant-rules";

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
  /** A product sold in several forms: its options and variants (stock set as given); else the row is its one variant. */
  options?: OptionSpec[];
  variants?: VariantSpec[];
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
    options: [],
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
    const variants = variantsOf(raw, sku, product.price);
    if ("problems" in variants) problems.push(...variants.problems.map((p) => ({ index, ...p })));
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
      ...("plan" in variants && variants.plan.options.length
        ? { options: variants.plan.options, variants: variants.plan.variants.map((v) => ({ ...v, options: v.values })) }
        : {}),
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

/**
 * A row's options and variants: `options` as [{ name, values }], `variants` as [{ sku, options, price, stock }]
 * where options are the values in the options' order (["M", "Blue"]) or by name ({ "Size": "M" }); price in
 * minor units (the row's price when left out), stock the count (0 when left out).
 */
function variantsOf(
  raw: Record<string, unknown>,
  sku: string,
  price: number,
): { plan: VariantPlan } | { problems: VariantProblem[] } | { none: true } {
  if (raw.options === undefined && raw.variants === undefined) return { none: true };
  const options = raw.options ?? [];
  if (!Array.isArray(options) || options.some((o) => !isObject(o) || typeof o.name !== "string" || !Array.isArray(o.values)))
    return { problems: [{ field: "options", message: 'must be a list of options like { "name": "Size", "values": ["S", "M"] }' }] };
  const specs = raw.variants ?? [];
  if (!Array.isArray(specs) || specs.some((v) => !isObject(v)))
    return {
      problems: [
        { field: "variants", message: 'must be a list of variants like { "sku": "TEE-M", "options": ["M"], "price": 1900, "stock": 5 }' },
      ],
    };
  const problems: VariantProblem[] = [];
  const variants: VariantSpec[] = specs.map((v: Record<string, unknown>, i) => {
    const values = Array.isArray(v.options)
      ? v.options.map(String)
      : isObject(v.options)
        ? options.map((o: OptionSpec) => String((v.options as Record<string, unknown>)[o.name] ?? ""))
        : [];
    for (const f of ["price", "stock"] as const) {
      if (v[f] !== undefined && v[f] !== null && !Number.isInteger(v[f]))
        problems.push({ field: `variants[${i}].${f}`, message: "must be a whole number" });
    }
    if (v.sku !== undefined && typeof v.sku !== "string") problems.push({ field: `variants[${i}].sku`, message: "must be text" });
    return {
      sku: typeof v.sku === "string" ? v.sku : undefined,
      options: values,
      price: Number.isInteger(v.price) ? (v.price as number) : undefined,
      stock: Number.isInteger(v.stock) ? (v.stock as number) : 0,
      imageUrl: typeof v.imageUrl === "string" ? v.imageUrl : undefined,
    };
  });
  if (problems.length) return { problems };
  const plan = planVariants({ sku, price }, options as OptionSpec[], variants);
  return isPlan(plan) ? { plan } : plan;
}
