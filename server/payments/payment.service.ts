import { badInput } from "../graphql/errors";
import { InvalidPaymentToken, type ChargeRequest, type ChargeResult, type PaymentProvider } from "./payment-provider";

/** How a refund went: the provider's answer, or its error. Never thrown: a refund runs after the fact. */
export type RefundOutcome = { ok: true; answer: string } | { ok: false; error: string };

/** Looks providers up by the name a checkout asks for, and turns a bad token into BAD_USER_INPUT. */
export class PaymentService {
  private readonly providers: Map<string, PaymentProvider>;

  constructor(providers: PaymentProvider[]) {
    this.providers = new Map(providers.map((p) => [p.name, p]));
  }

  /** Checked before checkout starts its transaction, so a bad provider name changes nothing. */
  provider(name: string): PaymentProvider {
    const provider = this.providers.get(name);
    if (!provider) {
      const known = [...this.providers.keys()].join(", ") || "none";
      throw badInput("payment.provider", `Unknown or disabled payment provider "${name}" (enabled: ${known})`);
    }
    return provider;
  }

  async charge(provider: PaymentProvider, request: ChargeRequest): Promise<ChargeResult> {
    try {
      return await provider.charge(request);
    } catch (error) {
      if (error instanceof InvalidPaymentToken) throw badInput("payment.token", error.message);
      throw error;
    }
  }

  /**
   * The one way to give a charge back. Outside any transaction (it is a network call). A failure is logged
   * for a person to finish by hand and returned, never lost silently.
   */
  async refund(providerName: string, reference: string): Promise<RefundOutcome> {
    try {
      const provider = this.providers.get(providerName);
      if (!provider) throw new Error(`the payment provider "${providerName}" is not enabled`);
      const answer = await provider.refund(reference);
      return { ok: true, answer: `${answer.reference}: ${answer.status}` };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`Refund of ${providerName} charge ${reference} failed; refund it by hand:`, message);
      return { ok: false, error: message };
    }
  }
}
