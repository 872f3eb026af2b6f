import { Price } from "../../components/price";
import type { CartFieldsFragment } from "../../graphql/graphql";
import type { useShipping } from "./use-shipping";

const countryName = new Intl.DisplayNames(["en"], { type: "region" });

interface Props {
  cart: Pick<CartFieldsFragment, "destination" | "shippingOptions" | "selectedShipping">;
  /** The shipping address's country (ISO code), "" before one is chosen. */
  country: string;
  shipping: ReturnType<typeof useShipping>;
}

/** The ways to ship to the address's country, priced for this cart, as one radio group. */
export function ShippingMethods({ cart, country, shipping }: Props) {
  const priced = Boolean(country) && cart.destination?.country === country && !shipping.refusedMessage;
  const checked = shipping.choosing ?? cart.selectedShipping?.id;
  let note: string | null = null;
  if (!country) note = "Choose the country you're shipping to, above, to see the shipping methods and their prices.";
  else if (shipping.refusedMessage) note = "Choose a country we ship to, to see the shipping methods.";
  else if (priced && cart.shippingOptions.length === 0) note = `We can't ship this cart to ${countryName.of(country) ?? country}.`;
  else if (!priced && !shipping.failed) note = `Finding the shipping methods for ${countryName.of(country) ?? country}…`;
  return (
    <fieldset className="shipping-methods" aria-busy={shipping.updating || Boolean(shipping.choosing)}>
      <legend>Shipping method</legend>
      {note && (
        <p className="muted" role="status">
          {note}
        </p>
      )}
      {priced &&
        cart.shippingOptions.map((o) => (
          <div className="field radio" key={o.id}>
            <input
              id={`shipping-option-${o.id}`}
              type="radio"
              name="shipping-option"
              value={o.id}
              checked={checked === o.id}
              onChange={() => shipping.choose(o.id)}
            />
            <label htmlFor={`shipping-option-${o.id}`} className="shipping-option">
              <span className="shipping-option-name">{o.name}</span>{" "}
              <span className="shipping-option-price">{o.price.amount === 0 ? "Free" : <Price money={o.price} />}</span>
              {o.estimatedDays && (
                <>
                  {" "}
                  <span className="muted shipping-option-days">{o.estimatedDays}</span>
                </>
              )}
            </label>
          </div>
        ))}
      {shipping.failed && (
        <p className="error" role="alert">
          {shipping.failed}
        </p>
      )}
    </fieldset>
  );
}
