import type { MigrationInterface, QueryRunner } from "typeorm";

export class CheckoutHoldsAndPayments1795330458106 implements MigrationInterface {
  name = "CheckoutHoldsAndPayments1795330458106";

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE `payment_notice` (`id` int NOT NULL AUTO_INCREMENT, `provider` varchar(40) NOT NULL, `event_id` varchar(255) NOT NULL, `type` varchar(100) NOT NULL, `order_id` varchar(36) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_payment_notice_event` (`provider`, `event_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("ALTER TABLE `customer_order` ADD `payment_status` varchar(20) NOT NULL DEFAULT 'PENDING'");
    await q.query("ALTER TABLE `customer_order` ADD `payment_session` varchar(255) NULL");
    await q.query("ALTER TABLE `customer_order` ADD `payment_url` varchar(2000) NULL");
    await q.query("ALTER TABLE `customer_order` ADD `reconcile_at` datetime NULL");
    await q.query("ALTER TABLE `customer_order` ADD `attention` varchar(300) NULL");
    await q.query("ALTER TABLE `customer_order` ADD `checkout_fingerprint` varchar(64) NULL");
    // Kept, not dropped and added again (as generated): the references of orders already paid stay.
    await q.query("ALTER TABLE `customer_order` MODIFY `payment_reference` varchar(255) NULL");
    await q.query("CREATE INDEX `ix_order_payment_reference` ON `customer_order` (`payment_reference`)");
    await q.query("CREATE INDEX `ix_order_payment_session` ON `customer_order` (`payment_session`)");
    await q.query("CREATE INDEX `ix_order_reconcile` ON `customer_order` (`status`, `reconcile_at`)");
    // Orders placed before: every one was paid at checkout; a cancelled one's refund is in its history.
    await q.query("UPDATE `customer_order` SET `payment_status` = 'PAID'");
    await q.query(
      "UPDATE `customer_order` SET `payment_status` = 'REFUNDED' WHERE `status` = 'REFUNDED' OR `id` IN (SELECT `order_id` FROM `order_event` WHERE `kind` = 'REFUNDED')",
    );
    await q.query(
      "UPDATE `customer_order` SET `payment_status` = 'REFUND_FAILED' WHERE `payment_status` = 'PAID' AND `id` IN (SELECT `order_id` FROM `order_event` WHERE `kind` = 'REFUND_FAILED')",
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX `ix_order_reconcile` ON `customer_order`");
    await q.query("DROP INDEX `ix_order_payment_session` ON `customer_order`");
    await q.query("DROP INDEX `ix_order_payment_reference` ON `customer_order`");
    await q.query("UPDATE `customer_order` SET `payment_reference` = '' WHERE `payment_reference` IS NULL");
    await q.query("ALTER TABLE `customer_order` MODIFY `payment_reference` varchar(100) NOT NULL");
    await q.query("ALTER TABLE `customer_order` DROP COLUMN `checkout_fingerprint`");
    await q.query("ALTER TABLE `customer_order` DROP COLUMN `attention`");
    await q.query("ALTER TABLE `customer_order` DROP COLUMN `reconcile_at`");
    await q.query("ALTER TABLE `customer_order` DROP COLUMN `payment_url`");
    await q.query("ALTER TABLE `customer_order` DROP COLUMN `payment_session`");
    await q.query("ALTER TABLE `customer_order` DROP COLUMN `payment_status`");
    await q.query("DROP INDEX `uq_payment_notice_event` ON `payment_notice`");
    await q.query("DROP TABLE `payment_notice`");
  }
}
