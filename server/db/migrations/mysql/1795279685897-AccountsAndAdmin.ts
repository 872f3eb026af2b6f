import type { MigrationInterface, QueryRunner } from "typeorm";

export class AccountsAndAdmin1795279685897 implements MigrationInterface {
  name = "AccountsAndAdmin1795279685897";

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE `customer` (`id` varchar(36) NOT NULL, `email` varchar(254) NOT NULL, `email_normalized` varchar(254) NOT NULL, `name` varchar(100) NOT NULL, `password_hash` varchar(255) NOT NULL, `role` varchar(20) NOT NULL, `is_demo` tinyint NOT NULL DEFAULT 0, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_customer_email` (`email_normalized`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `login_throttle` (`key` varchar(300) NOT NULL, `failures` int NOT NULL, `window_started_at` datetime NOT NULL, `blocked_until` datetime NULL, PRIMARY KEY (`key`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `stock_movement` (`id` int NOT NULL AUTO_INCREMENT, `product_id` int NOT NULL, `delta` int NOT NULL, `reason` varchar(200) NOT NULL, `resulting_stock` int NOT NULL, `actor` varchar(254) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_stock_movement_product` (`product_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `order_event` (`id` int NOT NULL AUTO_INCREMENT, `order_id` varchar(36) NOT NULL, `from_status` varchar(20) NULL, `to_status` varchar(20) NOT NULL, `actor` varchar(254) NOT NULL, `note` varchar(300) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_order_event_order` (`order_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("ALTER TABLE `customer_order` ADD `customer_id` varchar(36) NULL");
    await q.query("ALTER TABLE `product` ADD `status` varchar(20) NOT NULL DEFAULT 'ACTIVE'");
    await q.query("ALTER TABLE `cart` ADD `customer_id` varchar(36) NULL");
    await q.query("ALTER TABLE `session` ADD `customer_id` varchar(36) NULL");
    await q.query("ALTER TABLE `cart` CHANGE `session_id` `session_id` varchar(64) NULL");
    await q.query("CREATE INDEX `ix_order_customer` ON `customer_order` (`customer_id`)");
    await q.query("CREATE INDEX `ix_product_status` ON `product` (`status`)");
    await q.query("CREATE UNIQUE INDEX `uq_cart_customer` ON `cart` (`customer_id`)");
    await q.query("CREATE INDEX `ix_session_customer` ON `session` (`customer_id`)");
    await q.query("ALTER TABLE `session` ADD CONSTRAINT `FK_d2ff75316511596841335e82cd7` FOREIGN KEY (`customer_id`) REFERENCES `customer`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE `session` DROP FOREIGN KEY `FK_d2ff75316511596841335e82cd7`");
    await q.query("DROP INDEX `ix_session_customer` ON `session`");
    await q.query("DROP INDEX `uq_cart_customer` ON `cart`");
    await q.query("DROP INDEX `ix_product_status` ON `product`");
    await q.query("DROP INDEX `ix_order_customer` ON `customer_order`");
    await q.query("ALTER TABLE `cart` CHANGE `session_id` `session_id` varchar(64) NOT NULL");
    await q.query("ALTER TABLE `session` DROP COLUMN `customer_id`");
    await q.query("ALTER TABLE `cart` DROP COLUMN `customer_id`");
    await q.query("ALTER TABLE `product` DROP COLUMN `status`");
    await q.query("ALTER TABLE `customer_order` DROP COLUMN `customer_id`");
    await q.query("DROP INDEX `ix_order_event_order` ON `order_event`");
    await q.query("DROP TABLE `order_event`");
    await q.query("DROP INDEX `ix_stock_movement_product` ON `stock_movement`");
    await q.query("DROP TABLE `stock_movement`");
    await q.query("DROP TABLE `login_throttle`");
    await q.query("DROP INDEX `uq_customer_email` ON `customer`");
    await q.query("DROP TABLE `customer`");
  }
}
