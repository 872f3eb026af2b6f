import { countOf, pluralForm, waitWords } from "./plural";

describe("counted words", () => {
  test("one and many, as English says them (no 'order(s)', no '1 orders')", () => {
    const ORDERS = { one: "order", other: "orders" };
    expect(countOf(0, ORDERS)).toBe("0 orders");
    expect(countOf(1, ORDERS)).toBe("1 order");
    expect(countOf(2, ORDERS)).toBe("2 orders");
    expect(countOf(1200, ORDERS)).toBe("1,200 orders");
  });

  test("a language with more forms picks its own (Polish: 1 zamówienie, 3 zamówienia, 5 zamówień)", () => {
    const forms = { one: "zamówienie", few: "zamówienia", many: "zamówień", other: "zamówienia" };
    expect([1, 3, 5, 22].map((n) => pluralForm(n, forms, "pl"))).toEqual(["zamówienie", "zamówienia", "zamówień", "zamówienia"]);
  });

  test("waits in seconds under two minutes, else whole minutes rounded up", () => {
    expect(waitWords(1)).toBe("1 second");
    expect(waitWords(45)).toBe("45 seconds");
    expect(waitWords(60)).toBe("60 seconds");
    expect(waitWords(120)).toBe("2 minutes");
    expect(waitWords(61 * 60)).toBe("61 minutes");
    expect(waitWords(61 * 60 + 1)).toBe("62 minutes");
  });
});
