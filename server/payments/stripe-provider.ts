import type Stripe from "stripe";

/**
 * The SDK, loaded when a shop configures Stripe: it is the largest package the server could load (about
 * 16 MB of memory), and a shop taking manual payments never needs it.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadSdk = (): typeof Stripe => require("stripe") as typeof Stripe;
import {
  InvalidWebhook,
  PaymentKind,
  type PaymentNotice,
  type PaymentOrder,
  type PaymentProvider,
  type PaymentStart,
  type PaymentState,
  type RefundAnswer,
} from "./payment.port";

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** Where the SDK sends its requests (a local fake in tests); unset: Stripe's own API. */
  apiUrl?: string;
}

/** Stripe lets a Checkout Session live between 30 minutes and 24 hours. */
const MIN_SESSION_SECONDS = 31 * 60;
const MAX_SESSION_SECONDS = 23 * 3600;

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? null));

/**
 * Stripe Checkout, the hosted payment page: the shopper pays on Stripe's page (no card data touches this
 * server) and a webhook says how it went. Talks to Stripe through the official SDK.
 */
export class StripePaymentProvider implements PaymentProvider {
  readonly name = "stripe";
  readonly kind = PaymentKind.CARD_HOSTED;
  readonly displayName = "Card (secure payment page by Stripe)";
  readonly instructions = null;
  private readonly stripe: Stripe;
  private readonly sdk = loadSdk();

  constructor(private readonly settings: StripeSettings) {
    const api = settings.apiUrl ? new URL(settings.apiUrl) : undefined;
    this.stripe = new this.sdk(settings.secretKey, {
      ...(api
        ? {
            host: api.hostname,
            port: Number(api.port || (api.protocol === "http:" ? 80 : 443)),
            protocol: api.protocol === "http:" ? "http" : "https",
          }
        : {}),
      maxNetworkRetries: 2,
      timeout: 20_000,
      appInfo: { name: "Shopwright" },
    });
  }

  async start(order: PaymentOrder): Promise<PaymentStart> {
    const currency = order.currency.toLowerCase();
    const item = (name: string, unitAmount: number, quantity = 1) => ({
      quantity,
      price_data: { currency, unit_amount: unitAmount, product_data: { name } },
    });
    // Stripe's line items can't be negative: with a discount (or tax inside the prices) the page shows the
    // order as one line of its exact total, so what Stripe takes is always what the order says.
    const itemized = order.discountAmount === 0 && !order.taxIncluded;
    const lines = itemized
      ? order.lines.map((l) => item(l.name, l.unitAmount, l.quantity))
      : [item(`Order ${order.number} (${order.lines.reduce((n, l) => n + l.quantity, 0)} items)`, order.amount)];
    if (itemized && order.shippingAmount > 0) lines.push(item("Shipping", order.shippingAmount));
    if (itemized && order.taxAmount > 0) lines.push(item("Tax", order.taxAmount));
    // The page stays open a little past the hold (the sweeper closes it at the hold's end), and Stripe wants at
    // least 30 minutes. Derived from the hold, not the clock, so a repeated start sends the same parameters.
    const now = Math.floor(Date.now() / 1000);
    const hold = order.holdExpiresAt ? Math.floor(order.holdExpiresAt.getTime() / 1000) : now + MAX_SESSION_SECONDS;
    const session = await this.stripe.checkout.sessions.create(
      {
        mode: "payment",
        line_items: lines,
        client_reference_id: order.id,
        customer_email: order.email,
        metadata: { orderId: order.id, orderNumber: order.number },
        payment_intent_data: { metadata: { orderId: order.id, orderNumber: order.number }, description: `Order ${order.number}` },
        success_url: order.successUrl,
        cancel_url: order.cancelUrl,
        expires_at: Math.min(hold + MIN_SESSION_SECONDS, now + MAX_SESSION_SECONDS),
      },
      // One session per order, however often the start is repeated.
      { idempotencyKey: `checkout-${order.id}` },
    );
    if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a payment page`);
    return { kind: "redirect", url: session.url, session: session.id };
  }

  async close(order: { paymentSession: string | null }): Promise<PaymentState> {
    // No session: the shopper never got a payment page, so nothing can have been paid.
    if (!order.paymentSession) return { state: "closed" };
    let session = await this.stripe.checkout.sessions.retrieve(order.paymentSession);
    if (session.status === "open") {
      try {
        session = await this.stripe.checkout.sessions.expire(order.paymentSession);
      } catch (error) {
        // Completed a moment ago: read what it became.
        if (!(error instanceof this.sdk.errors.StripeInvalidRequestError)) throw error;
        session = await this.stripe.checkout.sessions.retrieve(order.paymentSession);
      }
    }
    return this.stateOf(session);
  }

  private async stateOf(session: Stripe.Checkout.Session): Promise<PaymentState> {
    if (session.payment_status === "paid") {
      return {
        state: "paid",
        reference: idOf(session.payment_intent) ?? session.id,
        amount: session.amount_total ?? 0,
        currency: session.currency ?? "",
      };
    }
    const intentId = idOf(session.payment_intent);
    if (session.status === "complete" && intentId) {
      // A delayed method (a bank debit): the PaymentIntent says whether it is still on its way or failed.
      const intent = await this.stripe.paymentIntents.retrieve(intentId);
      if (intent.status === "succeeded") return { state: "paid", reference: intent.id, amount: intent.amount, currency: intent.currency };
      if (intent.status === "processing") return { state: "processing" };
      return { state: "closed" };
    }
    if (session.status === "complete") return { state: "processing" };
    if (session.status === "open") throw new Error(`Stripe checkout session ${session.id} is still open`);
    return { state: "closed" };
  }

  async refund(reference: string, idempotencyKey: string): Promise<RefundAnswer> {
    try {
      const refund = await this.stripe.refunds.create({ payment_intent: reference }, { idempotencyKey });
      if (refund.status === "failed" || refund.status === "canceled") {
        throw new Error(`Stripe refused the refund: ${refund.failure_reason ?? refund.status}`);
      }
      return { reference: refund.id, status: refund.status === "succeeded" ? "succeeded" : "pending" };
    } catch (error) {
      if (error instanceof this.sdk.errors.StripeError) throw new Error(`Stripe: ${error.message}`, { cause: error });
      throw error;
    }
  }

  notice(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): PaymentNotice {
    const signature = headers["stripe-signature"];
    let event: Stripe.Event;
    try {
      if (typeof signature !== "string") throw new Error("no Stripe-Signature header");
      event = this.stripe.webhooks.constructEvent(rawBody, signature, this.settings.webhookSecret);
    } catch (error) {
      throw new InvalidWebhook(error instanceof Error ? error.message : String(error));
    }
    const base = { eventId: event.id, type: event.type };
    switch (event.type) {
      case "checkout.session.completed":
      case "checkout.session.async_payment_succeeded": {
        const s = event.data.object;
        const orderId = s.client_reference_id ?? undefined;
        if (s.payment_status !== "paid") return { ...base, kind: "processing", session: s.id, orderId };
        return {
          ...base,
          kind: "paid",
          session: s.id,
          orderId,
          reference: idOf(s.payment_intent) ?? s.id,
          amount: s.amount_total ?? 0,
          currency: s.currency ?? "",
        };
      }
      case "checkout.session.async_payment_failed":
        return {
          ...base,
          kind: "failed",
          session: event.data.object.id,
          orderId: event.data.object.client_reference_id ?? undefined,
          reason: "The payment failed",
        };
      case "checkout.session.expired":
        return {
          ...base,
          kind: "failed",
          session: event.data.object.id,
          orderId: event.data.object.client_reference_id ?? undefined,
          reason: "The payment page expired",
        };
      case "refund.created":
      case "refund.updated": {
        const r = event.data.object;
        const reference = idOf(r.payment_intent);
        if (!reference) return { ...base, kind: "ignored" };
        if (r.status === "succeeded") return { ...base, kind: "refunded", reference, refund: r.id, amount: r.amount };
        if (r.status === "failed" || r.status === "canceled")
          return { ...base, kind: "refund_failed", reference, refund: r.id, reason: r.failure_reason ?? `refund ${r.status}` };
        return { ...base, kind: "ignored" };
      }
      default:
        return { ...base, kind: "ignored" };
    }
  }
}
