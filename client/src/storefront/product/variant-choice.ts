/** What the variant picker needs of a product: its options, and each variant's values and stock. */
export interface Choosable<V extends ChoosableVariant = ChoosableVariant> {
  options: readonly { name: string; values: readonly string[] }[];
  variants: readonly V[];
}

export interface ChoosableVariant {
  stock: number;
  options: readonly { name: string; value: string }[];
}

/** The shopper's choice: one value per option, in the options' order (null while not chosen). */
export type Choice = readonly (string | null)[];

/** How a value would do with the other options as chosen. */
export type ValueState = "available" | "sold-out" | "unavailable";

const valueOf = (variant: ChoosableVariant, option: string) => variant.options.find((o) => o.name === option)?.value;

/** The variants that fit a choice (an option not chosen yet fits any value). */
function fitting<V extends ChoosableVariant>(product: Choosable<V>, choice: Choice): V[] {
  return product.variants.filter((v) => product.options.every((o, i) => choice[i] == null || valueOf(v, o.name) === choice[i]));
}

/** The values of a variant as a choice. */
export function choiceOf(product: Choosable, variant: ChoosableVariant): Choice {
  return product.options.map((o) => valueOf(variant, o.name) ?? null);
}

/** What the page starts with: the first variant in stock (else the first), so a shopper can add at once. */
export function initialChoice(product: Choosable): Choice {
  const first = product.variants.find((v) => v.stock > 0) ?? product.variants[0];
  return first ? choiceOf(product, first) : product.options.map(() => null);
}

/** The variant a complete choice names; undefined while an option is not chosen or no variant has those values. */
export function chosenVariant<V extends ChoosableVariant>(product: Choosable<V>, choice: Choice): V | undefined {
  if (product.options.some((_, i) => choice[i] == null)) return undefined;
  return fitting(product, choice)[0];
}

/**
 * The variant whose picture to show: the chosen one when it has a picture, else the one with a picture that
 * shares most of the choice (M / Red not sold: a red one), so the picture follows the values chosen.
 */
export function pictureVariant<V extends ChoosableVariant & { image?: unknown }>(product: Choosable<V>, choice: Choice): V | undefined {
  let best: V | undefined;
  let bestScore = -1;
  for (const v of product.variants) {
    if (!v.image) continue;
    const score = product.options.filter((o, i) => choice[i] != null && valueOf(v, o.name) === choice[i]).length;
    if (score > bestScore) [best, bestScore] = [v, score];
  }
  return best;
}

/**
 * Whether choosing `value` for option `index`, the other options staying as chosen, leads to something to buy:
 * "sold-out" when every variant it leads to has none left, "unavailable" when no variant has those values.
 */
export function valueState(product: Choosable, choice: Choice, index: number, value: string): ValueState {
  const candidates = fitting(
    product,
    choice.map((c, i) => (i === index ? value : c)),
  );
  if (!candidates.length) return "unavailable";
  return candidates.some((v) => v.stock > 0) ? "available" : "sold-out";
}

/** Option names for a sentence: "size", "size and colour", "size, colour or material". */
export function optionList(names: readonly string[], conjunction: "and" | "or" = "and"): string {
  const lower = names.map((n) => n.toLowerCase());
  return lower.length < 2 ? (lower[0] ?? "") : `${lower.slice(0, -1).join(", ")} ${conjunction} ${lower[lower.length - 1]}`;
}

/**
 * Why the choice can't go into the cart, for the shopper: an option not chosen, a combination not sold, a
 * variant sold out (unless the whole product is, which the page already says); null when it can.
 */
export function whyNotAddable(
  product: Choosable & { name: string; stock: number },
  choice: Choice,
  variant: (ChoosableVariant & { title: string }) | undefined,
): string | null {
  const missing = product.options.filter((_, i) => choice[i] == null).map((o) => o.name);
  if (missing.length) return `Choose ${optionList(missing)} first.`;
  if (!variant) return `${product.name} doesn't come in ${choice.join(" / ")}. Choose another combination.`;
  const names = product.options.map((o) => o.name);
  if (variant.stock <= 0 && product.stock > 0) return `${variant.title} is sold out. Choose another ${optionList(names, "or")}.`;
  return null;
}
