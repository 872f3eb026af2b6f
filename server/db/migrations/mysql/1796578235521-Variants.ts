import type { MigrationInterface, QueryRunner } from "typeorm";

export class Variants1796578235521 implements MigrationInterface {
  name = "Variants1796578235521";

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE `product_variant` (`id` int NOT NULL AUTO_INCREMENT, `product_id` int NOT NULL, `sku` varchar(64) NOT NULL, `option_values` varchar(1000) NOT NULL DEFAULT '[]', `price_amount` int NOT NULL, `currency` varchar(3) NOT NULL, `stock` int NOT NULL, `position` int NOT NULL DEFAULT '0', `image_url` varchar(500) NULL, UNIQUE INDEX `uq_product_variant_sku` (`sku`), INDEX `ix_product_variant_product` (`product_id`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    // Every product's default variant, with its SKU, price and stock; lines and movements point at it.
    await q.query("INSERT INTO `product_variant` (`product_id`, `sku`, `option_values`, `price_amount`, `currency`, `stock`, `position`) SELECT `id`, `sku`, '[]', `price_amount`, `currency`, `stock`, 0 FROM `product`");
    await q.query("ALTER TABLE `product` ADD `options` varchar(2000) NOT NULL DEFAULT '[]'");
    await q.query("ALTER TABLE `cart_line` ADD `variant_id` int NULL");
    await q.query("UPDATE `cart_line` l JOIN `product_variant` v ON v.`product_id` = l.`product_id` SET l.`variant_id` = v.`id`");
    await q.query("ALTER TABLE `cart_line` MODIFY `variant_id` int NOT NULL");
    await q.query("ALTER TABLE `stock_movement` ADD `variant_id` int NULL");
    await q.query("UPDATE `stock_movement` m JOIN `product_variant` v ON v.`product_id` = m.`product_id` SET m.`variant_id` = v.`id`");
    await q.query("ALTER TABLE `order_line` ADD `variant_id` int NULL");
    await q.query("ALTER TABLE `order_line` ADD `variant_title` varchar(200) NULL");
    await q.query("UPDATE `order_line` l JOIN `product_variant` v ON v.`product_id` = l.`product_id` SET l.`variant_id` = v.`id`");
    await q.query("CREATE UNIQUE INDEX `uq_cart_line_variant` ON `cart_line` (`cart_id`, `variant_id`)");
    // After the new index exists: the cart foreign key needs an index starting with cart_id.
    await q.query("DROP INDEX `uq_cart_line_product` ON `cart_line`");
    await q.query("ALTER TABLE `product_variant` ADD CONSTRAINT `FK_ca67dd080aac5ecf99609960cd2` FOREIGN KEY (`product_id`) REFERENCES `product`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE `cart_line` ADD CONSTRAINT `FK_7ab11e6088e88a6baebcd9af9d1` FOREIGN KEY (`variant_id`) REFERENCES `product_variant`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("CREATE UNIQUE INDEX `uq_cart_line_product` ON `cart_line` (`cart_id`, `product_id`)");
    await q.query("ALTER TABLE `cart_line` DROP FOREIGN KEY `FK_7ab11e6088e88a6baebcd9af9d1`");
    await q.query("ALTER TABLE `product_variant` DROP FOREIGN KEY `FK_ca67dd080aac5ecf99609960cd2`");
    await q.query("DROP INDEX `uq_cart_line_variant` ON `cart_line`");
    await q.query("ALTER TABLE `order_line` DROP COLUMN `variant_title`");
    await q.query("ALTER TABLE `order_line` DROP COLUMN `variant_id`");
    await q.query("ALTER TABLE `stock_movement` DROP COLUMN `variant_id`");
    await q.query("ALTER TABLE `cart_line` DROP COLUMN `variant_id`");
    await q.query("ALTER TABLE `product` DROP COLUMN `options`");
    await q.query("DROP INDEX `ix_product_variant_product` ON `product_variant`");
    await q.query("DROP INDEX `uq_product_variant_sku` ON `product_variant`");
    await q.query("DROP TABLE `product_variant`");
  }
}
