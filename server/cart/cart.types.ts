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

  @Field({
    description:
      "False once the product is no longer sold (the owner archived it or made it a draft): the cart can't be ordered until the line is removed.",
  })
  available: boolean;

  @Field(() => Money, { description: "The variant's current price." })
  unitPrice: Money;

  @Field(() => Money)
  lineTotal: Money;
}

@ObjectType({ description: "A way to ship the cart to its destination, priced for it." })
export class ShippingOption {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Money)
  price: Money;

  @Field(() => String, { nullable: true })
  estimatedDays: string | null;
}

@ObjectType({ description: "Where the cart ships, as far as the shopper said." })
export class ShippingDestination {
  @Field()
  country: string;

  @Field(() => String, { nullable: true })
  region: string | null;

  @Field(() => String, { nullable: true })
  postalCode: string | null;
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

  @Field(() => String, { nullable: true, description: "The discount code applied (one per cart)." })
  discountCode: string | null;

  @Field(() => Money, { description: "What the code takes off the goods now (0 when it doesn't apply: see discountProblem)." })
  discount: Money;

  @Field(() => String, {
    nullable: true,
    description: "Why the applied code takes nothing off now (e.g. the cart fell below its minimum).",
  })
  discountProblem: string | null;

  @Field(() => ShippingDestination, { nullable: true })
  destination: ShippingDestination | null;

  @Field(() => [ShippingOption], {
    description: "The ways to ship to the destination (before one is given: to anywhere the default zone covers).",
  })
  shippingOptions: ShippingOption[];

  @Field(() => ShippingOption, { nullable: true, description: "The option chosen, or the cheapest." })
  selectedShipping: ShippingOption | null;

  @Field(() => Money)
  shipping: Money;

  @Field(() => Money, { description: "Tax on the goods after discount; with taxIncluded, the part of the prices that is tax." })
  tax: Money;

  @Field({ description: "Prices include tax (the store's setting), so tax is not added to the total." })
  taxIncluded: boolean;

  @Field(() => String, { nullable: true, description: 'The tax applied, e.g. "VAT 19%".' })
  taxLabel: string | null;

  @Field(() => Money, {
    nullable: true,
    description: "How much more in goods (after any discount) makes the chosen shipping free; null when it is free already or never is.",
  })
  freeShippingIn: Money | null;

  @Field(() => Money)
  total: Money;
}
