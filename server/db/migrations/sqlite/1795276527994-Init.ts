import type { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795276527994 implements MigrationInterface {
  name = "Init1795276527994";

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"product_image\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"product_id\" integer NOT NULL, \"url\" varchar(500) NOT NULL, \"alt\" varchar(200) NOT NULL, \"position\" integer NOT NULL DEFAULT (0))");
    await q.query("CREATE INDEX \"ix_product_image_product\" ON \"product_image\" (\"product_id\", \"position\") ");
    await q.query("CREATE TABLE \"product\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"sku\" varchar(64) NOT NULL, \"name\" varchar(200) NOT NULL, \"description\" text NOT NULL, \"price_amount\" integer NOT NULL, \"currency\" varchar(3) NOT NULL, \"stock\" integer NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await q.query("CREATE UNIQUE INDEX \"uq_product_sku\" ON \"product\" (\"sku\") ");
    await q.query("CREATE TABLE \"cart_line\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"cart_id\" varchar(36) NOT NULL, \"product_id\" integer NOT NULL, \"quantity\" integer NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await q.query("CREATE UNIQUE INDEX \"uq_cart_line_product\" ON \"cart_line\" (\"cart_id\", \"product_id\") ");
    await q.query("CREATE TABLE \"cart\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"session_id\" varchar(64) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await q.query("CREATE UNIQUE INDEX \"uq_cart_session\" ON \"cart\" (\"session_id\") ");
    await q.query("CREATE TABLE \"order_line\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"order_id\" varchar(36) NOT NULL, \"product_id\" integer NOT NULL, \"position\" integer NOT NULL, \"sku\" varchar(64) NOT NULL, \"name\" varchar(200) NOT NULL, \"quantity\" integer NOT NULL, \"currency\" varchar(3) NOT NULL, \"unit_price_amount\" integer NOT NULL, \"line_total_amount\" integer NOT NULL)");
    await q.query("CREATE INDEX \"ix_order_line_order\" ON \"order_line\" (\"order_id\", \"position\") ");
    await q.query("CREATE TABLE \"customer_order\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"number\" varchar(16) NOT NULL, \"status\" varchar(20) NOT NULL, \"email\" varchar(254) NOT NULL, \"session_id\" varchar(64) NOT NULL, \"idempotency_key\" varchar(100), \"currency\" varchar(3) NOT NULL, \"subtotal_amount\" integer NOT NULL, \"shipping_amount\" integer NOT NULL, \"tax_amount\" integer NOT NULL, \"total_amount\" integer NOT NULL, \"payment_provider\" varchar(40) NOT NULL, \"payment_reference\" varchar(100) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"shippingName\" varchar(100) NOT NULL, \"shippingLine1\" varchar(200) NOT NULL, \"shippingLine2\" varchar(200), \"shippingCity\" varchar(100) NOT NULL, \"shippingRegion\" varchar(100), \"shippingPostalcode\" varchar(20) NOT NULL, \"shippingCountry\" varchar(2) NOT NULL, \"billingName\" varchar(100) NOT NULL, \"billingLine1\" varchar(200) NOT NULL, \"billingLine2\" varchar(200), \"billingCity\" varchar(100) NOT NULL, \"billingRegion\" varchar(100), \"billingPostalcode\" varchar(20) NOT NULL, \"billingCountry\" varchar(2) NOT NULL)");
    await q.query("CREATE UNIQUE INDEX \"uq_order_number\" ON \"customer_order\" (\"number\") ");
    await q.query("CREATE INDEX \"ix_order_session\" ON \"customer_order\" (\"session_id\") ");
    await q.query("CREATE UNIQUE INDEX \"uq_order_idempotency\" ON \"customer_order\" (\"session_id\", \"idempotency_key\") ");
    await q.query("CREATE TABLE \"session\" (\"id\" varchar(64) PRIMARY KEY NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"expires_at\" datetime NOT NULL)");
    await q.query("DROP INDEX \"ix_product_image_product\"");
    await q.query("CREATE TABLE \"temporary_product_image\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"product_id\" integer NOT NULL, \"url\" varchar(500) NOT NULL, \"alt\" varchar(200) NOT NULL, \"position\" integer NOT NULL DEFAULT (0), CONSTRAINT \"FK_dbc7d9aa7ed42c9141b968a9ed3\" FOREIGN KEY (\"product_id\") REFERENCES \"product\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"temporary_product_image\"(\"id\", \"product_id\", \"url\", \"alt\", \"position\") SELECT \"id\", \"product_id\", \"url\", \"alt\", \"position\" FROM \"product_image\"");
    await q.query("DROP TABLE \"product_image\"");
    await q.query("ALTER TABLE \"temporary_product_image\" RENAME TO \"product_image\"");
    await q.query("CREATE INDEX \"ix_product_image_product\" ON \"product_image\" (\"product_id\", \"position\") ");
    await q.query("DROP INDEX \"uq_cart_line_product\"");
    await q.query("CREATE TABLE \"temporary_cart_line\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"cart_id\" varchar(36) NOT NULL, \"product_id\" integer NOT NULL, \"quantity\" integer NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_5455c0c2b993b0c06a1c0df4626\" FOREIGN KEY (\"cart_id\") REFERENCES \"cart\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_043bdd50ec195bb63df9f84a35d\" FOREIGN KEY (\"product_id\") REFERENCES \"product\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"temporary_cart_line\"(\"id\", \"cart_id\", \"product_id\", \"quantity\", \"created_at\") SELECT \"id\", \"cart_id\", \"product_id\", \"quantity\", \"created_at\" FROM \"cart_line\"");
    await q.query("DROP TABLE \"cart_line\"");
    await q.query("ALTER TABLE \"temporary_cart_line\" RENAME TO \"cart_line\"");
    await q.query("CREATE UNIQUE INDEX \"uq_cart_line_product\" ON \"cart_line\" (\"cart_id\", \"product_id\") ");
    await q.query("DROP INDEX \"ix_order_line_order\"");
    await q.query("CREATE TABLE \"temporary_order_line\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"order_id\" varchar(36) NOT NULL, \"product_id\" integer NOT NULL, \"position\" integer NOT NULL, \"sku\" varchar(64) NOT NULL, \"name\" varchar(200) NOT NULL, \"quantity\" integer NOT NULL, \"currency\" varchar(3) NOT NULL, \"unit_price_amount\" integer NOT NULL, \"line_total_amount\" integer NOT NULL, CONSTRAINT \"FK_ed8fae6d7239e9d730219215af7\" FOREIGN KEY (\"order_id\") REFERENCES \"customer_order\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await q.query("INSERT INTO \"temporary_order_line\"(\"id\", \"order_id\", \"product_id\", \"position\", \"sku\", \"name\", \"quantity\", \"currency\", \"unit_price_amount\", \"line_total_amount\") SELECT \"id\", \"order_id\", \"product_id\", \"position\", \"sku\", \"name\", \"quantity\", \"currency\", \"unit_price_amount\", \"line_total_amount\" FROM \"order_line\"");
    await q.query("DROP TABLE \"order_line\"");
    await q.query("ALTER TABLE \"temporary_order_line\" RENAME TO \"order_line\"");
    await q.query("CREATE INDEX \"ix_order_line_order\" ON \"order_line\" (\"order_id\", \"position\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"ix_order_line_order\"");
    await q.query("ALTER TABLE \"order_line\" RENAME TO \"temporary_order_line\"");
    await q.query("CREATE TABLE \"order_line\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"order_id\" varchar(36) NOT NULL, \"product_id\" integer NOT NULL, \"position\" integer NOT NULL, \"sku\" varchar(64) NOT NULL, \"name\" varchar(200) NOT NULL, \"quantity\" integer NOT NULL, \"currency\" varchar(3) NOT NULL, \"unit_price_amount\" integer NOT NULL, \"line_total_amount\" integer NOT NULL)");
    await q.query("INSERT INTO \"order_line\"(\"id\", \"order_id\", \"product_id\", \"position\", \"sku\", \"name\", \"quantity\", \"currency\", \"unit_price_amount\", \"line_total_amount\") SELECT \"id\", \"order_id\", \"product_id\", \"position\", \"sku\", \"name\", \"quantity\", \"currency\", \"unit_price_amount\", \"line_total_amount\" FROM \"temporary_order_line\"");
    await q.query("DROP TABLE \"temporary_order_line\"");
    await q.query("CREATE INDEX \"ix_order_line_order\" ON \"order_line\" (\"order_id\", \"position\") ");
    await q.query("DROP INDEX \"uq_cart_line_product\"");
    await q.query("ALTER TABLE \"cart_line\" RENAME TO \"temporary_cart_line\"");
    await q.query("CREATE TABLE \"cart_line\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"cart_id\" varchar(36) NOT NULL, \"product_id\" integer NOT NULL, \"quantity\" integer NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await q.query("INSERT INTO \"cart_line\"(\"id\", \"cart_id\", \"product_id\", \"quantity\", \"created_at\") SELECT \"id\", \"cart_id\", \"product_id\", \"quantity\", \"created_at\" FROM \"temporary_cart_line\"");
    await q.query("DROP TABLE \"temporary_cart_line\"");
    await q.query("CREATE UNIQUE INDEX \"uq_cart_line_product\" ON \"cart_line\" (\"cart_id\", \"product_id\") ");
    await q.query("DROP INDEX \"ix_product_image_product\"");
    await q.query("ALTER TABLE \"product_image\" RENAME TO \"temporary_product_image\"");
    await q.query("CREATE TABLE \"product_image\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"product_id\" integer NOT NULL, \"url\" varchar(500) NOT NULL, \"alt\" varchar(200) NOT NULL, \"position\" integer NOT NULL DEFAULT (0))");
    await q.query("INSERT INTO \"product_image\"(\"id\", \"product_id\", \"url\", \"alt\", \"position\") SELECT \"id\", \"product_id\", \"url\", \"alt\", \"position\" FROM \"temporary_product_image\"");
    await q.query("DROP TABLE \"temporary_product_image\"");
    await q.query("CREATE INDEX \"ix_product_image_product\" ON \"product_image\" (\"product_id\", \"position\") ");
    await q.query("DROP TABLE \"session\"");
    await q.query("DROP INDEX \"uq_order_idempotency\"");
    await q.query("DROP INDEX \"ix_order_session\"");
    await q.query("DROP INDEX \"uq_order_number\"");
    await q.query("DROP TABLE \"customer_order\"");
    await q.query("DROP INDEX \"ix_order_line_order\"");
    await q.query("DROP TABLE \"order_line\"");
    await q.query("DROP INDEX \"uq_cart_session\"");
    await q.query("DROP TABLE \"cart\"");
    await q.query("DROP INDEX \"uq_cart_line_product\"");
    await q.query("DROP TABLE \"cart_line\"");
    await q.query("DROP INDEX \"uq_product_sku\"");
    await q.query("DROP TABLE \"product\"");
    await q.query("DROP INDEX \"ix_product_image_product\"");
    await q.query("DROP TABLE \"product_image\"");
  }
}
