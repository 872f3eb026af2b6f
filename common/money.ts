/**
 * Money as people type and read it, shared by the storefront/admin forms and the server's CSV import and
 * export, so both sides read "25.99" the same way. Amounts are integer minor units (cents).
 */

/** Digits after the point for a currency, from Intl itself (JPY 0, USD 2, KWD 3). */
export function fractionDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Reads a price typed in major units ("25.99", "25,99", "25") into minor units; null when it isn't one. */
export function parseMoneyInput(text: string, currency: string): number | null {
  const digits = fractionDigits(currency);
  const m = new RegExp(`^\\s*(\\d{1,9})(?:[.,](\\d{1,${Math.max(digits, 1)}}))?\\s*$`).exec(text);
  if (!m || (digits === 0 && m[2])) return null;
  return Number(m[1]) * 10 ** digits + Number((m[2] ?? "").padEnd(digits, "0") || 0);
}

/** The other way: 2599 → "25.99", for a price field's starting value or a CSV cell. */
export function moneyInputValue(amount: number, currency: string): string {
  const digits = fractionDigits(currency);
  return (amount / 10 ** digits).toFixed(digits);
}

/**
 * Money for people to read, as the storefront shows it and the emails write it: 2599 USD → "$25.99"
 * (`locale` undefined: the reader's own, in a browser).
 */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount / 10 ** fractionDigits(currency));
}
