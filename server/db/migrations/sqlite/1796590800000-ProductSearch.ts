import type { MigrationInterface, QueryRunner } from "typeorm";

const COLUMNS = "name, sku, description";
const NEW = "new.id, new.name, new.sku, new.description";
const OLD = "'delete', old.id, old.name, old.sku, old.description";

/**
 * Full-text search of the catalog (see server/catalog/product-search.ts): an FTS5 index over product's name,
 * SKU and description, kept in step by triggers in the writing transaction, and built here for the products
 * already there. Orders get an index for their newest-first pages.
 */
export class ProductSearch1796590800000 implements MigrationInterface {
  name = "ProductSearch1796590800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE VIRTUAL TABLE "product_search" USING fts5(${COLUMNS}, content='product', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`,
    );
    await q.query(`CREATE TRIGGER "product_search_insert" AFTER INSERT ON "product" BEGIN INSERT INTO product_search(rowid, ${COLUMNS}) VALUES (${NEW}); END`);
    await q.query(`CREATE TRIGGER "product_search_delete" AFTER DELETE ON "product" BEGIN INSERT INTO product_search(product_search, rowid, ${COLUMNS}) VALUES (${OLD}); END`);
    await q.query(
      `CREATE TRIGGER "product_search_update" AFTER UPDATE OF ${COLUMNS} ON "product" BEGIN ` +
        `INSERT INTO product_search(product_search, rowid, ${COLUMNS}) VALUES (${OLD}); ` +
        `INSERT INTO product_search(rowid, ${COLUMNS}) VALUES (${NEW}); END`,
    );
    await q.query(`INSERT INTO product_search(product_search) VALUES ('rebuild')`);
    await q.query('CREATE INDEX "ix_order_created" ON "customer_order" ("created_at", "id") ');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "ix_order_created"');
    await q.query('DROP TRIGGER "product_search_update"');
    await q.query('DROP TRIGGER "product_search_delete"');
    await q.query('DROP TRIGGER "product_search_insert"');
    await q.query('DROP TABLE "product_search"');
  }
}
