import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Product } from "../catalog/product.entity";
import { ProductVariant } from "../catalog/variant.entity";
import type { CartEntity } from "./cart.entity";

@Entity("cart_line")
@Index("uq_cart_line_variant", ["cartId", "variantId"], { unique: true })
export class CartLineEntity {
  /** Increasing, so lines list in the order they were added. */
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "cart_id", type: "varchar", length: 36 })
  cartId: string;

  @ManyToOne("CartEntity", (cart: CartEntity) => cart.lines, { onDelete: "CASCADE" })
  @JoinColumn({ name: "cart_id" })
  cart: CartEntity;

  @Column({ name: "product_id", type: "int" })
  productId: number;

  @ManyToOne(() => Product, { onDelete: "CASCADE" })
  @JoinColumn({ name: "product_id" })
  product: Product;

  @Column({ name: "variant_id", type: "int" })
  variantId: number;

  @ManyToOne(() => ProductVariant, { onDelete: "CASCADE" })
  @JoinColumn({ name: "variant_id" })
  variant: ProductVariant;

  @Column({ type: "int" })
  quantity: number;

  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;
}
