import { useState } from "react";
import { Link, useParams } from "react-router";
import { NotFound } from "../../components/not-found";
import { OrderSummary } from "../../components/order-summary";
import { usePageTitle } from "../../components/page-title";
import type { AdminOrderQuery, OrderStatus } from "../../graphql/graphql";
import { useAdminOrderQuery } from "../../graphql/op.AdminOrder";
import { useMarkOrderPaidMutation } from "../../graphql/op.MarkOrderPaid";
import { useRetryRefundMutation } from "../../graphql/op.RetryRefund";
import { useUpdateOrderStatusMutation } from "../../graphql/op.UpdateOrderStatus";
import { apiError } from "../../lib/errors";
import { problemMessage } from "../../lib/messages";
import { formatMoney } from "../../lib/money";
import { ORDER_STATUS_LABEL, StatusBadge } from "./order-status";

/** Button labels for the moves the server offers in `nextStatuses` (the server decides which are legal). */
const MOVE_LABEL: Partial<Record<OrderStatus, string>> = {
  SHIPPED: "Mark as shipped",
  DELIVERED: "Mark as delivered",
  CANCELLED: "Cancel order",
  REFUNDED: "Mark as refunded",
};

const PAYMENT_LABEL: Record<string, string> = {
  PENDING: "Waiting for payment",
  PAID: "Paid",
  FAILED: "Not paid (failed, cancelled or expired)",
  REFUNDED: "Refunded",
  REFUND_FAILED: "Refund failed — retry it or refund by hand",
};

type HistoryEntry = NonNullable<NonNullable<AdminOrderQuery["order"]>["history"]>[number];

const label = (status: string) => ORDER_STATUS_LABEL[status as OrderStatus] ?? status;

function describe(h: HistoryEntry): string {
  switch (h.kind) {
    case "REFUND_REQUESTED":
      return "Refund requested";
    case "REFUNDED":
      return "Refunded";
    case "REFUND_FAILED":
      return "Refund failed";
    default:
      return h.fromStatus ? `${label(h.fromStatus)} → ${label(h.toStatus)}` : `Placed: ${label(h.toStatus).toLowerCase()}`;
  }
}

export function AdminOrderPage() {
  const { id = "" } = useParams();
  const { data, loading } = useAdminOrderQuery({ variables: { id }, fetchPolicy: "cache-and-network" });
  const [move, moving] = useUpdateOrderStatusMutation();
  const [markPaid, marking] = useMarkOrderPaidMutation();
  const [retryRefund, retrying] = useRetryRefundMutation();
  // With "Mark as shipped": for the customer's order page and their shipped email.
  const [trackingNumber, setTrackingNumber] = useState("");
  const [note, setNote] = useState("");
  const busy = moving.loading || marking.loading || retrying.loading;
  const failure = moving.error ?? marking.error ?? retrying.error;
  const order = data?.order;
  usePageTitle(order ? `Order ${order.number}` : "Order");
  if (!order && loading) return <p role="status">Loading…</p>;
  if (!order) return <NotFound title="Order not found" />;
  return (
    <section>
      <p className="back-link">
        <Link to="/admin/orders">← Back to orders</Link>
      </p>
      <h1>Order {order.number}</h1>
      <p>
        Status: <StatusBadge status={order.status} testId="admin-order-status" /> · placed {new Date(order.createdAt).toLocaleString()} ·{" "}
        {order.customer ? `${order.customer.name} (${order.customer.email})` : `guest (${order.email})`}
      </p>
      <p>
        Payment: <strong data-testid="admin-payment-status">{PAYMENT_LABEL[order.payment.status] ?? order.payment.status}</strong> via{" "}
        {order.payment.provider}
      </p>
      {order.trackingNumber && (
        <p>
          Tracking number: <strong data-testid="admin-tracking-number">{order.trackingNumber}</strong>
        </p>
      )}
      {order.shippingNote && (
        <p>
          Note to the customer: <q>{order.shippingNote}</q>
        </p>
      )}
      {order.attention && (
        <p className="error" role="alert" data-testid="order-attention">
          Needs your attention: {order.attention}
        </p>
      )}
      {order.nextStatuses?.includes("SHIPPED") && (
        <fieldset className="ship-details">
          <legend>When you ship it (optional)</legend>
          <div className="field">
            <label htmlFor="tracking-number">Tracking number</label>
            <input id="tracking-number" maxLength={100} value={trackingNumber} onChange={(e) => setTrackingNumber(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="ship-note">Note for the customer</label>
            <input
              id="ship-note"
              maxLength={250}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              aria-describedby="ship-note-hint"
            />
            <p className="muted" id="ship-note-hint">
              Both go in the email that tells the customer the order is on its way; the note is kept in the history too.
            </p>
          </div>
        </fieldset>
      )}
      <div className="status-actions">
        {/* A manual payment, or a provider's payment flagged for the owner to check. */}
        {order.status === "PENDING_PAYMENT" && (order.payment.provider === "manual" || order.payment.status === "PAID") && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => markPaid({ variables: { id: order.id } }).catch(() => undefined)}
          >
            Mark as paid
          </button>
        )}
        {order.payment.status === "REFUND_FAILED" && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => retryRefund({ variables: { id: order.id } }).catch(() => undefined)}
          >
            Retry refund
          </button>
        )}
        {(order.nextStatuses ?? []).map((to) => (
          <button
            key={to}
            type="button"
            className={to === "CANCELLED" ? "danger" : "primary"}
            disabled={busy}
            onClick={() => {
              if (
                to === "CANCELLED" &&
                !window.confirm(
                  order.payment.status === "PAID"
                    ? `Cancel order ${order.number} and refund ${formatMoney(order.total)} to the customer? Its stock goes back on sale. This can't be undone.`
                    : `Cancel order ${order.number}? Its stock goes back on sale. This can't be undone.`,
                )
              )
                return;
              const shipping = to === "SHIPPED" ? { trackingNumber: trackingNumber.trim() || null, note: note.trim() || null } : {};
              move({ variables: { id: order.id, status: to, ...shipping } })
                .then(() => {
                  if (to !== "SHIPPED") return;
                  setTrackingNumber("");
                  setNote("");
                })
                .catch(() => undefined);
            }}
          >
            {to === "CANCELLED" && order.status === "PAID" ? "Cancel and refund" : (MOVE_LABEL[to] ?? to)}
          </button>
        ))}
      </div>
      {failure && (
        <p className="error" role="alert">
          {problemMessage(apiError(failure)!)}
        </p>
      )}
      <OrderSummary order={order} />
      <h2>History</h2>
      <ol className="history">
        {(order.history ?? []).map((h) => (
          <li key={h.id} className={h.kind === "REFUND_FAILED" ? "error" : undefined}>
            {new Date(h.createdAt).toLocaleString()}: {describe(h)} by {h.actor}
            {h.note ? ` (${h.note})` : ""}
          </li>
        ))}
      </ol>
    </section>
  );
}
