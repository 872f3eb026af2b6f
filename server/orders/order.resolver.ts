import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { OrderLine } from "./order-line.entity";
import type { Context } from "../graphql/context";
import { PlaceOrderInput } from "./order.inputs";
import { Order } from "./order.entity";
import { orderLinesLoader } from "./order.loaders";
import type { OrderService } from "./order.service";

@Resolver(() => Order)
export class OrderResolver {
  private readonly linesLoader = orderLinesLoader(this.orders);

  constructor(private readonly orders: OrderService) {}

  @Query(() => Order, {
    nullable: true,
    description: "An order, visible to the session that placed it, the customer it belongs to, and admins.",
  })
  async order(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Order | null> {
    return this.orders.forViewer(await ctx.session.viewer(), id);
  }

  @Mutation(() => Order, { description: "Checks out the cart: takes the stock, charges the payment, empties the cart." })
  async placeOrder(@Arg("input", () => PlaceOrderInput) input: PlaceOrderInput, @Ctx() ctx: Context): Promise<Order> {
    const viewer = await ctx.session.viewer();
    return this.orders.place(await ctx.session.owner(), input, viewer.email);
  }

  @FieldResolver(() => [OrderLine])
  lines(@Root() order: Order, @Ctx() ctx: Context): OrderLine[] | Promise<OrderLine[]> {
    return order.lines ?? ctx.loaders.get(this.linesLoader).load(order.id);
  }
}
