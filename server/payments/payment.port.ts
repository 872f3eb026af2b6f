/** How a payment method takes money, as shown at checkout. */
export enum PaymentKind {
  /** A provider's hosted payment page (Stripe Checkout): no card data touches this server. */
  CARD_HOSTED = "CARD_HOSTED",
  /** Bank transfer, cash on delivery, pay in store: the owner marks the order paid. */
  MANUAL = "MANUAL",
  /** The test provider: no money moves. */
  TEST = "TEST",
}

/** The order a payment is started for: what to charge and where the shopper comes back to. */
export interface PaymentOrder {
  id: string;
  number: string;
  email: string;
  currency: string;
  amount: number;
  lines: { name: string; quantity: number; unitAmount: number }[];
  shippingAmount: number;
  taxAmount: number;
  /** Taken off the goods by a discount code. */
  discountAmount: number;
  /** The prices include the tax (it is not added on top). */
  taxIncluded: boolean;
  /** When the stock hold ends; a hosted page must not take money after it. Null: no hold (manual). */
  holdExpiresAt: Date | null;
  /** Where a hosted page sends the shopper after paying, and after giving up. */
  successUrl: string;
  cancelUrl: string;
}

/** What starting a payment gave. */
export type PaymentStart =
  | { kind: "paid"; reference: string }
  | { kind: "declined"; reason: string }
  /** The shopper must go to `url` (a hosted page); `session` is the provider's id for it. */
  | { kind: "redirect"; url: string; session: string }
  /** Nothing to do online (manual): the owner confirms the payment later. */
  | { kind: "awaiting" };

/** What a provider says about an order's payment when asked later (reconciliation). */
export type PaymentState =
  | { state: "paid"; reference: string; amount: number; currency: string }
  /** Accepted but not yet confirmed (a delayed method such as a bank debit): keep holding. */
  | { state: "processing" }
  /** Not paid, and it can no longer be paid. */
  | { state: "closed" };

/** The provider's answer to a refund: its own reference for it, and whether it is done or still pending. */
export interface RefundAnswer {
  reference: string;
  status: "succeeded" | "pending";
}

/** A provider's notification (webhook), verified and turned into what it means for an order. */
export type PaymentNotice = { eventId: string; type: string } & (
  | { kind: "paid"; session: string; orderId?: string; reference: string; amount: number; currency: string }
  | { kind: "processing"; session: string; orderId?: string }
  | { kind: "failed"; session: string; orderId?: string; reason: string }
  /** `amount`: how much this refund gave back (a partial one, made in the provider's dashboard, is less than the order). */
  | { kind: "refunded"; reference: string; refund: string; amount: number }
  | { kind: "refund_failed"; reference: string; refund: string; reason: string }
  | { kind: "ignored" }
);

/**
 * A payment provider (Stripe, manual, test). Every call is a network call made outside any database
 * transaction, and is safe to repeat: `start` and `refund` are idempotent per order / key.
 */
export interface PaymentProvider {
  readonly name: string;
  readonly kind: PaymentKind;
  /** What the shopper sees at checkout. */
  readonly displayName: string;
  /** Shown on the confirmation (manual methods). */
  readonly instructions: string | null;
  /** Starts paying for a reserved order. Throws `InvalidPaymentToken` for a token it can't use at all. */
  start(order: PaymentOrder, token: string | null | undefined): Promise<PaymentStart>;
  /**
   * Makes sure the order can no longer be paid (a hosted page is closed) and says how it ended: paid after
   * all (the shopper paid just before), still processing, or closed. Throws when the provider can't be asked.
   */
  close(order: { id: string; paymentSession: string | null }): Promise<PaymentState>;
  /** Gives a whole payment back; throws with the provider's message when it refuses. */
  refund(reference: string, idempotencyKey: string): Promise<RefundAnswer>;
  /** Verifies and reads a webhook; throws `InvalidWebhook` for a bad signature. Absent: no webhooks. */
  notice?(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): PaymentNotice;
}

export class InvalidPaymentToken extends Error {}
export class InvalidWebhook extends Error {}
