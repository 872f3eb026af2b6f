import { describeEachEngine } from "../helpers/test-server";
import { ADD, PLACE_ORDER, orderInput } from "../helpers/operations";

describeEachEngine(
  "concurrent checkout",
  (server) => {
    test("40 shoppers order the last 5 units at once: exactly 5 orders succeed, the rest are OUT_OF_STOCK, stock ends at 0", async () => {
      const ids = await server().seed([{ sku: "RARE", name: "Rare Teapot", price: 2500, stock: 5 }]);
      const shoppers = await Promise.all(
        Array.from({ length: 40 }, async () => {
          const shopper = server().client();
          await shopper.ok(ADD, { productId: ids.RARE, quantity: 1 });
          return shopper;
        }),
      );

      // Watch the stock while the orders run: it must never dip below zero.
      let lowest = Infinity;
      let watching = true;
      const watcher = (async () => {
        while (watching) {
          lowest = Math.min(lowest, await server().stock(ids.RARE));
          await new Promise((r) => setTimeout(r, 2));
        }
      })();

      const results = await Promise.all(shoppers.map((s) => s.gql(PLACE_ORDER, { input: orderInput() })));
      watching = false;
      await watcher;

      const codes = results.map((r) => (r.data?.placeOrder ? "OK" : r.errors?.[0].extensions?.code));
      expect(codes.filter((c) => c === "OK")).toHaveLength(5);
      expect(codes.filter((c) => c === "OUT_OF_STOCK")).toHaveLength(35);
      expect(await server().stock(ids.RARE)).toBe(0);
      expect(lowest).toBeGreaterThanOrEqual(0);

      const [{ n, units }] = await server().dataSource.query(
        "SELECT COUNT(*) AS n, SUM(quantity) AS units FROM order_line WHERE product_id = ?",
        [Number(ids.RARE)],
      );
      expect([Number(n), Number(units)]).toEqual([5, 5]);
    });

    test("concurrent orders over several products in different orders don't deadlock or oversell", async () => {
      const ids = await server().seed([
        { sku: "A1", stock: 6 },
        { sku: "B1", stock: 6 },
        { sku: "C1", stock: 6 },
      ]);
      const baskets = [
        ["A1", "B1", "C1"],
        ["C1", "B1", "A1"],
        ["B1", "A1"],
        ["C1", "A1"],
      ];
      const shoppers = await Promise.all(
        Array.from({ length: 16 }, async (_, i) => {
          const shopper = server().client();
          for (const sku of baskets[i % baskets.length]) await shopper.ok(ADD, { productId: ids[sku], quantity: 1 });
          return shopper;
        }),
      );
      const results = await Promise.all(shoppers.map((s) => s.gql(PLACE_ORDER, { input: orderInput() })));
      const unexpected = results.filter((r) => r.errors && r.errors[0].extensions?.code !== "OUT_OF_STOCK");
      expect(unexpected.map((r) => r.errors)).toEqual([]);

      for (const sku of ["A1", "B1", "C1"]) {
        const [{ sold }] = await server().dataSource.query(
          "SELECT COALESCE(SUM(quantity), 0) AS sold FROM order_line WHERE product_id = ?",
          [Number(ids[sku])],
        );
        const stock = await server().stock(ids[sku]);
        expect(stock).toBeGreaterThanOrEqual(0);
        expect(Number(sold) + stock).toBe(6); // every unit is either sold or still in stock
      }
    });
  },
  { ENABLE_TEST_PAYMENTS: "true" },
);
