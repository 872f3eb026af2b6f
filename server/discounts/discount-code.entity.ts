import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Money } from "../graphql/money.type";

export enum DiscountKind {
  PERCENTAGE = "PERCENTAGE",
  FIXED_AMOUNT = "FIXED_AMOUNT",
}
registerEnumType(DiscountKind, { name: "DiscountKind" });

/** A code a shopper types at the cart ("SPRING10"): a percentage or an amount off the goods, within limits. */
@Authorized("ADMIN")
@ObjectType()
@Entity("discount_code")
export class DiscountCode {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  /** Stored upper-case; shoppers may type it in any case. */
  @Field()
  @Index("uq_discount_code", { unique: true })
  @Column({ type: "varchar", length: 40 })
  code: string;

  @Field(() => DiscountKind)
  @Column({ type: "varchar", length: 20 })
  kind: DiscountKind;

  @Field(() => Int, { description: "PERCENTAGE: 1 to 100. FIXED_AMOUNT: minor units." })
  @Column({ type: "int" })
  value: number;

  @Column({ type: "varchar", length: 3 })
  currency: string;

  @Column({ name: "min_subtotal_amount", type: "int", nullable: true })
  minSubtotalAmount: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: "starts_at", type: "datetime", nullable: true })
  startsAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: "ends_at", type: "datetime", nullable: true })
  endsAt: Date | null;

  @Field(() => Int, { nullable: true, description: "How many orders may use it in all." })
  @Column({ name: "usage_limit", type: "int", nullable: true })
  usageLimit: number | null;

  @Field(() => Int, { nullable: true, description: "How many orders one customer (by email) may use it for." })
  @Column({ name: "per_customer_limit", type: "int", nullable: true })
  perCustomerLimit: number | null;

  /** Orders holding a use: paid ones, and unpaid ones until they are paid or given up. */
  @Column({ name: "used_count", type: "int", default: 0 })
  usedCount: number;

  @Field()
  @Column({ type: "boolean", default: true })
  active: boolean;

  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;

  @Field(() => Money, { nullable: true })
  get minSubtotal(): Money | null {
    return this.minSubtotalAmount === null ? null : Money.of(this.minSubtotalAmount, this.currency);
  }
}

/** One order's use of a code: taken at checkout, given back if the order is given up before it is paid. */
@Entity("discount_redemption")
@Index("ix_discount_redemption_code_email", ["codeId", "email"])
export class DiscountRedemption {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "code_id", type: "int" })
  codeId: number;

  @Index("uq_discount_redemption_order", { unique: true })
  @Column({ name: "order_id", type: "varchar", length: 36 })
  orderId: string;

  /** Lower-case: a customer is counted by email, signed in or not. */
  @Column({ type: "varchar", length: 254 })
  email: string;

  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;
}
