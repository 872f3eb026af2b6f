import { randomUUID } from "node:crypto";
import { InvalidPaymentToken, type ChargeRequest, type ChargeResult, type PaymentProvider, type RefundAnswer } from "./payment-provider";

export const TEST_TOKENS = {
  success: "pm_card_visa",
  declined: "pm_card_chargeDeclined",
  /** Charged fine, but its refund is refused (as Stripe's test card of the same name). */
  refundFails: "pm_card_refundFail",
} as const;

/**
 * The `test` provider: no money moves. `pm_card_visa` succeeds, `pm_card_chargeDeclined` is declined,
 * `pm_card_refundFail` is charged but can't be refunded.
 * It remembers charges by idempotency key, like a real provider, so a retried checkout is not charged twice.
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly name = "test";
  private readonly charges = new Map<string, ChargeResult>();
  /** Successful charges and refunds, in order: what a provider's dashboard would show. */
  readonly ledger: { reference: string; amount: number; refunded: boolean; refundable: boolean }[] = [];

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const previous = this.charges.get(request.idempotencyKey);
    if (previous) return previous;
    let result: ChargeResult;
    if (request.token === TEST_TOKENS.success || request.token === TEST_TOKENS.refundFails) {
      result = { ok: true, reference: `test_ch_${randomUUID()}` };
      this.ledger.push({
        reference: result.reference,
        amount: request.amount,
        refunded: false,
        refundable: request.token === TEST_TOKENS.success,
      });
    } else if (request.token === TEST_TOKENS.declined) result = { ok: false, reason: "Your card was declined." };
    else throw new InvalidPaymentToken(`Unknown test token; use ${Object.values(TEST_TOKENS).join(", ")}`);
    this.charges.set(request.idempotencyKey, result);
    return result;
  }

  async refund(reference: string): Promise<RefundAnswer> {
    // The ledger lives in memory: a charge made before a restart (or by another process) refunds fine.
    const entry = this.ledger.find((c) => c.reference === reference);
    if (entry?.refunded) throw new Error(`Charge ${reference} has already been refunded`);
    if (entry && !entry.refundable) throw new Error("The refund was refused: the card can't take refunds");
    if (entry) entry.refunded = true;
    return { reference: `test_re_${randomUUID()}`, status: "succeeded" };
  }
}
