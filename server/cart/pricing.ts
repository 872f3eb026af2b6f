/** What shipping and tax a cart or order pays; swap the rule to change how a store charges. */
export interface PricingRule {
  quote(subtotal: number, totalQuantity: number): { shipping: number; tax: number };
}

/**
 * The default rule: a flat shipping fee, free at or above a threshold (0 means never free),
 * nothing for an empty cart; tax as basis points of the subtotal, rounded half up.
 */
export class FlatShippingRule implements PricingRule {
  constructor(private readonly opts: { shippingFlat: number; freeShippingThreshold: number; taxRateBps: number }) {}

  quote(subtotal: number, totalQuantity: number): { shipping: number; tax: number } {
    const free = this.opts.freeShippingThreshold > 0 && subtotal >= this.opts.freeShippingThreshold;
    const shipping = totalQuantity === 0 || free ? 0 : this.opts.shippingFlat;
    const tax = Math.floor((subtotal * this.opts.taxRateBps + 5000) / 10_000);
    return { shipping, tax };
  }
}

export interface Totals {
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
  totalQuantity: number;
}

export function computeTotals(rule: PricingRule, lines: { unitPrice: number; quantity: number }[]): Totals {
  const subtotal = lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
  const totalQuantity = lines.reduce((sum, l) => sum + l.quantity, 0);
  const { shipping, tax } = rule.quote(subtotal, totalQuantity);
  return { subtotal, shipping, tax, total: subtotal + shipping + tax, totalQuantity };
}
