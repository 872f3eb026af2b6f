import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../graphql/context";
import type { CatalogService } from "./catalog.service";
import type { CategoryService } from "./category.service";
import { notFound } from "../graphql/errors";
import { ProductsArgs } from "./product.args";
import { ProductImage } from "./product-image.entity";
import { Product, ProductStatus } from "./product.entity";
import { productImagesLoader } from "./product.loaders";
import { ProductConnection } from "./product.types";

@Resolver(() => Product)
export class ProductResolver {
  private readonly imagesLoader = productImagesLoader(this.catalog);

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
}
