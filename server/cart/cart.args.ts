import { IsInt, Max, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";

/** The most of one product a cart line holds. */
export const MAX_LINE_QUANTITY = 999;

@ArgsType()
export class AddToCartArgs {
  @Field(() => ID)
  productId: string;

  @Field(() => ID, { nullable: true, description: "The variant to add; required when the product has options (VARIANT_REQUIRED)." })
  variantId?: string | null;

  @Field(() => Int, { defaultValue: 1, description: `1 to ${MAX_LINE_QUANTITY}.` })
  @IsInt()
  @Min(1, { message: `Quantity must be between 1 and ${MAX_LINE_QUANTITY}` })
  @Max(MAX_LINE_QUANTITY, { message: `Quantity must be between 1 and ${MAX_LINE_QUANTITY}` })
  quantity: number;
}

@ArgsType()
export class UpdateQuantityArgs {
  @Field(() => ID)
  lineId: string;

  @Field(() => Int, { description: `0 to ${MAX_LINE_QUANTITY}; 0 removes the line.` })
  @IsInt()
  @Min(0, { message: `Quantity must be between 0 and ${MAX_LINE_QUANTITY}` })
  @Max(MAX_LINE_QUANTITY, { message: `Quantity must be between 0 and ${MAX_LINE_QUANTITY}` })
  quantity: number;
}
