import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Full-text search of the catalog (see server/catalog/product-search.ts): an InnoDB FULLTEXT index over
 * product's name, SKU and description, built without stopwords (a shopper's "the" or "about" is a word to
 * find, not noise). InnoDB keeps it in step with every write. Orders get an index for their newest-first pages.
 */
export class ProductSearch1796590800000 implements MigrationInterface {
  name = "ProductSearch1796590800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query("SET SESSION innodb_ft_enable_stopword = OFF");
    await q.query("CREATE FULLTEXT INDEX `ft_product_search` ON `product` (`name`, `sku`, `description`)");
    await q.query("SET SESSION innodb_ft_enable_stopword = ON");
    await q.query("CREATE INDEX `ix_order_created` ON `customer_order` (`created_at`, `id`)");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX `ix_order_created` ON `customer_order`");
    await q.query("DROP INDEX `ft_product_search` ON `product`");
  }
}
