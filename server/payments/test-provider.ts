import { randomUUID } from "node:crypto";
import { sleep } from "../lib/time";
import {
  InvalidPaymentToken,
  PaymentKind,
  type PaymentOrder,
  type PaymentProvider,
  type PaymentStart,
  type PaymentState,
  type RefundAnswer,
} from "./payment.port";

export const TEST_TOKENS = {
  success: "pm_card_visa",
  declined: "pm_card_chargeDeclined",
  /** Charged fine, but its refund is refused (as Stripe's test card of the same name). */
  refundFails: "pm_card_refundFail",
} as const;

/**
 * The `test` provider: no money moves. `pm_card_visa` succeeds, `pm_card_chargeDeclined` is declined,
 * `pm_card_refundFail` is charged but can't be refunded. It remembers charges by order, like a real
 * provider's idempotency keys, so a repeated start is not charged twice. `delayMs` makes every call as slow
 * as a far-away provider (the benchmark's slow-provider run).
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly name = "test";
  readonly kind = PaymentKind.TEST;
  readonly displayName = "Test card (no money moves)";
  readonly instructions = null;
  private readonly charges = new Map<string, PaymentStart>();
  /** Successful charges and refunds, in order: what a provider's dashboard would show. */
  readonly ledger: { reference: string; orderId: string; amount: number; currency: string; refunded: boolean; refundable: boolean }[] = [];

  /** @param delayMs how long every call waits (a far-away provider; the benchmark sets it). */
  constructor(public delayMs = 0) {}

  async start(order: PaymentOrder, token: string | null | undefined): Promise<PaymentStart> {
    if (this.delayMs) await sleep(this.delayMs);
    const previous = this.charges.get(order.id);
    if (previous) return previous;
    let result: PaymentStart;
    if (token === TEST_TOKENS.success || token === TEST_TOKENS.refundFails) {
      result = { kind: "paid", reference: `test_ch_${randomUUID()}` };
      this.ledger.push({
        reference: result.reference,
        orderId: order.id,
        amount: order.amount,
        currency: order.currency,
        refunded: false,
        refundable: token === TEST_TOKENS.success,
      });
    } else if (token === TEST_TOKENS.declined) result = { kind: "declined", reason: "Your card was declined." };
    else throw new InvalidPaymentToken(`Unknown test token; use ${Object.values(TEST_TOKENS).join(", ")}`);
    this.charges.set(order.id, result);
    return result;
  }

  async close(order: { id: string }): Promise<PaymentState> {
    const charge = this.ledger.find((c) => c.orderId === order.id);
    // A closed order can't be charged any more, even by a start that was still on its way.
    if (!charge) this.charges.set(order.id, { kind: "declined", reason: "The checkout has ended." });
    return charge ? { state: "paid", reference: charge.reference, amount: charge.amount, currency: charge.currency } : { state: "closed" };
  }

  async refund(reference: string): Promise<RefundAnswer> {
    if (this.delayMs) await sleep(this.delayMs);
    // The ledger lives in memory: a charge made before a restart (or by another process) refunds fine.
    const entry = this.ledger.find((c) => c.reference === reference);
    if (entry?.refunded) throw new Error(`Charge ${reference} has already been refunded`);
    if (entry && !entry.refundable) throw new Error("The refund was refused: the card can't take refunds");
    if (entry) entry.refunded = true;
    return { reference: `test_re_${randomUUID()}`, status: "succeeded" };
  }
}
