import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import type { Context } from "../graphql/context";
import type { CatalogIoService } from "./catalog-io.service";
import type { CatalogService } from "./catalog.service";
import type { ProductAdminService } from "./product-admin.service";
import { AdminProductsArgs } from "./product.args";
import { Product } from "./product.entity";
import { CreateProductInput, UpdateProductInput } from "./product.inputs";
import { ProductConnection } from "./product.types";

@ArgsType()
class UpdateProductArgs {
  @Field(() => ID)
  id: string;

  @Field(() => UpdateProductInput)
  input: UpdateProductInput;
}

@ObjectType()
export class CatalogImportResult {
  @Field(() => Int)
  created: number;

  @Field(() => Int)
  updated: number;
}

@Authorized("ADMIN")
@Resolver()
export class AdminProductResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly products: ProductAdminService,
    private readonly catalogIo: CatalogIoService,
  ) {}

  @Query(() => ProductConnection, { description: "Admins: every product, drafts and archived included." })
  adminProducts(@Args(() => AdminProductsArgs) { status, search, first, after }: AdminProductsArgs): Promise<ProductConnection> {
    return this.catalog.list({ first: first ?? 20, after, search, status });
  }

  @Query(() => Product, { nullable: true, description: "Admins: a product whatever its status." })
  adminProduct(@Arg("id", () => ID) id: string): Promise<Product | null> {
    return this.catalog.byId(id);
  }

  @Mutation(() => Product)
  async createProduct(@Arg("input", () => CreateProductInput) input: CreateProductInput, @Ctx() ctx: Context): Promise<Product> {
    return this.products.create(input, (await ctx.session.viewer()).email!);
  }

  @Mutation(() => Product)
  async updateProduct(@Args(() => UpdateProductArgs) { id, input }: UpdateProductArgs, @Ctx() ctx: Context): Promise<Product> {
    return this.products.update(id, input, (await ctx.session.viewer()).email!);
  }

  @Mutation(() => Boolean, {
    description: "Deletes a product without orders; one with orders must be archived (updateProduct status ARCHIVED).",
  })
  deleteProduct(@Arg("id", () => ID) id: string): Promise<boolean> {
    return this.products.delete(id);
  }

  @Mutation(() => CatalogImportResult, {
    description:
      "Imports products from CSV (sku,name,description,price,stock; price like 25.99), upserting by SKU. All rows are checked first; with any problem nothing is written.",
  })
  async importProductsCsv(@Arg("csv") csv: string, @Ctx() ctx: Context): Promise<CatalogImportResult> {
    return this.catalogIo.importCsv(csv, (await ctx.session.viewer()).email!);
  }
}
