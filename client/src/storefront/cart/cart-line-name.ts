/** A variant of a product with options (a product without has one variant, "Default", with no values). */
export const hasOptions = (variant: { options: readonly unknown[] }) => variant.options.length > 0;

/** A cart line as buttons and the summary name it: "Organic Cotton T-Shirt (M / Blue)", or the product's name. */
export function lineName(line: { product: { name: string }; variant: { title: string; options: readonly unknown[] } }): string {
  return hasOptions(line.variant) ? `${line.product.name} (${line.variant.title})` : line.product.name;
}
