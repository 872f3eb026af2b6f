/** What a provider is asked to charge. `idempotencyKey` makes a retried charge return the first result. */
export interface ChargeRequest {
  amount: number;
  currency: string;
  token: string;
  idempotencyKey: string;
  description: string;
}

export type ChargeResult = { ok: true; reference: string } | { ok: false; reason: string };

/**
 * A payment provider (Stripe, PayPal, the test provider…). `charge` must be idempotent per key:
 * checkout may retry after a database deadlock, and must never charge twice.
 */
export interface PaymentProvider {
  readonly name: string;
  /** Throws `InvalidPaymentToken` for a token the provider can't use at all. */
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** Gives a charge back, e.g. when the order could not be stored after the charge went through. */
  refund(reference: string): Promise<void>;
}

export class InvalidPaymentToken extends Error {}
