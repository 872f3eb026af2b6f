import { randomUUID } from "node:crypto";
import { InvalidPaymentToken, type ChargeRequest, type ChargeResult, type PaymentProvider } from "./payment-provider";

export const TEST_TOKENS = {
  success: "pm_card_visa",
  declined: "pm_card_chargeDeclined",
} as const;

/**
 * The `test` provider: no money moves. `pm_card_visa` succeeds, `pm_card_chargeDeclined` is declined.
 * It remembers charges by idempotency key, like a real provider, so a retried checkout is not charged twice.
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly name = "test";
  private readonly charges = new Map<string, ChargeResult>();
  /** Successful charges and refunds, in order: what a provider's dashboard would show. */
  readonly ledger: { reference: string; amount: number; refunded: boolean }[] = [];

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const previous = this.charges.get(request.idempotencyKey);
    if (previous) return previous;
    let result: ChargeResult;
    if (request.token === TEST_TOKENS.success) {
      result = { ok: true, reference: `test_ch_${randomUUID()}` };
      this.ledger.push({ reference: result.reference, amount: request.amount, refunded: false });
    }
    else if (request.token === TEST_TOKENS.declined) result = { ok: false, reason: "Your card was declined." };
    else throw new InvalidPaymentToken(`Unknown test token; use ${TEST_TOKENS.success} or ${TEST_TOKENS.declined}`);
    this.charges.set(request.idempotencyKey, result);
    return result;
  }

  async refund(reference: string): Promise<void> {
    const entry = this.ledger.find((c) => c.reference === reference);
    if (entry) entry.refunded = true;
  }
}
