import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { Customer } from "../accounts/customer.entity";

/** A shopper's session. The id is the SHA-256 of the token the client holds, so a database leak leaks no tokens. */
@Entity("session")
export class Session {
  @PrimaryColumn({ type: "varchar", length: 64 })
  id: string;

  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;

  @Column({ name: "expires_at", type: "datetime" })
  expiresAt: Date;

  /** The signed-in customer, if any. */
  @Index("ix_session_customer")
  @Column({ name: "customer_id", type: "varchar", length: 36, nullable: true })
  customerId: string | null;

  @ManyToOne(() => Customer, { onDelete: "CASCADE", nullable: true })
  @JoinColumn({ name: "customer_id" })
  customer: Customer | null;
}
