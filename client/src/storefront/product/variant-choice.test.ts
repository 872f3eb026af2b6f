import { chosenVariant, initialChoice, optionList, pictureVariant, valueState, whyNotAddable } from "./variant-choice";

/** S/M/L × Blue/Red, without M / Red; S / Blue and L / Red sold out. */
function tee() {
  const variant = (size: string, colour: string, stock: number) => ({
    title: `${size} / ${colour}`,
    stock,
    options: [
      { name: "Size", value: size },
      { name: "Colour", value: colour },
    ],
  });
  const variants = [
    variant("S", "Blue", 0),
    variant("S", "Red", 2),
    variant("M", "Blue", 3),
    variant("L", "Blue", 1),
    variant("L", "Red", 0),
  ];
  return {
    name: "Organic Cotton T-Shirt",
    stock: variants.reduce((n, v) => n + v.stock, 0),
    options: [
      { name: "Size", values: ["S", "M", "L"] },
      { name: "Colour", values: ["Blue", "Red"] },
    ],
    variants,
  };
}

describe("the storefront's variant choice", () => {
  test("starts with the first variant in stock, or the first one when all are sold out", () => {
    const product = tee();
    expect(initialChoice(product)).toEqual(["S", "Red"]);
    const soldOut = { ...product, variants: product.variants.map((v) => ({ ...v, stock: 0 })) };
    expect(initialChoice(soldOut)).toEqual(["S", "Blue"]);
    expect(initialChoice({ options: [], variants: [{ stock: 4, options: [] }] })).toEqual([]);
  });

  test("finds the variant of a complete choice, and none for a partial one or a combination not sold", () => {
    const product = tee();
    expect(chosenVariant(product, ["M", "Blue"])?.title).toBe("M / Blue");
    expect(chosenVariant(product, ["M", null])).toBeUndefined();
    expect(chosenVariant(product, ["M", "Red"])).toBeUndefined();
    // A product without options is its one variant.
    expect(chosenVariant({ options: [], variants: [{ stock: 4, options: [] }] }, [])).toEqual({ stock: 4, options: [] });
  });

  test("marks each value by what it leads to with the other choices: available, sold out, not sold", () => {
    const product = tee();
    const states = (choice: (string | null)[], index: number) =>
      product.options[index].values.map((value) => [value, valueState(product, choice, index, value)]);
    // Sizes, Blue chosen: S / Blue is sold out; M and L have Blue.
    expect(states(["M", "Blue"], 0)).toEqual([
      ["S", "sold-out"],
      ["M", "available"],
      ["L", "available"],
    ]);
    // Colours, M chosen: there is no M / Red.
    expect(states(["M", "Blue"], 1)).toEqual([
      ["Blue", "available"],
      ["Red", "unavailable"],
    ]);
    // With no colour chosen, a size is available when any of its colours is.
    expect(states([null, null], 0)).toEqual([
      ["S", "available"],
      ["M", "available"],
      ["L", "available"],
    ]);
  });

  test("says why a choice can't be added: an option missing, a combination not sold, a variant sold out", () => {
    const product = tee();
    const why = (choice: (string | null)[]) => whyNotAddable(product, choice, chosenVariant(product, choice));
    expect(why([null, null])).toBe("Choose size and colour first.");
    expect(why(["M", null])).toBe("Choose colour first.");
    expect(why(["M", "Red"])).toBe("Organic Cotton T-Shirt doesn't come in M / Red. Choose another combination.");
    expect(why(["S", "Blue"])).toBe("S / Blue is sold out. Choose another size or colour.");
    expect(why(["M", "Blue"])).toBeNull();
    // All sold out: the page's "Sold out" says it; there is nothing else to choose.
    const gone = { ...product, stock: 0, variants: product.variants.map((v) => ({ ...v, stock: 0 })) };
    expect(whyNotAddable(gone, ["M", "Blue"], chosenVariant(gone, ["M", "Blue"]))).toBeNull();
  });

  test("the picture is the chosen variant's, else that of the one sharing most of the choice", () => {
    const product = tee();
    const pictured = {
      ...product,
      variants: product.variants.map((v) => ({ ...v, image: v.title.endsWith("Red") ? { url: "red.svg" } : { url: "blue.svg" } })),
    };
    expect(pictureVariant(pictured, ["M", "Blue"])?.title).toBe("M / Blue");
    // No M / Red: a red one.
    expect(pictureVariant(pictured, ["M", "Red"])?.image).toEqual({ url: "red.svg" });
    expect(pictureVariant(product, ["M", "Blue"])).toBeUndefined();
  });

  test("lists option names for a sentence", () => {
    expect(optionList(["Size"])).toBe("size");
    expect(optionList(["Size", "Colour"], "or")).toBe("size or colour");
    expect(optionList(["Size", "Colour", "Material"])).toBe("size, colour and material");
  });
});
