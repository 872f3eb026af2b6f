import { describeEachEngine } from "../helpers/test-server";

const PAGE = `query Page($first: Int, $after: String, $search: String) {
  products(first: $first, after: $after, search: $search) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id sku name description stock price { amount currency } images { url alt } }
  }
}`;

describeEachEngine("catalog", (server) => {
  let ids: Record<string, string>;

  beforeAll(async () => {
    const products = Array.from({ length: 25 }, (_, i) => ({
      sku: `ITEM-${String(i).padStart(2, "0")}`,
      name: i === 7 ? "Blue TEAPOT" : `Item ${i}`,
      description: i === 12 ? "A cup for teapot lovers" : "Plain stoneware",
      price: 1000 + i,
      stock: i,
      images: [
        { url: `/media/test/${i}-a.png`, alt: `Item ${i} front` },
        { url: `/media/test/${i}-b.png`, alt: `Item ${i} back` },
      ],
    }));
    ids = await server().seed(products);
  });

  test("products pages through the whole catalog with opaque cursors, in a stable order, without gaps or repeats", async () => {
    const shopper = server().client();
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { products }: any = await shopper.ok(PAGE, { first: 10, after });
      expect(products.totalCount).toBe(25);
      seen.push(...products.nodes.map((n: any) => n.sku));
      if (!products.pageInfo.hasNextPage) break;
      after = products.pageInfo.endCursor;
      expect(after).not.toMatch(/ITEM|^\d+$/);
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `ITEM-${String(i).padStart(2, "0")}`));
  });

  test("a product shows its price as Money in cents, its stock and its images in gallery order", async () => {
    const { product } = await server()
      .client()
      .ok(`query($id: ID!) { product(id: $id) { sku name stock price { amount currency } images { url alt } } }`, { id: ids["ITEM-03"] });
    expect(product).toEqual({
      sku: "ITEM-03",
      name: "Item 3",
      stock: 3,
      price: { amount: 1003, currency: "USD" },
      images: [
        { url: "/media/test/3-a.png", alt: "Item 3 front" },
        { url: "/media/test/3-b.png", alt: "Item 3 back" },
      ],
    });
  });

  test("the shop says which currency its prices are in", async () => {
    expect((await server().client().ok(`{ shop { currency } }`)).shop).toEqual({ currency: "USD" });
  });

  test("product(id) is null for an unknown or malformed id", async () => {
    const shopper = server().client();
    for (const id of ["424242", "abc", "-1"]) {
      expect((await shopper.ok(`query($id: ID!) { product(id: $id) { id } }`, { id })).product).toBeNull();
    }
  });

  test("search matches name and description, case-insensitively, and counts only matches", async () => {
    const { products } = await server().client().ok(PAGE, { search: "tEaPoT" });
    expect(products.nodes.map((n: any) => n.sku)).toEqual(["ITEM-07", "ITEM-12"]);
    expect(products.totalCount).toBe(2);
    const none = await server().client().ok(PAGE, { search: "100%_" });
    expect(none.products).toMatchObject({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  test("a page size outside 1–100 or a made-up cursor is BAD_USER_INPUT naming the argument", async () => {
    const shopper = server().client();
    expect((await shopper.fails(PAGE, { first: 0 })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect((await shopper.fails(PAGE, { first: 101 })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect((await shopper.fails(PAGE, { after: "bm9wZQ" })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  test("a catalog page costs the same number of SQL queries for 2 products as for 25 (no N+1)", async () => {
    const shopper = server().client();
    const cost = async (first: number) => {
      const before = server().queries();
      const { products } = await shopper.ok(PAGE, { first });
      expect(products.nodes.length).toBe(Math.min(first, 25));
      return server().queries() - before;
    };
    const small = await cost(2);
    const large = await cost(25);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(3);
  });

  test("a cart with many lines costs a fixed number of queries too", async () => {
    const shopper = server().client();
    const CART = `query { cart { lines { quantity product { name images { url } } } total { amount } } }`;
    await shopper.ok(`mutation($id: ID!) { addToCart(productId: $id) { id } }`, { id: ids["ITEM-05"] });
    let before = server().queries();
    await shopper.ok(CART);
    const one = server().queries() - before;
    for (const sku of ["ITEM-06", "ITEM-08", "ITEM-09", "ITEM-10"]) {
      await shopper.ok(`mutation($id: ID!) { addToCart(productId: $id) { id } }`, { id: ids[sku] });
    }
    before = server().queries();
    const { cart } = await shopper.ok(CART);
    expect(cart.lines).toHaveLength(5);
    expect(server().queries() - before).toBe(one);
  });
});
