import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { ProductStatus } from "./product.entity";

import { MAX_PRICE, MAX_STOCK } from "./variant-rules";

export { MAX_PRICE, MAX_STOCK };
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

@InputType({ description: "An option and its values, e.g. Size: S, M, L." })
export class ProductOptionInput {
  @Field()
  @IsString()
  @Length(1, 40)
  name: string;

  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  values: string[];
}

@InputType({ description: "A variant: one value of each option, in the options' order." })
export class VariantInput {
  @Field(() => ID, { nullable: true, description: "An existing variant to keep (on update); else it is matched by its option values." })
  @IsOptional()
  id?: string | null;

  @Field(() => String, { nullable: true, description: "Default: the product's SKU and the values, e.g. TEE-M-BLUE." })
  @IsOptional()
  @Length(1, 64)
  @Matches(SKU, { message: "sku may hold only letters, digits, '.', '_' and '-'" })
  sku?: string | null;

  @Field(() => [String], { description: "One value of each option, in the options' order (none for a product without options)." })
  @IsArray()
  @ArrayMaxSize(3)
  @IsString({ each: true })
  options: string[];

  @Field(() => Int, { nullable: true, description: "Minor units (cents); default: the product's price." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PRICE)
  price?: number | null;

  @Field(() => Int, { nullable: true, description: "Opening stock of a new variant (existing ones change through adjustStock)." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  stock?: number | null;

  @Field(() => String, { nullable: true, description: "The URL of one of the product's images that shows this variant." })
  @IsOptional()
  @MaxLength(500)
  imageUrl?: string | null;
}

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

  @Field(() => Int, { defaultValue: 0, description: "Opening stock of a product without options; later changes go through adjustStock." })
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  stock: number;

  @Field(() => ProductStatus, { defaultValue: ProductStatus.DRAFT })
  status: ProductStatus;

  @Field(() => Int, { nullable: true, description: "Shipping weight of one unit in grams." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  weightGrams?: number | null;

  @Field(() => [ProductOptionInput], { defaultValue: [], description: "Its options (at most 3); none for a product sold in one form." })
  @IsArray()
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  options: ProductOptionInput[];

  @Field(() => [VariantInput], {
    nullable: true,
    description: "With options: its variants (at most 100), each with its own SKU, price and opening stock.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  variants?: VariantInput[] | null;

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

  @Field(() => Int, { nullable: true, description: "A product without options: its price. With options, each variant has its own." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PRICE)
  price?: number;

  @Field(() => ProductStatus, { nullable: true, description: "ARCHIVED hides a product that has orders instead of deleting it." })
  @IsOptional()
  status?: ProductStatus;

  @Field(() => Int, { nullable: true, description: "Shipping weight of one unit in grams." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  weightGrams?: number | null;

  @Field(() => [ProductOptionInput], { nullable: true, description: "Replaces its options; give the variants with them." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  options?: ProductOptionInput[] | null;

  @Field(() => [VariantInput], {
    nullable: true,
    description: "Replaces its variants: those named by id (or by option values) are kept and edited, new ones added, the rest removed.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  variants?: VariantInput[] | null;

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
