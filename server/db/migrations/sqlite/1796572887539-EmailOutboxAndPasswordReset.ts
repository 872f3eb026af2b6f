import type { MigrationInterface, QueryRunner } from "typeorm";

export class EmailOutboxAndPasswordReset1796572887539 implements MigrationInterface {
  name = "EmailOutboxAndPasswordReset1796572887539";

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"password_reset\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"token_hash\" varchar(64), \"customer_id\" varchar(36) NOT NULL, \"expires_at\" datetime NOT NULL, \"used_at\" datetime, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await q.query("CREATE UNIQUE INDEX \"uq_password_reset_token\" ON \"password_reset\" (\"token_hash\") ");
    await q.query("CREATE INDEX \"ix_password_reset_customer\" ON \"password_reset\" (\"customer_id\") ");
    await q.query("CREATE TABLE \"email_message\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"kind\" varchar(30) NOT NULL, \"recipients\" varchar(1000) NOT NULL, \"subject\" varchar(300) NOT NULL, \"payload\" text NOT NULL, \"order_id\" varchar(36), \"status\" varchar(10) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"next_attempt_at\" datetime(3) NOT NULL, \"last_error\" varchar(500), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"sent_at\" datetime(3))");
    await q.query("CREATE INDEX \"ix_email_order\" ON \"email_message\" (\"order_id\") ");
    await q.query("CREATE INDEX \"ix_email_due\" ON \"email_message\" (\"status\", \"next_attempt_at\") ");
    // A plain ADD COLUMN rather than TypeORM's copy of the whole table (which drops and recreates customer_order).
    await q.query("ALTER TABLE \"customer_order\" ADD COLUMN \"tracking_number\" varchar(100)");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"customer_order\" DROP COLUMN \"tracking_number\"");
    await q.query("DROP INDEX \"ix_email_due\"");
    await q.query("DROP INDEX \"ix_email_order\"");
    await q.query("DROP TABLE \"email_message\"");
    await q.query("DROP INDEX \"ix_password_reset_customer\"");
    await q.query("DROP INDEX \"uq_password_reset_token\"");
    await q.query("DROP TABLE \"password_reset\"");
  }
}
