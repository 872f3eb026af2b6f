import { Price } from "./price";
import type { CartFieldsFragment } from "../graphql/graphql";

/** Subtotal, shipping, tax and total, as the server computed them. */
export function CartTotals({ cart }: { cart: Pick<CartFieldsFragment, "subtotal" | "shipping" | "tax" | "total"> }) {
  return (
    <dl className="totals">
      <dt>Subtotal</dt>
      <dd>
        <Price money={cart.subtotal} />
      </dd>
      <dt>Shipping</dt>
      <dd>{cart.shipping.amount === 0 ? "Free" : <Price money={cart.shipping} />}</dd>
      <dt>Tax</dt>
      <dd>
        <Price money={cart.tax} />
      </dd>
      <dt className="total">Total</dt>
      <dd className="total" data-testid="cart-total">
        <Price money={cart.total} />
      </dd>
    </dl>
  );
}
