import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "../graphql/page-info.type";
import { Product } from "./product.entity";

@ObjectType()
export class ProductConnection {
  @Field(() => [Product])
  nodes: Product[];

  @Field(() => Int, { description: "How many products match, across all pages." })
  totalCount: number;

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
