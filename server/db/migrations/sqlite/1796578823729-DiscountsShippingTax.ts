import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Discount codes, shipping zones and rates, tax rates; the cart's code, destination and shipping choice; the
 * order's discount, shipping method and tax as applied; product weights. Written by hand with ADD COLUMN:
 * TypeORM's generated rebuild of product, cart and customer_order would cascade-delete what hangs off them.
 */
export class DiscountsShippingTax1796578823729 implements MigrationInterface {
  name = "DiscountsShippingTax1796578823729";

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE "discount_code" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(40) NOT NULL, "kind" varchar(20) NOT NULL, "value" integer NOT NULL, "currency" varchar(3) NOT NULL, "min_subtotal_amount" integer, "starts_at" datetime, "ends_at" datetime, "usage_limit" integer, "per_customer_limit" integer, "used_count" integer NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')))');
    await q.query('CREATE UNIQUE INDEX "uq_discount_code" ON "discount_code" ("code") ');
    await q.query('CREATE TABLE "discount_redemption" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code_id" integer NOT NULL, "order_id" varchar(36) NOT NULL, "email" varchar(254) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')))');
    await q.query('CREATE UNIQUE INDEX "uq_discount_redemption_order" ON "discount_redemption" ("order_id") ');
    await q.query('CREATE INDEX "ix_discount_redemption_code_email" ON "discount_redemption" ("code_id", "email") ');
    await q.query('CREATE TABLE "shipping_zone" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "countries" varchar(1000) NOT NULL, "position" integer NOT NULL DEFAULT (0))');
    await q.query('CREATE TABLE "shipping_rate" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "zone_id" integer NOT NULL, "name" varchar(100) NOT NULL, "price_amount" integer NOT NULL, "free_above_amount" integer, "min_weight_grams" integer, "max_weight_grams" integer, "estimated_days" varchar(40), "position" integer NOT NULL DEFAULT (0), "currency" varchar(3) NOT NULL, CONSTRAINT "FK_40e6b7bd8b02fa078c7cb850410" FOREIGN KEY ("zone_id") REFERENCES "shipping_zone" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)');
    await q.query('CREATE INDEX "ix_shipping_rate_zone" ON "shipping_rate" ("zone_id", "position") ');
    await q.query('CREATE TABLE "tax_rate" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "country" varchar(2) NOT NULL, "region" varchar(100) NOT NULL DEFAULT (\'\'), "name" varchar(60) NOT NULL, "rate_bps" integer NOT NULL)');
    await q.query('CREATE UNIQUE INDEX "uq_tax_rate_place" ON "tax_rate" ("country", "region") ');
    await q.query('ALTER TABLE "product" ADD COLUMN "weight_grams" integer');
    await q.query('ALTER TABLE "cart" ADD COLUMN "discount_code" varchar(40)');
    await q.query('ALTER TABLE "cart" ADD COLUMN "ship_country" varchar(2)');
    await q.query('ALTER TABLE "cart" ADD COLUMN "ship_region" varchar(100)');
    await q.query('ALTER TABLE "cart" ADD COLUMN "ship_postal_code" varchar(20)');
    await q.query('ALTER TABLE "cart" ADD COLUMN "shipping_rate_id" integer');
    await q.query('ALTER TABLE "customer_order" ADD COLUMN "discount_code" varchar(40)');
    await q.query('ALTER TABLE "customer_order" ADD COLUMN "discount_amount" integer NOT NULL DEFAULT (0)');
    await q.query('ALTER TABLE "customer_order" ADD COLUMN "shipping_method" varchar(200)');
    await q.query('ALTER TABLE "customer_order" ADD COLUMN "tax_label" varchar(100)');
    await q.query('ALTER TABLE "customer_order" ADD COLUMN "tax_included" boolean NOT NULL DEFAULT (0)');
  }

  async down(): Promise<void> {
    throw new Error("SQLite migrations are forward-only");
  }
}
