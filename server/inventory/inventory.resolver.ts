import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { parseProductId } from "../catalog/catalog.service";
import { Product } from "../catalog/product.entity";
import type { Context } from "../graphql/context";
import type { InventoryService } from "./inventory.service";
import { StockMovement } from "./stock-movement.entity";

@ArgsType()
class AdjustStockArgs {
  @Field(() => ID)
  productId: string;

  @Field(() => Int, { description: "Units to add; negative takes away." })
  delta: number;

  @Field({ description: "Why, for the movement history (e.g. 'Delivery from supplier')." })
  reason: string;
}

@ArgsType()
class MovementsArgs {
  @Field(() => ID)
  productId: string;

  @Field(() => Int, { defaultValue: 50 })
  first: number;
}

@Authorized("ADMIN")
@Resolver()
export class InventoryResolver {
  constructor(private readonly inventory: InventoryService) {}

  @Mutation(() => Product, { description: "Changes a product's stock by delta (negative takes away); it never goes below 0." })
  async adjustStock(@Args(() => AdjustStockArgs) { productId, delta, reason }: AdjustStockArgs, @Ctx() ctx: Context): Promise<Product> {
    return this.inventory.adjust(productId, delta, reason, (await ctx.session.viewer()).email!);
  }

  @Query(() => [StockMovement], { description: "A product's stock history, newest first." })
  stockMovements(@Args(() => MovementsArgs) { productId, first }: MovementsArgs): Promise<StockMovement[]> {
    const id = parseProductId(productId);
    return id === undefined ? Promise.resolve([]) : this.inventory.movements(id, first);
  }

  @Query(() => [Product], { description: "Products at or below the threshold (default LOW_STOCK_THRESHOLD), emptiest first." })
  lowStock(@Arg("threshold", () => Int, { nullable: true }) threshold: number | null): Promise<Product[]> {
    return this.inventory.lowStock(threshold ?? undefined);
  }
}
