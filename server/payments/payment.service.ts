import { badInput } from "../graphql/errors";
import { InvalidPaymentToken, type ChargeRequest, type ChargeResult, type PaymentProvider } from "./payment-provider";

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

  /** Gives a charge back; a failure is logged for a person to finish by hand, never lost silently. */
  async refund(providerName: string, reference: string): Promise<void> {
    try {
      await this.providers.get(providerName)?.refund(reference);
    } catch (error) {
      console.error(`Refund of ${providerName} charge ${reference} failed; refund it by hand:`, error);
    }
  }

  async charge(provider: PaymentProvider, request: ChargeRequest): Promise<ChargeResult> {
    try {
      return await provider.charge(request);
    } catch (error) {
      if (error instanceof InvalidPaymentToken) throw badInput("payment.token", error.message);
      throw error;
    }
  }
}
