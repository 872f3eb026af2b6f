import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "../graphql/page-info.type";
import { Order } from "./order.entity";

@ObjectType()
export class OrderConnection {
  @Field(() => [Order])
  nodes: Order[];

  @Field(() => Int)
  totalCount: number;

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
