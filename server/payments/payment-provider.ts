/** What a provider is asked to charge. `idempotencyKey` makes a retried charge return the first result. */
export interface ChargeRequest {
  amount: number;
  currency: string;
  token: string;
  idempotencyKey: string;
  description: string;
}

export type ChargeResult = { ok: true; reference: string } | { ok: false; reason: string };

/** The provider's answer to a refund: its own reference for it and, where it says, its state. */
export interface RefundAnswer {
  reference: string;
  status: string;
}

/**
 * A payment provider (Stripe, PayPal, the test provider…). `charge` must be idempotent per key:
 * checkout may retry after a database deadlock, and must never charge twice.
 */
export interface PaymentProvider {
  readonly name: string;
  /** Throws `InvalidPaymentToken` for a token the provider can't use at all. */
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** Gives a whole charge back; throws with the provider's message when it refuses. */
  refund(reference: string): Promise<RefundAnswer>;
}

export class InvalidPaymentToken extends Error {}
