import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Money } from "../graphql/money.type";
import type { Order } from "./order.entity";

/** A snapshot of what was bought: name, sku and price as they were when the order was placed. */
@ObjectType()
@Entity("order_line")
@Index("ix_order_line_order", ["orderId", "position"])
export class OrderLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "order_id", type: "varchar", length: 36 })
  orderId: string;

  @ManyToOne("Order", (order: Order) => order.lines, { onDelete: "CASCADE" })
  @JoinColumn({ name: "order_id" })
  order: Order;

  /** The product it came from, kept for stock and reporting; the snapshot fields are what the order shows. */
  @Column({ name: "product_id", type: "int" })
  productId: number;

  /** The variant bought (no foreign key: a variant may be removed later, the order keeps its snapshot). */
  @Column({ name: "variant_id", type: "int", nullable: true })
  variantId: number | null;

  @Field(() => String, { nullable: true, description: 'The variant bought, e.g. "M / Blue"; null for a product sold in one form.' })
  @Column({ name: "variant_title", type: "varchar", length: 200, nullable: true })
  variantTitle: string | null;

  @Column({ type: "int" })
  position: number;

  @Field()
  @Column({ type: "varchar", length: 64 })
  sku: string;

  @Field()
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field(() => Int)
  @Column({ type: "int" })
  quantity: number;

  @Column({ type: "varchar", length: 3 })
  currency: string;

  @Column({ name: "unit_price_amount", type: "int" })
  unitPriceAmount: number;

  @Column({ name: "line_total_amount", type: "int" })
  lineTotalAmount: number;

  @Field(() => Money)
  get unitPrice(): Money {
    return Money.of(this.unitPriceAmount, this.currency);
  }

  @Field(() => Money)
  get lineTotal(): Money {
    return Money.of(this.lineTotalAmount, this.currency);
  }
}
