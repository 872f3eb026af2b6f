import { ArgsType, Field, ID, Int } from "type-graphql";

@ArgsType()
export class AddToCartArgs {
  @Field(() => ID)
  productId: string;

  @Field(() => Int, { defaultValue: 1, description: "1 to 999." })
  quantity: number;
}

@ArgsType()
export class UpdateQuantityArgs {
  @Field(() => ID)
  lineId: string;

  @Field(() => Int, { description: "0 to 999; 0 removes the line." })
  quantity: number;
}
