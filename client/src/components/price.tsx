import type { MoneyFieldsFragment as Money } from "../graphql/graphql";
import { formatMoney } from "../lib/money";

export function Price({ money, className }: { money: Pick<Money, "amount" | "currency">; className?: string }) {
  return <span className={className ? `price ${className}` : "price"}>{formatMoney(money)}</span>;
}
