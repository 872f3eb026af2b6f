import { queryCounter } from "../../server/db/data-source";
import { ADD, PLACE_ORDER, orderInput } from "../helpers/operations";
import { adminClient, describeEachEngine } from "../helpers/test-server";
import type { ShopperClient } from "../helpers/client";

/**
 * Every list pays a fixed number of SQL statements per page, whatever the page size: each relation a list
 * shows is loaded for the whole page at once (no N+1). Pinned per list, with the fields its screen asks for.
 */
const LISTS: Record<string, { query: string; variables?: Record<string, unknown>; max: number }> = {
  "storefront products": {
    query: `query($first: Int) { products(first: $first) { totalCount pageInfo { endCursor } nodes {
      id name description stock price { amount } priceRange { min { amount } max { amount } } options { name } images { url alt } } } }`,
    max: 5,
  },
  "admin products": {
    query: `query($first: Int) { adminProducts(first: $first) { totalCount nodes {
      id sku name status stock price { amount } images { url } variants { sku stock } categories { name } } } }`,
    max: 7,
  },
  "admin orders, with lines, customer and history": {
    query: `query($first: Int) { orders(first: $first) { totalCount pageInfo { endCursor } nodes {
      id number status email total { amount } payment { status } lines { name quantity }
      customer { email } history { kind toStatus actor } nextStatuses } } }`,
    max: 7,
  },
  "stock movements": {
    query: `query($first: Int, $productId: ID!) { stockMovements(first: $first, productId: $productId) { totalCount nodes {
      delta reason resultingStock actor orderNumber variant { title } } } }`,
    max: 5,
  },
  emails: {
    query: `query($first: Int) { emails(first: $first) { totalCount nodes { kind subject status to createdAt } } }`,
    max: 4,
  },
};

describeEachEngine("SQL statements per list page", (server) => {
  let admin: ShopperClient;
  let customer: ShopperClient;
  let productId: string;

  beforeAll(async () => {
    const ids = await server().seed(
      Array.from({ length: 24 }, (_, i) => ({
        sku: `LIST-${i}`,
        stock: 500,
        images: [{ url: `/media/test/${i}.png`, alt: `Item ${i}` }],
      })),
    );
    productId = ids["LIST-0"];
    admin = await adminClient(server(), "lists-admin@example.com");
    customer = server().client();
    await customer.ok(`mutation($input: RegisterInput!) { register(input: $input) { id } }`, {
      input: { email: "lists@example.com", name: "List Customer", password: "a long enough password" },
    });
    // 24 orders: half by the customer, half by guests, every one through a real checkout of LIST-0.
    for (let i = 0; i < 24; i++) {
      const shopper = i % 2 ? customer : server().client();
      await shopper.ok(ADD, { productId, quantity: 1 });
      const { placeOrder } = await shopper.ok(PLACE_ORDER, {
        input: orderInput({ email: i % 2 ? "lists@example.com" : `guest-${i}@example.com` }),
      });
      // A second apart, in the order placed (SQLite keeps the time to the second): every page, even of 2, then
      // holds a guest's order and a customer's, so each page asks for the same relations.
      await server().dataSource.query("UPDATE customer_order SET created_at = ? WHERE id = ?", [
        `2026-01-01 00:00:${String(i).padStart(2, "0")}`,
        placeOrder.id,
      ]);
    }
  });

  const cost = async (client: ShopperClient, query: string, variables: Record<string, unknown>) => {
    const before = server().queries();
    const data = await client.ok(query, variables);
    return { statements: server().queries() - before, data };
  };

  for (const [name, list] of Object.entries(LISTS)) {
    test(`${name}: the same statements for 2 rows as for 20`, async () => {
      const variables = { ...list.variables, productId };
      await admin.ok(list.query, { ...variables, first: 1 }); // the session is read, the storefront's count kept
      const small = await cost(admin, list.query, { ...variables, first: 2 });
      const large = await cost(admin, list.query, { ...variables, first: 20 });
      const rows = (data: Record<string, { nodes: unknown[] }>) => Object.values(data)[0].nodes.length;
      expect([rows(small.data), rows(large.data)]).toEqual([2, 20]);
      expect(large.statements).toBe(small.statements);
      expect(large.statements).toBeLessThanOrEqual(list.max);
    });
  }

  test("a statement's text is the same whatever the ids in it, so SQLite prepares it once, not once per product or cart", async () => {
    // The text of every statement a run of requests sends, in order (both data sources log to one counter).
    // TypeORM hands the logger each statement's text; this counter's own method only counts.
    const counter = queryCounter(server().dataSource) as unknown as { count: number; logQuery?: (query: string) => void };
    const texts = async (run: () => Promise<unknown>) => {
      const seen: string[] = [];
      counter.logQuery = (query) => {
        seen.push(query);
        counter.count++;
      };
      try {
        await run();
      } finally {
        delete counter.logQuery;
      }
      return seen;
    };
    const ids = await server().seed([{ sku: "TEXT-A" }, { sku: "TEXT-B" }]);
    const PRODUCT = `query($id: ID!) { product(id: $id) { name images { url } variants { sku } categories { name } } }`;
    const PAGE = `query($after: String) { products(first: 2, after: $after) { pageInfo { endCursor } nodes { name images { url } } } }`;
    const visit = (productId: string, after: string) => async () => {
      const shopper = server().client();
      await shopper.ok(PRODUCT, { id: productId });
      await shopper.ok(PAGE, { after });
      await shopper.ok(ADD, { productId, quantity: 1 });
      await shopper.ok(ADD, { productId, quantity: 2 });
    };
    const cursor = async (skip: number) => {
      const { products } = await customer.ok(`query($first: Int) { products(first: $first) { pageInfo { endCursor } } }`, { first: skip });
      return products.pageInfo.endCursor as string;
    };
    const first = await texts(visit(ids["TEXT-A"], await cursor(3)));
    const second = await texts(visit(ids["TEXT-B"], await cursor(7)));
    expect(first.length).toBeGreaterThan(8);
    expect(second).toEqual(first);
  });

  test("my orders: the same statements for 2 orders as for 12, and its pages follow on without gaps or repeats", async () => {
    const MY = `query($first: Int, $after: String) { myOrders(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { number lines { name } total { amount } } } }`;
    const small = await cost(customer, MY, { first: 2 });
    const large = await cost(customer, MY, { first: 12 });
    expect(large.statements).toBe(small.statements);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { myOrders }: any = await customer.ok(MY, { first: 5, after });
      expect(myOrders.totalCount).toBe(12);
      seen.push(...myOrders.nodes.map((o: any) => o.number));
      after = myOrders.pageInfo.hasNextPage ? myOrders.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(12);
    expect(seen).toEqual(large.data.myOrders.nodes.map((o: any) => o.number));
  });

  test("the admin's order pages follow on newest first, also when orders share a timestamp, and a new order doesn't shift them", async () => {
    // Orders stored in one instant (a busy shop, or a clock's coarse tick) are told apart by id.
    await server().dataSource.query(
      `UPDATE customer_order SET created_at = (SELECT MAX(created_at) FROM customer_order) WHERE email LIKE 'guest-%'`,
    );
    const PAGE = `query($first: Int, $after: String) { orders(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { number } } }`;
    const all = (await admin.ok(PAGE, { first: 100 })).orders.nodes.map((o: any) => o.number);
    expect(all).toHaveLength(24);
    const seen: string[] = [];
    let after: string | null = null;
    let page = 0;
    let lateNumber = "";
    do {
      const { orders }: any = await admin.ok(PAGE, { first: 5, after });
      seen.push(...orders.nodes.map((o: any) => o.number));
      after = orders.pageInfo.hasNextPage ? orders.pageInfo.endCursor : null;
      if (++page === 1) {
        // A shopper orders while the owner reads page 1: page 2 goes on where page 1 ended.
        const late = server().client();
        await late.ok(ADD, { productId, quantity: 1 });
        lateNumber = (await late.ok(PLACE_ORDER, { input: orderInput({ email: "late@example.com" }) })).placeOrder.number;
      }
    } while (after);
    // Every order the owner was reading, each once and in order. The new one is newer than page 1's last order;
    // SQLite keeps times to the second, so in the same second it ties and may sort after it by id: then it shows.
    expect(seen.filter((n) => n !== lateNumber)).toEqual(all);
    expect(seen.filter((n) => n === lateNumber).length).toBeLessThanOrEqual(1);
    const bogus = await admin.fails(PAGE, { first: 5, after: Buffer.from("orders:12").toString("base64url") });
    expect(bogus.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});
