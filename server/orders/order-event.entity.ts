import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { OrderStatus } from "./order.entity";

/** An entry in an order's history: every status change, with who made it. */
@ObjectType()
@Entity("order_event")
@Index("ix_order_event_order", ["orderId", "id"])
export class OrderEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "order_id", type: "varchar", length: 36 })
  orderId: string;

  @Field(() => OrderStatus, { nullable: true })
  @Column({ name: "from_status", type: "varchar", length: 20, nullable: true })
  fromStatus: OrderStatus | null;

  @Field(() => OrderStatus)
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
