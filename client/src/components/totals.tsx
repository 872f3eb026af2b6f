import { Price } from "./price";
import { formatMoney } from "../lib/money";
import type { CartFieldsFragment } from "../graphql/graphql";

/** The amounts a cart and an order share (an order's are as charged). */
export type TotalsAmounts = Pick<
  CartFieldsFragment,
  "subtotal" | "discountCode" | "discount" | "shipping" | "tax" | "taxLabel" | "taxIncluded" | "total"
>;

/**
 * Subtotal, the code's discount, shipping (named by its method), tax and total, as the server computed them.
 * Tax that the prices include is said after the total, as a part of it, never as a line that adds to it.
 */
export function Totals({ amounts, shippingName }: { amounts: TotalsAmounts; shippingName?: string | null }) {
  const { subtotal, discount, discountCode, shipping, tax, taxLabel, taxIncluded, total } = amounts;
  return (
    <dl className="totals">
      <dt>Subtotal</dt>
      <dd>
        <Price money={subtotal} />
      </dd>
      {discount.amount > 0 && (
        <>
          <dt>Discount{discountCode ? ` (${discountCode})` : ""}</dt>
          <dd className="discount" data-testid="discount-amount">
            −{formatMoney(discount)}
          </dd>
        </>
      )}
      <dt>{shippingName ? `Shipping: ${shippingName}` : "Shipping"}</dt>
      <dd data-testid="shipping-amount">{shipping.amount === 0 ? "Free" : <Price money={shipping} />}</dd>
      {/* No tax line while none is charged and no rate applies (a store that charges no tax never shows one). */}
      {!taxIncluded && (tax.amount > 0 || taxLabel) && (
        <>
          <dt>{taxLabel ?? "Tax"}</dt>
          <dd data-testid="tax-amount">
            <Price money={tax} />
          </dd>
        </>
      )}
      <dt className="total">Total</dt>
      <dd className="total" data-testid="cart-total">
        <Price money={total} />
      </dd>
      {taxIncluded && tax.amount > 0 && (
        <>
          <dt className="tax-included">Includes {taxLabel ?? "tax"}</dt>
          <dd className="tax-included" data-testid="tax-amount">
            <Price money={tax} />
          </dd>
        </>
      )}
    </dl>
  );
}
