import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryColumn, UpdateDateColumn } from "typeorm";
import type { CartLineEntity } from "./cart-line.entity";

@Entity("cart")
export class CartEntity {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Index("uq_cart_session", { unique: true })
  @Column({ name: "session_id", type: "varchar", length: 64 })
  sessionId: string;

  @OneToMany("CartLineEntity", (line: CartLineEntity) => line.cart)
  lines: CartLineEntity[];

  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at" })
  updatedAt: Date;
}
