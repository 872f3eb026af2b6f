import { computeTotals, defaultSetup } from "../../server/shipping/pricing";
import type { PricingSetup } from "../../server/shipping/shipping.types";

/** The setup an upgraded store starts with: its old environment settings as the default zone and tax rate. */
function fromEnvironment(opts: { shippingFlat: number; freeShippingThreshold: number; taxRateBps: number }): PricingSetup {
  const { zone, rate, taxRate } = defaultSetup(opts);
  return { zones: [{ id: 1, ...zone, rates: [{ id: 1, ...rate }] }], taxRates: taxRate ? [taxRate] : [], taxIncluded: false };
}

describe("the default shipping and tax rule (the old environment settings, as the default zone)", () => {
  const rule = fromEnvironment({ shippingFlat: 499, freeShippingThreshold: 5000, taxRateBps: 0 });

  test("charges flat shipping below the threshold and none from it on", () => {
    expect(computeTotals(rule, [{ unitPrice: 4999, quantity: 1 }])).toMatchObject({
      subtotal: 4999,
      discount: 0,
      shipping: 499,
      tax: 0,
      total: 5498,
      totalQuantity: 1,
    });
    expect(computeTotals(rule, [{ unitPrice: 2500, quantity: 2 }])).toMatchObject({ subtotal: 5000, shipping: 0, total: 5000 });
  });

  test("an empty cart costs nothing, shipping included", () => {
    expect(computeTotals(rule, [])).toMatchObject({ subtotal: 0, shipping: 0, tax: 0, total: 0, totalQuantity: 0 });
  });

  test("tax is basis points of the subtotal, rounded half up to the cent", () => {
    const taxed = fromEnvironment({ shippingFlat: 0, freeShippingThreshold: 0, taxRateBps: 825 });
    expect(computeTotals(taxed, [{ unitPrice: 1000, quantity: 1 }]).tax).toBe(83); // 82.5 → 83
    expect(computeTotals(taxed, [{ unitPrice: 999, quantity: 3 }])).toMatchObject({ subtotal: 2997, tax: 247, total: 3244 }); // 247.25
  });

  test("a threshold of 0 means shipping is never free", () => {
    const neverFree = fromEnvironment({ shippingFlat: 300, freeShippingThreshold: 0, taxRateBps: 0 });
    expect(computeTotals(neverFree, [{ unitPrice: 100_000, quantity: 1 }]).shipping).toBe(300);
  });
});

describe("shipping and tax by destination", () => {
  const rate = (id: number, name: string, priceAmount: number, more: Partial<PricingSetup["zones"][0]["rates"][0]> = {}) => ({
    id,
    name,
    priceAmount,
    freeAboveAmount: null,
    minWeightGrams: null,
    maxWeightGrams: null,
    estimatedDays: null,
    ...more,
  });
  const setup: PricingSetup = {
    zones: [
      {
        id: 1,
        name: "Europe",
        countries: ["DE", "FR"],
        rates: [rate(10, "Standard", 900, { freeAboveAmount: 10_000 }), rate(11, "Express", 1900)],
      },
      {
        id: 2,
        name: "Heavy",
        countries: ["NO"],
        rates: [rate(20, "Up to 2 kg", 1500, { maxWeightGrams: 2000 }), rate(21, "Over 2 kg", 3500, { minWeightGrams: 2001 })],
      },
      { id: 3, name: "Rest", countries: ["*"], rates: [rate(30, "World", 2500)] },
    ],
    taxRates: [
      { country: "DE", region: null, name: "VAT", rateBps: 1900 },
      { country: "US", region: "CA", name: "Sales tax", rateBps: 725 },
      { country: "*", region: null, name: "Tax", rateBps: 0 },
    ],
    taxIncluded: false,
  };

  test("a German address: the Europe zone's rates, the cheapest chosen unless another is, and 19% VAT on the goods after discount", () => {
    const lines = [{ unitPrice: 2500, quantity: 2 }];
    const de = computeTotals(setup, lines, { destination: { country: "de" }, discount: (s) => Math.round(s / 10) });
    expect(de.options.map((o) => [o.rate.name, o.price])).toEqual([
      ["Standard", 900],
      ["Express", 1900],
    ]);
    expect(de).toMatchObject({ subtotal: 5000, discount: 500, shipping: 900, tax: 855, total: 4500 + 900 + 855, noShipping: false });
    expect(computeTotals(setup, lines, { destination: { country: "DE" }, rateId: 11 }).shipping).toBe(1900);
  });

  test("how much more makes shipping free: the chosen rate's threshold less the goods after discount; null once free or never", () => {
    const lines = [{ unitPrice: 2500, quantity: 2 }];
    const discounted = computeTotals(setup, lines, { destination: { country: "DE" }, discount: (s) => Math.round(s / 10) });
    expect(discounted.freeShippingIn).toBe(10_000 - 4500);
    expect(computeTotals(setup, [{ unitPrice: 10_000, quantity: 1 }], { destination: { country: "DE" } }).freeShippingIn).toBeNull();
    expect(computeTotals(setup, lines, { destination: { country: "DE" }, rateId: 11 }).freeShippingIn).toBeNull();
    expect(computeTotals(setup, [], { destination: { country: "DE" } }).freeShippingIn).toBeNull();
  });

  test("free above the rate's threshold; weight picks the band; a region's own rate; '*' for the rest", () => {
    expect(computeTotals(setup, [{ unitPrice: 10_000, quantity: 1 }], { destination: { country: "FR" } }).shipping).toBe(0);
    const heavy = computeTotals(setup, [{ unitPrice: 100, quantity: 3, weightGrams: 800 }], { destination: { country: "NO" } });
    expect(heavy.options.map((o) => o.rate.name)).toEqual(["Over 2 kg"]);
    // A zone whose weight bands all miss the parcel ships to the country, but not this parcel.
    const lightOnly = { ...setup, zones: [{ ...setup.zones[1], rates: [setup.zones[1].rates[0]] }] };
    expect(
      computeTotals(lightOnly, [{ unitPrice: 100, quantity: 1, weightGrams: 5000 }], { destination: { country: "NO" } }),
    ).toMatchObject({
      options: [],
      noShipping: true,
      noRateForParcel: true,
    });
    expect(computeTotals(setup, [{ unitPrice: 10_000, quantity: 1 }], { destination: { country: "US", region: "ca" } }).tax).toBe(725);
    expect(computeTotals(setup, [{ unitPrice: 10_000, quantity: 1 }], { destination: { country: "US", region: "NY" } }).tax).toBe(0);
    expect(computeTotals(setup, [{ unitPrice: 100, quantity: 1 }], { destination: { country: "JP" } }).selected?.rate.name).toBe("World");
  });

  test("no zone for the country: no options and noShipping; prices that include tax show the tax inside them", () => {
    const europeOnly = { ...setup, zones: setup.zones.slice(0, 1) };
    expect(computeTotals(europeOnly, [{ unitPrice: 100, quantity: 1 }], { destination: { country: "JP" } })).toMatchObject({
      options: [],
      noShipping: true,
      shipping: 0,
    });
    const inclusive = computeTotals({ ...setup, taxIncluded: true }, [{ unitPrice: 11_900, quantity: 1 }], {
      destination: { country: "DE" },
    });
    expect(inclusive).toMatchObject({ subtotal: 11_900, tax: 1900, shipping: 0, total: 11_900, taxIncluded: true });
  });
});
