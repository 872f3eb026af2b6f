import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Money } from "../graphql/money.type";
import { ProductImage } from "./product-image.entity";

export enum ProductStatus {
  ACTIVE = "ACTIVE",
  DRAFT = "DRAFT",
  ARCHIVED = "ARCHIVED",
}
registerEnumType(ProductStatus, { name: "ProductStatus", description: "Only ACTIVE products show in the storefront." });

@ObjectType()
@Entity("product")
export class Product {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Index("uq_product_sku", { unique: true })
  @Column({ type: "varchar", length: 64 })
  sku: string;

  @Field()
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field()
  @Column({ type: "text" })
  description: string;

  @Column({ name: "price_amount", type: "int" })
  priceAmount: number;

  @Column({ type: "varchar", length: 3 })
  currency: string;

  @Field(() => Int, { description: "Units available to order now." })
  @Column({ type: "int" })
  stock: number;

  @Authorized("ADMIN")
  @Field(() => ProductStatus, { description: "Admins only." })
  @Index("ix_product_status")
  @Column({ type: "varchar", length: 20, default: ProductStatus.ACTIVE })
  status: ProductStatus;

  @OneToMany(() => ProductImage, (image) => image.product)
  images: ProductImage[];

  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at" })
  updatedAt: Date;

  @Field(() => Money)
  get price(): Money {
    return Money.of(this.priceAmount, this.currency);
  }
}
