import { formatMoney } from "./money";

describe("formatMoney", () => {
  test("turns minor units into the currency's major units", () => {
    expect(formatMoney({ amount: 2599, currency: "USD" }, "en-US")).toBe("$25.99");
    expect(formatMoney({ amount: 0, currency: "USD" }, "en-US")).toBe("$0.00");
    expect(formatMoney({ amount: 123456789, currency: "USD" }, "en-US")).toBe("$1,234,567.89");
  });

  test("respects currencies without or with three minor digits", () => {
    expect(formatMoney({ amount: 500, currency: "JPY" }, "en-US")).toBe("¥500");
    expect(formatMoney({ amount: 1500, currency: "KWD" }, "en-US")).toMatch(/1\.500/);
  });

  test("uses the shopper's locale for separators and symbol position", () => {
    expect(formatMoney({ amount: 2599, currency: "EUR" }, "de-DE")).toBe("25,99\u00a0€");
  });
});
