import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * A "forgot your password" request. Its link's token is made when the email is sent (see AccountService),
 * and only the token's hash is stored; the link works once, until the request expires.
 */
@Entity("password_reset")
export class PasswordReset {
  /** A random UUID; the outbox's message names the request by it, never by its token. */
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  /** SHA-256 of the token in the link last sent; null until the email goes out. */
  @Index("uq_password_reset_token", { unique: true })
  @Column({ name: "token_hash", type: "varchar", length: 64, nullable: true })
  tokenHash: string | null;

  @Index("ix_password_reset_customer")
  @Column({ name: "customer_id", type: "varchar", length: 36 })
  customerId: string;

  @Column({ name: "expires_at", type: "datetime" })
  expiresAt: Date;

  @Column({ name: "used_at", type: "datetime", nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;
}
