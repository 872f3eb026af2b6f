import { adminClient, describeEachEngine, type TestServer } from "../helpers/test-server";
import type { ShopperClient } from "../helpers/client";
import { PLACE_ORDER, orderInput } from "../helpers/operations";

const PRODUCT = `query($id: ID!) { product(id: $id) {
  id sku stock price { amount } priceRange { min { amount } max { amount } }
  options { name values }
  variants { id sku title stock price { amount currency } options { name value } image { url } }
} }`;
const ADD = `mutation($productId: ID!, $variantId: ID, $quantity: Int! = 1) {
  addToCart(productId: $productId, variantId: $variantId, quantity: $quantity) {
    totalQuantity subtotal { amount } lines { id quantity unitPrice { amount } product { id } variant { id sku title } }
  } }`;
const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id stock price { amount } variants { id sku title stock price { amount } } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id stock price { amount } options { name values } variants { id sku title stock price { amount } } } }`;
const ADJUST = `mutation($productId: ID!, $variantId: ID, $delta: Int!) { adjustStock(productId: $productId, variantId: $variantId, delta: $delta, reason: "Count") { stock } }`;
const MOVEMENTS = `query($id: ID!) { stockMovements(productId: $id, first: 50) { nodes { delta reason resultingStock variant { sku title } } } }`;

interface Variant {
  id: string;
  sku: string;
  title: string;
  stock: number;
}

const sizes = ["S", "M", "L"];
const colours = ["Blue", "Red"];

/** A T-shirt in S/M/L × Blue/Red: M / Blue has 5, the rest 3 each; L costs more. */
async function createTee(owner: ShopperClient, sku: string): Promise<{ id: string; variants: Variant[] }> {
  const { createProduct } = await owner.ok(CREATE, {
    input: {
      sku,
      name: "Organic Cotton T-Shirt",
      price: 1900,
      status: "ACTIVE",
      options: [
        { name: "Size", values: sizes },
        { name: "Colour", values: colours },
      ],
      variants: sizes.flatMap((size) =>
        colours.map((colour) => ({
          options: [size, colour],
          stock: size === "M" && colour === "Blue" ? 5 : 3,
          ...(size === "L" ? { price: 2100 } : {}),
        })),
      ),
    },
  });
  return createProduct;
}

const byTitle = (variants: Variant[], title: string) => variants.find((v) => v.title === title)!;

async function ledgerAddsUp(server: TestServer, productId: string): Promise<void> {
  const [row] = await server.dataSource.query(
    `SELECT p.stock AS stock, (SELECT SUM(v.stock) FROM product_variant v WHERE v.product_id = p.id) AS variants,
      (SELECT SUM(m.delta) FROM stock_movement m WHERE m.product_id = p.id) AS moved FROM product p WHERE p.id = ?`,
    [Number(productId)],
  );
  expect([Number(row.stock), Number(row.variants)]).toEqual([Number(row.moved), Number(row.moved)]);
}

describeEachEngine("variants", (server) => {
  let owner: ShopperClient;
  beforeAll(async () => {
    owner = await adminClient(server(), "variants-owner@example.com");
  });

  test("a product with options shows its options, variants with their own SKU, price and stock, and its price range", async () => {
    const tee = await createTee(owner, "TEE-A");
    expect(tee.variants.map((v) => [v.sku, v.title, v.stock, (v as any).price.amount])).toEqual([
      ["TEE-A-S-BLUE", "S / Blue", 3, 1900],
      ["TEE-A-S-RED", "S / Red", 3, 1900],
      ["TEE-A-M-BLUE", "M / Blue", 5, 1900],
      ["TEE-A-M-RED", "M / Red", 3, 1900],
      ["TEE-A-L-BLUE", "L / Blue", 3, 2100],
      ["TEE-A-L-RED", "L / Red", 3, 2100],
    ]);
    const { product } = await server().client().ok(PRODUCT, { id: tee.id });
    expect(product.stock).toBe(20);
    expect(product.price.amount).toBe(1900);
    expect(product.priceRange).toEqual({ min: { amount: 1900 }, max: { amount: 2100 } });
    expect(product.options).toEqual([
      { name: "Size", values: sizes },
      { name: "Colour", values: colours },
    ]);
    expect(byTitle(product.variants, "M / Blue")).toMatchObject({
      options: [
        { name: "Size", value: "M" },
        { name: "Colour", value: "Blue" },
      ],
    });
    await ledgerAddsUp(server(), tee.id);
  });

  test("adding a product with options needs a variant (VARIANT_REQUIRED); another product's variant is NOT_FOUND; each variant is its own line", async () => {
    const tee = await createTee(owner, "TEE-B");
    const [other] = Object.values(await server().seed([{ sku: "PLAIN-B", price: 500, stock: 4 }]));
    const shopper = server().client();
    const missing = await shopper.gql(ADD, { productId: tee.id });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: "VARIANT_REQUIRED", productId: tee.id });
    expect(missing.errors?.[0].message).toBe("Choose size and colour of Organic Cotton T-Shirt first");
    const foreign = await shopper.gql(ADD, { productId: other, variantId: byTitle(tee.variants, "S / Red").id });
    expect(foreign.errors?.[0].extensions?.code).toBe("NOT_FOUND");

    await shopper.ok(ADD, { productId: tee.id, variantId: byTitle(tee.variants, "M / Blue").id, quantity: 2 });
    await shopper.ok(ADD, { productId: tee.id, variantId: byTitle(tee.variants, "L / Red").id });
    const { addToCart } = await shopper.ok(ADD, { productId: other });
    expect(addToCart.lines.map((l: any) => [l.variant.title, l.quantity, l.unitPrice.amount])).toEqual([
      ["M / Blue", 2, 1900],
      ["L / Red", 1, 2100],
      ["Default", 1, 500],
    ]);
    expect(addToCart.subtotal.amount).toBe(2 * 1900 + 2100 + 500);

    // Stock is the variant's: M / Blue has 5, so 4 more is one too many, whatever the other sizes hold.
    const over = await shopper.gql(ADD, { productId: tee.id, variantId: byTitle(tee.variants, "M / Blue").id, quantity: 4 });
    expect(over.errors?.[0].extensions).toMatchObject({ code: "OUT_OF_STOCK", available: 5 });
    expect(over.errors?.[0].message).toBe("Only 5 of Organic Cotton T-Shirt (M / Blue) in stock");
  });

  test("an order records the variant bought; its stock and ledger go down, the others' stay", async () => {
    const tee = await createTee(owner, "TEE-C");
    const mBlue = byTitle(tee.variants, "M / Blue");
    const shopper = server().client();
    await shopper.ok(ADD, { productId: tee.id, variantId: mBlue.id, quantity: 2 });
    const { placeOrder } = await shopper.ok(PLACE_ORDER, { input: orderInput() });
    expect(placeOrder.status).toBe("PAID");
    const { order } = await shopper.ok(
      `query($id: ID!) { order(id: $id) { lines { sku name variantTitle quantity unitPrice { amount } } } }`,
      {
        id: placeOrder.id,
      },
    );
    expect(order.lines).toEqual([
      { sku: "TEE-C-M-BLUE", name: "Organic Cotton T-Shirt", variantTitle: "M / Blue", quantity: 2, unitPrice: { amount: 1900 } },
    ]);
    const { product } = await server().client().ok(PRODUCT, { id: tee.id });
    expect(product.variants.map((v: Variant) => [v.title, v.stock])).toEqual([
      ["S / Blue", 3],
      ["S / Red", 3],
      ["M / Blue", 3],
      ["M / Red", 3],
      ["L / Blue", 3],
      ["L / Red", 3],
    ]);
    expect(product.stock).toBe(18);
    const { stockMovements } = await owner.ok(MOVEMENTS, { id: tee.id });
    expect(stockMovements.nodes[0]).toMatchObject({ delta: -2, resultingStock: 3, variant: { sku: "TEE-C-M-BLUE", title: "M / Blue" } });
    expect(stockMovements.nodes[0].reason).toMatch(/^Reserved for order SW-/);
    await ledgerAddsUp(server(), tee.id);

    // Cancelled: the units go back to that variant.
    await owner.ok(`mutation($id: ID!) { updateOrderStatus(id: $id, status: CANCELLED) { status } }`, { id: placeOrder.id });
    const after = (await server().client().ok(PRODUCT, { id: tee.id })).product;
    expect(byTitle(after.variants, "M / Blue").stock).toBe(5);
    await ledgerAddsUp(server(), tee.id);
  });

  test("40 shoppers race for the 5 of one variant while others buy its siblings: exactly 5 sold, no sibling touched, no deadlock", async () => {
    const tee = await createTee(owner, "TEE-D");
    const mBlue = byTitle(tee.variants, "M / Blue");
    const sRed = byTitle(tee.variants, "S / Red");
    const lRed = byTitle(tee.variants, "L / Red");
    const shoppers = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const shopper = server().client();
        // Every fourth one also wants a sibling, added in the other order half the time.
        const sibling = i % 4 === 0 ? (i % 8 === 0 ? sRed : lRed) : null;
        if (sibling && i % 8 === 0) await shopper.ok(ADD, { productId: tee.id, variantId: sibling.id });
        await shopper.ok(ADD, { productId: tee.id, variantId: mBlue.id });
        if (sibling && i % 8 !== 0) await shopper.ok(ADD, { productId: tee.id, variantId: sibling.id });
        return shopper;
      }),
    );
    const results = await Promise.all(shoppers.map((s) => s.gql(PLACE_ORDER, { input: orderInput() })));
    const codes = results.map((r) => (r.data?.placeOrder ? "OK" : r.errors?.[0].extensions?.code));
    expect(codes.filter((c) => c === "OK")).toHaveLength(5);
    expect(codes.filter((c) => c === "OUT_OF_STOCK")).toHaveLength(35);
    const { product } = await server().client().ok(PRODUCT, { id: tee.id });
    expect(byTitle(product.variants, "M / Blue").stock).toBe(0);
    // Siblings went only with the orders that got M / Blue too (the others were rolled back whole).
    const soldSiblings = await server().dataSource.query(
      "SELECT variant_id AS v, SUM(quantity) AS n FROM order_line WHERE product_id = ? AND variant_id <> ? GROUP BY variant_id",
      [Number(tee.id), Number(mBlue.id)],
    );
    const sold = new Map(soldSiblings.map((r: any) => [String(r.v), Number(r.n)]));
    expect(byTitle(product.variants, "S / Red").stock).toBe(3 - ((sold.get(sRed.id) as number) ?? 0));
    expect(byTitle(product.variants, "L / Red").stock).toBe(3 - ((sold.get(lRed.id) as number) ?? 0));
    await ledgerAddsUp(server(), tee.id);
  });

  test("the owner adjusts one variant's stock; a product with options needs the variant named", async () => {
    const tee = await createTee(owner, "TEE-E");
    const refused = await owner.gql(ADJUST, { productId: tee.id, delta: 1 });
    expect(refused.errors?.[0].extensions?.code).toBe("VARIANT_REQUIRED");
    const { adjustStock } = await owner.ok(ADJUST, { productId: tee.id, variantId: byTitle(tee.variants, "S / Blue").id, delta: 7 });
    expect(adjustStock.stock).toBe(27);
    const { product } = await server().client().ok(PRODUCT, { id: tee.id });
    expect(byTitle(product.variants, "S / Blue").stock).toBe(10);
    await ledgerAddsUp(server(), tee.id);
  });

  test("editing variants keeps those named (carts keep them), adds new ones, and removes the rest through the ledger", async () => {
    const tee = await createTee(owner, "TEE-F");
    const shopper = server().client();
    await shopper.ok(ADD, { productId: tee.id, variantId: byTitle(tee.variants, "M / Blue").id });
    await shopper.ok(ADD, { productId: tee.id, variantId: byTitle(tee.variants, "S / Red").id });
    const kept = tee.variants.filter((v) => v.title.startsWith("M") || v.title.startsWith("L"));
    const { updateProduct } = await owner.ok(UPDATE, {
      id: tee.id,
      input: {
        options: [
          { name: "Size", values: ["M", "L", "XL"] },
          { name: "Colour", values: colours },
        ],
        variants: [
          ...kept.map((v) => ({ id: v.id, options: v.title.split(" / "), price: v.title === "M / Blue" ? 1800 : undefined })),
          { options: ["XL", "Blue"], price: 2300, stock: 2 },
        ],
      },
    });
    expect(updateProduct.variants.map((v: any) => [v.title, v.stock, v.price.amount])).toEqual([
      ["M / Blue", 5, 1800],
      ["M / Red", 3, 1900],
      ["L / Blue", 3, 1900],
      ["L / Red", 3, 1900],
      ["XL / Blue", 2, 2300],
    ]);
    expect(updateProduct.price.amount).toBe(1800);
    expect(updateProduct.stock).toBe(16);
    await ledgerAddsUp(server(), tee.id);
    // The removed S / Red left the cart; M / Blue stayed, at its new price.
    const { cart } = await shopper.ok(`query { cart { lines { quantity unitPrice { amount } variant { title } } } }`);
    expect(cart.lines).toEqual([{ quantity: 1, unitPrice: { amount: 1800 }, variant: { title: "M / Blue" } }]);
    const { stockMovements } = await owner.ok(MOVEMENTS, { id: tee.id });
    expect(stockMovements.nodes.map((n: any) => n.reason)).toEqual(
      expect.arrayContaining(["Variant S / Red removed", "Variant S / Blue removed"]),
    );

    // Bad variant sets change nothing and say where the problem is.
    const bad = [
      [{ options: [{ name: "Size", values: ["M"] }], variants: [{ options: ["M"] }, { options: ["m"] }] }, "variants[1].options"],
      [{ options: [{ name: "Size", values: ["M"] }], variants: [{ options: ["XXL"] }] }, "variants[0].options"],
      [{ variants: [{ options: ["M", "Blue"], sku: "TEE-A-S-BLUE" }] }, "variants[0].sku"],
      [{ price: 100 }, "price"],
    ] as const;
    for (const [input, field] of bad) {
      const result = await owner.gql(UPDATE, { id: tee.id, input });
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    const { product } = await server().client().ok(PRODUCT, { id: tee.id });
    expect(product.variants).toHaveLength(5);
  });

  test("the dashboard's low stock lists a product with options when one of its variants runs low, whatever the others hold", async () => {
    const tee = await createTee(owner, "TEE-LOW");
    await owner.ok(ADJUST, { productId: tee.id, variantId: byTitle(tee.variants, "L / Red").id, delta: -3 });
    const { dashboard } = await owner.ok(`query { dashboard { lowStockThreshold lowStock { sku stock variants { title stock } } } }`);
    expect(dashboard.lowStockThreshold).toBe(5);
    const low = dashboard.lowStock.find((p: { sku: string }) => p.sku === "TEE-LOW");
    expect(low.stock).toBe(17);
    expect(low.variants.filter((v: Variant) => v.stock <= dashboard.lowStockThreshold).map((v: Variant) => v.title)).toContain("L / Red");
    // Emptiest variant first.
    const lowest = dashboard.lowStock.map((p: { variants: Variant[] }) => Math.min(...p.variants.map((v) => v.stock)));
    expect(lowest).toEqual([...lowest].sort((a: number, b: number) => a - b));
  });

  test("a product without options works as before: one Default variant, bought and priced without naming it", async () => {
    const { createProduct } = await owner.ok(CREATE, { input: { sku: "mug-g", name: "Mug", price: 1200, stock: 4, status: "ACTIVE" } });
    expect(createProduct.variants).toEqual([{ id: expect.any(String), sku: "MUG-G", title: "Default", stock: 4, price: { amount: 1200 } }]);
    const { updateProduct } = await owner.ok(UPDATE, { id: createProduct.id, input: { price: 1300, sku: "MUG-G2" } });
    expect(updateProduct.variants).toEqual([
      { id: createProduct.variants[0].id, sku: "MUG-G2", title: "Default", stock: 4, price: { amount: 1300 } },
    ]);
    const { addToCart } = await server().client().ok(ADD, { productId: createProduct.id, quantity: 2 });
    expect(addToCart.subtotal.amount).toBe(2600);
    const { adjustStock } = await owner.ok(ADJUST, { productId: createProduct.id, delta: -1 });
    expect(adjustStock.stock).toBe(3);
  });

  test("catalog files carry options and variants (values by position or by option name)", async () => {
    const ids = await server().seed([
      {
        sku: "HOODIE-H",
        price: 4500,
        options: [{ name: "Size", values: ["S", "M"] }],
        variants: [
          { options: ["S"], stock: 2 },
          { sku: "HOODIE-H-MED", options: { Size: "M" }, price: 4700, stock: 6 },
        ],
      },
    ]);
    const { product } = await server().client().ok(PRODUCT, { id: ids["HOODIE-H"] });
    expect(product.variants.map((v: any) => [v.sku, v.title, v.stock, v.price.amount])).toEqual([
      ["HOODIE-H-S", "S", 2, 4500],
      ["HOODIE-H-MED", "M", 6, 4700],
    ]);
    expect(product.stock).toBe(8);
    await ledgerAddsUp(server(), ids["HOODIE-H"]);
  });
});

describeEachEngine("variants in CSV files", (server) => {
  const IMPORT = `mutation($csv: String!) { importProductsCsv(csv: $csv) { created updated } }`;

  test("a CSV gives a product with options one row per variant (product_sku, options); the export writes them back the same way", async () => {
    const owner = await adminClient(server(), "csv-variants-owner@example.com");
    const csv = [
      "sku,name,description,price,stock,product_sku,options",
      "SOCK-S-RED,Wool Socks,Warm socks,9.00,4,SOCK,Size=S|Colour=Red",
      "SOCK-M-RED,Wool Socks,,9.00,0,SOCK,Size=M|Colour=Red",
      "SOCK-M-GREY,Wool Socks,,9.50,7,SOCK,Size=M|Colour=Grey",
      "MUG-CSV,Plain mug,,5.00,3,,",
    ].join("\n");
    expect((await owner.ok(IMPORT, { csv })).importProductsCsv).toEqual({ created: 2, updated: 0 });
    const { adminProducts } = await owner.ok(
      `query { adminProducts(search: "sock") { nodes { id sku name stock options { name values } variants { sku title stock price { amount } } } } }`,
    );
    const [socks] = adminProducts.nodes;
    expect(socks).toMatchObject({ sku: "SOCK", name: "Wool Socks", stock: 11 });
    expect(socks.options).toEqual([
      { name: "Size", values: ["S", "M"] },
      { name: "Colour", values: ["Red", "Grey"] },
    ]);
    expect(socks.variants.map((v: any) => [v.sku, v.title, v.stock, v.price.amount])).toEqual([
      ["SOCK-S-RED", "S / Red", 4, 900],
      ["SOCK-M-RED", "M / Red", 0, 900],
      ["SOCK-M-GREY", "M / Grey", 7, 950],
    ]);
    await ledgerAddsUp(server(), socks.id);

    const cookie = { cookie: `sw_session=${owner.cookies.get("sw_session")}` };
    const exported = await (await fetch(`${server().url}/api/admin/export/products.csv`, { headers: cookie })).text();
    expect(exported).toContain("SOCK-M-GREY,Wool Socks,Warm socks,9.50,7,ACTIVE,,SOCK,Size=M|Colour=Grey");
    expect(exported).toContain("MUG-CSV,Plain mug,,5.00,3,ACTIVE,,,");
    // Imported back, nothing changes; a new count for one variant changes only that one.
    expect((await owner.ok(IMPORT, { csv: exported.replace("9.50,7,ACTIVE", "9.50,2,ACTIVE") })).importProductsCsv.created).toBe(0);
    const after = (await owner.ok(`query($id: ID!) { adminProduct(id: $id) { stock variants { title stock } } }`, { id: socks.id }))
      .adminProduct;
    expect(after.variants.map((v: any) => v.stock)).toEqual([4, 0, 2]);
    expect(after.stock).toBe(6);
    await ledgerAddsUp(server(), socks.id);
  });

  test("a CSV round trip keeps each variant's picture (the CSV has no picture column, so it changes none)", async () => {
    const owner = await adminClient(server(), "csv-variants-owner3@example.com");
    const ids = await server().seed([
      {
        sku: "SCARF",
        images: [
          { url: "/media/scarf-red.svg", alt: "Red scarf" },
          { url: "/media/scarf-blue.svg", alt: "Blue scarf" },
        ],
        options: [{ name: "Colour", values: ["Red", "Blue"] }],
        variants: [
          { options: ["Red"], stock: 2, imageUrl: "/media/scarf-red.svg" },
          { options: ["Blue"], stock: 2, imageUrl: "/media/scarf-blue.svg" },
        ],
      },
    ]);
    const cookie = { cookie: `sw_session=${owner.cookies.get("sw_session")}` };
    const exported = await (await fetch(`${server().url}/api/admin/export/products.csv`, { headers: cookie })).text();
    const scarfRows = exported.split("\r\n").filter((line, i) => i === 0 || line.startsWith("SCARF-"));
    await owner.ok(IMPORT, { csv: scarfRows.join("\n") });
    const { product } = await server().client().ok(PRODUCT, { id: ids.SCARF });
    expect(product.variants.map((v: any) => [v.title, v.image?.url])).toEqual([
      ["Red", "/media/scarf-red.svg"],
      ["Blue", "/media/scarf-blue.svg"],
    ]);
  });

  test("a bad variant row is reported by its own row number, and nothing is written", async () => {
    const owner = await adminClient(server(), "csv-variants-owner2@example.com");
    const csv = [
      "sku,name,description,price,stock,product_sku,options",
      "CAP-S,Cap,,12.00,1,CAP,Size=S",
      "CAP-S2,Cap,,12.00,1,CAP,Size=S",
      "CAP-M,Cap,,12.00,lots,CAP,Size=M",
    ].join("\n");
    const result = await owner.gql(IMPORT, { csv });
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].extensions?.problems).toEqual(expect.arrayContaining([expect.objectContaining({ row: 4, field: "stock" })]));
    const { adminProducts } = await owner.ok(`query { adminProducts(search: "CAP-") { totalCount } }`);
    expect(adminProducts.totalCount).toBe(0);
  });
});
