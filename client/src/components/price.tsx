import type { CartFieldsFragment } from "../graphql/graphql";

type Money = CartFieldsFragment["total"];
import { formatMoney } from "../lib/money";

export function Price({ money, className }: { money: Pick<Money, "amount" | "currency">; className?: string }) {
  return <span className={className ?? "price"}>{formatMoney(money)}</span>;
}
