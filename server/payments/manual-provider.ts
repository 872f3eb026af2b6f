import { PaymentKind, type PaymentProvider, type PaymentStart, type PaymentState, type RefundAnswer } from "./payment.port";

/**
 * Bank transfer, cash on delivery or pay in store: the order waits, with the owner's instructions, until
 * the owner marks it paid or cancels it. No money moves through the store, so a refund is the owner's to make.
 */
export class ManualPaymentProvider implements PaymentProvider {
  readonly name = "manual";
  readonly kind = PaymentKind.MANUAL;

  constructor(
    readonly displayName: string,
    readonly instructions: string,
  ) {}

  async start(): Promise<PaymentStart> {
    return { kind: "awaiting" };
  }

  async close(): Promise<PaymentState> {
    return { state: "closed" };
  }

  async refund(): Promise<RefundAnswer> {
    throw new Error("A manual payment is refunded by the owner, outside the store (bank transfer, cash)");
  }
}
