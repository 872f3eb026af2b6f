import type { MigrationInterface, QueryRunner } from "typeorm";

/** The owner's note to the customer, given with "Mark as shipped", shown on the customer's order page. */
export class ShippingNote1796600000000 implements MigrationInterface {
  name = "ShippingNote1796600000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"customer_order\" ADD COLUMN \"shipping_note\" varchar(250)");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"customer_order\" DROP COLUMN \"shipping_note\"");
  }
}
