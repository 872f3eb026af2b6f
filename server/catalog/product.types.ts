import { Field, ObjectType } from "type-graphql";
import { Money } from "../graphql/money.type";
import { Connection } from "../graphql/connection";
import { Product } from "./product.entity";

@ObjectType()
export class ProductConnection extends Connection(Product) {}

@ObjectType({ description: "The lowest and highest price of a product's variants (the same for a product sold in one form)." })
export class PriceRange {
  @Field(() => Money)
  min: Money;

  @Field(() => Money)
  max: Money;
}
