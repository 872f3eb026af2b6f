import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../graphql/context";
import { AddToCartArgs, UpdateQuantityArgs } from "./cart.args";
import { Cart } from "./cart.types";
import type { CartService } from "./cart.service";

@Resolver(() => Cart)
export class CartResolver {
  constructor(private readonly carts: CartService) {}

  @Query(() => Cart, { description: "The caller's cart (empty, and nothing created, for a new visitor)." })
  async cart(@Ctx() ctx: Context): Promise<Cart> {
    return this.carts.view(await ctx.session.owner());
  }

  @Mutation(() => Cart, { description: "Adds a product's variant; raises the quantity if it is already in the cart." })
  async addToCart(@Args(() => AddToCartArgs) { productId, variantId, quantity }: AddToCartArgs, @Ctx() ctx: Context): Promise<Cart> {
    return this.carts.add(() => ctx.session.ensureOwner(), productId, variantId, quantity);
  }

  @Mutation(() => Cart, { description: "Sets a line's quantity; 0 removes the line." })
  async updateQuantity(@Args(() => UpdateQuantityArgs) { lineId, quantity }: UpdateQuantityArgs, @Ctx() ctx: Context): Promise<Cart> {
    return this.carts.setQuantity(await ctx.session.owner(), lineId, quantity);
  }

  @Mutation(() => Cart, {
    description: "Applies a discount code (one per cart); DISCOUNT_INVALID with extensions.reason when it can't be used.",
  })
  async applyDiscountCode(@Arg("code") code: string, @Ctx() ctx: Context): Promise<Cart> {
    return this.carts.applyDiscount(() => ctx.session.ensureOwner(), code);
  }

  @Mutation(() => Cart)
  async removeDiscountCode(@Ctx() ctx: Context): Promise<Cart> {
    return this.carts.removeDiscount(await ctx.session.owner());
  }

  @Mutation(() => Cart, {
    description:
      "Where the cart ships, so shipping and tax are priced before the address form is done; NO_SHIPPING where the store doesn't ship.",
  })
  async setShippingDestination(
    @Arg("country") country: string,
    @Arg("region", () => String, { nullable: true }) region: string | null,
    @Arg("postalCode", () => String, { nullable: true }) postalCode: string | null,
    @Ctx() ctx: Context,
  ): Promise<Cart> {
    return this.carts.setDestination(() => ctx.session.ensureOwner(), { country, region, postalCode });
  }

  @Mutation(() => Cart, { description: "Chooses one of the cart's shippingOptions." })
  async selectShipping(@Arg("optionId", () => ID) optionId: string, @Ctx() ctx: Context): Promise<Cart> {
    return this.carts.selectShipping(await ctx.session.owner(), optionId);
  }

  @Mutation(() => Cart)
  async removeFromCart(@Arg("lineId", () => ID) lineId: string, @Ctx() ctx: Context): Promise<Cart> {
    return this.carts.remove(await ctx.session.owner(), lineId);
  }
}
