import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Variants: every product gets one default variant with its SKU, price and stock, and cart lines, order
 * lines and stock movements point at it. Written by hand with ADD COLUMN where SQLite allows it: rebuilding
 * the product table would cascade-delete its images, categories and cart lines. Only cart_line (which nothing
 * references) is rebuilt, to make variant_id NOT NULL with its foreign key. Forward-only like the others.
 */
export class Variants1796578235521 implements MigrationInterface {
  name = "Variants1796578235521";

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"product_variant\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"product_id\" integer NOT NULL, \"sku\" varchar(64) NOT NULL, \"option_values\" varchar(1000) NOT NULL DEFAULT ('[]'), \"price_amount\" integer NOT NULL, \"currency\" varchar(3) NOT NULL, \"stock\" integer NOT NULL, \"position\" integer NOT NULL DEFAULT (0), \"image_url\" varchar(500), CONSTRAINT \"FK_ca67dd080aac5ecf99609960cd2\" FOREIGN KEY (\"product_id\") REFERENCES \"product\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await q.query("CREATE UNIQUE INDEX \"uq_product_variant_sku\" ON \"product_variant\" (\"sku\") ");
    await q.query("CREATE INDEX \"ix_product_variant_product\" ON \"product_variant\" (\"product_id\", \"position\") ");
    await q.query("INSERT INTO \"product_variant\" (\"product_id\", \"sku\", \"option_values\", \"price_amount\", \"currency\", \"stock\", \"position\") SELECT \"id\", \"sku\", '[]', \"price_amount\", \"currency\", \"stock\", 0 FROM \"product\"");
    await q.query("ALTER TABLE \"product\" ADD COLUMN \"options\" varchar(2000) NOT NULL DEFAULT ('[]')");
    await q.query("ALTER TABLE \"stock_movement\" ADD COLUMN \"variant_id\" integer");
    await q.query("UPDATE \"stock_movement\" SET \"variant_id\" = (SELECT v.\"id\" FROM \"product_variant\" v WHERE v.\"product_id\" = \"stock_movement\".\"product_id\")");
    await q.query("ALTER TABLE \"order_line\" ADD COLUMN \"variant_id\" integer");
    await q.query("ALTER TABLE \"order_line\" ADD COLUMN \"variant_title\" varchar(200)");
    await q.query("UPDATE \"order_line\" SET \"variant_id\" = (SELECT v.\"id\" FROM \"product_variant\" v WHERE v.\"product_id\" = \"order_line\".\"product_id\")");
    await q.query("DROP INDEX \"uq_cart_line_product\"");
    await q.query("CREATE TABLE \"temporary_cart_line\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"cart_id\" varchar(36) NOT NULL, \"product_id\" integer NOT NULL, \"quantity\" integer NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"variant_id\" integer NOT NULL, CONSTRAINT \"FK_043bdd50ec195bb63df9f84a35d\" FOREIGN KEY (\"product_id\") REFERENCES \"product\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_5455c0c2b993b0c06a1c0df4626\" FOREIGN KEY (\"cart_id\") REFERENCES \"cart\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_7ab11e6088e88a6baebcd9af9d1\" FOREIGN KEY (\"variant_id\") REFERENCES \"product_variant\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"temporary_cart_line\"(\"id\", \"cart_id\", \"product_id\", \"quantity\", \"created_at\", \"variant_id\") SELECT l.\"id\", l.\"cart_id\", l.\"product_id\", l.\"quantity\", l.\"created_at\", v.\"id\" FROM \"cart_line\" l JOIN \"product_variant\" v ON v.\"product_id\" = l.\"product_id\"");
    await q.query("DROP TABLE \"cart_line\"");
    await q.query("ALTER TABLE \"temporary_cart_line\" RENAME TO \"cart_line\"");
    await q.query("CREATE UNIQUE INDEX \"uq_cart_line_variant\" ON \"cart_line\" (\"cart_id\", \"variant_id\") ");
  }

  async down(): Promise<void> {
    throw new Error("SQLite migrations are forward-only");
  }
}
