import { ArgsType, Field, Int } from "type-graphql";

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: "Page size, 1 to 100." })
  first: number | null;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page." })
  after: string | null;
}
