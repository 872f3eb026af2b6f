import { useParams } from "react-router";
import { NotFound } from "../../components/not-found";
import { OrderSummary } from "../../components/order-summary";
import { usePageTitle } from "../../components/page-title";
import type { OrderStatus } from "../../graphql/graphql";
import { useAdminOrderQuery, useUpdateOrderStatusMutation } from "../../graphql/hooks";
import { apiError } from "../../lib/errors";

/** The moves the server allows (server/orders/order-status.ts); the server checks again. */
const NEXT: Record<OrderStatus, { to: OrderStatus; label: string }[]> = {
  PENDING_PAYMENT: [{ to: "CANCELLED", label: "Cancel order" }],
  PAID: [
    { to: "SHIPPED", label: "Mark as shipped" },
    { to: "CANCELLED", label: "Cancel and refund" },
  ],
  SHIPPED: [{ to: "DELIVERED", label: "Mark as delivered" }],
  DELIVERED: [],
  CANCELLED: [],
  REFUNDED: [],
};

export function AdminOrderPage() {
  const { id = "" } = useParams();
  const { data, loading } = useAdminOrderQuery({ variables: { id }, fetchPolicy: "cache-and-network" });
  const [move, moving] = useUpdateOrderStatusMutation();
  const order = data?.order;
  usePageTitle(order ? `Order ${order.number}` : "Order");
  if (!order && loading) return <p role="status">Loading…</p>;
  if (!order) return <NotFound title="Order not found" />;
  return (
    <section>
      <h1>Order {order.number}</h1>
      <p>
        Status: <strong data-testid="admin-order-status">{order.status}</strong> · placed {new Date(order.createdAt).toLocaleString()} ·{" "}
        {order.customer ? `${order.customer.name} (${order.customer.email})` : `guest (${order.email})`}
      </p>
      <div className="status-actions">
        {NEXT[order.status].map((n) => (
          <button
            key={n.to}
            type="button"
            className={n.to === "CANCELLED" ? "" : "primary"}
            disabled={moving.loading}
            onClick={() => {
              if (n.to === "CANCELLED" && !window.confirm("Cancel this order? Its stock goes back on sale and a paid order is refunded.")) return;
              move({ variables: { id: order.id, status: n.to } }).catch(() => undefined);
            }}
          >
            {n.label}
          </button>
        ))}
      </div>
      {moving.error && (
        <p className="error" role="alert">
          {apiError(moving.error)?.message}
        </p>
      )}
      <OrderSummary order={order} />
      <h2>History</h2>
      <ol className="history">
        {(order.history ?? []).map((h) => (
          <li key={h.id}>
            {new Date(h.createdAt).toLocaleString()}: {h.fromStatus ? `${h.fromStatus} → ${h.toStatus}` : h.toStatus} by {h.actor}
            {h.note ? ` (${h.note})` : ""}
          </li>
        ))}
      </ol>
    </section>
  );
}
