import type { OrderStatus } from "../../graphql/graphql";

/** The order statuses in the owner's words. */
export const ORDER_STATUS_LABEL: Record<OrderStatus, string> = {
  PENDING_PAYMENT: "Awaiting payment",
  PAID: "Paid",
  SHIPPED: "Shipped",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
  REFUNDED: "Refunded",
};

export const ORDER_STATUSES = Object.keys(ORDER_STATUS_LABEL) as OrderStatus[];

/** A status as a coloured label (its colour repeats the word, never replaces it). */
export function StatusBadge({ status, testId }: { status: OrderStatus; testId?: string }) {
  return (
    <span className={`status-badge status-${status.toLowerCase().replace("_", "-")}`} data-testid={testId}>
      {ORDER_STATUS_LABEL[status] ?? status}
    </span>
  );
}
