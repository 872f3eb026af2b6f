import { Field, ID, Int, ObjectType } from "type-graphql";
import { Product } from "../catalog/product.entity";
import { ProductVariant } from "../catalog/variant.entity";
import { Money } from "../graphql/money.type";

@ObjectType()
export class CartLine {
  @Field(() => ID)
  id: string;

  @Field(() => Product)
  product: Product;

  @Field(() => ProductVariant, { description: "The variant in the cart (a product without options has one)." })
  variant: ProductVariant;

  @Field(() => Int)
  quantity: number;

  @Field(() => Money, { description: "The variant's current price." })
  unitPrice: Money;

  @Field(() => Money)
  lineTotal: Money;
}

@ObjectType({ description: "The caller's cart. Prices are the products' current prices; totals are computed on the server." })
export class Cart {
  @Field(() => ID, { description: 'The cart\'s id; "empty" for a caller who has no cart yet.' })
  id: string;

  @Field(() => [CartLine])
  lines: CartLine[];

  @Field(() => Int)
  totalQuantity: number;

  @Field(() => Money)
  subtotal: Money;

  @Field(() => Money)
  shipping: Money;

  @Field(() => Money)
  tax: Money;

  @Field(() => Money)
  total: Money;
}
