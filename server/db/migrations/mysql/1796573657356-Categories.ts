import type { MigrationInterface, QueryRunner } from "typeorm";

export class Categories1796573657356 implements MigrationInterface {
  name = "Categories1796573657356";

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE `category` (`id` int NOT NULL AUTO_INCREMENT, `slug` varchar(100) NOT NULL, `name` varchar(100) NOT NULL, `parent_id` int NULL, `position` int NOT NULL DEFAULT '0', `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_category_slug` (`slug`), INDEX `ix_category_parent` (`parent_id`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await q.query("CREATE TABLE `product_category` (`product_id` int NOT NULL, `category_id` int NOT NULL, INDEX `ix_product_category_category` (`category_id`, `product_id`), PRIMARY KEY (`product_id`, `category_id`)) ENGINE=InnoDB");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX `ix_product_category_category` ON `product_category`");
    await q.query("DROP TABLE `product_category`");
    await q.query("DROP INDEX `ix_category_parent` ON `category`");
    await q.query("DROP INDEX `uq_category_slug` ON `category`");
    await q.query("DROP TABLE `category`");
  }
}
