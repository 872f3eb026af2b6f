import { IsBoolean, IsDate, IsEnum, IsInt, IsOptional, Length, Matches, Max, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { DiscountKind } from "./discount-code.entity";

@InputType()
export class DiscountCodeInput {
  @Field(() => ID, { nullable: true, description: "The code to change; none: a new one." })
  @IsOptional()
  id?: string | null;

  @Field({ description: "What shoppers type, e.g. SPRING10 (letters, digits, - and _; stored upper-case)." })
  @Length(2, 40)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: "A code has letters, digits, '-' and '_' only" })
  code: string;

  @Field(() => DiscountKind)
  @IsEnum(DiscountKind)
  kind: DiscountKind;

  @Field(() => Int, { description: "PERCENTAGE: 1 to 100. FIXED_AMOUNT: minor units." })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  value: number;

  @Field(() => Int, { nullable: true, description: "The goods must cost at least this (minor units)." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  minSubtotal?: number | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  endsAt?: Date | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  usageLimit?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  perCustomerLimit?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Default: on for a new code; unchanged for an existing one." })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}
