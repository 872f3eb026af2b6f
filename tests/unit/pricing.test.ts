import { FlatShippingRule, computeTotals } from "../../server/cart/pricing";

describe("the default shipping and tax rule", () => {
  const rule = new FlatShippingRule({ shippingFlat: 499, freeShippingThreshold: 5000, taxRateBps: 0 });

  test("charges flat shipping below the threshold and none from it on", () => {
    expect(computeTotals(rule, [{ unitPrice: 4999, quantity: 1 }])).toEqual({
      subtotal: 4999,
      shipping: 499,
      tax: 0,
      total: 5498,
      totalQuantity: 1,
    });
    expect(computeTotals(rule, [{ unitPrice: 2500, quantity: 2 }])).toMatchObject({ subtotal: 5000, shipping: 0, total: 5000 });
  });

  test("an empty cart costs nothing, shipping included", () => {
    expect(computeTotals(rule, [])).toEqual({ subtotal: 0, shipping: 0, tax: 0, total: 0, totalQuantity: 0 });
  });

  test("tax is basis points of the subtotal, rounded half up to the cent", () => {
    const taxed = new FlatShippingRule({ shippingFlat: 0, freeShippingThreshold: 0, taxRateBps: 825 });
    expect(computeTotals(taxed, [{ unitPrice: 1000, quantity: 1 }]).tax).toBe(83); // 82.5 → 83
    expect(computeTotals(taxed, [{ unitPrice: 999, quantity: 3 }])).toMatchObject({ subtotal: 2997, tax: 247, total: 3244 }); // 247.25
  });

  test("a threshold of 0 means shipping is never free", () => {
    const neverFree = new FlatShippingRule({ shippingFlat: 300, freeShippingThreshold: 0, taxRateBps: 0 });
    expect(computeTotals(neverFree, [{ unitPrice: 100_000, quantity: 1 }]).shipping).toBe(300);
  });
});
