import { formatMoney, moneyInputValue, parseMoneyInput } from "./money";

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

describe("price fields", () => {
  test("read major units into minor units, and back", () => {
    expect(parseMoneyInput("25.99", "USD")).toBe(2599);
    expect(parseMoneyInput("25", "USD")).toBe(2500);
    expect(parseMoneyInput("25.5", "USD")).toBe(2550);
    expect(parseMoneyInput("25,50", "EUR")).toBe(2550);
    expect(parseMoneyInput("500", "JPY")).toBe(500);
    expect(moneyInputValue(2599, "USD")).toBe("25.99");
  });

  test("refuse what isn't a price", () => {
    for (const bad of ["", "abc", "-1", "1.999", "1e3"]) expect(parseMoneyInput(bad, "USD")).toBeNull();
    expect(parseMoneyInput("5.5", "JPY")).toBeNull();
  });
});
