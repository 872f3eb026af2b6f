import type { MigrationInterface, QueryRunner } from "typeorm";

export class EmailOutboxAndPasswordReset1796572887539 implements MigrationInterface {
  name = "EmailOutboxAndPasswordReset1796572887539";

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE `password_reset` (`id` varchar(36) NOT NULL, `token_hash` varchar(64) NULL, `customer_id` varchar(36) NOT NULL, `expires_at` datetime NOT NULL, `used_at` datetime NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_password_reset_token` (`token_hash`), INDEX `ix_password_reset_customer` (`customer_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `email_message` (`id` varchar(36) NOT NULL, `kind` varchar(30) NOT NULL, `recipients` varchar(1000) NOT NULL, `subject` varchar(300) NOT NULL, `payload` text NOT NULL, `order_id` varchar(36) NULL, `status` varchar(10) NOT NULL, `attempts` int NOT NULL DEFAULT '0', `next_attempt_at` datetime(3) NOT NULL, `last_error` varchar(500) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `sent_at` datetime(3) NULL, INDEX `ix_email_order` (`order_id`), INDEX `ix_email_due` (`status`, `next_attempt_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("ALTER TABLE `customer_order` ADD `tracking_number` varchar(100) NULL");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE `customer_order` DROP COLUMN `tracking_number`");
    await q.query("DROP INDEX `ix_email_due` ON `email_message`");
    await q.query("DROP INDEX `ix_email_order` ON `email_message`");
    await q.query("DROP TABLE `email_message`");
    await q.query("DROP INDEX `ix_password_reset_customer` ON `password_reset`");
    await q.query("DROP INDEX `uq_password_reset_token` ON `password_reset`");
    await q.query("DROP TABLE `password_reset`");
  }
}
