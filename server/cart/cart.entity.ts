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

  /** The discount code the shopper applied (checked again on every view and at checkout). */
  @Column({ name: "discount_code", type: "varchar", length: 40, nullable: true })
  discountCode: string | null;

  /** Where it ships, as far as the shopper said (prices shipping and tax before the address form is done). */
  @Column({ name: "ship_country", type: "varchar", length: 2, nullable: true })
  shipCountry: string | null;

  @Column({ name: "ship_region", type: "varchar", length: 100, nullable: true })
  shipRegion: string | null;

  @Column({ name: "ship_postal_code", type: "varchar", length: 20, nullable: true })
  shipPostalCode: string | null;

  /** The shipping rate the shopper chose (the cheapest when unset or no longer offered). */
  @Column({ name: "shipping_rate_id", type: "int", nullable: true })
  shippingRateId: number | null;

  @OneToMany("CartLineEntity", (line: CartLineEntity) => line.cart)
  lines: CartLineEntity[];

  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at" })
  updatedAt: Date;
}
