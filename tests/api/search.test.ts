import { adminClient, describeEachEngine } from "../helpers/test-server";
import type { ShopperClient } from "../helpers/client";

const SEARCH = `query($search: String, $first: Int, $after: String) {
  products(search: $search, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { sku }
  }
}`;
const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }`;

describeEachEngine("catalog search", (server) => {
  let ids: Record<string, string>;
  let admin: ShopperClient;
  const skus = async (search: string, first = 50) =>
    (await server().client().ok(SEARCH, { search, first })).products.nodes.map((n: any) => n.sku);

  beforeAll(async () => {
    ids = await server().seed([
      // First in id order, last by relevance: the word is only in its description.
      { sku: "CUP-1", name: "Tasting Cup", description: "Made for teapot lovers: pairs with any pot." },
      { sku: "TEAPOT-BLUE", name: "Blue Teapot", description: "Glazed stoneware, holds four cups." },
      { sku: "TEAPOT-TRAVEL", name: "Clay Travel Teapot", description: "Small and sturdy." },
      { sku: "KETTLE-1", name: "Gooseneck Kettle", description: "Steel. Pours slowly." },
      { sku: "CAFE-1", name: "Café Crème Bowl", description: "For the morning." },
      { sku: "TEE-XL", name: "Club Tee", description: "Cotton shirt, size XL." },
      { sku: "THE-ART", name: "The Art of Tea", description: "A book about tea." },
      ...Array.from({ length: 30 }, (_, i) => ({ sku: `LEAF-${i}`, name: `Green Leaf Tea no. ${i}`, description: "Loose leaf." })),
    ]);
    admin = await adminClient(server(), "search-admin@example.com");
  });

  test("what a shopper types finds products by the start of a word, every word counting, best match first", async () => {
    // A word in the name ranks above the same word only in the description.
    const teap = await skus("teap");
    expect(teap.slice(0, 2).sort()).toEqual(["TEAPOT-BLUE", "TEAPOT-TRAVEL"]);
    expect(teap[2]).toBe("CUP-1");
    expect(teap).toHaveLength(3);
    expect(await skus("blue teap")).toEqual(["TEAPOT-BLUE"]);
    expect(await skus("TRAVEL clay")).toEqual(["TEAPOT-TRAVEL"]);
    expect(await skus("teapot kettle")).toEqual([]);
    // SKUs, accents and short words: "cafe" finds "Café", "xl" (too short for MariaDB's index) and a SKU's part.
    expect(await skus("cafe creme")).toEqual(["CAFE-1"]);
    expect(await skus("xl")).toEqual(["TEE-XL"]);
    expect(await skus("tee-xl")).toEqual(["TEE-XL"]);
    expect(await skus("the art")).toEqual(["THE-ART"]);
    // Punctuation alone is no word: nothing, not everything.
    expect((await server().client().ok(SEARCH, { search: "%%_" })).products).toMatchObject({ totalCount: 0, nodes: [] });
  });

  test("a search pages through all its matches with a cursor, without gaps or repeats, and counts them", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const { products }: any = await server().client().ok(SEARCH, { search: "leaf", first: 7, after });
      expect(products.totalCount).toBe(30);
      seen.push(...products.nodes.map((n: any) => n.sku));
      if (!products.pageInfo.hasNextPage) break;
      after = products.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
  });

  test("the index follows every change: a new product, a renamed one, a hidden one and a deleted one", async () => {
    const { createProduct } = await admin.ok(CREATE, {
      input: { sku: "SAMOVAR-1", name: "Brass Samovar", description: "Ten litres.", price: 25000, stock: 1, status: "ACTIVE" },
    });
    expect(await skus("samov")).toEqual(["SAMOVAR-1"]);
    await admin.ok(UPDATE, { id: ids["KETTLE-1"], input: { name: "Whistling Hob Kettle", description: "Enamel." } });
    expect(await skus("whistl")).toEqual(["KETTLE-1"]);
    expect(await skus("gooseneck")).toEqual([]);
    expect(await skus("steel")).toEqual([]);
    await admin.ok(UPDATE, { id: ids["CUP-1"], input: { status: "DRAFT" } });
    expect((await skus("teapot")).sort()).toEqual(["TEAPOT-BLUE", "TEAPOT-TRAVEL"]);
    // Its count too, and a page of one still pages over what the shop sells only.
    const one = (await server().client().ok(SEARCH, { search: "teapot", first: 1 })).products;
    expect(one.totalCount).toBe(2);
    const next = (await server().client().ok(SEARCH, { search: "teapot", first: 1, after: one.pageInfo.endCursor })).products;
    expect([...one.nodes, ...next.nodes].map((n: any) => n.sku).sort()).toEqual(["TEAPOT-BLUE", "TEAPOT-TRAVEL"]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    // The admin's search still finds drafts.
    const adminSearch = await admin.ok(`{ adminProducts(search: "tasting") { nodes { sku status } } }`);
    expect(adminSearch.adminProducts.nodes).toEqual([{ sku: "CUP-1", status: "DRAFT" }]);
    expect(await admin.ok(`mutation($id: ID!) { deleteProduct(id: $id) }`, { id: createProduct.id })).toEqual({ deleteProduct: true });
    expect(await skus("samovar")).toEqual([]);
  });

  test("a search's count comes with its page, past the last match too, and a catalog page without a count is one statement", async () => {
    const cost = async (query: string, variables: Record<string, unknown>) => {
      const before = server().queries();
      await server().client().ok(query, variables);
      return server().queries() - before;
    };
    const withCount = await cost(SEARCH, { search: "leaf", first: 5 });
    const without = await cost(`query($search: String) { products(search: $search, first: 5) { nodes { sku } } }`, { search: "leaf" });
    // Ranking reads every match: the count is in the page's own statement, not another search of the index.
    expect(without).toBe(withCount);
    const { products } = await server()
      .client()
      .ok(`query($search: String, $after: String) { products(search: $search, first: 5, after: $after) { totalCount nodes { sku } } }`, {
        search: "leaf",
        after: Buffer.from("search:500").toString("base64url"),
      });
    expect(products).toEqual({
      totalCount: (await server().client().ok(SEARCH, { search: "leaf", first: 5 })).products.totalCount,
      nodes: [],
    });
    expect(await cost(`{ products(first: 24) { nodes { sku } pageInfo { endCursor } } }`, {})).toBe(1);
  });
});
