import type { MigrationInterface, QueryRunner } from "typeorm";

export class StockLedgerAndRefunds1795324519124 implements MigrationInterface {
  name = "StockLedgerAndRefunds1795324519124";

  async up(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"ix_stock_movement_product\"");
    await q.query("CREATE TABLE \"temporary_stock_movement\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"product_id\" integer NOT NULL, \"delta\" integer NOT NULL, \"reason\" varchar(200) NOT NULL, \"resulting_stock\" integer NOT NULL, \"actor\" varchar(254) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"order_number\" varchar(16))");
    await q.query("INSERT INTO \"temporary_stock_movement\"(\"id\", \"product_id\", \"delta\", \"reason\", \"resulting_stock\", \"actor\", \"created_at\") SELECT \"id\", \"product_id\", \"delta\", \"reason\", \"resulting_stock\", \"actor\", \"created_at\" FROM \"stock_movement\"");
    await q.query("DROP TABLE \"stock_movement\"");
    await q.query("ALTER TABLE \"temporary_stock_movement\" RENAME TO \"stock_movement\"");
    await q.query("CREATE INDEX \"ix_stock_movement_product\" ON \"stock_movement\" (\"product_id\", \"id\") ");
    await q.query("DROP INDEX \"ix_order_event_order\"");
    await q.query("CREATE TABLE \"temporary_order_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"order_id\" varchar(36) NOT NULL, \"from_status\" varchar(20), \"to_status\" varchar(20) NOT NULL, \"actor\" varchar(254) NOT NULL, \"note\" varchar(300), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"kind\" varchar(20) NOT NULL DEFAULT ('STATUS_CHANGED'))");
    await q.query("INSERT INTO \"temporary_order_event\"(\"id\", \"order_id\", \"from_status\", \"to_status\", \"actor\", \"note\", \"created_at\") SELECT \"id\", \"order_id\", \"from_status\", \"to_status\", \"actor\", \"note\", \"created_at\" FROM \"order_event\"");
    await q.query("DROP TABLE \"order_event\"");
    await q.query("ALTER TABLE \"temporary_order_event\" RENAME TO \"order_event\"");
    await q.query("CREATE INDEX \"ix_order_event_order\" ON \"order_event\" (\"order_id\", \"id\") ");
    // Stock set before the ledger (imports overwrote it) gets one movement, so every product's movements add up to its stock.
    await q.query(
      "INSERT INTO stock_movement (product_id, delta, reason, resulting_stock, actor) " +
        "SELECT p.id, p.stock - COALESCE(SUM(m.delta), 0), 'Balance carried over', p.stock, 'system' " +
        "FROM product p LEFT JOIN stock_movement m ON m.product_id = p.id GROUP BY p.id, p.stock HAVING p.stock - COALESCE(SUM(m.delta), 0) <> 0",
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"ix_order_event_order\"");
    await q.query("ALTER TABLE \"order_event\" RENAME TO \"temporary_order_event\"");
    await q.query("CREATE TABLE \"order_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"order_id\" varchar(36) NOT NULL, \"from_status\" varchar(20), \"to_status\" varchar(20) NOT NULL, \"actor\" varchar(254) NOT NULL, \"note\" varchar(300), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await q.query("INSERT INTO \"order_event\"(\"id\", \"order_id\", \"from_status\", \"to_status\", \"actor\", \"note\", \"created_at\") SELECT \"id\", \"order_id\", \"from_status\", \"to_status\", \"actor\", \"note\", \"created_at\" FROM \"temporary_order_event\"");
    await q.query("DROP TABLE \"temporary_order_event\"");
    await q.query("CREATE INDEX \"ix_order_event_order\" ON \"order_event\" (\"order_id\", \"id\") ");
    await q.query("DROP INDEX \"ix_stock_movement_product\"");
    await q.query("ALTER TABLE \"stock_movement\" RENAME TO \"temporary_stock_movement\"");
    await q.query("CREATE TABLE \"stock_movement\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"product_id\" integer NOT NULL, \"delta\" integer NOT NULL, \"reason\" varchar(200) NOT NULL, \"resulting_stock\" integer NOT NULL, \"actor\" varchar(254) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await q.query("INSERT INTO \"stock_movement\"(\"id\", \"product_id\", \"delta\", \"reason\", \"resulting_stock\", \"actor\", \"created_at\") SELECT \"id\", \"product_id\", \"delta\", \"reason\", \"resulting_stock\", \"actor\", \"created_at\" FROM \"temporary_stock_movement\"");
    await q.query("DROP TABLE \"temporary_stock_movement\"");
    await q.query("CREATE INDEX \"ix_stock_movement_product\" ON \"stock_movement\" (\"product_id\", \"id\") ");
  }
}
