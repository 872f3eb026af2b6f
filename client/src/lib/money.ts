import type { MoneyFieldsFragment as Money } from "../graphql/graphql";

/** Digits after the point for a currency, from Intl itself (JPY 0, USD 2, KWD 3). */
function fractionDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Formats Money (integer minor units + ISO currency) for people, e.g. {2599, "USD"} → "$25.99". */
export function formatMoney(money: Pick<Money, "amount" | "currency">, locale?: string): string {
  const digits = fractionDigits(money.currency);
  return new Intl.NumberFormat(locale, { style: "currency", currency: money.currency }).format(money.amount / 10 ** digits);
}
