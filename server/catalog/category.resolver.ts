import DataLoader from "dataloader";
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../graphql/context";
import { groupBy } from "../graphql/loaders";
import { PageArgs } from "../graphql/page-args";
import type { CatalogService } from "./catalog.service";
import { Category } from "./category.entity";
import { CategoryInput } from "./category.inputs";
import type { CategoryService, CategoryTree } from "./category.service";
import { Product, ProductStatus } from "./product.entity";
import { ProductConnection } from "./product.types";

@ArgsType()
class CategoryArgs {
  @Field(() => ID)
  id: string;

  @Field(() => CategoryInput)
  input: CategoryInput;
}

/** The category tree, read once per request however many categories the answer shows. */
const treeLoader = (categories: CategoryService) => () =>
  new DataLoader<0, CategoryTree>(async (keys) => {
    const tree = await categories.tree();
    return keys.map(() => tree);
  });

/** A product's categories, batched across a list (one query per request). */
const productCategoriesLoader = (categories: CategoryService) => () =>
  new DataLoader<number, Category[]>(async (ids) =>
    groupBy(ids, await categories.ofProducts(ids), (l) => l.productId).map((links) => links.map((l) => l.category)),
  );

@Resolver(() => Category)
export class CategoryResolver {
  private readonly tree = treeLoader(this.categoryService);

  constructor(
    private readonly categoryService: CategoryService,
    private readonly catalog: CatalogService,
  ) {}

  private treeOf(ctx: Context): Promise<CategoryTree> {
    return ctx.loaders.get(this.tree).load(0);
  }

  @Query(() => [Category], { description: "The top of the category tree, in order; each has its children." })
  async categories(@Ctx() ctx: Context): Promise<Category[]> {
    return (await this.treeOf(ctx)).childrenOf(null);
  }

  @Query(() => Category, { nullable: true, description: "A category by its slug; null when there is none." })
  category(@Arg("slug") slug: string): Promise<Category | null> {
    return this.categoryService.bySlug(slug);
  }

  @FieldResolver(() => Category, { nullable: true })
  async parent(@Root() category: Category, @Ctx() ctx: Context): Promise<Category | null> {
    return category.parentId === null ? null : ((await this.treeOf(ctx)).get(category.parentId) ?? null);
  }

  @FieldResolver(() => [Category], { description: "Its subcategories, in order." })
  async children(@Root() category: Category, @Ctx() ctx: Context): Promise<Category[]> {
    return (await this.treeOf(ctx)).childrenOf(category.id);
  }

  @FieldResolver(() => ProductConnection, { description: "The products on sale in it and in its subcategories, a page at a time." })
  async products(
    @Root() category: Category,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<ProductConnection> {
    const categoryIds = (await this.treeOf(ctx)).withDescendants(category.id);
    return this.catalog.list({ first: first ?? 20, after, categoryIds, status: ProductStatus.ACTIVE });
  }

  @Authorized("ADMIN")
  @Mutation(() => Category, {
    description: "Admins: a new category (slug from the name when not given; BAD_USER_INPUT on slug when taken).",
  })
  createCategory(@Arg("input", () => CategoryInput) input: CategoryInput): Promise<Category> {
    return this.categoryService.create(input);
  }

  @Authorized("ADMIN")
  @Mutation(() => Category, { description: "Admins: renames, moves (never inside itself) or reorders a category." })
  updateCategory(@Args(() => CategoryArgs) { id, input }: CategoryArgs): Promise<Category> {
    return this.categoryService.update(id, input);
  }

  @Authorized("ADMIN")
  @Mutation(() => Boolean, { description: "Admins: deletes a category without subcategories; its products stay in the catalog." })
  deleteCategory(@Arg("id", () => ID) id: string): Promise<boolean> {
    return this.categoryService.delete(id);
  }
}

@Resolver(() => Product)
export class ProductCategoriesResolver {
  private readonly loader = productCategoriesLoader(this.categories);

  constructor(private readonly categories: CategoryService) {}

  @FieldResolver(() => [Category], { name: "categories", description: "The categories it is in." })
  productCategories(@Root() product: Product, @Ctx() ctx: Context): Promise<Category[]> {
    return ctx.loaders.get(this.loader).load(product.id);
  }
}
