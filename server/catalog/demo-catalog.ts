/** The demo catalog a fresh store starts with: a small tea-and-kitchen shop. Images are drawn by media/demo-images. */
export type DemoShape = "teapot" | "mug" | "bowl" | "plate" | "jar" | "vase" | "candle" | "board" | "kettle" | "tin" | "tee" | "apron";

export interface DemoProduct {
  sku: string;
  name: string;
  description: string;
  price: number;
  stock: number;
  shape: DemoShape;
  hue: number;
  /** A product sold in several forms; "Colour" values take their hue from `colours`, for their pictures. */
  options?: { name: string; values: string[] }[];
  colours?: Record<string, number>;
  /** Stock (and a price other than the product's) per combination, by title ("M / Blue"); the rest have `stock`. */
  variantStock?: Record<string, number>;
  variantPrice?: Record<string, number>;
}

const p = (sku: string, name: string, price: number, stock: number, shape: DemoShape, hue: number, description: string): DemoProduct => ({
  sku,
  name,
  price,
  stock,
  shape,
  hue,
  description,
});

export const DEMO_PRODUCTS: DemoProduct[] = [
  p(
    "TEA-POT-BLUE",
    "Blue Teapot",
    2599,
    14,
    "teapot",
    212,
    "A 1.2 litre stoneware teapot in a deep cobalt glaze, with a stainless steel infuser for loose leaf tea.",
  ),
  p(
    "TEA-POT-SAGE",
    "Sage Teapot",
    2799,
    8,
    "teapot",
    110,
    "Hand-thrown teapot in a soft sage glaze. Pours cleanly and keeps tea hot for longer.",
  ),
  p("TEA-POT-CLAY", "Clay Travel Teapot", 1999, 3, "teapot", 22, "A small unglazed clay teapot for one, with a bamboo carry pouch."),
  p(
    "MUG-SPECKLE",
    "Speckled Mug",
    1499,
    40,
    "mug",
    35,
    "A 350 ml mug with a speckled oatmeal glaze and a generous handle. Dishwasher safe.",
  ),
  p("MUG-MIDNIGHT", "Midnight Mug", 1499, 25, "mug", 240, "Matte midnight-blue mug for long mornings; 350 ml."),
  p("MUG-ROSE", "Rose Espresso Cup", 999, 30, "mug", 345, "A 90 ml espresso cup in dusty rose porcelain."),
  p(
    "MUG-DUO",
    "Double-Walled Glass Mug",
    1899,
    0,
    "mug",
    190,
    "Borosilicate double-walled glass: the drink stays hot and your hands stay cool.",
  ),
  p("BOWL-RAMEN", "Ramen Bowl", 2199, 12, "bowl", 8, "A deep 1 litre bowl with a red rim, for noodles, soups and big salads."),
  p("BOWL-NEST", "Nesting Bowls, Set of 3", 3499, 9, "bowl", 160, "Three nesting prep bowls in graduated sizes and soft green."),
  p("BOWL-CEREAL", "Everyday Cereal Bowl", 1199, 50, "bowl", 48, "The bowl you reach for every morning: sturdy, stackable, honey glaze."),
  p("PLATE-DINNER", "Stoneware Dinner Plate", 1699, 36, "plate", 30, "A 27 cm dinner plate with a raw clay edge."),
  p("PLATE-SIDE", "Side Plate", 1199, 44, "plate", 200, "A 20 cm side plate in pale sky blue, for toast and cake."),
  p("PLATE-PLATTER", "Serving Platter", 3999, 5, "plate", 280, "An oval 40 cm platter for feasts and sharing."),
  p("JAR-HONEY", "Honey Jar with Dipper", 1599, 18, "jar", 42, "A lidded ceramic honey jar with an olive wood dipper."),
  p("JAR-TEA", "Tea Caddy Jar", 2299, 11, "jar", 140, "Airtight caddy that keeps 100 g of loose leaf tea fresh."),
  p("JAR-SPICE", "Spice Jars, Set of 6", 2899, 7, "jar", 15, "Six glass jars with cork lids and blank labels for your spices."),
  p("VASE-BUD", "Bud Vase", 1299, 21, "vase", 300, "A slim vase for a single stem; 15 cm tall."),
  p("VASE-AMPHORA", "Amphora Vase", 4499, 4, "vase", 18, "A large terracotta vase with a burnished finish, 38 cm tall."),
  p("CANDLE-FIG", "Fig Leaf Candle", 2499, 16, "candle", 95, "Soy wax candle scented with green fig leaves; about 45 hours."),
  p("CANDLE-CEDAR", "Cedar & Smoke Candle", 2499, 2, "candle", 25, "A warm, woody soy candle in an amber glass tumbler."),
  p("BOARD-OAK", "Oak Cutting Board", 3299, 13, "board", 32, "Solid oak end-grain board, oiled and ready; 40 by 25 cm."),
  p("BOARD-SERVE", "Walnut Serving Board", 3799, 6, "board", 20, "A walnut board with a handle, for cheese and charcuterie."),
  p("KETTLE-STEEL", "Gooseneck Kettle", 5999, 10, "kettle", 210, "A 1 litre stovetop gooseneck kettle for slow, precise pour-over."),
  p("KETTLE-ENAMEL", "Enamel Kettle", 4599, 0, "kettle", 0, "A classic 2 litre enamel kettle in tomato red; works on every hob."),
  p("TIN-SENCHA", "Sencha Green Tea, 100 g", 1299, 60, "tin", 120, "Steamed Japanese green tea with a fresh, grassy sweetness."),
  p("TIN-ASSAM", "Assam Breakfast Tea, 100 g", 999, 75, "tin", 28, "A malty, brisk black tea that takes milk well."),
  p("TIN-EARL", "Earl Grey Tea, 100 g", 1099, 55, "tin", 260, "Black tea scented with bergamot oil, with cornflower petals."),
  p("TIN-ROOIBOS", "Rooibos Vanilla, 100 g", 1199, 1, "tin", 12, "Caffeine-free red bush tea with real vanilla pieces."),
  p("TIN-CHAI", "Masala Chai, 100 g", 1199, 33, "tin", 38, "Assam with cardamom, cinnamon, ginger and clove; brew it with milk."),
  p("TIN-MINT", "Moroccan Mint, 100 g", 1049, 28, "tin", 150, "Gunpowder green tea with spearmint: sweet, bright and cooling."),
  {
    ...p(
      "TEE-CLUB",
      "Tea Club T-Shirt",
      2400,
      6,
      "tee",
      215,
      "Soft organic cotton T-shirt with a small embroidered tea leaf on the chest. Regular fit; XL is cut longer.",
    ),
    options: [
      { name: "Size", values: ["S", "M", "L", "XL"] },
      { name: "Colour", values: ["Blue", "Natural"] },
    ],
    colours: { Blue: 215, Natural: 40 },
    variantStock: { "S / Natural": 0, "M / Blue": 12, "L / Natural": 2 },
    variantPrice: { "XL / Blue": 2600, "XL / Natural": 2600 },
  },
  {
    ...p(
      "APRON-LINEN",
      "Linen Apron",
      2900,
      9,
      "apron",
      110,
      "A washed-linen apron with a deep front pocket and long ties, in three colours.",
    ),
    options: [{ name: "Colour", values: ["Sage", "Rust", "Navy"] }],
    colours: { Sage: 110, Rust: 18, Navy: 228 },
    variantStock: { Rust: 0 },
  },
];

/** Every combination of a demo product's option values, in order: [["S", "Blue"], ["S", "Natural"], …]. */
function combinations(options: { values: string[] }[]): string[][] {
  return options.reduce<string[][]>((all, o) => all.flatMap((c) => o.values.map((v) => [...c, v])), [[]]);
}

/** The catalog rows the importer takes, with each product's generated images (one per colour for a product in colours). */
export function demoCatalogRows() {
  return DEMO_PRODUCTS.map((d) => {
    const base = { sku: d.sku, name: d.name, description: d.description, price: d.price, stock: d.stock };
    if (!d.options) {
      return {
        ...base,
        images: [1, 2].map((n) => ({
          url: `/media/demo/${d.sku.toLowerCase()}-${n}.svg`,
          alt: n === 1 ? d.name : `${d.name}, another view`,
        })),
      };
    }
    const colourAt = d.options.findIndex((o) => o.name === "Colour");
    const colourImage = (colour: string) => `/media/demo/${d.sku.toLowerCase()}-h${d.colours![colour]}.svg`;
    return {
      ...base,
      images: Object.keys(d.colours ?? {}).map((colour) => ({ url: colourImage(colour), alt: `${d.name} in ${colour.toLowerCase()}` })),
      options: d.options,
      variants: combinations(d.options).map((values) => {
        const title = values.join(" / ");
        return {
          options: values,
          stock: d.variantStock?.[title] ?? d.stock,
          ...(d.variantPrice?.[title] ? { price: d.variantPrice[title] } : {}),
          ...(colourAt >= 0 ? { imageUrl: colourImage(values[colourAt]) } : {}),
        };
      }),
    };
  });
}

/** The demo's discount codes: one to try, and one that has run out (to see a code refused with its reason). */
export const DEMO_DISCOUNT_CODES = [
  { code: "WELCOME10", kind: "PERCENTAGE" as const, value: 10, perCustomerLimit: 1 },
  {
    code: "SUMMER24",
    kind: "PERCENTAGE" as const,
    value: 25,
    startsAt: new Date("2024-06-01T00:00:00Z"),
    endsAt: new Date("2024-09-01T00:00:00Z"),
  },
];

/** A second shipping zone next to the default one, and VAT for two of its countries. */
export const DEMO_SHIPPING = {
  zone: {
    name: "Europe",
    countries: ["AT", "BE", "DE", "DK", "ES", "FI", "FR", "IE", "IT", "LU", "NL", "PT", "SE"],
    rates: [
      { name: "Standard", price: 1200, freeAbove: 15_000, estimatedDays: "4–7 business days" },
      { name: "Express", price: 2400, estimatedDays: "2–3 business days" },
    ],
  },
  taxRates: [
    { country: "DE", name: "VAT", rateBps: 1900 },
    { country: "FR", name: "VAT", rateBps: 2000 },
  ],
};

/** The demo's category tree: [name, subcategories or the shapes of the products in it]. */
export const DEMO_CATEGORIES: { name: string; shapes?: DemoShape[]; children?: { name: string; shapes: DemoShape[] }[] }[] = [
  { name: "Tea", shapes: ["tin"] },
  { name: "Teapots & kettles", shapes: ["teapot", "kettle"] },
  {
    name: "Tableware",
    children: [
      { name: "Mugs", shapes: ["mug"] },
      { name: "Bowls", shapes: ["bowl"] },
      { name: "Plates & boards", shapes: ["plate", "board"] },
    ],
  },
  { name: "Apparel", shapes: ["tee", "apron"] },
  {
    name: "Home",
    children: [
      { name: "Jars", shapes: ["jar"] },
      { name: "Vases & candles", shapes: ["vase", "candle"] },
    ],
  },
];
