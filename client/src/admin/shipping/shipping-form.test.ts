import {
  bpsToPercent,
  draftToZoneInput,
  NEW_ZONE,
  parseCountries,
  percentToBps,
  readable,
  taxFormToInput,
  ZONE_LABELS,
} from "./shipping-form";

describe("the shipping and tax forms", () => {
  test("a rate in percent is basis points, and back", () => {
    expect(percentToBps("19")).toBe(1900);
    expect(percentToBps("7.25")).toBe(725);
    expect(percentToBps("7,5 %")).toBe(750);
    expect(percentToBps("0")).toBe(0);
    expect(percentToBps("7.255")).toBeNull();
    expect(percentToBps("lots")).toBeNull();
    expect(bpsToPercent(1900)).toBe("19");
    expect(bpsToPercent(725)).toBe("7.25");
    expect(taxFormToInput({ country: "de", region: "", name: " VAT ", rate: "19" })).toEqual({
      input: { country: "DE", region: null, name: "VAT", rateBps: 1900 },
    });
    expect(taxFormToInput({ country: "DE", region: "", name: "VAT", rate: "150" })).toMatchObject({ problem: { field: "rate" } });
  });

  test("countries are codes separated by commas or spaces; rates' money and grams are read at their row", () => {
    expect(parseCountries(" de, fr;at  ")).toEqual(["DE", "FR", "AT"]);
    const rate = { ...NEW_ZONE.rates[0], name: "Standard", price: "9.00", freeAbove: "100", maxWeightGrams: "20000" };
    expect(draftToZoneInput({ ...NEW_ZONE, name: "Europe", countries: "DE, FR", rates: [rate] }, "USD")).toEqual({
      input: {
        name: "Europe",
        countries: ["DE", "FR"],
        rates: [{ name: "Standard", price: 900, freeAbove: 10_000, minWeightGrams: null, maxWeightGrams: 20_000, estimatedDays: null }],
      },
    });
    const bad = { ...rate, key: "b", name: "Express", price: "19", minWeightGrams: "heavy" };
    expect(draftToZoneInput({ ...NEW_ZONE, name: "Europe", countries: "DE", rates: [rate, bad] }, "USD")).toMatchObject({
      problem: { field: "rates[1].minWeightGrams" },
    });
    expect(draftToZoneInput({ ...NEW_ZONE, name: "Europe", countries: " , " }, "USD")).toMatchObject({ problem: { field: "countries" } });
  });

  test("the server's messages read in the form's words", () => {
    expect(readable("Invalid rates[0].price: price must not be less than 0", "rates[0].price", ZONE_LABELS)).toBe(
      "Price must not be less than 0",
    );
    expect(readable("DE is already in Europe", "countries", ZONE_LABELS)).toBe("DE is already in Europe");
  });
});
