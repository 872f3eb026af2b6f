import { moneyInputValue, parseMoneyInput } from "./money";

describe("price fields", () => {
  test("read major units into minor units, and back", () => {
    expect(parseMoneyInput("25.99", "USD")).toBe(2599);
    expect(parseMoneyInput("25", "USD")).toBe(2500);
    expect(parseMoneyInput("25.5", "USD")).toBe(2550);
    expect(parseMoneyInput("25,50", "EUR")).toBe(2550);
    expect(parseMoneyInput("500", "JPY")).toBe(500);
    expect(moneyInputValue(2599, "USD")).toBe("25.99");
  });

  test("take a comma as the decimal point too (CSV files from European spreadsheets)", () => {
    expect(parseMoneyInput(" 12,5 ", "EUR")).toBe(1250);
    expect(moneyInputValue(500, "JPY")).toBe("500");
  });

  test("refuse what isn't a price", () => {
    for (const bad of ["", "abc", "-1", "1.999", "1e3"]) expect(parseMoneyInput(bad, "USD")).toBeNull();
    expect(parseMoneyInput("5.5", "JPY")).toBeNull();
  });
});
