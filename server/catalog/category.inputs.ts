import { IsInt, IsOptional, Length, Matches, Max, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { SLUG } from "./category-rules";

@InputType()
export class CategoryInput {
  @Field()
  @Length(1, 100, { message: "name must be 1 to 100 characters long" })
  @Matches(/\S/, { message: "name must not be blank" })
  name: string;

  @Field(() => String, { nullable: true, description: "Lower-case letters, digits and hyphens; made from the name when left out." })
  @IsOptional()
  @Length(1, 100, { message: "slug must be 1 to 100 characters long" })
  @Matches(SLUG, { message: "slug may hold lower-case letters, digits and single hyphens only, e.g. green-tea" })
  slug: string | null;

  @Field(() => ID, { nullable: true, description: "The parent category; null: at the top. Left out in an update: where it is." })
  @IsOptional()
  parentId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "Its place among its siblings (0 when created without one). Left out in an update: as it is.",
  })
  @IsOptional()
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  position?: number | null;
}
