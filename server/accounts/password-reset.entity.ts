import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from "typeorm";

/** A "forgot your password" link: only the token's hash is stored; it works once, until it expires. */
@Entity("password_reset")
export class PasswordReset {
  /** SHA-256 of the token the link carries. */
  @PrimaryColumn({ type: "varchar", length: 64 })
  id: string;

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
