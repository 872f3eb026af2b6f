import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../graphql/context";
import type { PaymentService } from "../payments/payment.service";
import type { CheckoutService } from "./checkout.service";
import { OrderLine } from "./order-line.entity";
import { PlaceOrderInput } from "./order.inputs";
import { Order, OrderStatus, PaymentStatus } from "./order.entity";
import { orderLinesLoader } from "./order.loaders";
import type { OrderService } from "./order.service";
import { Payment, PaymentMethod } from "./order.types";

@Resolver(() => Order)
export class OrderResolver {
  private readonly linesLoader = orderLinesLoader(this.orders);

  constructor(
    private readonly orders: OrderService,
    private readonly checkout: CheckoutService,
    private readonly payments: PaymentService,
    /** The store's public address; unset: the address each request came to. */
    private readonly publicUrl: string | null,
  ) {}

  @Query(() => Order, {
    nullable: true,
    description: "An order, visible to the session that placed it, the customer it belongs to, and admins.",
  })
  async order(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Order | null> {
    return this.orders.forViewer(await ctx.session.viewer(), id);
  }

  @Query(() => [PaymentMethod], { description: "The ways to pay this store offers (PaymentInput.provider takes their id)." })
  paymentMethods(): PaymentMethod[] {
    return this.payments.methods();
  }

  @Mutation(() => Order, {
    description:
      "Checks out the cart: holds the stock and starts the payment. A card (test) is settled at once: PAID, or PAYMENT_DECLINED with " +
      "nothing changed. A hosted page (stripe) returns PENDING_PAYMENT with payment.redirectUrl to send the shopper to; manual " +
      "returns PENDING_PAYMENT with payment.instructions.",
  })
  async placeOrder(@Arg("input", () => PlaceOrderInput) input: PlaceOrderInput, @Ctx() ctx: Context): Promise<Order> {
    const viewer = await ctx.session.viewer();
    return this.checkout.place(await ctx.session.owner(), input, viewer.email ?? input.email.trim(), {
      address: ctx.session.address,
      returnBase: this.publicUrl ?? ctx.origin,
    });
  }

  @Mutation(() => Order, {
    description:
      "The shopper gave up on a hosted payment page: closes it, puts the stock back and the items back in the cart (the order " +
      "becomes CANCELLED). If the payment went through after all, the order comes back PAID instead.",
  })
  async cancelPayment(@Arg("orderId", () => ID) orderId: string, @Ctx() ctx: Context): Promise<Order> {
    return this.checkout.cancelPayment(await ctx.session.viewer(), orderId);
  }

  @FieldResolver(() => [OrderLine])
  lines(@Root() order: Order, @Ctx() ctx: Context): OrderLine[] | Promise<OrderLine[]> {
    return order.lines ?? ctx.loaders.get(this.linesLoader).load(order.id);
  }

  @FieldResolver(() => Payment)
  payment(@Root() order: Order): Payment {
    const pending = order.status === OrderStatus.PENDING_PAYMENT && order.paymentStatus === PaymentStatus.PENDING;
    const method = this.payments.find(order.paymentProvider);
    return {
      provider: order.paymentProvider,
      status: order.paymentStatus,
      redirectUrl: pending ? order.paymentUrl : null,
      instructions: pending ? (method?.instructions ?? null) : null,
      expiresAt: pending ? order.reconcileAt : null,
    };
  }
}
