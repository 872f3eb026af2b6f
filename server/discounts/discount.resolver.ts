import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import DataLoader from "dataloader";
import type { Context } from "../graphql/context";
import { DiscountCode } from "./discount-code.entity";
import { DiscountCodeInput } from "./discount.inputs";
import type { DiscountService } from "./discount.service";

/** The owner's discount codes, with how often each was used. */
@Authorized("ADMIN")
@Resolver(() => DiscountCode)
export class DiscountResolver {
  private readonly usageLoader = () =>
    new DataLoader<number, { paid: number; pending: number }>(async (ids) => {
      const usage = await this.discounts.usage(ids);
      return ids.map((id) => usage.get(id)!);
    });

  constructor(private readonly discounts: DiscountService) {}

  @Query(() => [DiscountCode], { description: "Admins: every discount code." })
  discountCodes(): Promise<DiscountCode[]> {
    return this.discounts.list();
  }

  @Mutation(() => DiscountCode, { description: "Creates a code, or changes the one named by id." })
  saveDiscountCode(@Arg("input", () => DiscountCodeInput) input: DiscountCodeInput): Promise<DiscountCode> {
    return this.discounts.save(input);
  }

  @Mutation(() => Boolean, { description: "Deletes a code no order used (a used one is switched off with active: false)." })
  deleteDiscountCode(@Arg("id", () => ID) id: string): Promise<boolean> {
    return this.discounts.delete(id);
  }

  @FieldResolver(() => Int, { description: "Paid orders that used it." })
  async timesUsed(@Root() code: DiscountCode, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.get(this.usageLoader).load(code.id)).paid;
  }

  @FieldResolver(() => Int, { description: "Orders waiting for payment that hold a use of it (given back if they are not paid)." })
  async reserved(@Root() code: DiscountCode, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.get(this.usageLoader).load(code.id)).pending;
  }
}
