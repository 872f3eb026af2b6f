import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { OrderStatus } from "./order.entity";

export enum OrderEventKind {
  STATUS_CHANGED = "STATUS_CHANGED",
  REFUND_REQUESTED = "REFUND_REQUESTED",
  REFUNDED = "REFUNDED",
  REFUND_FAILED = "REFUND_FAILED",
}
registerEnumType(OrderEventKind, {
  name: "OrderEventKind",
  description: "A status change, or what became of a refund (asked for, done, refused: the note holds the provider's answer).",
});

/** An entry in an order's history: every status change and every refund step, with who made it. */
@ObjectType()
@Entity("order_event")
@Index("ix_order_event_order", ["orderId", "id"])
export class OrderEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "order_id", type: "varchar", length: 36 })
  orderId: string;

  @Field(() => OrderEventKind)
  @Column({ type: "varchar", length: 20, default: OrderEventKind.STATUS_CHANGED })
  kind: OrderEventKind;

  @Field(() => OrderStatus, { nullable: true, description: "For a status change, the status before it (null when the order was placed)." })
  @Column({ name: "from_status", type: "varchar", length: 20, nullable: true })
  fromStatus: OrderStatus | null;

  @Field(() => OrderStatus, { description: "The order's status after this entry." })
  @Column({ name: "to_status", type: "varchar", length: 20 })
  toStatus: OrderStatus;

  @Field()
  @Column({ type: "varchar", length: 254 })
  actor: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 300, nullable: true })
  note: string | null;

  @Field()
  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;
}
