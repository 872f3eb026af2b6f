import { formatMoney as formatAmount } from "../../../common/money";
import type { MoneyFieldsFragment as Money } from "../graphql/graphql";

export { moneyInputValue, parseMoneyInput } from "../../../common/money";

/** Formats Money (integer minor units + ISO currency) for people, e.g. {2599, "USD"} → "$25.99". */
export function formatMoney(money: Pick<Money, "amount" | "currency">, locale?: string): string {
  return formatAmount(money.amount, money.currency, locale);
}
