import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../graphql/context";
import { PlaceOrderInput } from "./order.inputs";
import { Order } from "./order.entity";
import type { OrderService } from "./order.service";

@Resolver(() => Order)
export class OrderResolver {
  constructor(private readonly orders: OrderService) {}

  @Query(() => Order, { nullable: true, description: "An order, visible only to the session that placed it." })
  async order(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Order | null> {
    return this.orders.forSession(await ctx.session.id(), id);
  }

  @Mutation(() => Order, { description: "Checks out the cart: takes the stock, charges the payment, empties the cart." })
  async placeOrder(@Arg("input", () => PlaceOrderInput) input: PlaceOrderInput, @Ctx() ctx: Context): Promise<Order> {
    return this.orders.place(await ctx.session.id(), input);
  }
}
