import { formatMoney } from "../../../common/money";

/** The emails' language; money and dates are written in it, as the shop writes them. */
export const LOCALE = "en-US";

export const money = (amount: number, currency: string) => formatMoney(amount, currency, LOCALE);

/** "December 6, 2026" */
export const day = (iso: string) => new Intl.DateTimeFormat(LOCALE, { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));

/** "December 6, 2026 at 3:13 PM UTC" */
export const moment = (iso: string) =>
  new Intl.DateTimeFormat(LOCALE, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso)) + " UTC";
