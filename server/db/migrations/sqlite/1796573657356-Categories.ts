import type { MigrationInterface, QueryRunner } from "typeorm";

export class Categories1796573657356 implements MigrationInterface {
  name = "Categories1796573657356";

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"category\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"slug\" varchar(100) NOT NULL, \"name\" varchar(100) NOT NULL, \"parent_id\" integer, \"position\" integer NOT NULL DEFAULT (0), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await q.query("CREATE UNIQUE INDEX \"uq_category_slug\" ON \"category\" (\"slug\") ");
    await q.query("CREATE INDEX \"ix_category_parent\" ON \"category\" (\"parent_id\", \"position\") ");
    await q.query("CREATE TABLE \"product_category\" (\"product_id\" integer NOT NULL, \"category_id\" integer NOT NULL, PRIMARY KEY (\"product_id\", \"category_id\"))");
    await q.query("CREATE INDEX \"ix_product_category_category\" ON \"product_category\" (\"category_id\", \"product_id\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"ix_product_category_category\"");
    await q.query("DROP TABLE \"product_category\"");
    await q.query("DROP INDEX \"ix_category_parent\"");
    await q.query("DROP INDEX \"uq_category_slug\"");
    await q.query("DROP TABLE \"category\"");
  }
}
