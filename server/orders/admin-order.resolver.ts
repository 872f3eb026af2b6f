import { IsOptional, MaxLength } from "class-validator";
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { AccountService } from "../accounts/account.service";
import { Customer } from "../accounts/customer.entity";
import type { Context } from "../graphql/context";
import { MAX_SEARCH_LENGTH, PageArgs } from "../graphql/page-args";
import type { CheckoutService } from "./checkout.service";
import type { OrderAdminService } from "./order-admin.service";
import { OrderEvent } from "./order-event.entity";
import { customersLoader, orderEventsLoader } from "./order.loaders";
import { Order, OrderStatus } from "./order.entity";
import type { OrderService } from "./order.service";
import { OrderConnection } from "./order.types";

@ArgsType()
class OrdersArgs extends PageArgs {
  @Field(() => OrderStatus, { nullable: true })
  status: OrderStatus | null;

  @Field(() => String, { nullable: true, description: "Matches the order number and the email." })
  @IsOptional()
  @MaxLength(MAX_SEARCH_LENGTH)
  search: string | null;
}

@ArgsType()
class UpdateOrderStatusArgs {
  @Field(() => ID)
  id: string;

  @Field(() => OrderStatus)
  status: OrderStatus;

  @Field(() => String, {
    nullable: true,
    description: "With SHIPPED: the carrier's tracking number, shown to the shopper and in the shipped email.",
  })
  @IsOptional()
  @MaxLength(100)
  trackingNumber: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A note kept in the order's history; with SHIPPED, also in the shipped email and on the customer's order page (Order.shippingNote).",
  })
  @IsOptional()
  @MaxLength(250)
  note: string | null;
}

@Resolver(() => Order)
export class AdminOrderResolver {
  constructor(
    private readonly orderService: OrderService,
    private readonly admin: OrderAdminService,
    private readonly checkout: CheckoutService,
    private readonly accounts: AccountService,
  ) {}

  private readonly customerLoader = customersLoader(this.accounts);
  private readonly eventsLoader = orderEventsLoader(this.admin);

  @Authorized("ADMIN")
  @Query(() => OrderConnection, { description: "Admins: every order, newest first." })
  orders(@Args(() => OrdersArgs) { status, search, first, after }: OrdersArgs): Promise<OrderConnection> {
    return this.orderService.list({ status, search }, first ?? 20, after);
  }

  @Authorized("ADMIN")
  @Mutation(() => Order, {
    description: "Moves an order to one of its nextStatuses (cancelling restocks and refunds); any other move is BAD_USER_INPUT.",
  })
  async updateOrderStatus(
    @Args(() => UpdateOrderStatusArgs) { id, status, trackingNumber, note }: UpdateOrderStatusArgs,
    @Ctx() ctx: Context,
  ): Promise<Order> {
    return this.checkout.moveOrder(id, status, (await ctx.session.viewer()).email!, { trackingNumber, note });
  }

  @Authorized("ADMIN")
  @Mutation(() => Order, { description: "Admins: a manual payment (bank transfer, cash) was received; the order becomes PAID." })
  async markOrderPaid(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Order> {
    return this.checkout.markPaid(id, (await ctx.session.viewer()).email!);
  }

  @Authorized("ADMIN")
  @Mutation(() => Order, { description: "Admins: asks the provider again for a refund it refused (payment.status REFUND_FAILED)." })
  async retryRefund(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Order> {
    return this.admin.retryRefund(id, (await ctx.session.viewer()).email!);
  }

  @Authorized("ADMIN")
  @FieldResolver(() => String, {
    nullable: true,
    description: "Admins only: why this order needs the owner's eye (a payment that does not match it); null when all is well.",
  })
  attention(@Root() order: Order): string | null {
    return order.attention;
  }

  @Authorized("ADMIN")
  @FieldResolver(() => [OrderStatus], { description: "Admins only: the statuses updateOrderStatus accepts for this order now." })
  nextStatuses(@Root() order: Order): readonly OrderStatus[] {
    return this.admin.nextStatuses(order);
  }

  @Authorized("ADMIN")
  @FieldResolver(() => Customer, { nullable: true, description: "Admins only: the account that placed it (null for a guest)." })
  customer(@Root() order: Order, @Ctx() ctx: Context): Promise<Customer | null> | null {
    return order.customerId ? ctx.loaders.get(this.customerLoader).load(order.customerId) : null;
  }

  @Authorized("ADMIN")
  @FieldResolver(() => [OrderEvent], { description: "Admins only: every status change and refund step, oldest first." })
  history(@Root() order: Order, @Ctx() ctx: Context): Promise<OrderEvent[]> {
    return ctx.loaders.get(this.eventsLoader).load(order.id);
  }
}
