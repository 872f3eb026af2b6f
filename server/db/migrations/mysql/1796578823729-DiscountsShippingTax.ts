import type { MigrationInterface, QueryRunner } from "typeorm";

export class DiscountsShippingTax1796578823729 implements MigrationInterface {
  name = "DiscountsShippingTax1796578823729";

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE `discount_code` (`id` int NOT NULL AUTO_INCREMENT, `code` varchar(40) NOT NULL, `kind` varchar(20) NOT NULL, `value` int NOT NULL, `currency` varchar(3) NOT NULL, `min_subtotal_amount` int NULL, `starts_at` datetime NULL, `ends_at` datetime NULL, `usage_limit` int NULL, `per_customer_limit` int NULL, `used_count` int NOT NULL DEFAULT '0', `active` tinyint NOT NULL DEFAULT 1, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_discount_code` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `discount_redemption` (`id` int NOT NULL AUTO_INCREMENT, `code_id` int NOT NULL, `order_id` varchar(36) NOT NULL, `email` varchar(254) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_discount_redemption_order` (`order_id`), INDEX `ix_discount_redemption_code_email` (`code_id`, `email`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `shipping_zone` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(100) NOT NULL, `countries` varchar(1000) NOT NULL, `position` int NOT NULL DEFAULT '0', PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `shipping_rate` (`id` int NOT NULL AUTO_INCREMENT, `zone_id` int NOT NULL, `name` varchar(100) NOT NULL, `price_amount` int NOT NULL, `free_above_amount` int NULL, `min_weight_grams` int NULL, `max_weight_grams` int NULL, `estimated_days` varchar(40) NULL, `position` int NOT NULL DEFAULT '0', `currency` varchar(3) NOT NULL, INDEX `ix_shipping_rate_zone` (`zone_id`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `tax_rate` (`id` int NOT NULL AUTO_INCREMENT, `country` varchar(2) NOT NULL, `region` varchar(100) NOT NULL DEFAULT '', `name` varchar(60) NOT NULL, `rate_bps` int NOT NULL, UNIQUE INDEX `uq_tax_rate_place` (`country`, `region`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("ALTER TABLE `customer_order` ADD `discount_code` varchar(40) NULL");
    await q.query("ALTER TABLE `customer_order` ADD `discount_amount` int NOT NULL DEFAULT '0'");
    await q.query("ALTER TABLE `customer_order` ADD `shipping_method` varchar(200) NULL");
    await q.query("ALTER TABLE `customer_order` ADD `tax_label` varchar(100) NULL");
    await q.query("ALTER TABLE `customer_order` ADD `tax_included` tinyint NOT NULL DEFAULT 0");
    await q.query("ALTER TABLE `product` ADD `weight_grams` int NULL");
    await q.query("ALTER TABLE `cart` ADD `discount_code` varchar(40) NULL");
    await q.query("ALTER TABLE `cart` ADD `ship_country` varchar(2) NULL");
    await q.query("ALTER TABLE `cart` ADD `ship_region` varchar(100) NULL");
    await q.query("ALTER TABLE `cart` ADD `ship_postal_code` varchar(20) NULL");
    await q.query("ALTER TABLE `cart` ADD `shipping_rate_id` int NULL");
    await q.query("ALTER TABLE `shipping_rate` ADD CONSTRAINT `FK_40e6b7bd8b02fa078c7cb850410` FOREIGN KEY (`zone_id`) REFERENCES `shipping_zone`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE `shipping_rate` DROP FOREIGN KEY `FK_40e6b7bd8b02fa078c7cb850410`");
    await q.query("ALTER TABLE `cart` DROP COLUMN `shipping_rate_id`");
    await q.query("ALTER TABLE `cart` DROP COLUMN `ship_postal_code`");
    await q.query("ALTER TABLE `cart` DROP COLUMN `ship_region`");
    await q.query("ALTER TABLE `cart` DROP COLUMN `ship_country`");
    await q.query("ALTER TABLE `cart` DROP COLUMN `discount_code`");
    await q.query("ALTER TABLE `product` DROP COLUMN `weight_grams`");
    await q.query("ALTER TABLE `customer_order` DROP COLUMN `tax_included`");
    await q.query("ALTER TABLE `customer_order` DROP COLUMN `tax_label`");
    await q.query("ALTER TABLE `customer_order` DROP COLUMN `shipping_method`");
    await q.query("ALTER TABLE `customer_order` DROP COLUMN `discount_amount`");
    await q.query("ALTER TABLE `customer_order` DROP COLUMN `discount_code`");
    await q.query("DROP INDEX `uq_tax_rate_place` ON `tax_rate`");
    await q.query("DROP TABLE `tax_rate`");
    await q.query("DROP INDEX `ix_shipping_rate_zone` ON `shipping_rate`");
    await q.query("DROP TABLE `shipping_rate`");
    await q.query("DROP TABLE `shipping_zone`");
    await q.query("DROP INDEX `ix_discount_redemption_code_email` ON `discount_redemption`");
    await q.query("DROP INDEX `uq_discount_redemption_order` ON `discount_redemption`");
    await q.query("DROP TABLE `discount_redemption`");
    await q.query("DROP INDEX `uq_discount_code` ON `discount_code`");
    await q.query("DROP TABLE `discount_code`");
  }
}
