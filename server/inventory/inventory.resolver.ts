import { IsInt, IsOptional, Length, Matches, Max, Min, NotEquals } from "class-validator";
import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CatalogService } from "../catalog/catalog.service";
import DataLoader from "dataloader";
import { ProductVariant } from "../catalog/variant.entity";
import { StockMovement } from "./stock-movement.entity";
import { Product } from "../catalog/product.entity";
import { MAX_STOCK } from "../catalog/product.inputs";
import type { Context } from "../graphql/context";
import { PageArgs } from "../graphql/page-args";
import type { InventoryService } from "./inventory.service";
import { StockMovementConnection } from "./inventory.types";

@ArgsType()
class AdjustStockArgs {
  @Field(() => ID)
  productId: string;

  @Field(() => ID, { nullable: true, description: "The variant whose stock changes; required when the product has options." })
  variantId?: string | null;

  @Field(() => Int, { description: `Units to add; negative takes away. At most ${MAX_STOCK} either way, never 0.` })
  @IsInt()
  @NotEquals(0, { message: "delta must not be 0" })
  @Min(-MAX_STOCK, { message: `delta must be at most ${MAX_STOCK} either way` })
  @Max(MAX_STOCK, { message: `delta must be at most ${MAX_STOCK} either way` })
  delta: number;

  @Field({ description: "Why, for the movement history (e.g. 'Delivery from supplier'); 1 to 200 characters." })
  @Length(1, 200, { message: "Say why the stock changes (1 to 200 characters)" })
  @Matches(/\S/, { message: "Say why the stock changes (1 to 200 characters)" })
  reason: string;
}

@ArgsType()
class MovementsArgs extends PageArgs {
  @Field(() => ID)
  productId: string;
}

@ArgsType()
class LowStockArgs {
  @Field(() => Int, { nullable: true, description: "Default: LOW_STOCK_THRESHOLD." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  threshold: number | null;
}

@Authorized("ADMIN")
@Resolver()
export class InventoryResolver {
  constructor(private readonly inventory: InventoryService) {}

  @Mutation(() => Product, { description: "Changes a variant's stock by delta (negative takes away); it stays between 0 and 1,000,000." })
  async adjustStock(
    @Args(() => AdjustStockArgs) { productId, variantId, delta, reason }: AdjustStockArgs,
    @Ctx() ctx: Context,
  ): Promise<Product> {
    return this.inventory.adjust(productId, variantId, delta, reason, (await ctx.session.viewer()).email!);
  }

  @Query(() => StockMovementConnection, { description: "A product's stock history, newest first." })
  stockMovements(@Args(() => MovementsArgs) { productId, first, after }: MovementsArgs): Promise<StockMovementConnection> {
    return this.inventory.movements(productId, first ?? 20, after);
  }

  @Query(() => [Product], { description: "Products at or below the threshold (default LOW_STOCK_THRESHOLD), emptiest first." })
  lowStock(@Args(() => LowStockArgs) { threshold }: LowStockArgs): Promise<Product[]> {
    return this.inventory.lowStock(threshold ?? undefined);
  }
}

@Resolver(() => StockMovement)
export class StockMovementResolver {
  private readonly variants = () =>
    new DataLoader<number, ProductVariant | null>(async (ids) => {
      const found = new Map((await this.catalog.variantsByIds(ids)).map((v) => [v.id, v]));
      return ids.map((id) => found.get(id) ?? null);
    });

  constructor(private readonly catalog: CatalogService) {}

  @FieldResolver(() => ProductVariant, { nullable: true, description: "The variant whose stock moved (null once it is removed)." })
  variant(@Root() movement: StockMovement, @Ctx() ctx: Context): Promise<ProductVariant | null> {
    return movement.variantId === null ? Promise.resolve(null) : ctx.loaders.get(this.variants).load(movement.variantId);
  }
}
