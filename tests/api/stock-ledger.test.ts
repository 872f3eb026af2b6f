import type { ShopperClient } from "../helpers/client";
import { ADD, PLACE_ORDER, orderInput } from "../helpers/operations";
import { describeEachEngine, type TestServer } from "../helpers/test-server";

const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id stock } }`;
const ADJUST = `mutation($productId: ID!, $delta: Int!, $reason: String!) { adjustStock(productId: $productId, delta: $delta, reason: $reason) { stock } }`;
const IMPORT = `mutation($csv: String!) { importProductsCsv(csv: $csv) { created updated } }`;
const MOVES = `query($productId: ID!) { stockMovements(productId: $productId, first: 100) { nodes { delta reason resultingStock actor orderNumber } } }`;
const PAGE = `query($productId: ID!, $after: String) { stockMovements(productId: $productId, first: 2, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { delta reason resultingStock actor orderNumber } } }`;
const SET_STATUS = `mutation($id: ID!, $status: OrderStatus!) { updateOrderStatus(id: $id, status: $status) { status } }`;

async function admin(server: TestServer): Promise<ShopperClient> {
  const client = server.client();
  const email = `ledger-owner-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await server.app.services.accounts.upsertAdmin(email, "admin password");
  await client.ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`, { e: email, p: "admin password" });
  return client;
}

/**
 * Every product and variant whose movements don't add up to its stock, or product whose stock isn't its
 * variants' sum, as "SKU: stock N, movements M".
 */
async function ledgerMismatches(server: TestServer): Promise<string[]> {
  const q = (sql: string): Promise<{ sku: string; stock: number | string; moved: number | string | null }[]> =>
    server.dataSource.query(sql);
  const products = await q(
    "SELECT p.sku AS sku, p.stock AS stock, (SELECT SUM(m.delta) FROM stock_movement m WHERE m.product_id = p.id) AS moved FROM product p",
  );
  const variants = await q(
    "SELECT v.sku AS sku, v.stock AS stock, (SELECT SUM(m.delta) FROM stock_movement m WHERE m.variant_id = v.id) AS moved FROM product_variant v",
  );
  const sums = await q(
    "SELECT p.sku AS sku, p.stock AS stock, (SELECT SUM(v.stock) FROM product_variant v WHERE v.product_id = p.id) AS moved FROM product p",
  );
  return [...products, ...variants, ...sums]
    .filter((r) => Number(r.stock) !== Number(r.moved ?? 0))
    .map((r) => `${r.sku}: stock ${r.stock}, movements ${r.moved ?? 0}`);
}

describeEachEngine(
  "stock ledger",
  (server) => {
    let owner: ShopperClient;
    beforeAll(async () => {
      owner = await admin(server());
    });

    test("created with 5, 2 sold, then a CSV says 10: the history shows every step and adds up to the stock", async () => {
      const { createProduct } = await owner.ok(CREATE, {
        input: { sku: "LEDGER-1", name: "Ledger Teapot", price: 1000, stock: 5, status: "ACTIVE" },
      });
      const shopper = server().client();
      await shopper.ok(ADD, { productId: createProduct.id, quantity: 2 });
      const { placeOrder } = await shopper.ok(PLACE_ORDER, { input: orderInput({ email: "buyer@example.com" }) });
      expect(
        (await owner.ok(IMPORT, { csv: "sku,name,description,price,stock\nLEDGER-1,Ledger Teapot,,10.00,10\n" })).importProductsCsv,
      ).toEqual({
        created: 0,
        updated: 1,
      });
      expect(await server().stock(createProduct.id)).toBe(10);

      const stockMovements = (await owner.ok(MOVES, { productId: createProduct.id })).stockMovements.nodes;
      expect(stockMovements.reverse()).toEqual([
        { delta: 5, reason: "Opening stock", resultingStock: 5, actor: expect.stringMatching(/^ledger-owner/), orderNumber: null },
        {
          delta: -2,
          reason: `Reserved for order ${placeOrder.number}`,
          resultingStock: 3,
          actor: "buyer@example.com",
          orderNumber: placeOrder.number,
        },
        { delta: 7, reason: "Import", resultingStock: 10, actor: expect.stringMatching(/^ledger-owner/), orderNumber: null },
      ]);
    });

    test("after a mixed sequence of sales, a cancellation, imports and adjustments, every product's movements add up to its stock", async () => {
      const ids = await server().seed([
        { sku: "MIX-A", stock: 8, price: 500 },
        { sku: "MIX-B", stock: 3, price: 700 },
      ]);
      const buy = async (lines: [string, number][]) => {
        const shopper = server().client();
        for (const [sku, quantity] of lines) await shopper.ok(ADD, { productId: ids[sku], quantity });
        return (await shopper.ok(PLACE_ORDER, { input: orderInput() })).placeOrder;
      };
      const first = await buy([
        ["MIX-A", 2],
        ["MIX-B", 1],
      ]);
      await buy([["MIX-A", 1]]);
      await owner.ok(ADJUST, { productId: ids["MIX-B"], delta: 4, reason: "Delivery" });
      await owner.ok(SET_STATUS, { id: first.id, status: "CANCELLED" });
      await owner.ok(IMPORT, { csv: "sku,name,description,price,stock\nMIX-A,Mix A,,5.00,2\nMIX-C,Mix C,,1.00,6\n" });
      await owner.ok(ADJUST, { productId: ids["MIX-A"], delta: -2, reason: "Breakage" });
      // A declined payment reserved the stock and released it again: two movements that cancel out.
      const declined = server().client();
      await declined.ok(ADD, { productId: ids["MIX-B"], quantity: 2 });
      expect(
        (await declined.fails(PLACE_ORDER, { input: orderInput({ payment: { provider: "test", token: "pm_card_chargeDeclined" } }) })).code,
      ).toBe("PAYMENT_DECLINED");
      // A refused adjustment leaves no movement.
      expect((await owner.fails(ADJUST, { productId: ids["MIX-A"], delta: -1, reason: "Too many" })).extensions.field).toBe("delta");

      expect(await server().stock(ids["MIX-A"])).toBe(0);
      expect(await server().stock(ids["MIX-B"])).toBe(3 - 1 + 4 + 1);
      expect(await ledgerMismatches(server())).toEqual([]);
      const stockMovements = (await owner.ok(MOVES, { productId: ids["MIX-B"] })).stockMovements.nodes;
      // Paged two at a time, the history is the same list, newest first, without gaps or repeats.
      const paged: unknown[] = [];
      let after: string | null = null;
      do {
        const page: any = (await owner.ok(PAGE, { productId: ids["MIX-B"], after })).stockMovements;
        expect(page.totalCount).toBe(stockMovements.length);
        paged.push(...page.nodes);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(paged).toEqual(stockMovements);
      expect(stockMovements.slice(0, 3)).toEqual([
        expect.objectContaining({
          delta: 2,
          reason: expect.stringMatching(/^Released from order SW-\w+: Declined: Your card was declined\.$/),
          resultingStock: 7,
        }),
        expect.objectContaining({ delta: -2, reason: expect.stringMatching(/^Reserved for order SW-\w+$/), resultingStock: 5 }),
        expect.objectContaining({ delta: 1, reason: `Order ${first.number} cancelled`, orderNumber: first.number, resultingStock: 7 }),
      ]);
    });

    test("cancelling an order is never refused for the stock cap; a product that doesn't exist takes no stock", async () => {
      const { createProduct } = await owner.ok(CREATE, {
        input: { sku: "CAPPED", name: "Capped", price: 100, stock: 5, status: "ACTIVE" },
      });
      const shopper = server().client();
      await shopper.ok(ADD, { productId: createProduct.id, quantity: 2 });
      const { placeOrder } = await shopper.ok(PLACE_ORDER, { input: orderInput() });
      await owner.ok(ADJUST, { productId: createProduct.id, delta: 999_997, reason: "Warehouse full" });
      expect((await owner.ok(SET_STATUS, { id: placeOrder.id, status: "CANCELLED" })).updateOrderStatus.status).toBe("REFUNDED");
      expect(await server().stock(createProduct.id)).toBe(1_000_002);
      expect(await server().app.services.inventory.move({ variantId: 987654, delta: 1, reason: "Ghost", actor: "test" })).toEqual({
        applied: false,
        stock: 0,
      });
      expect(await ledgerMismatches(server())).toEqual([]);
    });

    test("40 shoppers racing for 5 units leave exactly 5 sale movements, and the ledger still adds up", async () => {
      const ids = await server().seed([{ sku: "RACE-LEDGER", stock: 5 }]);
      const shoppers = await Promise.all(
        Array.from({ length: 40 }, async () => {
          const s = server().client();
          await s.ok(ADD, { productId: ids["RACE-LEDGER"] });
          return s;
        }),
      );
      const results = await Promise.all(shoppers.map((s) => s.gql(PLACE_ORDER, { input: orderInput() })));
      expect(results.filter((r) => r.data?.placeOrder)).toHaveLength(5);
      const stockMovements = (await owner.ok(MOVES, { productId: ids["RACE-LEDGER"] })).stockMovements.nodes;
      expect(stockMovements.filter((m: { reason: string }) => m.reason.startsWith("Reserved for order "))).toHaveLength(5);
      expect(stockMovements.map((m: { resultingStock: number }) => m.resultingStock).sort()).toEqual([0, 1, 2, 3, 4, 5]);
      expect(await ledgerMismatches(server())).toEqual([]);
    });
  },
  { ENABLE_TEST_PAYMENTS: "true" },
);
