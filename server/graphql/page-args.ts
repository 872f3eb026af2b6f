import { IsInt, IsOptional, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";

export const MAX_PAGE_SIZE = 100;

/** `first`/`after` for every paged list; extend it with a list's own filters. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @IsInt()
  @Min(1, { message: `first must be between 1 and ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `first must be between 1 and ${MAX_PAGE_SIZE}` })
  first: number | null;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page." })
  @IsOptional()
  @MaxLength(200)
  after: string | null;
}

/** A search term's longest form: longer ones are BAD_USER_INPUT rather than an expensive scan. */
export const MAX_SEARCH_LENGTH = 200;
