import type { MigrationInterface, QueryRunner } from "typeorm";

export class StockLedgerAndRefunds1795324519124 implements MigrationInterface {
  name = "StockLedgerAndRefunds1795324519124";

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE `stock_movement` ADD `order_number` varchar(16) NULL");
    await q.query("ALTER TABLE `order_event` ADD `kind` varchar(20) NOT NULL DEFAULT 'STATUS_CHANGED'");
    // Stock set before the ledger (imports overwrote it) gets one movement, so every product's movements add up to its stock.
    await q.query(
      "INSERT INTO stock_movement (product_id, delta, reason, resulting_stock, actor) " +
        "SELECT p.id, p.stock - COALESCE(SUM(m.delta), 0), 'Balance carried over', p.stock, 'system' " +
        "FROM product p LEFT JOIN stock_movement m ON m.product_id = p.id GROUP BY p.id, p.stock HAVING p.stock - COALESCE(SUM(m.delta), 0) <> 0",
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE `order_event` DROP COLUMN `kind`");
    await q.query("ALTER TABLE `stock_movement` DROP COLUMN `order_number`");
  }
}
