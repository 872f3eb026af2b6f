/** The rules categories keep, shared by the API's inputs, the service and the catalog files (no decorators here). */

/** A category's address: lower-case letters and digits, words joined by single hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The most categories a product can be in. */
export const MAX_PRODUCT_CATEGORIES = 20;

/** The deepest a category may be (0 is the top): five levels in all. */
export const MAX_DEPTH = 4;

/** "Green Tea & Tisanes" → "green-tea-tisanes". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 90)
    .replace(/-+$/, "");
  return slug || "category";
}
