import { readable } from "./field-problem";
import { combinations, generateVariants, parseOptions, rowsFit, toVariantInputs, type VariantRow } from "./variant-set";

const row = (values: string[], more: Partial<VariantRow> = {}): VariantRow => ({
  values,
  sku: "",
  price: "",
  stock: "0",
  imageUrl: "",
  ...more,
});

describe("the product form's options and variants", () => {
  test("options are read from names and comma-separated values, blanks and repeats left out", () => {
    expect(
      parseOptions([
        { name: " Size ", values: "S, M,, l , m" },
        { name: "Colour", values: "Blue,Red" },
      ]),
    ).toEqual([
      { name: "Size", values: ["S", "M", "l"] },
      { name: "Colour", values: ["Blue", "Red"] },
    ]);
    expect(
      combinations(
        parseOptions([
          { name: "Size", values: "S, M, L" },
          { name: "Colour", values: "Blue, Red" },
        ]),
      ),
    ).toBe(6);
    expect(combinations([])).toBe(0);
  });

  test("Generate variants makes every combination in the options' order and keeps the rows that already have their values", () => {
    const existing = row(["m", "blue"], { id: "7", sku: "TEE-M-BLUE", price: "21.00", currentStock: 4, imageUrl: "/a.png" });
    const rows = generateVariants([{ values: ["S", "M"] }, { values: ["Blue", "Red"] }], [existing, row(["XL", "Blue"], { id: "9" })]);
    expect(rows.map((r) => r.values.join(" / "))).toEqual(["S / Blue", "S / Red", "M / Blue", "M / Red"]);
    // M / Blue is the saved variant (its values as the options now spell them); XL / Blue is gone.
    expect(rows[2]).toEqual({ ...existing, values: ["M", "Blue"] });
    expect(rows[0]).toEqual(row(["S", "Blue"]));
    expect(generateVariants([], [existing])).toEqual([]);
  });

  test("rows made for other options don't fit", () => {
    const options = [{ values: ["S", "M"] }, { values: ["Blue"] }];
    expect(rowsFit(options, [row(["s", "BLUE"])])).toBe(true);
    expect(rowsFit(options, [row(["L", "Blue"])])).toBe(false);
    expect(rowsFit(options, [row(["S"])])).toBe(false);
  });

  test("the rows go to the API in order: new ones with their opening stock, saved ones by id without stock", () => {
    const options = [{ values: ["S", "M"] }];
    const rows = [
      row(["S"], { price: "21.50", stock: "3", imageUrl: "/a.png" }),
      row(["M"], { id: "7", sku: " tee-m ", imageUrl: "/gone.png" }),
    ];
    expect(toVariantInputs(options, rows, ["/a.png"], "USD")).toEqual([
      { id: null, sku: null, options: ["S"], price: 2150, stock: 3, imageUrl: "/a.png" },
      { id: "7", sku: "tee-m", options: ["M"], price: null, stock: null, imageUrl: null },
    ]);
  });

  test("a price or stock that isn't one, no rows, or rows for other options are problems at their field", () => {
    const options = [{ values: ["S", "M"] }];
    expect(toVariantInputs(options, [row(["S"]), row(["M"], { price: "abc" })], [], "USD")).toEqual({
      field: "variants[1].price",
      message: "Enter the price like 25.99",
    });
    expect(toVariantInputs(options, [row(["S"], { stock: "-1" })], [], "USD")).toMatchObject({ field: "variants[0].stock" });
    expect(toVariantInputs(options, [], [], "USD")).toMatchObject({
      field: "variants",
      message: expect.stringMatching(/Generate variants/),
    });
    expect(toVariantInputs(options, [row(["L"])], [], "USD")).toMatchObject({ field: "variants", message: expect.stringMatching(/again/) });
  });

  test("the server's messages read as the form's words", () => {
    expect(readable("Invalid variants[0].sku: sku may hold only letters, digits, '.', '_' and '-'", "variants[0].sku")).toBe(
      "SKU may hold only letters, digits, '.', '_' and '-'",
    );
    expect(readable("must be a price from 0 to 100,000", "variants[2].price")).toBe("Price must be a price from 0 to 100,000");
    expect(readable('Two options are called "Size"', "options[1].name")).toBe('Two options are called "Size"');
    expect(readable("Another product already has this SKU", "sku")).toBe("Another product already has this SKU");
  });
});
