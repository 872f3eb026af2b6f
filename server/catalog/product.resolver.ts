import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../graphql/context";
import type { CatalogService } from "./catalog.service";
import type { CategoryService } from "./category.service";
import { notFound } from "../graphql/errors";
import { ProductsArgs } from "./product.args";
import { ProductImage } from "./product-image.entity";
import { Product, ProductStatus } from "./product.entity";
import { productImagesLoader, productLoader, productVariantsLoader } from "./product.loaders";
import { PriceRange, ProductConnection } from "./product.types";
import { ProductOption, ProductVariant, SelectedOption } from "./variant.entity";
import { Money } from "../graphql/money.type";

@Resolver(() => Product)
export class ProductResolver {
  private readonly imagesLoader = productImagesLoader(this.catalog);
  private readonly variantsLoader = productVariantsLoader(this.catalog);

  constructor(
    private readonly catalog: CatalogService,
    private readonly categories: CategoryService,
  ) {}

  @Query(() => ProductConnection, { description: "The catalog, a page at a time, in a stable order." })
  async products(@Args(() => ProductsArgs) { first, after, search, category }: ProductsArgs): Promise<ProductConnection> {
    let categoryIds: number[] | undefined;
    if (category) {
      // The tree has every category: one query finds the slug and its branch.
      const tree = await this.categories.tree();
      const found = tree.all.find((c) => c.slug === category.trim().toLowerCase());
      if (!found) throw notFound("Category", category);
      categoryIds = tree.withDescendants(found.id);
    }
    return this.catalog.list({ first: first ?? 20, after, search, status: ProductStatus.ACTIVE, categoryIds });
  }

  @Query(() => Product, { nullable: true })
  product(@Arg("id", () => ID) id: string): Promise<Product | null> {
    return this.catalog.sellable(id);
  }

  @FieldResolver(() => [ProductImage])
  images(@Root() product: Product, @Ctx() ctx: Context): Promise<ProductImage[]> {
    return ctx.loaders.get(this.imagesLoader).load(product.id);
  }

  @FieldResolver(() => [ProductOption], { description: "Its options, e.g. Size: S, M, L; none for a product sold in one form." })
  options(@Root() product: Product): ProductOption[] {
    return product.options;
  }

  @FieldResolver(() => [ProductVariant], {
    description: "What can be bought: one variant per combination of option values (one for a product without options).",
  })
  variants(@Root() product: Product, @Ctx() ctx: Context): Promise<ProductVariant[]> {
    return ctx.loaders.get(this.variantsLoader).load(product.id);
  }

  @FieldResolver(() => PriceRange)
  async priceRange(@Root() product: Product, @Ctx() ctx: Context): Promise<PriceRange> {
    const prices = (await ctx.loaders.get(this.variantsLoader).load(product.id)).map((v) => v.priceAmount);
    const min = prices.length ? Math.min(...prices) : product.priceAmount;
    const max = prices.length ? Math.max(...prices) : product.priceAmount;
    return { min: Money.of(min, product.currency), max: Money.of(max, product.currency) };
  }
}

@Resolver(() => ProductVariant)
export class VariantResolver {
  private readonly imagesLoader = productImagesLoader(this.catalog);

  constructor(private readonly catalog: CatalogService) {}

  @FieldResolver(() => [SelectedOption])
  async options(@Root() variant: ProductVariant, @Ctx() ctx: Context): Promise<SelectedOption[]> {
    const product = await ctx.loaders.get(this.productLoader).load(variant.productId);
    const names = product?.options.map((o) => o.name) ?? [];
    return variant.optionValues.map((value, i) => Object.assign(new SelectedOption(), { name: names[i] ?? `Option ${i + 1}`, value }));
  }

  @FieldResolver(() => ProductImage, { nullable: true, description: "The product image that shows this variant, if one does." })
  async image(@Root() variant: ProductVariant, @Ctx() ctx: Context): Promise<ProductImage | null> {
    if (!variant.imageUrl) return null;
    const images = await ctx.loaders.get(this.imagesLoader).load(variant.productId);
    return images.find((i) => i.url === variant.imageUrl) ?? null;
  }

  private readonly productLoader = productLoader(this.catalog);
}
