import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryColumn } from "typeorm";
import { Money } from "../graphql/money.type";
import { Address } from "./address.type";
import type { OrderLine } from "./order-line.entity";

export enum OrderStatus {
  PENDING_PAYMENT = "PENDING_PAYMENT",
  PAID = "PAID",
  SHIPPED = "SHIPPED",
  DELIVERED = "DELIVERED",
  CANCELLED = "CANCELLED",
  REFUNDED = "REFUNDED",
}
registerEnumType(OrderStatus, { name: "OrderStatus" });

@ObjectType()
@Entity("customer_order")
@Index("uq_order_idempotency", ["sessionId", "idempotencyKey"], { unique: true })
export class Order {
  /** A random UUID: unguessable, so an order id alone reveals nothing about other orders. */
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Field({ description: "Short human-readable order number, e.g. SW-7K3F9QX." })
  @Index("uq_order_number", { unique: true })
  @Column({ type: "varchar", length: 16 })
  number: string;

  @Field(() => OrderStatus)
  @Column({ type: "varchar", length: 20 })
  status: OrderStatus;

  @Field()
  @Column({ type: "varchar", length: 254 })
  email: string;

  @Index("ix_order_session")
  @Column({ name: "session_id", type: "varchar", length: 64 })
  sessionId: string;

  @Index("ix_order_customer")
  @Column({ name: "customer_id", type: "varchar", length: 36, nullable: true })
  customerId: string | null;

  @Column({ name: "idempotency_key", type: "varchar", length: 100, nullable: true })
  idempotencyKey: string | null;

  @Column({ type: "varchar", length: 3 })
  currency: string;

  @Column({ name: "subtotal_amount", type: "int" })
  subtotalAmount: number;

  @Column({ name: "shipping_amount", type: "int" })
  shippingAmount: number;

  @Column({ name: "tax_amount", type: "int" })
  taxAmount: number;

  @Column({ name: "total_amount", type: "int" })
  totalAmount: number;

  @Field(() => Address)
  @Column(() => Address, { prefix: "shipping" })
  shippingAddress: Address;

  @Field(() => Address)
  @Column(() => Address, { prefix: "billing" })
  billingAddress: Address;

  @Column({ name: "payment_provider", type: "varchar", length: 40 })
  paymentProvider: string;

  @Column({ name: "payment_reference", type: "varchar", length: 100 })
  paymentReference: string;

  @OneToMany("OrderLine", (line: OrderLine) => line.order)
  lines: OrderLine[];

  @Field()
  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;

  @Field(() => Money)
  get subtotal(): Money {
    return Money.of(this.subtotalAmount, this.currency);
  }

  @Field(() => Money)
  get shipping(): Money {
    return Money.of(this.shippingAmount, this.currency);
  }

  @Field(() => Money)
  get tax(): Money {
    return Money.of(this.taxAmount, this.currency);
  }

  @Field(() => Money)
  get total(): Money {
    return Money.of(this.totalAmount, this.currency);
  }
}
