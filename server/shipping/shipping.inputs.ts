import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { MAX_PRICE } from "../catalog/product.inputs";

@InputType()
export class ShippingRateInput {
  @Field(() => ID, { nullable: true, description: "An existing rate to keep (carts that chose it keep it); else a new one." })
  @IsOptional()
  id?: string | null;

  @Field()
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: "name must not be blank" })
  name: string;

  @Field(() => Int, { description: "Minor units." })
  @IsInt()
  @Min(0)
  @Max(MAX_PRICE)
  price: number;

  @Field(() => Int, { nullable: true, description: "Free when the goods (after discount) cost at least this (minor units)." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  freeAbove?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  minWeightGrams?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  maxWeightGrams?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  estimatedDays?: string | null;
}

@InputType()
export class ShippingZoneInput {
  @Field(() => ID, { nullable: true, description: "The zone to change; none: a new zone." })
  @IsOptional()
  id?: string | null;

  @Field()
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: "name must not be blank" })
  name: string;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes, or ["*"] for every country no other zone names.' })
  @IsArray()
  @ArrayMinSize(1, { message: "A zone needs at least one country" })
  @ArrayMaxSize(250)
  @Matches(/^([A-Za-z]{2}|\*)$/, { each: true, message: "Countries are two-letter codes like DE, or *" })
  countries: string[];

  @Field(() => [ShippingRateInput], { description: "Replaces the zone's rates (those named by id are kept)." })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  rates: ShippingRateInput[];
}

@InputType()
export class TaxRateInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  id?: string | null;

  @Field({ description: 'A two-letter country code, or "*" for every country without its own rate.' })
  @Matches(/^([A-Za-z]{2}|\*)$/, { message: "country must be a two-letter code like DE, or *" })
  country: string;

  @Field(() => String, { nullable: true, description: "A region (state, province) with its own rate; none: the whole country." })
  @IsOptional()
  @MaxLength(100)
  region?: string | null;

  @Field()
  @Length(1, 60)
  @Matches(/\S/, { message: "name must not be blank" })
  name: string;

  @Field(() => Int, { description: "Basis points: 1900 is 19%." })
  @IsInt()
  @Min(0)
  @Max(10_000)
  rateBps: number;
}
