import { createHash, randomUUID } from "node:crypto";
import { In, IsNull, LessThanOrEqual } from "typeorm";
import type { LoginThrottleService } from "../accounts/login-throttle.service";
import { lineName, noShipping, taxLabel, type CartService } from "../cart/cart.service";
import type { DiscountService } from "../discounts/discount.service";
import type { CatalogService } from "../catalog/catalog.service";
import { isUniqueViolation, type Transactions } from "../db/transaction";
import type { Owner, Viewer } from "../graphql/context";
import type { Logger } from "../lib/logger";
import { AppError, ErrorCode, badInput, cartEmpty, notFound, outOfStock, paymentDeclined } from "../graphql/errors";
import type { InventoryService } from "../inventory/inventory.service";
import {
  InvalidPaymentToken,
  InvalidWebhook,
  PaymentKind,
  type PaymentNotice,
  type PaymentProvider,
  type PaymentState,
} from "../payments/payment.port";
import type { PaymentService } from "../payments/payment.service";
import type { Address } from "./address.type";
import type { AddressInput, PlaceOrderInput } from "./order.inputs";
import type { OrderAdminService, ShipmentDetails } from "./order-admin.service";
import type { OrderMailer } from "./order-mailer";
import { OrderEvent } from "./order-event.entity";
import { OrderLine } from "./order-line.entity";
import type { OrderNumberGenerator } from "./order-number";
import { findOrderWithLines, fitNote, formatAmount, isOrderId, lockOrder } from "./order-queries";
import { Order, OrderStatus, PaymentStatus } from "./order.entity";
import type { OrderService } from "./order.service";
import { PaymentNoticeRecord } from "./payment-notice.entity";
import { REFUND_CHECK_MS } from "./refund-timing";

/** Totals are stored in signed 32-bit columns and sent as GraphQL Int. */
const MAX_ORDER_TOTAL = 2_147_483_647;
/** A delayed payment method (bank debit) can take days: ask again after this long. */
const PROCESSING_RECHECK_MS = 24 * 3600_000;
/** When the provider can't be asked, the order is looked at again this much later. */
const RETRY_LATER_MS = 5 * 60_000;
/** How many due orders one sweep looks at (the next sweep takes the rest). */
const SWEEP_BATCH = 50;
/**
 * How long a sweeper's claim on a due order lasts: other processes leave it alone meanwhile. A process that dies
 * while settling it leaves the claim to run out, and the order is looked at again then.
 */
const SWEEP_CLAIM_MS = RETRY_LATER_MS;

function toAddress(input: AddressInput): Address {
  const opt = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
  return {
    name: input.name.trim(),
    line1: input.line1.trim(),
    line2: opt(input.line2),
    city: input.city.trim(),
    region: opt(input.region),
    postalCode: input.postalCode.trim(),
    country: input.country.toUpperCase(),
  };
}

/** The checkout's input as a hash: the same idempotency key must come with the same input. */
function fingerprint(input: PlaceOrderInput): string {
  const { idempotencyKey: _key, ...rest } = input;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex");
}

export interface CheckoutSettings {
  currency: string;
  holdMinutes: number;
}

/** Where the shopper's browser comes back to after a hosted payment page (the store's public address). */
export type ReturnBase = string;

/**
 * Checkout in three steps, so no database transaction ever waits for a payment provider:
 * 1. reserve (short transaction): take the stock through the ledger, write the order PENDING_PAYMENT with its
 *    lines and a hold expiry, set the cart aside;
 * 2. pay, outside any transaction: the provider call, or the shopper's trip to a hosted page;
 * 3. settle (short transaction): PAID; or, unpaid, the stock back through the ledger and the cart restored.
 * Settling is idempotent and safe between processes: it changes only an order still PENDING_PAYMENT,
 * under its row lock. Holds that run out are settled by `sweep`, which asks the provider first.
 */
export class CheckoutService {
  constructor(
    private readonly tx: Transactions,
    private readonly catalog: CatalogService,
    private readonly inventory: InventoryService,
    private readonly cart: CartService,
    private readonly payments: PaymentService,
    private readonly orders: OrderService,
    private readonly orderAdmin: OrderAdminService,
    private readonly declines: LoginThrottleService,
    private readonly numbers: OrderNumberGenerator,
    private readonly settings: CheckoutSettings,
    private readonly log: Logger,
    private readonly mailer: OrderMailer,
    private readonly discounts: DiscountService,
  ) {}

  /**
   * `placeOrder`. A provider that answers at once (test) runs all three steps: the order comes back PAID,
   * or PAYMENT_DECLINED with no order left, the stock as it was and the cart restored. A hosted page (Stripe)
   * comes back PENDING_PAYMENT with `payment.redirectUrl`; manual, PENDING_PAYMENT with the instructions.
   */
  async place(
    owner: Owner | undefined,
    input: PlaceOrderInput,
    actor: string,
    from: { address?: string; returnBase: ReturnBase },
  ): Promise<Order> {
    const provider = this.payments.provider(input.payment.provider);
    if (provider.kind === PaymentKind.TEST && !input.payment.token?.trim()) {
      throw badInput("payment.token", "The test provider needs a test card token, e.g. pm_card_visa");
    }
    if (!owner) throw cartEmpty();
    const throttleKeys = [`pay-session:${owner.sessionId}`, ...(from.address ? [`pay-ip:${from.address}`] : [])];
    await this.declines.check(throttleKeys);
    const { order, fresh } = await this.reserve(owner, input, actor, provider);
    if (!fresh) return order;
    if (order.totalAmount === 0 && provider.kind !== PaymentKind.MANUAL) {
      // Nothing to charge (a code took it all, shipping free): no provider takes a payment of 0.
      await this.settlePaid(order.id, { reference: `free: ${order.number}`, amount: 0, currency: order.currency }, provider.name);
      return (await findOrderWithLines(this.tx.manager, { id: order.id }))!;
    }

    let start;
    try {
      start = await provider.start(
        {
          id: order.id,
          number: order.number,
          email: order.email,
          currency: order.currency,
          amount: order.totalAmount,
          lines: order.lines.map((l) => ({ name: l.name, quantity: l.quantity, unitAmount: l.unitPriceAmount })),
          shippingAmount: order.shippingAmount,
          taxAmount: order.taxAmount,
          discountAmount: order.discountAmount,
          taxIncluded: order.taxIncluded,
          holdExpiresAt: order.reconcileAt,
          successUrl: `${from.returnBase}/order/${order.id}?from=payment`,
          cancelUrl: `${from.returnBase}/cart?cancelled=${order.id}`,
        },
        input.payment.token,
      );
    } catch (error) {
      // Nothing was taken: the shopper never reached a payment page, or the token was unusable.
      await this.release(order.id, "The payment could not be started", { discard: true });
      if (error instanceof InvalidPaymentToken) throw badInput("payment.token", error.message);
      this.log.error({ err: error, order: order.number }, `Starting a ${provider.name} payment failed`);
      throw new AppError(
        ErrorCode.PAYMENT_UNAVAILABLE,
        "The payment service can't be reached just now. Nothing was charged and your cart is as it was; please try again in a moment.",
      );
    }
    switch (start.kind) {
      case "paid":
        await this.settlePaid(order.id, { reference: start.reference, amount: order.totalAmount, currency: order.currency }, provider.name);
        break;
      case "declined":
        await this.release(order.id, `Declined: ${start.reason}`, { discard: true });
        await this.declines.failed(throttleKeys);
        throw paymentDeclined(start.reason);
      case "redirect":
        await this.tx.run((m) =>
          m.update(Order, { id: order.id, status: OrderStatus.PENDING_PAYMENT }, { paymentSession: start.session, paymentUrl: start.url }),
        );
        break;
      case "awaiting":
        break;
    }
    return (await findOrderWithLines(this.tx.manager, { id: order.id }))!;
  }

  /** Step 1, one short transaction. With a known idempotency key, the earlier order instead (fresh: false). */
  private async reserve(
    owner: Owner,
    input: PlaceOrderInput,
    actor: string,
    provider: PaymentProvider,
  ): Promise<{ order: Order; fresh: boolean }> {
    const key = input.idempotencyKey ?? null;
    const print = fingerprint(input);
    return this.tx.run(async (m) => {
      const checkout = await this.cart.lockForCheckout(owner);
      if (key) {
        const earlier = await findOrderWithLines(m, { sessionId: owner.sessionId, idempotencyKey: key });
        if (earlier) {
          const cartLines = (checkout?.lines ?? []).map((l) => `${l.variantId}x${l.quantity}`).sort();
          const orderLines = earlier.lines.map((l) => `${l.variantId}x${l.quantity}`).sort();
          const cartChanged = cartLines.length > 0 && cartLines.join() !== orderLines.join();
          if (earlier.checkoutFingerprint !== print || cartChanged) {
            throw new AppError(
              ErrorCode.IDEMPOTENCY_KEY_REUSED,
              "This idempotency key was already used for a different checkout; send a new key for a new order",
              { orderId: earlier.id },
            );
          }
          return { order: earlier, fresh: false };
        }
      }
      if (!checkout || checkout.lines.length === 0) throw cartEmpty();
      const number = this.numbers.next();
      // Product, then variant order: the ledger locks each product row before its variants' (no deadlocks).
      const lines = [...checkout.lines].sort((a, b) => a.productId - b.productId || a.variantId - b.variantId);
      for (const line of lines) {
        const taken = await this.inventory.move({
          variantId: line.variantId,
          delta: -line.quantity,
          reason: `Reserved for order ${number}`,
          actor,
          orderNumber: number,
        });
        if (!taken.applied) {
          throw outOfStock(
            String(line.productId),
            taken.stock,
            taken.stock === 0
              ? `${lineName(line.product, line.variant)} is sold out; remove it from the cart to continue`
              : `Only ${taken.stock} of ${lineName(line.product, line.variant)} left; lower the quantity to continue`,
          );
        }
      }
      const products = new Map((await this.catalog.byIds(lines.map((l) => l.productId))).map((p) => [p.id, p]));
      const retired = lines.find((l) => {
        const product = products.get(l.productId);
        return !product || !this.catalog.isOnSale(product);
      });
      if (retired) {
        throw outOfStock(String(retired.productId), 0, `${retired.product.name} is no longer sold; remove it from the cart to continue`);
      }
      const variants = new Map((await this.catalog.variantsByIds(lines.map((l) => l.variantId))).map((v) => [v.id, v]));
      const priced = checkout.lines.map((line) => {
        const product = products.get(line.productId)!;
        const variant = variants.get(line.variantId)!;
        return { line, product, variant, unitPrice: variant.priceAmount, quantity: line.quantity, weightGrams: product.weightGrams };
      });
      const orderId = randomUUID();
      const email = input.email.trim();
      const subtotal = priced.reduce((sum, p) => sum + p.unitPrice * p.quantity, 0);
      // The code's use is taken now, under its row lock (racing checkouts can't pass its limits); a refusal undoes it all.
      const discount = checkout.cart.discountCode
        ? await this.discounts.redeem(checkout.cart.discountCode, { id: orderId, email, subtotal })
        : null;
      const destination = {
        country: input.shippingAddress.country,
        region: input.shippingAddress.region,
        postalCode: input.shippingAddress.postalCode,
      };
      const rateId = input.shippingOptionId ? Number(input.shippingOptionId) : checkout.cart.shippingRateId;
      const totals = await this.cart.price(priced, { destination, rateId, discount: () => discount?.amount ?? 0 });
      if (totals.noShipping) throw noShipping(destination.country.toUpperCase(), totals.noRateForParcel);
      if (input.shippingOptionId && totals.selected?.rate.id !== rateId)
        throw badInput("shippingOptionId", "That shipping option isn't offered for this address; choose another");
      if (totals.total > MAX_ORDER_TOTAL) throw badInput("cart", "The order total is larger than this store can take in one order");
      const shippingAddress = toAddress(input.shippingAddress);
      const holds = provider.kind !== PaymentKind.MANUAL;
      const order = m.create(Order, {
        id: orderId,
        number,
        status: OrderStatus.PENDING_PAYMENT,
        email,
        sessionId: owner.sessionId,
        customerId: owner.customerId,
        idempotencyKey: key,
        checkoutFingerprint: print,
        currency: this.settings.currency,
        subtotalAmount: totals.subtotal,
        discountCode: discount?.code ?? null,
        discountAmount: totals.discount,
        shippingAmount: totals.shipping,
        shippingMethod: totals.selected
          ? `${totals.selected.rate.name}${totals.zoneName ? ` (${totals.zoneName})` : ""}`.slice(0, 200)
          : null,
        taxAmount: totals.tax,
        taxLabel: taxLabel(totals.taxRate),
        taxIncluded: totals.taxIncluded,
        totalAmount: totals.total,
        shippingAddress,
        billingAddress: input.billingAddress ? toAddress(input.billingAddress) : { ...shippingAddress },
        paymentProvider: provider.name,
        paymentStatus: PaymentStatus.PENDING,
        reconcileAt: holds ? new Date(Date.now() + this.settings.holdMinutes * 60_000) : null,
      });
      await m.insert(Order, order);
      order.lines = priced.map(({ line, product, variant, unitPrice }, position) =>
        m.create(OrderLine, {
          orderId,
          productId: product.id,
          variantId: variant.id,
          variantTitle: product.options.length && variant.optionValues.length ? variant.title : null,
          position,
          sku: variant.sku,
          name: product.name,
          quantity: line.quantity,
          currency: this.settings.currency,
          unitPriceAmount: unitPrice,
          lineTotalAmount: unitPrice * line.quantity,
        }),
      );
      await m.insert(OrderLine, order.lines);
      await m.insert(OrderEvent, {
        orderId,
        fromStatus: null,
        toStatus: OrderStatus.PENDING_PAYMENT,
        actor,
        note: holds ? `Stock held for payment with ${provider.name}` : `Waiting for payment (${provider.displayName})`,
      });
      await this.cart.clear(checkout.cartId);
      // A manual payment is confirmed now, with how to pay; the others once the provider says they're paid.
      if (!holds) await this.mailer.placed(orderId);
      return { order, fresh: true };
    });
  }

  /**
   * Settles a payment the provider confirmed. An order still waiting becomes PAID — unless the amount or
   * currency differs, which never marks it paid: it is flagged for the owner. A payment for an order that was
   * already given up (cancelled, expired) is flagged and refunded. Anything else was settled before: no-op.
   * The refund, a network call, runs once the outermost transaction has committed.
   */
  private async settlePaid(orderId: string, paid: { reference: string; amount: number; currency: string }, actor: string): Promise<void> {
    if (await this.tx.run(() => this.recordPaid(orderId, paid, actor))) await this.orderAdmin.refund(orderId, actor);
  }

  /** Marks a confirmed payment in the caller's transaction; true when it must be refunded (see settlePaid). */
  private async recordPaid(
    orderId: string,
    paid: { reference: string; amount: number; currency: string },
    actor: string,
  ): Promise<boolean> {
    const m = this.tx.manager;
    const order = await lockOrder(this.tx, orderId);
    if (!order) return false;
    const asked = formatAmount(order.totalAmount, order.currency);
    const got = formatAmount(paid.amount, paid.currency.toUpperCase() || order.currency);
    if (order.status === OrderStatus.PENDING_PAYMENT) {
      // Paid already, but flagged for not matching: the owner decides (mark paid, or cancel and refund).
      if (order.paymentStatus === PaymentStatus.PAID) return false;
      if (paid.amount !== order.totalAmount || paid.currency.toUpperCase() !== order.currency) {
        const attention =
          `Payment ${paid.reference} of ${got} does not match the order total of ${asked}: check it in ${order.paymentProvider} before shipping`.slice(
            0,
            300,
          );
        this.log.warn({ order: order.number }, attention);
        // The money was taken, so the payment is PAID (a cancellation refunds it), but the order waits for the owner.
        await m.update(
          Order,
          { id: orderId },
          { attention, paymentStatus: PaymentStatus.PAID, paymentReference: paid.reference, paymentUrl: null, reconcileAt: null },
        );
        await m.insert(OrderEvent, { orderId, fromStatus: order.status, toStatus: order.status, actor, note: attention });
        return false;
      }
      await m.update(
        Order,
        { id: orderId },
        {
          status: OrderStatus.PAID,
          paymentStatus: PaymentStatus.PAID,
          paymentReference: paid.reference,
          reconcileAt: null,
          paymentUrl: null,
        },
      );
      await m.insert(OrderEvent, {
        orderId,
        fromStatus: order.status,
        toStatus: OrderStatus.PAID,
        actor,
        note: `Paid ${asked} with ${order.paymentProvider}`,
      });
      await this.mailer.placed(orderId);
      return false;
    }
    if (
      order.paymentStatus === PaymentStatus.FAILED ||
      (order.paymentStatus === PaymentStatus.PENDING && order.status === OrderStatus.CANCELLED)
    ) {
      // Paid after the order was given up (the shopper paid at the last moment, or the events crossed).
      const attention = fitNote(`Paid ${got} (${paid.reference}) after the order was cancelled; the payment is being refunded`);
      // Durable: if the refund below never happens (a crash), the sweeper makes it.
      const reconcileAt = new Date(Date.now() + REFUND_CHECK_MS);
      await m.update(
        Order,
        { id: orderId },
        { attention, paymentStatus: PaymentStatus.PAID, paymentReference: paid.reference, reconcileAt },
      );
      await m.insert(OrderEvent, { orderId, fromStatus: order.status, toStatus: order.status, actor, note: attention });
      return true;
    }
    return false;
  }

  /**
   * Gives an unpaid order up: the stock back through the ledger and the lines back in the shopper's cart.
   * `discard` (the shopper never got past checkout: a declined card, a provider that can't be reached)
   * removes the order too, so no one ever sees it; otherwise it stays, CANCELLED with its payment FAILED.
   * Returns false when the order was no longer waiting (settled meanwhile by someone else).
   */
  private async release(orderId: string, reason: string, opts: { discard?: boolean; actor?: string } = {}): Promise<boolean> {
    return this.tx.run(async (m) => {
      const order = await lockOrder(this.tx, orderId);
      if (!order || order.status !== OrderStatus.PENDING_PAYMENT) return false;
      const lines = await m.find(OrderLine, { where: { orderId }, order: { productId: "ASC", variantId: "ASC" } });
      // Locks in the order reserve takes them (cart, products and variants, discount code), so the two never
      // deadlock: the cart row first, the stock back, the code's use back, and only then the lines into the cart.
      const owner = { sessionId: order.sessionId, customerId: order.customerId };
      await this.cart.lockOwnerCart(owner);
      for (const line of lines) {
        if (line.variantId === null) continue;
        await this.inventory.move({
          variantId: line.variantId,
          delta: line.quantity,
          reason: `Released from order ${order.number}: ${reason}`.slice(0, 200),
          actor: opts.actor ?? order.paymentProvider,
          orderNumber: order.number,
          restock: true,
        });
      }
      await this.discounts.release(orderId);
      await this.cart.restore(
        owner,
        [...lines].sort((a, b) => a.position - b.position),
        order.discountCode,
      );
      if (opts.discard) {
        await m.delete(OrderEvent, { orderId });
        await m.delete(OrderLine, { orderId });
        await m.delete(Order, { id: orderId });
        return true;
      }
      await m.update(
        Order,
        { id: orderId },
        { status: OrderStatus.CANCELLED, paymentStatus: PaymentStatus.FAILED, reconcileAt: null, paymentUrl: null },
      );
      await m.insert(OrderEvent, {
        orderId,
        fromStatus: order.status,
        toStatus: OrderStatus.CANCELLED,
        actor: opts.actor ?? order.paymentProvider,
        note: fitNote(`${reason}. Stock returned and the items put back in the cart`),
      });
      return true;
    });
  }

  /** Settles an unpaid order by what its provider says now: paid after all, still processing, or closed. */
  private async reconcile(order: Order, reason: string, actor?: string): Promise<void> {
    const provider = this.payments.find(order.paymentProvider);
    if (!provider) throw new Error(`its payment provider "${order.paymentProvider}" is not configured, so it can't be asked`);
    const state: PaymentState = await provider.close(order);
    if (state.state === "paid") await this.settlePaid(order.id, state, provider.name);
    else if (state.state === "processing") {
      await this.tx.run((m) =>
        m.update(
          Order,
          { id: order.id, status: OrderStatus.PENDING_PAYMENT },
          { reconcileAt: new Date(Date.now() + PROCESSING_RECHECK_MS) },
        ),
      );
    } else await this.release(order.id, reason, { actor });
  }

  /**
   * Settles every hold that has run out by `now`, asking each order's provider first whether it was paid
   * after all (a missed webhook, a crash between the steps). Runs in every server process: each due order is
   * claimed first (its reconcileAt moved on by SWEEP_CLAIM_MS, only while it is still due), so one process
   * alone asks the provider about it. The claim is a conditional UPDATE, not a row lock: on a Galera cluster
   * a lock taken on one node doesn't stop another node, but of two claims of one row only one commits (the
   * other fails certification, is retried, and then finds the order no longer due).
   * Returns how many orders it settled or looked at.
   */
  async sweep(now = new Date()): Promise<number> {
    const due = await this.tx.manager.find(Order, {
      where: { status: In([OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED]), reconcileAt: LessThanOrEqual(now) },
      order: { reconcileAt: "ASC" },
      take: SWEEP_BATCH,
    });
    let taken = 0;
    // From the later of `now` and the clock: a long batch's last claims must still run out after this process is done with them.
    const from = () => Math.max(now.getTime(), Date.now());
    for (const order of due) {
      try {
        const claim = await this.tx.run((m) =>
          m.update(
            Order,
            { id: order.id, status: order.status, reconcileAt: LessThanOrEqual(now) },
            { reconcileAt: new Date(from() + SWEEP_CLAIM_MS) },
          ),
        );
        if (!claim.affected) continue; // another process has it
      } catch (error) {
        this.log.warn(
          { order: order.number, reason: error instanceof Error ? error.message : String(error) },
          "Could not claim the order; trying later",
        );
        continue;
      }
      taken++;
      try {
        if (order.status === OrderStatus.PENDING_PAYMENT) await this.reconcile(order, "The payment time ran out");
        // A refund decided but not confirmed (a crash before the provider was asked, or a refund still pending there).
        else if (order.paymentStatus === PaymentStatus.PAID) await this.orderAdmin.refund(order.id, "payment sweeper");
        else await this.tx.run((m) => m.update(Order, { id: order.id }, { reconcileAt: null }));
      } catch (error) {
        // The provider can't be asked now: the order waits as it is and is looked at again a little later, so
        // orders that keep failing don't stand in front of the others.
        this.log.warn(
          { order: order.number, reason: error instanceof Error ? error.message : String(error) },
          "Could not settle the order; trying later",
        );
        const later = new Date(from() + RETRY_LATER_MS);
        await this.tx.run((m) => m.update(Order, { id: order.id }, { reconcileAt: later })).catch(() => undefined);
      }
    }
    return taken;
  }

  /**
   * The owner moves an order (admin `updateOrderStatus`). Cancelling an order that waits on a payment page
   * closes that page at the provider first, so the shopper can't pay afterwards; if they just did, the order
   * is settled PAID first and the cancellation refunds it.
   */
  async moveOrder(id: string, to: OrderStatus, actor: string, details: ShipmentDetails = {}): Promise<Order> {
    const order = isOrderId(id) ? await this.tx.manager.findOneBy(Order, { id }) : null;
    const waiting = order?.status === OrderStatus.PENDING_PAYMENT && order.paymentStatus === PaymentStatus.PENDING;
    const provider = order && this.payments.find(order.paymentProvider);
    if (order && waiting && to === OrderStatus.CANCELLED && provider && provider.kind !== PaymentKind.MANUAL) {
      let state: PaymentState;
      try {
        state = await provider.close(order);
      } catch (error) {
        this.log.warn(
          { order: order.number, reason: error instanceof Error ? error.message : String(error) },
          "Could not close the payment",
        );
        throw new AppError(
          ErrorCode.PAYMENT_UNAVAILABLE,
          `${provider.name} can't be reached just now, so its payment page can't be closed; try again in a moment`,
        );
      }
      if (state.state === "paid") await this.settlePaid(order.id, state, provider.name);
    }
    return this.orderAdmin.updateStatus(id, to, actor, details);
  }

  /** Runs `sweep` now and every `intervalMs`; returns the stop function. */
  startSweeper(intervalMs = 60_000): () => Promise<void> {
    let running: Promise<unknown> = Promise.resolve();
    const tick = () => {
      running = running.then(() => this.sweep()).catch((e) => this.log.error({ err: e }, "Checkout sweeper failed"));
    };
    tick();
    const timer = setInterval(tick, intervalMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await running;
    };
  }

  /**
   * The shopper came back from a hosted payment page without paying (its cancel link): the page is closed
   * at the provider, then the stock goes back and the cart is restored. If they paid after all, the order
   * is settled PAID instead. Only the order's own shopper may do this.
   */
  async cancelPayment(viewer: Viewer, orderId: string): Promise<Order> {
    const order = await this.orders.forViewer(viewer, orderId);
    if (!order) throw notFound("Order", orderId);
    if (order.status === OrderStatus.PENDING_PAYMENT) {
      const provider = this.payments.find(order.paymentProvider);
      if (provider?.kind === PaymentKind.MANUAL) throw badInput("id", "A manual payment is cancelled by the store; please contact it");
      try {
        await this.reconcile(order, "Payment cancelled by the shopper", order.email);
      } catch (error) {
        this.log.warn(
          { order: order.number, reason: error instanceof Error ? error.message : String(error) },
          "Could not close the payment",
        );
        throw new AppError(ErrorCode.PAYMENT_UNAVAILABLE, "The payment service can't be reached just now; please try again in a moment.");
      }
    }
    return (await findOrderWithLines(this.tx.manager, { id: orderId }))!;
  }

  /** Admin "Mark as paid" for a manual payment (bank transfer received, cash taken). */
  async markPaid(orderId: string, actor: string): Promise<Order> {
    if (!isOrderId(orderId)) throw notFound("Order", orderId);
    await this.tx.run(async (m) => {
      const order = await lockOrder(this.tx, orderId);
      if (!order) throw notFound("Order", orderId);
      if (order.status !== OrderStatus.PENDING_PAYMENT)
        throw badInput("id", `Only an order waiting for payment can be marked paid; this one is ${order.status}`);
      // A manual payment, or a provider's payment the owner has checked (flagged for not matching the order).
      const confirmable = order.paymentProvider === "manual" || order.paymentStatus === PaymentStatus.PAID;
      if (!confirmable) throw badInput("id", `This order is paid through ${order.paymentProvider}, which confirms the payment itself`);
      await m.update(
        Order,
        { id: orderId },
        {
          status: OrderStatus.PAID,
          paymentStatus: PaymentStatus.PAID,
          attention: null,
          paymentReference: order.paymentReference ?? `manual: ${actor}`.slice(0, 255),
          reconcileAt: null,
        },
      );
      await m.insert(OrderEvent, { orderId, fromStatus: order.status, toStatus: OrderStatus.PAID, actor, note: "Marked as paid" });
      // A manual order's shopper was told at checkout; a flagged payment's order is confirmed only now.
      if (order.paymentProvider !== "manual") await this.mailer.placed(orderId);
    });
    return (await findOrderWithLines(this.tx.manager, { id: orderId }))!;
  }

  /**
   * A provider's webhook: verified by the provider (a bad signature is `InvalidWebhook`, HTTP 400, nothing
   * changed), then acted on once per event id, in one transaction with its effect. Events may come twice or
   * out of order: settling only ever moves an order that is still waiting.
   */
  async receiveWebhook(providerName: string, rawBody: Buffer, headers: Record<string, string | string[] | undefined>): Promise<string> {
    const provider = this.payments.find(providerName);
    if (!provider?.notice) throw new InvalidWebhook(`No webhooks for "${providerName}"`);
    const notice = provider.notice(rawBody, headers);
    let refundFor: string | undefined;
    try {
      await this.tx.run(async (m) => {
        const order = await this.orderFor(notice);
        await m.insert(PaymentNoticeRecord, {
          provider: providerName,
          eventId: notice.eventId,
          type: notice.type,
          orderId: order?.id ?? null,
        });
        if (notice.kind === "ignored") return;
        if (!order) {
          this.log.warn({ event: notice.eventId, type: notice.type }, `${providerName} event is for no order of this store; acknowledged`);
          return;
        }
        switch (notice.kind) {
          case "paid":
            if (await this.recordPaid(order.id, notice, providerName)) refundFor = order.id;
            break;
          case "processing":
            await m.update(
              Order,
              { id: order.id, status: OrderStatus.PENDING_PAYMENT },
              { reconcileAt: new Date(Date.now() + PROCESSING_RECHECK_MS) },
            );
            break;
          case "failed":
            await this.release(order.id, notice.reason);
            break;
          case "refunded":
            // Part of the money, given back in the provider's own dashboard: noted, the order stays as it is.
            if (notice.amount < order.totalAmount) {
              const part = formatAmount(notice.amount, order.currency);
              await m.insert(OrderEvent, {
                orderId: order.id,
                fromStatus: order.status,
                toStatus: order.status,
                actor: providerName,
                note: `Partial refund ${notice.refund} of ${part} made at ${providerName}`,
              });
            } else await this.orderAdmin.recordRefund(order.id, providerName, { ok: true, reference: notice.refund, done: true });
            break;
          case "refund_failed":
            await this.orderAdmin.recordRefund(order.id, providerName, { ok: false, error: notice.reason });
            break;
        }
      });
    } catch (error) {
      if (isUniqueViolation(error)) return "duplicate";
      throw error;
    }
    if (refundFor) await this.orderAdmin.refund(refundFor, providerName);
    return "ok";
  }

  private async orderFor(notice: PaymentNotice): Promise<Order | null> {
    const m = this.tx.manager;
    if (notice.kind === "refunded" || notice.kind === "refund_failed") return m.findOneBy(Order, { paymentReference: notice.reference });
    if (notice.kind === "ignored") return null;
    const bySession = await m.findOneBy(Order, { paymentSession: notice.session });
    if (bySession) return bySession;
    // The session id was never stored (a crash right after the provider made it): the order id it carries.
    return notice.orderId && isOrderId(notice.orderId) ? m.findOneBy(Order, { id: notice.orderId, paymentSession: IsNull() }) : null;
  }
}
