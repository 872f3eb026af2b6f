import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryColumn, UpdateDateColumn } from "typeorm";
import type { CartLineEntity } from "./cart-line.entity";

@Entity("cart")
export class CartEntity {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  /** A guest's cart belongs to the session; a signed-in customer's to the customer, across sessions. */
  @Index("uq_cart_session", { unique: true })
  @Column({ name: "session_id", type: "varchar", length: 64, nullable: true })
  sessionId: string | null;

  @Index("uq_cart_customer", { unique: true })
  @Column({ name: "customer_id", type: "varchar", length: 36, nullable: true })
  customerId: string | null;

  @OneToMany("CartLineEntity", (line: CartLineEntity) => line.cart)
  lines: CartLineEntity[];

  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at" })
  updatedAt: Date;
}
