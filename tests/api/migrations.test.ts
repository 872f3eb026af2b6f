import { connectStore, openStoreDatabase } from "../../server/modules";
import { pendingSchemaChanges } from "../../server/db/pending-schema";
import { engines, scratchDatabase } from "../helpers/test-server";

describe.each(engines)("migrations [%s]", (engine) => {
  test("create exactly the schema the entities describe (add a migration with `npm run migration:generate -- Name` when this fails)", async () => {
    const scratch = await scratchDatabase(engine);
    const ds = await openStoreDatabase(scratch.db);
    try {
      expect(await pendingSchemaChanges(ds)).toEqual({ up: [], down: [] });
    } finally {
      await ds.destroy();
      await scratch.drop();
    }
  });

  test("orders placed before the payments migration keep their lines and payment reference, and become PAID or REFUNDED", async () => {
    const scratch = await scratchDatabase(engine);
    const ds = await connectStore(scratch.db);
    try {
      // The database as it was one migration earlier, with two orders in it.
      const from = ds.migrations.findIndex((m) => m.name === "CheckoutHoldsAndPayments1795330458106");
      expect(from).toBeGreaterThan(0);
      const later = ds.migrations.splice(from);
      await ds.runMigrations({ transaction: "each" });
      const q = (sql: string) => ds.query(engine === "mysql" ? sql.replaceAll('"', "`") : sql);
      const order = (id: string, number: string, status: string) =>
        q(`INSERT INTO "customer_order" ("id", "number", "status", "email", "session_id", "currency", "subtotal_amount", "shipping_amount",
          "tax_amount", "total_amount", "shippingName", "shippingLine1", "shippingCity", "shippingPostalCode", "shippingCountry",
          "billingName", "billingLine1", "billingCity", "billingPostalCode", "billingCountry", "payment_provider", "payment_reference")
          VALUES ('${id}', '${number}', '${status}', 'a@example.com', 's1', 'USD', 1000, 0, 0, 1000, 'A', 'L', 'C', 'P', 'GB',
          'A', 'L', 'C', 'P', 'GB', 'test', 'test_ch_${number}')`);
      await order("00000000-0000-4000-8000-000000000001", "SW-OLD0001", "SHIPPED");
      await order("00000000-0000-4000-8000-000000000002", "SW-OLD0002", "CANCELLED");
      await q(`INSERT INTO "order_line" ("order_id", "product_id", "position", "sku", "name", "quantity", "currency", "unit_price_amount",
        "line_total_amount") VALUES ('00000000-0000-4000-8000-000000000001', 1, 0, 'MUG', 'Mug', 2, 'USD', 500, 1000)`);
      await q(`INSERT INTO "order_event" ("order_id", "kind", "to_status", "actor", "note")
        VALUES ('00000000-0000-4000-8000-000000000002', 'REFUNDED', 'CANCELLED', 'test', 'Refund test_re_1: succeeded')`);

      ds.migrations.push(...later);
      await ds.runMigrations({ transaction: "each" });
      const rows = await q(`SELECT "number", "status", "payment_status", "payment_reference" FROM "customer_order" ORDER BY "number"`);
      expect(rows).toEqual([
        { number: "SW-OLD0001", status: "SHIPPED", payment_status: "PAID", payment_reference: "test_ch_SW-OLD0001" },
        { number: "SW-OLD0002", status: "CANCELLED", payment_status: "REFUNDED", payment_reference: "test_ch_SW-OLD0002" },
      ]);
      // The order table was rebuilt on SQLite: its lines (which cascade on delete) must still be there.
      expect((await q(`SELECT "sku", "quantity" FROM "order_line"`)).map((r: any) => [r.sku, Number(r.quantity)])).toEqual([["MUG", 2]]);
    } finally {
      await ds.destroy();
      await scratch.drop();
    }
  });

  test("a store made by the previous release gets one default variant per product, with its SKU, price and stock, and loses nothing", async () => {
    const scratch = await scratchDatabase(engine);
    const ds = await connectStore(scratch.db);
    try {
      const from = ds.migrations.findIndex((m) => m.name === "Variants1796578235521");
      expect(from).toBeGreaterThan(0);
      const later = ds.migrations.splice(from);
      await ds.runMigrations({ transaction: "each" });
      const q = (sql: string) => ds.query(engine === "mysql" ? sql.replaceAll('"', "`") : sql);
      // The previous release's data: two products with images and a category, a cart, an order, stock history.
      await q(`INSERT INTO "product" ("id", "sku", "name", "description", "price_amount", "currency", "stock", "status")
        VALUES (1, 'MUG', 'Mug', 'A mug', 1250, 'USD', 7, 'ACTIVE'), (2, 'TEAPOT', 'Teapot', 'A teapot', 4500, 'USD', 0, 'ARCHIVED')`);
      await q(`INSERT INTO "product_image" ("product_id", "url", "alt", "position") VALUES (1, '/media/mug.svg', 'A mug', 0)`);
      await q(`INSERT INTO "category" ("id", "slug", "name") VALUES (1, 'kitchen', 'Kitchen')`);
      await q(`INSERT INTO "product_category" ("product_id", "category_id") VALUES (1, 1), (2, 1)`);
      await q(`INSERT INTO "cart" ("id", "session_id") VALUES ('c1', 's1')`);
      await q(`INSERT INTO "cart_line" ("cart_id", "product_id", "quantity") VALUES ('c1', 1, 2), ('c1', 2, 1)`);
      await q(`INSERT INTO "customer_order" ("id", "number", "status", "email", "session_id", "currency", "subtotal_amount", "shipping_amount",
        "tax_amount", "total_amount", "shippingName", "shippingLine1", "shippingCity", "shippingPostalCode", "shippingCountry",
        "billingName", "billingLine1", "billingCity", "billingPostalCode", "billingCountry", "payment_provider", "payment_status")
        VALUES ('00000000-0000-4000-8000-000000000001', 'SW-OLD0001', 'PAID', 'a@example.com', 's1', 'USD', 2500, 0, 0, 2500,
        'A', 'L', 'C', 'P', 'GB', 'A', 'L', 'C', 'P', 'GB', 'test', 'PAID')`);
      await q(`INSERT INTO "order_line" ("order_id", "product_id", "position", "sku", "name", "quantity", "currency", "unit_price_amount",
        "line_total_amount") VALUES ('00000000-0000-4000-8000-000000000001', 1, 0, 'MUG', 'Mug', 2, 'USD', 1250, 2500)`);
      await q(`INSERT INTO "stock_movement" ("product_id", "delta", "reason", "resulting_stock", "actor")
        VALUES (1, 9, 'Opening stock', 9, 'system'), (1, -2, 'Reserved for order SW-OLD0001', 7, 'a@example.com')`);

      ds.migrations.push(...later);
      await ds.runMigrations({ transaction: "each" });
      const variants = await q(
        `SELECT "id", "product_id", "sku", "option_values", "price_amount", "currency", "stock" FROM "product_variant" ORDER BY "product_id"`,
      );
      expect(
        variants.map((v: any) => [Number(v.product_id), v.sku, v.option_values, Number(v.price_amount), v.currency, Number(v.stock)]),
      ).toEqual([
        [1, "MUG", "[]", 1250, "USD", 7],
        [2, "TEAPOT", "[]", 4500, "USD", 0],
      ]);
      const [mug, teapot] = variants.map((v: any) => Number(v.id));
      const products = await q(`SELECT "sku", "price_amount", "stock", "status", "options" FROM "product" ORDER BY "id"`);
      expect(products.map((p: any) => [p.sku, Number(p.price_amount), Number(p.stock), p.status, p.options])).toEqual([
        ["MUG", 1250, 7, "ACTIVE", "[]"],
        ["TEAPOT", 4500, 0, "ARCHIVED", "[]"],
      ]);
      expect(
        (await q(`SELECT "variant_id", "quantity" FROM "cart_line" ORDER BY "id"`)).map((l: any) => [
          Number(l.variant_id),
          Number(l.quantity),
        ]),
      ).toEqual([
        [mug, 2],
        [teapot, 1],
      ]);
      expect(
        (await q(`SELECT "variant_id", "variant_title", "sku" FROM "order_line"`)).map((l: any) => [
          Number(l.variant_id),
          l.variant_title,
          l.sku,
        ]),
      ).toEqual([[mug, null, "MUG"]]);
      expect(
        (await q(`SELECT "variant_id", "delta" FROM "stock_movement" ORDER BY "id"`)).map((m: any) => [
          Number(m.variant_id),
          Number(m.delta),
        ]),
      ).toEqual([
        [mug, 9],
        [mug, -2],
      ]);
      // Nothing that hangs off a product went: images and categories are all there.
      expect((await q(`SELECT "url" FROM "product_image"`)).map((i: any) => i.url)).toEqual(["/media/mug.svg"]);
      expect(Number((await q(`SELECT COUNT(*) AS n FROM "product_category"`))[0].n)).toBe(2);
      expect(await pendingSchemaChanges(ds)).toEqual({ up: [], down: [] });
    } finally {
      await ds.destroy();
      await scratch.drop();
    }
  });

  // MySQL/MariaDB migrations can be reverted. SQLite ones are forward-only: TypeORM rebuilds SQLite tables
  // to change them, and its generated down steps rename tables in a way that breaks other tables' foreign keys.
  if (engine === "mysql")
    test("run in order and can be reverted to an empty database", async () => {
      const scratch = await scratchDatabase(engine);
      const ds = await openStoreDatabase(scratch.db);
      try {
        const applied = await ds.query("SELECT name FROM `migrations`");
        expect(applied.length).toBe(ds.migrations.length);
        for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration();
        const check = await connectStore(scratch.db, { withoutMigrations: true });
        const { up } = await pendingSchemaChanges(check);
        expect(up.some((q) => /CREATE TABLE .?product.?\b/.test(q))).toBe(true); // the tables are gone again
        await check.destroy();
      } finally {
        if (ds.isInitialized) await ds.destroy();
        await scratch.drop();
      }
    });
});
