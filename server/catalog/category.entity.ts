import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";

/** A place in the catalog's tree (Teapots, Tea › Green tea). A product may be in several. */
@ObjectType({ description: "A category of the catalog: a tree, each with its own products and subcategories." })
@Entity("category")
@Index("ix_category_parent", ["parentId", "position"])
export class Category {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "Its address in the shop: /category/<slug>." })
  @Index("uq_category_slug", { unique: true })
  @Column({ type: "varchar", length: 100 })
  slug: string;

  @Field()
  @Column({ type: "varchar", length: 100 })
  name: string;

  @Column({ name: "parent_id", type: "int", nullable: true })
  parentId: number | null;

  @Field(() => Int, { description: "Its place among its siblings (lower first; then by name)." })
  @Column({ type: "int", default: 0 })
  position: number;

  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;
}

/** Which categories a product is in. */
@Entity("product_category")
@Index("ix_product_category_category", ["categoryId", "productId"])
export class ProductCategory {
  @PrimaryColumn({ name: "product_id", type: "int" })
  productId: number;

  @PrimaryColumn({ name: "category_id", type: "int" })
  categoryId: number;
}
