import { ArrayMaxSize, IsInt, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { ProductStatus } from "./product.entity";

@InputType()
export class ImageInput {
  @Field({ description: "An image URL: /media/uploads/… from an upload, or http(s)://…" })
  @Matches(/^(\/[^\s]*|https?:\/\/[^\s]+)$/, { message: "url must be a path on this server or an http(s) URL" })
  @MaxLength(500)
  url: string;

  @Field({ description: "Describes the picture for people who can't see it." })
  @Length(1, 200)
  alt: string;
}

const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

@InputType()
export class CreateProductInput {
  @Field()
  @Length(1, 64)
  @Matches(SKU, { message: "sku may hold only letters, digits, '.', '_' and '-'" })
  sku: string;

  @Field()
  @Length(1, 200)
  @Matches(/\S/, { message: "name must not be blank" })
  name: string;

  @Field({ defaultValue: "" })
  @MaxLength(10_000)
  description: string;

  @Field(() => Int, { description: "Minor units (cents)." })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  price: number;

  @Field(() => Int, { defaultValue: 0, description: "Opening stock; later changes go through adjustStock." })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  stock: number;

  @Field(() => ProductStatus, { defaultValue: ProductStatus.DRAFT })
  status: ProductStatus;

  @Field(() => [ImageInput], { defaultValue: [] })
  @ArrayMaxSize(10)
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
  @Max(10_000_000)
  price?: number;

  @Field(() => ProductStatus, { nullable: true, description: "ARCHIVED hides a product that has orders instead of deleting it." })
  @IsOptional()
  status?: ProductStatus;

  @Field(() => [ImageInput], { nullable: true, description: "Replaces all images." })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  images?: ImageInput[];
}
