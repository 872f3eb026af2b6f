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

  @Mutation(() => Cart)
  async removeFromCart(@Arg("lineId", () => ID) lineId: string, @Ctx() ctx: Context): Promise<Cart> {
    return this.carts.remove(await ctx.session.owner(), lineId);
  }
}
