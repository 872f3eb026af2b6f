import type { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795276527994 implements MigrationInterface {
  name = "Init1795276527994";

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE `product_image` (`id` int NOT NULL AUTO_INCREMENT, `product_id` int NOT NULL, `url` varchar(500) NOT NULL, `alt` varchar(200) NOT NULL, `position` int NOT NULL DEFAULT '0', INDEX `ix_product_image_product` (`product_id`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `product` (`id` int NOT NULL AUTO_INCREMENT, `sku` varchar(64) NOT NULL, `name` varchar(200) NOT NULL, `description` text NOT NULL, `price_amount` int NOT NULL, `currency` varchar(3) NOT NULL, `stock` int NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_product_sku` (`sku`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `cart_line` (`id` int NOT NULL AUTO_INCREMENT, `cart_id` varchar(36) NOT NULL, `product_id` int NOT NULL, `quantity` int NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_cart_line_product` (`cart_id`, `product_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `cart` (`id` varchar(36) NOT NULL, `session_id` varchar(64) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_cart_session` (`session_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `order_line` (`id` int NOT NULL AUTO_INCREMENT, `order_id` varchar(36) NOT NULL, `product_id` int NOT NULL, `position` int NOT NULL, `sku` varchar(64) NOT NULL, `name` varchar(200) NOT NULL, `quantity` int NOT NULL, `currency` varchar(3) NOT NULL, `unit_price_amount` int NOT NULL, `line_total_amount` int NOT NULL, INDEX `ix_order_line_order` (`order_id`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `customer_order` (`id` varchar(36) NOT NULL, `number` varchar(16) NOT NULL, `status` varchar(20) NOT NULL, `email` varchar(254) NOT NULL, `session_id` varchar(64) NOT NULL, `idempotency_key` varchar(100) NULL, `currency` varchar(3) NOT NULL, `subtotal_amount` int NOT NULL, `shipping_amount` int NOT NULL, `tax_amount` int NOT NULL, `total_amount` int NOT NULL, `payment_provider` varchar(40) NOT NULL, `payment_reference` varchar(100) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `shippingName` varchar(100) NOT NULL, `shippingLine1` varchar(200) NOT NULL, `shippingLine2` varchar(200) NULL, `shippingCity` varchar(100) NOT NULL, `shippingRegion` varchar(100) NULL, `shippingPostalcode` varchar(20) NOT NULL, `shippingCountry` varchar(2) NOT NULL, `billingName` varchar(100) NOT NULL, `billingLine1` varchar(200) NOT NULL, `billingLine2` varchar(200) NULL, `billingCity` varchar(100) NOT NULL, `billingRegion` varchar(100) NULL, `billingPostalcode` varchar(20) NOT NULL, `billingCountry` varchar(2) NOT NULL, UNIQUE INDEX `uq_order_number` (`number`), INDEX `ix_order_session` (`session_id`), UNIQUE INDEX `uq_order_idempotency` (`session_id`, `idempotency_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `session` (`id` varchar(64) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `expires_at` datetime NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("ALTER TABLE `product_image` ADD CONSTRAINT `FK_dbc7d9aa7ed42c9141b968a9ed3` FOREIGN KEY (`product_id`) REFERENCES `product`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE `cart_line` ADD CONSTRAINT `FK_5455c0c2b993b0c06a1c0df4626` FOREIGN KEY (`cart_id`) REFERENCES `cart`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE `cart_line` ADD CONSTRAINT `FK_043bdd50ec195bb63df9f84a35d` FOREIGN KEY (`product_id`) REFERENCES `product`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE `order_line` ADD CONSTRAINT `FK_ed8fae6d7239e9d730219215af7` FOREIGN KEY (`order_id`) REFERENCES `customer_order`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE `order_line` DROP FOREIGN KEY `FK_ed8fae6d7239e9d730219215af7`");
    await q.query("ALTER TABLE `cart_line` DROP FOREIGN KEY `FK_043bdd50ec195bb63df9f84a35d`");
    await q.query("ALTER TABLE `cart_line` DROP FOREIGN KEY `FK_5455c0c2b993b0c06a1c0df4626`");
    await q.query("ALTER TABLE `product_image` DROP FOREIGN KEY `FK_dbc7d9aa7ed42c9141b968a9ed3`");
    await q.query("DROP TABLE `session`");
    await q.query("DROP INDEX `uq_order_idempotency` ON `customer_order`");
    await q.query("DROP INDEX `ix_order_session` ON `customer_order`");
    await q.query("DROP INDEX `uq_order_number` ON `customer_order`");
    await q.query("DROP TABLE `customer_order`");
    await q.query("DROP INDEX `ix_order_line_order` ON `order_line`");
    await q.query("DROP TABLE `order_line`");
    await q.query("DROP INDEX `uq_cart_session` ON `cart`");
    await q.query("DROP TABLE `cart`");
    await q.query("DROP INDEX `uq_cart_line_product` ON `cart_line`");
    await q.query("DROP TABLE `cart_line`");
    await q.query("DROP INDEX `uq_product_sku` ON `product`");
    await q.query("DROP TABLE `product`");
    await q.query("DROP INDEX `ix_product_image_product` ON `product_image`");
    await q.query("DROP TABLE `product_image`");
  }
}
