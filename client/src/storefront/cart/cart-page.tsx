import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { usePageTitle } from "../../components/page-title";
import { Price } from "../../components/price";
import { ProductImage } from "../../components/product-image";
import { useCancelPaymentMutation } from "../../graphql/op.CancelPayment";
import { CartDocument, useCartQuery } from "../../graphql/op.Cart";
import { useRemoveFromCartMutation } from "../../graphql/op.RemoveFromCart";
import { useUpdateQuantityMutation } from "../../graphql/op.UpdateQuantity";
import { apiError } from "../../lib/errors";
import { Totals } from "../../components/totals";
import { hasOptions, lineName } from "./cart-line-name";
import { DiscountCodeField } from "./discount-code-field";

/**
 * The payment page's "back" link lands here with `?cancelled=<order id>`: the payment is cancelled (the page
 * closed at the provider) and the order's items come back into the cart. Says what happened.
 */
function useCancelledPayment() {
  const [params, setParams] = useSearchParams();
  const orderId = params.get("cancelled");
  const [cancel, { data, error }] = useCancelPaymentMutation({ refetchQueries: [{ query: CartDocument }], awaitRefetchQueries: true });
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (!orderId || asked.current === orderId) return;
    asked.current = orderId;
    cancel({ variables: { orderId } })
      // Done once: a reload or Back doesn't ask again.
      .then(() => setParams((p) => (p.delete("cancelled"), p), { replace: true }))
      .catch(() => undefined);
  }, [orderId, cancel, setParams]);
  const order = data?.cancelPayment;
  if (error) {
    return (
      <p className="error" role="alert">
        {apiError(error)?.code === "NOT_FOUND"
          ? "We couldn't find that payment from this browser."
          : "We couldn't cancel the payment just now. Please reload this page in a moment."}
      </p>
    );
  }
  if (!order) return orderId ? <p role="status">Cancelling your payment…</p> : null;
  if (order.status === "PAID") {
    return (
      <p role="status">
        Your payment went through after all: <Link to={`/order/${order.id}`}>see order {order.number}</Link>.
      </p>
    );
  }
  if (order.status === "CANCELLED") return <p role="status">Payment cancelled — nothing was charged. Your items are back in your cart.</p>;
  return (
    <p role="status">
      Your payment for order {order.number} is still being processed, so it can't be cancelled now:{" "}
      <Link to={`/order/${order.id}`}>see the order</Link>.
    </p>
  );
}

/** The line's quantity, typed: taken on Enter or on leaving the field; anything but 0 to 999 goes back to what it was. */
function QuantityField({ quantity, name, onCommit }: { quantity: number; name: string; onCommit: (n: number) => void }) {
  const [typed, setTyped] = useState(String(quantity));
  const commit = () => {
    const n = /^\d{1,3}$/.test(typed.trim()) ? Number(typed.trim()) : NaN;
    if (Number.isNaN(n)) return setTyped(String(quantity));
    onCommit(n);
  };
  return (
    <input
      className="quantity-input"
      type="text"
      inputMode="numeric"
      aria-label={`Quantity of ${name}`}
      data-testid="line-quantity"
      value={typed}
      onChange={(e) => setTyped(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}

export function CartPage() {
  usePageTitle("Your cart");
  const cancelled = useCancelledPayment();
  const { data, loading, error } = useCartQuery({ fetchPolicy: "cache-and-network" });
  const [update, updateState] = useUpdateQuantityMutation();
  const [remove, removeState] = useRemoveFromCartMutation();
  const busy = updateState.loading || removeState.loading;
  const problem = apiError(updateState.error ?? removeState.error);
  const cart = data?.cart;

  if (!cart && loading) return <p role="status">Loading your cart…</p>;
  if (!cart) {
    return (
      <p className="error" role="alert">
        {error ? "We couldn't load your cart. Please try again in a moment." : ""}
      </p>
    );
  }
  if (cart.lines.length === 0) {
    return (
      <section className="cart-empty">
        <h1>Your cart</h1>
        {cancelled}
        <p>Your cart is empty.</p>
        <Link className="button" to="/">
          Browse the catalog
        </Link>
      </section>
    );
  }

  // Buttons say aria-disabled rather than disabled while a change is on its way, so keyboard focus stays on them.
  const setQuantity = (lineId: string, quantity: number) => {
    if (busy) return;
    updateState.reset();
    removeState.reset();
    update({ variables: { lineId, quantity } }).catch(() => undefined);
  };
  // Stock is the variant's (a product without options has one).
  const shortages = cart.lines.filter((l) => l.quantity > l.variant.stock);
  // A product the owner archived or made a draft since it was added: it can only be removed.
  const retired = cart.lines.filter((l) => !l.available);

  return (
    <section>
      <h1>Your cart</h1>
      {cancelled}
      {problem && (
        <p className="error" role="alert">
          {problem.message}
        </p>
      )}
      <ul className="cart-lines">
        {cart.lines.map((line) => {
          const name = lineName(line);
          const stock = line.variant.stock;
          return (
            <li key={line.id} className="cart-line">
              <ProductImage image={line.variant.image ?? line.product.images[0]} name={line.product.name} size="thumb" />
              <div className="cart-line-name">
                {line.available ? <Link to={`/product/${line.product.id}`}>{line.product.name}</Link> : <span>{line.product.name}</span>}
                {hasOptions(line.variant) && (
                  <span className="variant-title" data-testid="line-variant">
                    {line.variant.title}
                  </span>
                )}
                <span className="muted">
                  <Price money={line.unitPrice} /> each
                </span>
              </div>
              {line.available ? (
                <div className="quantity" role="group" aria-label={`Quantity of ${name}`}>
                  <button
                    type="button"
                    aria-label={`One fewer ${name}`}
                    aria-disabled={busy}
                    onClick={() => setQuantity(line.id, line.quantity - 1)}
                  >
                    −
                  </button>
                  <QuantityField
                    key={line.quantity}
                    quantity={line.quantity}
                    name={name}
                    onCommit={(n) => n !== line.quantity && setQuantity(line.id, Math.min(n, Math.max(stock, 1)))}
                  />
                  <button
                    type="button"
                    aria-label={`One more ${name}`}
                    aria-disabled={busy || line.quantity >= stock}
                    onClick={() => line.quantity < stock && setQuantity(line.id, line.quantity + 1)}
                  >
                    +
                  </button>
                </div>
              ) : (
                <span className="muted">Quantity: {line.quantity}</span>
              )}
              <Price money={line.lineTotal} className="line-total" />
              {!line.available ? (
                <p className="error line-warning" data-testid="line-warning">
                  No longer available — remove it to check out.
                </p>
              ) : (
                line.quantity > stock && (
                  <p className="error line-warning" data-testid="line-warning">
                    {stock === 0 ? "Sold out: remove it to check out." : `Only ${stock} left: lower the quantity to check out.`}
                  </p>
                )
              )}
              <button
                type="button"
                className="link-button"
                aria-disabled={busy}
                onClick={() => !busy && remove({ variables: { lineId: line.id } }).catch(() => undefined)}
                aria-label={`Remove ${name} from cart`}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ul>
      <div className="cart-footer">
        <DiscountCodeField cart={cart} />
        <div className="cart-totals">
          {cart.freeShippingIn && (
            <p className="free-shipping" data-testid="free-shipping-in">
              Add <Price money={cart.freeShippingIn} /> more for free shipping.
            </p>
          )}
          <Totals amounts={cart} shippingName={cart.selectedShipping?.name} />
        </div>
      </div>
      {retired.length || shortages.length ? (
        <p className="muted" role="status">
          {retired.length ? "Remove what is no longer available to check out." : "Fix the quantities marked above to check out."}
        </p>
      ) : (
        <Link className="button primary" to="/checkout">
          Checkout
        </Link>
      )}
      <Link className="continue-shopping" to="/">
        Continue shopping
      </Link>
    </section>
  );
}
