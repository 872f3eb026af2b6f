import { useEffect, useRef, useState } from "react";
import type { CartFieldsFragment } from "../../graphql/graphql";
import { useSelectShippingMutation } from "../../graphql/op.SelectShipping";
import { useSetShippingDestinationMutation } from "../../graphql/op.SetShippingDestination";
import { apiError } from "../../lib/errors";
import type { AddressForm } from "./validation";

/** Where the cart ships, as the shipping address says so far. */
export interface Destination {
  country: string;
  region: string | null;
  postalCode: string | null;
}

export const destinationOf = (a: AddressForm): Destination => ({
  country: a.country,
  region: a.region.trim() || null,
  postalCode: a.postalCode.trim() || null,
});

const norm = (s: string | null | undefined) => (s ?? "").trim().toUpperCase();

/** The cart is already priced for this destination (the server keeps the country upper-case). */
export function samePlace(a: Destination | null | undefined, b: Destination): boolean {
  return (
    Boolean(a) && norm(a!.country) === norm(b.country) && norm(a!.region) === norm(b.region) && norm(a!.postalCode) === norm(b.postalCode)
  );
}

/**
 * Prices the cart for the shipping address: sends its destination whenever it changes (the page decides
 * when: on a new country, and when the region or postal code is left) and chooses the shipping option.
 * A country no zone ships to is kept as `refused` (its message is shown at the Country field) until
 * another country is chosen. `settled()` waits for what is on its way, and gives the cart it left.
 */
export function useShipping(cart: CartFieldsFragment | undefined, destination: Destination) {
  const [send, sending] = useSetShippingDestinationMutation();
  const [select, selecting] = useSelectShippingMutation();
  const [refused, setRefused] = useState<{ country: string; message: string } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // The option being chosen, shown checked before the server has answered.
  const [choosing, setChoosing] = useState<string | null>(null);
  const asked = useRef<string | null>(null);
  const pending = useRef<Promise<CartFieldsFragment | undefined>>(Promise.resolve(undefined));
  const key = destination.country ? JSON.stringify(destination) : null;
  const hasCart = Boolean(cart);
  const cartDestination = cart?.destination;

  useEffect(() => {
    if (!hasCart || !key || asked.current === key) return;
    asked.current = key;
    const wanted = JSON.parse(key) as Destination;
    if (samePlace(cartDestination, wanted)) return;
    const latest = () => asked.current === key;
    pending.current = send({ variables: wanted }).then(
      (result) => {
        if (latest()) {
          setRefused(null);
          setFailed(null);
        }
        return result.data?.setShippingDestination;
      },
      (error) => {
        const e = apiError(error)!;
        if (latest() && e.code === "NO_SHIPPING") setRefused({ country: wanted.country, message: e.message });
        else if (latest()) setFailed("We couldn't work out shipping for this address just now; it is priced when you place the order.");
        return undefined;
      },
    );
  }, [hasCart, key, cartDestination, send]);

  const choose = (optionId: string) => {
    setChoosing(optionId);
    pending.current = select({ variables: { optionId } }).then(
      (result) => {
        setFailed(null);
        return result.data?.selectShipping;
      },
      () => {
        setFailed("We couldn't change the shipping method just now. Please try again.");
        return undefined;
      },
    );
    void pending.current.finally(() => setChoosing(null));
  };

  return {
    /** The message for a country the shop doesn't ship to, while that country is chosen. */
    refusedMessage: refused && refused.country === destination.country ? refused.message : null,
    /** Checkout said NO_SHIPPING for a country (its address was never sent here, e.g. restored from a reload). */
    markRefused: (country: string, message: string) => setRefused({ country, message }),
    failed,
    updating: sending.loading,
    choosing: selecting.loading ? choosing : null,
    choose,
    settled: () => pending.current,
  };
}
