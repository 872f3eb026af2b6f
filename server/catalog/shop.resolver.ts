import { Field, ObjectType, Query, Resolver } from "type-graphql";

@ObjectType({ description: "Facts about the store itself." })
export class Shop {
  @Field({ description: "The ISO 4217 currency every price is in." })
  currency: string;
}

@Resolver()
export class ShopResolver {
  constructor(private readonly currency: string) {}

  @Query(() => Shop)
  shop(): Shop {
    return { currency: this.currency };
  }
}
