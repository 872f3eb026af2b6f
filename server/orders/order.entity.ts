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
registerEnumType(OrderStatus, {
  name: "OrderStatus",
  valuesConfig: {
    PENDING_PAYMENT: { description: "Placed; its stock is held until the payment is confirmed (or the hold ends)." },
    PAID: { description: "Paid; waiting to be shipped." },
    SHIPPED: { description: "Handed to the carrier." },
    DELIVERED: { description: "Arrived." },
    CANCELLED: { description: "Cancelled: its stock is back on sale; a payment taken is being refunded." },
    REFUNDED: { description: "Cancelled and the payment given back, as the provider confirmed." },
  },
});

export enum PaymentStatus {
  PENDING = "PENDING",
  PAID = "PAID",
  FAILED = "FAILED",
  REFUNDED = "REFUNDED",
  REFUND_FAILED = "REFUND_FAILED",
}
registerEnumType(PaymentStatus, {
  name: "PaymentStatus",
  valuesConfig: {
    PENDING: { description: "Not paid yet: on the provider's page, processing, or (manual) waiting for the owner." },
    PAID: { description: "The money was taken." },
    FAILED: { description: "Declined, cancelled by the shopper or expired; nothing was taken." },
    REFUNDED: { description: "Given back in full." },
    REFUND_FAILED: { description: "The provider refused the refund; the owner can retry it." },
  },
});

@ObjectType()
@Entity("customer_order")
@Index("uq_order_idempotency", ["sessionId", "idempotencyKey"], { unique: true })
@Index("ix_order_reconcile", ["status", "reconcileAt"])
@Index("ix_order_created", ["createdAt", "id"])
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

  @Field(() => String, { nullable: true, description: "The discount code used, if any." })
  @Column({ name: "discount_code", type: "varchar", length: 40, nullable: true })
  discountCode: string | null;

  @Column({ name: "discount_amount", type: "int", default: 0 })
  discountAmount: number;

  @Column({ name: "shipping_amount", type: "int" })
  shippingAmount: number;

  @Field(() => String, { nullable: true, description: 'The shipping option charged, e.g. "Standard (Europe)".' })
  @Column({ name: "shipping_method", type: "varchar", length: 200, nullable: true })
  shippingMethod: string | null;

  @Field(() => String, { nullable: true, description: 'The tax charged, e.g. "VAT 19%".' })
  @Column({ name: "tax_label", type: "varchar", length: 100, nullable: true })
  taxLabel: string | null;

  @Field({ description: "The prices included the tax (it was not added to the total)." })
  @Column({ name: "tax_included", type: "boolean", default: false })
  taxIncluded: boolean;

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

  /** The provider's id for the money taken (a charge, a Stripe PaymentIntent); null until paid. */
  @Index("ix_order_payment_reference")
  @Column({ name: "payment_reference", type: "varchar", length: 255, nullable: true })
  paymentReference: string | null;

  @Column({ name: "payment_status", type: "varchar", length: 20, default: PaymentStatus.PENDING })
  paymentStatus: PaymentStatus;

  /** The provider's id for a hosted payment page (a Stripe Checkout Session). */
  @Index("ix_order_payment_session")
  @Column({ name: "payment_session", type: "varchar", length: 255, nullable: true })
  paymentSession: string | null;

  /** Where the shopper pays while the order waits for a hosted payment. */
  @Column({ name: "payment_url", type: "varchar", length: 2000, nullable: true })
  paymentUrl: string | null;

  /**
   * When the sweeper next looks at this order: the end of an unpaid order's stock hold, a delayed payment to
   * ask about again, or a refund that is due but not yet confirmed. Null when there is nothing to follow up
   * (paid, manual, settled).
   */
  @Column({ name: "reconcile_at", type: "datetime", nullable: true })
  reconcileAt: Date | null;

  /** The carrier's tracking number, given when the order was shipped. */
  @Field(() => String, { nullable: true, description: "The carrier's tracking number, once shipped (when the store gave one)." })
  @Column({ name: "tracking_number", type: "varchar", length: 100, nullable: true })
  trackingNumber: string | null;

  /** The owner's note to the customer, given when the order was shipped. */
  @Field(() => String, { nullable: true, description: "The store's note to the customer, given when the order was shipped." })
  @Column({ name: "shipping_note", type: "varchar", length: 250, nullable: true })
  shippingNote: string | null;

  /** Why the owner must look at this order (a payment that does not match it); null when all is well. */
  @Column({ type: "varchar", length: 300, nullable: true })
  attention: string | null;

  /** A hash of the checkout's input and cart, so a reused idempotency key with other content is refused. */
  @Column({ name: "checkout_fingerprint", type: "varchar", length: 64, nullable: true })
  checkoutFingerprint: string | null;

  @OneToMany("OrderLine", (line: OrderLine) => line.order)
  lines: OrderLine[];

  @Field()
  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;

  @Field(() => Money)
  get subtotal(): Money {
    return Money.of(this.subtotalAmount, this.currency);
  }

  @Field(() => Money, { description: "What the discount code took off the goods." })
  get discount(): Money {
    return Money.of(this.discountAmount, this.currency);
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
