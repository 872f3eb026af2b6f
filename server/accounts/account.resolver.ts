import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../graphql/context";
import { PageArgs } from "../graphql/page-args";
import type { OrderService } from "../orders/order.service";
import { OrderConnection } from "../orders/order.types";
import { ChangePasswordInput, LoginArgs, RegisterInput, RequestPasswordResetArgs, ResetPasswordInput } from "./account.inputs";
import type { AccountService } from "./account.service";
import { Customer } from "./customer.entity";

@Resolver(() => Customer)
export class AccountResolver {
  constructor(
    private readonly accounts: AccountService,
    private readonly orders: OrderService,
  ) {}

  @Mutation(() => Customer, { description: "Creates an account and signs in; the guest cart comes along." })
  register(@Arg("input", () => RegisterInput) input: RegisterInput, @Ctx() ctx: Context): Promise<Customer> {
    return this.accounts.register(input, ctx.session);
  }

  @Mutation(() => Customer, { description: "Signs in with a new session; the guest cart is merged into the customer's." })
  login(@Args(() => LoginArgs) { email, password }: LoginArgs, @Ctx() ctx: Context): Promise<Customer> {
    return this.accounts.login(email, password, ctx.session);
  }

  @Mutation(() => Boolean, { description: "Ends the session on the server." })
  logout(@Ctx() ctx: Context): Promise<boolean> {
    return this.accounts.logout(ctx.session);
  }

  @Mutation(() => Boolean, {
    description:
      "Forgot your password: emails the account (if there is one) a link that sets a new password, valid for an hour and once. " +
      "Always true: the answer never says whether the email has an account.",
  })
  requestPasswordReset(@Args(() => RequestPasswordResetArgs) { email }: RequestPasswordResetArgs, @Ctx() ctx: Context): Promise<boolean> {
    return this.accounts.requestPasswordReset(email, ctx.origin);
  }

  @Mutation(() => Customer, {
    description:
      "Sets a new password with a reset link's token and signs in; every other session of the account ends. " +
      "RESET_LINK_INVALID (extensions.reason UNKNOWN, USED or EXPIRED) when the link can't be used.",
  })
  resetPassword(@Arg("input", () => ResetPasswordInput) input: ResetPasswordInput, @Ctx() ctx: Context): Promise<Customer> {
    return this.accounts.resetPassword(input.token, input.password, ctx.session, ctx.origin);
  }

  @Authorized()
  @Mutation(() => Customer, {
    description: "Changes the signed-in customer's password (the current one required); their other sessions end, this one stays.",
  })
  changePassword(@Arg("input", () => ChangePasswordInput) input: ChangePasswordInput, @Ctx() ctx: Context): Promise<Customer> {
    return this.accounts.changePassword(input.currentPassword, input.newPassword, ctx.session, ctx.origin);
  }

  @Query(() => Customer, { nullable: true, description: "The signed-in customer; null for a guest." })
  async me(@Ctx() ctx: Context): Promise<Customer | null> {
    const viewer = await ctx.session.viewer();
    return viewer.customerId ? this.accounts.byId(viewer.customerId) : null;
  }

  @Authorized()
  @Query(() => OrderConnection, { description: "The signed-in customer's orders, newest first." })
  async myOrders(@Args(() => PageArgs) { first, after }: PageArgs, @Ctx() ctx: Context): Promise<OrderConnection> {
    const viewer = await ctx.session.viewer();
    return this.orders.list({ customerId: viewer.customerId! }, first ?? 20, after);
  }
}
