import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** One change of a product's stock: who, when, by how much, why, and what it left. */
@ObjectType()
@Entity("stock_movement")
@Index("ix_stock_movement_product", ["productId", "id"])
export class StockMovement {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "product_id", type: "int" })
  productId: number;

  /** The variant whose stock moved (every product has at least one). */
  @Column({ name: "variant_id", type: "int", nullable: true })
  variantId: number | null;

  @Field(() => Int)
  @Column({ type: "int" })
  delta: number;

  @Field()
  @Column({ type: "varchar", length: 200 })
  reason: string;

  @Field(() => Int, { description: "The stock right after this movement." })
  @Column({ name: "resulting_stock", type: "int" })
  resultingStock: number;

  @Field({ description: "Who made it: an admin's email, the shopper's email for a sale, or 'system'." })
  @Column({ type: "varchar", length: 254 })
  actor: string;

  @Field(() => String, { nullable: true, description: "The order it belongs to (a sale, a cancellation), if any." })
  @Column({ name: "order_number", type: "varchar", length: 16, nullable: true })
  orderNumber: string | null;

  @Field()
  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;
}
