import { IsOptional, MaxLength } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { MAX_SEARCH_LENGTH, PageArgs } from "../graphql/page-args";
import { ProductStatus } from "./product.entity";

@ArgsType()
export class ProductsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "Matches name and description, case-insensitive." })
  @IsOptional()
  @MaxLength(MAX_SEARCH_LENGTH)
  search: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A category's slug: only its products and its subcategories' (NOT_FOUND for an unknown slug).",
  })
  @IsOptional()
  @MaxLength(100)
  category: string | null;
}

@ArgsType()
export class AdminProductsArgs extends PageArgs {
  @Field(() => ProductStatus, { nullable: true, description: "Null: every status." })
  status: ProductStatus | null;

  @Field(() => String, { nullable: true, description: "Matches SKU, name and description." })
  @IsOptional()
  @MaxLength(MAX_SEARCH_LENGTH)
  search: string | null;
}
