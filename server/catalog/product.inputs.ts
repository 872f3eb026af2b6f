import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { ProductStatus } from "./product.entity";

/** 100,000.00 in a two-decimal currency; with at most 999 of a line, a line stays far from 32-bit limits. */
export const MAX_PRICE = 10_000_000;
/** The most units one product can have in stock. */
export const MAX_STOCK = 1_000_000;
export const MAX_IMAGES = 10;

@InputType()
export class ImageInput {
  @Field({ description: "An image URL: /media/uploads/… from an upload, or http(s)://…" })
  @IsString()
  // A path must not start with // or /\ : browsers read those as another host.
  @Matches(/^(\/(?![/\\])\S*|https?:\/\/\S+)$/, { message: "url must be a path on this server or an http(s) URL" })
  @MaxLength(500)
  url: string;

  @Field({ description: "Describes the picture for people who can't see it." })
  @IsString()
  @Length(1, 200)
  alt: string;
}

const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

@InputType()
export class CreateProductInput {
  @Field()
  @IsString()
  @Length(1, 64)
  @Matches(SKU, { message: "sku may hold only letters, digits, '.', '_' and '-'" })
  sku: string;

  @Field()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: "name must not be blank" })
  name: string;

  @Field({ defaultValue: "" })
  @IsString()
  @MaxLength(10_000)
  description: string;

  @Field(() => Int, { description: "Minor units (cents)." })
  @IsInt()
  @Min(0)
  @Max(MAX_PRICE)
  price: number;

  @Field(() => Int, { defaultValue: 0, description: "Opening stock; later changes go through adjustStock." })
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  stock: number;

  @Field(() => ProductStatus, { defaultValue: ProductStatus.DRAFT })
  status: ProductStatus;

  @Field(() => [ID], { defaultValue: [], description: "The categories it is in (at most 20)." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  categoryIds?: string[];

  @Field(() => [ImageInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(MAX_IMAGES)
  @ValidateNested({ each: true })
  images: ImageInput[];
}

@InputType({ description: "Only the fields given change. Stock changes go through adjustStock." })
export class UpdateProductInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 64)
  @Matches(SKU, { message: "sku may hold only letters, digits, '.', '_' and '-'" })
  sku?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  @Matches(/\S/, { message: "name must not be blank" })
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(10_000)
  description?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PRICE)
  price?: number;

  @Field(() => ProductStatus, { nullable: true, description: "ARCHIVED hides a product that has orders instead of deleting it." })
  @IsOptional()
  status?: ProductStatus;

  @Field(() => [ID], { nullable: true, description: "Replaces the categories it is in (at most 20)." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  categoryIds: string[] | null;

  @Field(() => [ImageInput], { nullable: true, description: "Replaces all images." })
  @IsOptional()
  @ArrayMaxSize(MAX_IMAGES)
  @ValidateNested({ each: true })
  images?: ImageInput[];
}
