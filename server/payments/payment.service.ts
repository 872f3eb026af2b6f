import { badInput } from "../graphql/errors";
import type { Logger } from "../lib/logger";
import type { PaymentKind, PaymentProvider } from "./payment.port";

/** How a refund went: the provider's answer, or its error. Never thrown: a refund runs after the fact. */
export type RefundOutcome = { ok: true; reference: string; done: boolean } | { ok: false; error: string };

/** A payment method as checkout offers it. */
export interface PaymentMethodInfo {
  id: string;
  name: string;
  kind: PaymentKind;
  instructions: string | null;
}

/** The configured providers, looked up by the name a checkout asks for. */
export class PaymentService {
  private readonly providers: Map<string, PaymentProvider>;

  constructor(
    providers: PaymentProvider[],
    private readonly log: Logger,
  ) {
    this.providers = new Map(providers.map((p) => [p.name, p]));
  }

  /** What checkout offers: exactly the configured providers. */
  methods(): PaymentMethodInfo[] {
    return [...this.providers.values()].map((p) => ({ id: p.name, name: p.displayName, kind: p.kind, instructions: p.instructions }));
  }

  /** Checked before checkout starts, so a bad provider name changes nothing. */
  provider(name: string): PaymentProvider {
    const provider = this.providers.get(name);
    if (!provider) {
      const known = [...this.providers.keys()].join(", ") || "none";
      throw badInput("payment.provider", `Unknown or disabled payment provider "${name}" (enabled: ${known})`);
    }
    return provider;
  }

  /** A provider that may be gone from the configuration (an old order's): undefined then. */
  find(name: string): PaymentProvider | undefined {
    return this.providers.get(name);
  }

  /**
   * The one way to give a payment back. Outside any transaction (it is a network call). A failure is
   * returned with the provider's message, for the order's history and the owner's "Retry refund".
   */
  async refund(providerName: string, reference: string, idempotencyKey: string): Promise<RefundOutcome> {
    try {
      const provider = this.providers.get(providerName);
      if (!provider) throw new Error(`the payment provider "${providerName}" is not enabled`);
      const answer = await provider.refund(reference, idempotencyKey);
      return { ok: true, reference: answer.reference, done: answer.status === "succeeded" };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log.warn({ provider: providerName, reference, reason: message }, "Refund failed");
      return { ok: false, error: message };
    }
  }
}
