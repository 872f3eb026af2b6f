import { IsInt, IsOptional, Length, Matches, Max, Min, NotEquals } from "class-validator";
import { Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { parseProductId } from "../catalog/catalog.service";
import { Product } from "../catalog/product.entity";
import { MAX_STOCK } from "../catalog/product.inputs";
import type { Context } from "../graphql/context";
import type { InventoryService } from "./inventory.service";
import { StockMovement } from "./stock-movement.entity";

@ArgsType()
class AdjustStockArgs {
  @Field(() => ID)
  productId: string;

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
class MovementsArgs {
  @Field(() => ID)
  productId: string;

  @Field(() => Int, { defaultValue: 50, description: "How many, newest first: 1 to 200." })
  @IsInt()
  @Min(1)
  @Max(200)
  first: number;
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

  @Mutation(() => Product, { description: "Changes a product's stock by delta (negative takes away); it stays between 0 and 1,000,000." })
  async adjustStock(@Args(() => AdjustStockArgs) { productId, delta, reason }: AdjustStockArgs, @Ctx() ctx: Context): Promise<Product> {
    return this.inventory.adjust(productId, delta, reason, (await ctx.session.viewer()).email!);
  }

  @Query(() => [StockMovement], { description: "A product's stock history, newest first." })
  stockMovements(@Args(() => MovementsArgs) { productId, first }: MovementsArgs): Promise<StockMovement[]> {
    const id = parseProductId(productId);
    return id === undefined ? Promise.resolve([]) : this.inventory.movements(id, first);
  }

  @Query(() => [Product], { description: "Products at or below the threshold (default LOW_STOCK_THRESHOLD), emptiest first." })
  lowStock(@Args(() => LowStockArgs) { threshold }: LowStockArgs): Promise<Product[]> {
    return this.inventory.lowStock(threshold ?? undefined);
  }
}
