import { useEffect } from "react";
import { Link, useLocation, useParams, useSearchParams } from "react-router";
import { NotFound } from "../../components/not-found";
import { usePageTitle } from "../../components/page-title";
import { useOrderQuery } from "../../graphql/op.Order";
import { OrderSummary } from "../../components/order-summary";
import { Price } from "../../components/price";
import type { OrderFieldsFragment } from "../../graphql/graphql";

export const STATUS_LABEL: Record<string, string> = {
  PENDING_PAYMENT: "Waiting for payment",
  PAID: "Paid — we're preparing it",
  SHIPPED: "Shipped",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
  REFUNDED: "Refunded",
};

/** What became of the money of a cancelled order. */
function CancelledPayment({ status, total }: { status: string; total: OrderFieldsFragment["total"] }) {
  const amount = <Price money={total} />;
  return (
    <p data-testid="cancelled-payment">
      {status === "REFUNDED" ? (
        <>Your payment of {amount} was refunded. Depending on your bank, it can take a few days to show.</>
      ) : status === "PAID" ? (
        <>Your payment of {amount} is being refunded.</>
      ) : status === "REFUND_FAILED" ? (
        <>Your refund of {amount} is delayed; the shop has been told and will contact you.</>
      ) : (
        <>Nothing was charged.</>
      )}
    </p>
  );
}

export function OrderPage() {
  const { id = "" } = useParams();
  // Straight after checkout (kept in history, so a reload still thanks the shopper).
  const placedHere = Boolean((useLocation().state as { placed?: boolean } | null)?.placed);
  // Back from the hosted payment page (its success link says so).
  const fromPayment = useSearchParams()[0].get("from") === "payment";
  const { data, loading, error, startPolling, stopPolling } = useOrderQuery({ variables: { id } });
  const order = data?.order;
  // Back from a hosted payment page: the provider's webhook settles the order within moments; ask until it has.
  // Any unpaid order but a manual one (which waits for the owner, with its instructions).
  const processing = order?.status === "PENDING_PAYMENT" && order.payment.status === "PENDING" && !order.payment.instructions;
  useEffect(() => {
    if (!processing) return;
    startPolling(2000);
    return () => stopPolling();
  }, [processing, startPolling, stopPolling]);
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

  if (processing) {
    return (
      <section className="order">
        <h1>Payment processing…</h1>
        <p role="status">
          We're waiting for the payment service to confirm the payment for order <strong data-testid="order-number">{order.number}</strong>.
          This page updates by itself.
        </p>
        <p>
          Not paid yet? {order.payment.redirectUrl && <a href={order.payment.redirectUrl}>Return to the payment page</a>}
          {order.payment.redirectUrl ? " or " : ""}
          <Link to={`/cart?cancelled=${order.id}`}>cancel the payment and get your items back</Link>.
        </p>
      </section>
    );
  }
  const cancelled = order.status === "CANCELLED" || order.status === "REFUNDED";
  const unpaid = cancelled && order.payment.status === "FAILED";
  // A cancelled order is never thanked for, even on the page that thanked the shopper before the owner cancelled it.
  const justPlaced = !cancelled && (placedHere || (fromPayment && order.status === "PAID"));

  return (
    <section className="order">
      <h1>{justPlaced ? "Thank you for your order!" : cancelled ? `Order ${order.number} was cancelled` : `Order ${order.number}`}</h1>
      <p className="lead">
        {justPlaced ? "Your order number is " : "Order number "}
        <strong data-testid="order-number">{order.number}</strong>. We'll contact you at {order.email} about it.
      </p>
      <p>
        Status:{" "}
        <strong data-testid="order-status">
          {order.status === "PENDING_PAYMENT" && order.payment.status === "PAID"
            ? "Payment received — the store is checking it"
            : cancelled
              ? "Cancelled"
              : (STATUS_LABEL[order.status] ?? order.status)}
        </strong>
      </p>
      {cancelled && !unpaid && <CancelledPayment status={order.payment.status} total={order.total} />}
      {order.trackingNumber && (
        <p>
          Tracking number: <strong data-testid="tracking-number">{order.trackingNumber}</strong>
        </p>
      )}
      {order.shippingNote && (
        <p data-testid="shipping-note">
          A note from the shop: <q>{order.shippingNote}</q>
        </p>
      )}
      {order.payment.instructions && (
        <div className="payment-instructions" data-testid="payment-instructions">
          <h2>How to pay</h2>
          <p>{order.payment.instructions}</p>
          <p className="muted">We'll send your order once the payment has arrived.</p>
        </div>
      )}
      {unpaid && (
        <p role="status">
          The payment wasn't completed, so nothing was charged and this order was cancelled. The items went back into{" "}
          <Link to="/cart">your cart</Link>.
        </p>
      )}
      <OrderSummary order={order} />
      <Link className="button" to="/">
        Continue shopping
      </Link>
    </section>
  );
}
