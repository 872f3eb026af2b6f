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
