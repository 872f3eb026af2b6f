import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import type { Product } from "./product.entity";

@ObjectType()
@Entity("product_image")
@Index("ix_product_image_product", ["productId", "position"])
export class ProductImage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "product_id", type: "int" })
  productId: number;

  @ManyToOne("Product", (product: Product) => product.images, { onDelete: "CASCADE" })
  @JoinColumn({ name: "product_id" })
  product: Product;

  @Field()
  @Column({ type: "varchar", length: 500 })
  url: string;

  @Field()
  @Column({ type: "varchar", length: 200 })
  alt: string;

  @Column({ type: "int", default: 0 })
  position: number;
}
