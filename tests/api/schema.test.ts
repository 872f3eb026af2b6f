import fs from "node:fs";
import path from "node:path";
import { buildSchema } from "graphql";
import { currentSchemaSdl } from "../../server/modules";
import { ROOT } from "../helpers/test-server";

describe("schema.graphql", () => {
  const committed = fs.readFileSync(path.join(ROOT, "schema.graphql"), "utf8");

  test("is what `npm run schema` generates from the code (regenerate and commit it when this fails)", async () => {
    expect(committed).toBe(await currentSchemaSdl());
  });

  test("holds the API contract integrators rely on", () => {
    const schema = buildSchema(committed);
    const fields = (type: string) =>
      Object.fromEntries(
        Object.values((schema.getType(type) as any).getFields()).map((f: any) => [
          f.name,
          f.args?.length
            ? `${f.type}(${f.args.map((a: any) => `${a.name}: ${a.type}${a.defaultValue !== undefined ? ` = ${a.defaultValue}` : ""}`).join(", ")})`
            : String(f.type),
        ]),
      );
    expect(fields("Money")).toEqual({ amount: "Int!", currency: "String!" });
    expect(fields("Product")).toMatchObject({
      id: "ID!",
      sku: "String!",
      name: "String!",
      description: "String!",
      price: "Money!",
      images: "[ProductImage!]!",
      stock: "Int!",
    });
    expect(fields("ProductConnection")).toMatchObject({ nodes: "[Product!]!", totalCount: "Int!", pageInfo: "PageInfo!" });
    expect(fields("Cart")).toMatchObject({
      id: "ID!",
      lines: "[CartLine!]!",
      totalQuantity: "Int!",
      subtotal: "Money!",
      shipping: "Money!",
      tax: "Money!",
      total: "Money!",
    });
    expect(fields("CartLine")).toMatchObject({
      id: "ID!",
      product: "Product!",
      quantity: "Int!",
      unitPrice: "Money!",
      lineTotal: "Money!",
    });
    expect(fields("Order")).toMatchObject({
      id: "ID!",
      number: "String!",
      status: "OrderStatus!",
      email: "String!",
      lines: "[OrderLine!]!",
      total: "Money!",
      shippingAddress: "Address!",
      billingAddress: "Address!",
    });
    expect(fields("Order").createdAt).toMatch(/^DateTime(ISO)?!$/);
    // Arguments may be added, never required: an old query of products still reads the same.
    const products = /^ProductConnection!\(first: Int = 20, after: String, search: String(?<added>(, \w+: [^,!)]+)*)\)$/.exec(
      fields("Query").products,
    );
    expect(products?.groups?.added).toBe(", category: String");
    expect(fields("Query")).toMatchObject({
      product: "Product(id: ID!)",
      cart: "Cart!",
      order: "Order(id: ID!)",
    });
    // addToCart gained an optional variantId (a product without options needs none): old calls read the same.
    const addToCart = fields("Mutation").addToCart;
    expect(addToCart.replace(/, \w+: [^,!)]+(?=[,)])/g, "")).toBe("Cart!(productId: ID!, quantity: Int! = 1)");
    expect(addToCart).toBe("Cart!(productId: ID!, variantId: ID, quantity: Int! = 1)");
    expect(fields("Mutation")).toMatchObject({
      updateQuantity: "Cart!(lineId: ID!, quantity: Int!)",
      removeFromCart: "Cart!(lineId: ID!)",
      placeOrder: "Order!(input: PlaceOrderInput!)",
    });
    expect((schema.getType("OrderStatus") as any).getValues().map((v: any) => v.name)).toEqual([
      "PENDING_PAYMENT",
      "PAID",
      "SHIPPED",
      "DELIVERED",
      "CANCELLED",
      "REFUNDED",
    ]);
  });
});
