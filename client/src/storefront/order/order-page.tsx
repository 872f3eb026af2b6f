import { Link, useLocation, useParams } from "react-router";
import { NotFound } from "../../components/not-found";
import { usePageTitle } from "../../components/page-title";
import { useOrderQuery } from "../../graphql/hooks";
import { OrderSummary } from "../../components/order-summary";

export const STATUS_LABEL: Record<string, string> = {
  PENDING_PAYMENT: "Waiting for payment",
  PAID: "Paid — we're preparing it",
  SHIPPED: "Shipped",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
  REFUNDED: "Refunded",
};

export function OrderPage() {
  const { id = "" } = useParams();
  // Straight after checkout (kept in history, so a reload still thanks the shopper).
  const justPlaced = Boolean((useLocation().state as { placed?: boolean } | null)?.placed);
  const { data, loading, error } = useOrderQuery({ variables: { id } });
  const order = data?.order;
  usePageTitle(order ? `Order ${order.number}` : "Order");

  if (!order && loading) return <p role="status">Loading your order…</p>;
  if (!order && error) {
    return (
      <p className="error" role="alert">
        We couldn't load this order. Please try again in a moment.
      </p>
    );
  }
  if (!order)
    return (
      <NotFound title="Order not found">We can't find this order. Orders can only be seen from the browser that placed them.</NotFound>
    );

  return (
    <section className="order">
      <h1>{justPlaced ? "Thank you for your order!" : `Order ${order.number}`}</h1>
      <p className="lead">
        {justPlaced ? "Your order number is " : "Order number "}
        <strong data-testid="order-number">{order.number}</strong>. We'll contact you at {order.email} about it.
      </p>
      <p>
        Status: <strong data-testid="order-status">{STATUS_LABEL[order.status] ?? order.status}</strong>
      </p>
      <OrderSummary order={order} />
      <Link className="button" to="/">
        Continue shopping
      </Link>
    </section>
  );
}
