import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Money } from "../graphql/money.type";
import type { Product } from "./product.entity";

/** One option of a product and its values, e.g. Size: S, M, L. */
@ObjectType()
export class ProductOption {
  @Field()
  name: string;

  @Field(() => [String])
  values: string[];
}

@ObjectType()
export class SelectedOption {
  @Field()
  name: string;

  @Field()
  value: string;
}

/** The title a product without options gives its one variant. */
export const DEFAULT_VARIANT_TITLE = "Default";

/**
 * What is actually sold: one combination of a product's option values, with its own SKU, price and stock.
 * A product without options has exactly one variant (its "default" one, with no option values).
 * The product's own price and stock columns are kept as the lowest variant price and the sum of variant stock.
 */
@ObjectType("Variant")
@Entity("product_variant")
@Index("ix_product_variant_product", ["productId", "position"])
export class ProductVariant {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "product_id", type: "int" })
  productId: number;

  @ManyToOne("Product", { onDelete: "CASCADE" })
  @JoinColumn({ name: "product_id" })
  product: Product;

  @Field()
  @Index("uq_product_variant_sku", { unique: true })
  @Column({ type: "varchar", length: 64 })
  sku: string;

  /** Its option values in the product's option order, as JSON (an empty list for a default variant). */
  @Column({ name: "option_values", type: "varchar", length: 1000, default: "[]" })
  optionValuesJson: string;

  @Column({ name: "price_amount", type: "int" })
  priceAmount: number;

  @Column({ type: "varchar", length: 3 })
  currency: string;

  @Field(() => Int, { description: "Units available to order now." })
  @Column({ type: "int" })
  stock: number;

  @Column({ type: "int", default: 0 })
  position: number;

  /** The URL of the product image that shows this variant, if one does. */
  @Column({ name: "image_url", type: "varchar", length: 500, nullable: true })
  imageUrl: string | null;

  get optionValues(): string[] {
    try {
      const parsed: unknown = JSON.parse(this.optionValuesJson || "[]");
      return Array.isArray(parsed) ? parsed.map(String) : [];
    } catch {
      return [];
    }
  }

  @Field({ description: `Its option values joined with " / ", e.g. "M / Blue"; "${DEFAULT_VARIANT_TITLE}" for a product without options.` })
  get title(): string {
    return variantTitle(this.optionValues);
  }

  @Field(() => Money)
  get price(): Money {
    return Money.of(this.priceAmount, this.currency);
  }
}

export function variantTitle(values: string[]): string {
  return values.length ? values.join(" / ") : DEFAULT_VARIANT_TITLE;
}
