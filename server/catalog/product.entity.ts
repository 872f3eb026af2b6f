import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Money } from "../graphql/money.type";
import { ProductImage } from "./product-image.entity";
import { ProductOption } from "./variant.entity";

export enum ProductStatus {
  ACTIVE = "ACTIVE",
  DRAFT = "DRAFT",
  ARCHIVED = "ARCHIVED",
}
registerEnumType(ProductStatus, { name: "ProductStatus", description: "Only ACTIVE products show in the storefront." });

@ObjectType()
@Entity("product")
// Full-text search: made and kept by the migration ProductSearch (an FTS5 table on SQLite), not by TypeORM.
@Index("ft_product_search", { synchronize: false })
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

  /** The lowest price of its variants (kept by the product admin; a product without options has one). */
  @Column({ name: "price_amount", type: "int" })
  priceAmount: number;

  @Column({ type: "varchar", length: 3 })
  currency: string;

  @Field(() => Int, { description: "Units available to order now, over all its variants." })
  @Column({ type: "int" })
  stock: number;

  @Field(() => Int, { nullable: true, description: "Shipping weight of one unit in grams (for rates by weight)." })
  @Column({ name: "weight_grams", type: "int", nullable: true })
  weightGrams: number | null;

  /** Its options (name and values) as JSON; an empty list for a product sold in one form. */
  @Column({ name: "options", type: "varchar", length: 2000, default: "[]" })
  optionsJson: string;

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

  get options(): ProductOption[] {
    try {
      const parsed: unknown = JSON.parse(this.optionsJson || "[]");
      if (!Array.isArray(parsed)) return [];
      return parsed.map((o: { name: string; values: string[] }) =>
        Object.assign(new ProductOption(), { name: String(o.name), values: o.values.map(String) }),
      );
    } catch {
      return [];
    }
  }

  @Field(() => Money, { description: "Its price; with options, the lowest price of its variants (see priceRange)." })
  get price(): Money {
    return Money.of(this.priceAmount, this.currency);
  }
}
