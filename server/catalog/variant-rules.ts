/**
 * The rules a product's options and variants keep, shared by the product admin and the catalog files
 * (no decorators here, so file checks load without reflect-metadata).
 */

/** 100,000.00 in a two-decimal currency; with at most 999 of a line, a line stays far from 32-bit limits. */
export const MAX_PRICE = 10_000_000;
/** The most units one variant can have in stock. */
export const MAX_STOCK = 1_000_000;
export const MAX_OPTIONS = 3;
export const MAX_OPTION_VALUES = 30;
export const MAX_VARIANTS = 100;
const MAX_NAME = 40;

export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface OptionSpec {
  name: string;
  values: string[];
}

/** A variant as an owner or a file gives it: option values in the options' order, the rest optional. */
export interface VariantSpec {
  /** An existing variant to keep (the product admin); else matched by its option values. */
  id?: string | number | null;
  sku?: string | null;
  options: string[];
  price?: number | null;
  /** The stock to set (opening stock of a new variant, or an import's count); left out: unchanged. */
  stock?: number | null;
  imageUrl?: string | null;
}

export interface PlannedVariant {
  id?: number;
  sku: string;
  values: string[];
  price: number;
  stock?: number;
  /** Undefined: not given (a kept variant keeps its picture). */
  imageUrl?: string | null;
}

export interface VariantPlan {
  options: OptionSpec[];
  variants: PlannedVariant[];
}

export interface VariantProblem {
  field: string;
  message: string;
}

const key = (values: string[]) => JSON.stringify(values.map((v) => v.toLowerCase()));

/** "TEE" and ["M", "Blue"] → "TEE-M-BLUE", as a SKU may be written. */
export function variantSku(productSku: string, values: string[]): string {
  const tail = values.map((v) =>
    v
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toUpperCase()
      .replace(/[^A-Z0-9.]+/g, "-")
      .replace(/^-+|-+$/g, ""),
  );
  return [productSku.toUpperCase(), ...tail.filter(Boolean)].join("-").slice(0, 64).replace(/-+$/, "");
}

/**
 * Checks and completes a product's options and variants. Without options a product has one variant (its
 * "default", SKU and price the product's). With options, every variant names one value of each option, no
 * combination twice; a variant without a SKU gets one made from the product's and its values, one without a
 * price the product's. Returns the plan, or every problem by field ("variants[2].options").
 */
export function planVariants(
  product: { sku: string; price: number },
  rawOptions: OptionSpec[],
  rawVariants: VariantSpec[] | null | undefined,
): VariantPlan | { problems: VariantProblem[] } {
  const problems: VariantProblem[] = [];
  const options: OptionSpec[] = [];
  if (rawOptions.length > MAX_OPTIONS) problems.push({ field: "options", message: `A product can have at most ${MAX_OPTIONS} options` });
  const names = new Set<string>();
  rawOptions.slice(0, MAX_OPTIONS).forEach((o, i) => {
    const name = (o.name ?? "").trim();
    if (!name || name.length > MAX_NAME)
      problems.push({ field: `options[${i}].name`, message: `An option needs a name of 1 to ${MAX_NAME} characters` });
    else if (names.has(name.toLowerCase())) problems.push({ field: `options[${i}].name`, message: `Two options are called "${name}"` });
    names.add(name.toLowerCase());
    const values: string[] = [];
    for (const raw of o.values ?? []) {
      const value = String(raw).trim();
      if (!value || value.length > MAX_NAME) {
        problems.push({ field: `options[${i}].values`, message: `Each value of ${name || "an option"} needs 1 to ${MAX_NAME} characters` });
      } else if (values.some((v) => v.toLowerCase() === value.toLowerCase())) {
        problems.push({ field: `options[${i}].values`, message: `${name} lists "${value}" twice` });
      } else values.push(value);
    }
    if (!values.length) problems.push({ field: `options[${i}].values`, message: `${name || "An option"} needs at least one value` });
    if (values.length > MAX_OPTION_VALUES)
      problems.push({ field: `options[${i}].values`, message: `${name} can have at most ${MAX_OPTION_VALUES} values` });
    options.push({ name, values });
  });
  if (problems.length) return { problems };

  const specs = rawVariants ?? [];
  if (!options.length) {
    if (specs.length > 1)
      return { problems: [{ field: "variants", message: "A product without options has one variant; add options to sell it in several" }] };
    const only = specs[0];
    if (only && only.options.length)
      return { problems: [{ field: "variants[0].options", message: "A product without options takes no option values" }] };
    return {
      options,
      variants: [
        {
          id: only?.id ? Number(only.id) : undefined,
          sku: product.sku.toUpperCase(),
          values: [],
          price: only?.price ?? product.price,
          stock: only?.stock ?? undefined,
          imageUrl: only?.imageUrl === undefined ? undefined : only.imageUrl?.trim() || null,
        },
      ],
    };
  }
  if (!specs.length) return { problems: [{ field: "variants", message: "A product with options needs at least one variant" }] };
  if (specs.length > MAX_VARIANTS)
    return { problems: [{ field: "variants", message: `A product can have at most ${MAX_VARIANTS} variants` }] };
  const variants: PlannedVariant[] = [];
  const combos = new Map<string, number>();
  const skus = new Map<string, number>();
  specs.forEach((spec, i) => {
    const field = `variants[${i}]`;
    if (spec.options.length !== options.length) {
      return problems.push({
        field: `${field}.options`,
        message: `Give one value for each option (${options.map((o) => o.name).join(", ")})`,
      });
    }
    const values: string[] = [];
    spec.options.forEach((raw, j) => {
      const found = options[j].values.find((v) => v.toLowerCase() === String(raw).trim().toLowerCase());
      if (!found) problems.push({ field: `${field}.options`, message: `"${String(raw).trim()}" is not a value of ${options[j].name}` });
      else values.push(found);
    });
    if (values.length !== options.length) return;
    const combo = key(values);
    if (combos.has(combo)) return problems.push({ field: `${field}.options`, message: `${values.join(" / ")} is listed twice` });
    combos.set(combo, i);
    const sku = (spec.sku?.trim() || variantSku(product.sku, values)).toUpperCase();
    if (sku.length > 64 || !SKU_PATTERN.test(sku)) {
      return problems.push({ field: `${field}.sku`, message: "A SKU has 1 to 64 letters, digits, '.', '_' or '-'" });
    }
    if (skus.has(sku)) return problems.push({ field: `${field}.sku`, message: `${sku} is the SKU of another variant too` });
    skus.set(sku, i);
    const price = spec.price ?? product.price;
    if (!Number.isInteger(price) || price < 0 || price > MAX_PRICE)
      return problems.push({ field: `${field}.price`, message: "must be a price from 0 to 100,000" });
    const stock = spec.stock ?? undefined;
    if (stock !== undefined && (!Number.isInteger(stock) || stock < 0 || stock > MAX_STOCK)) {
      return problems.push({ field: `${field}.stock`, message: `must be a count from 0 to ${MAX_STOCK.toLocaleString("en")}` });
    }
    const imageUrl = spec.imageUrl === undefined ? undefined : spec.imageUrl?.trim() || null;
    variants.push({ id: spec.id ? Number(spec.id) : undefined, sku, values, price, stock, imageUrl });
  });
  return problems.length ? { problems } : { options, variants };
}

export const isPlan = (p: VariantPlan | { problems: VariantProblem[] }): p is VariantPlan => !("problems" in p);
