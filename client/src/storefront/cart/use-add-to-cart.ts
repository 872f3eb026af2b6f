import { useAddToCartMutation } from "../../graphql/op.AddToCart";
import { apiError } from "../../lib/errors";

/** Adds to the cart; the result lands in the cached singleton Cart, so the badge updates by itself. */
export function useAddToCart() {
  const [mutate, { loading, error, data, reset }] = useAddToCartMutation();
  // A product with options needs the variant named; one without takes its only variant.
  const add = (productId: string, quantity = 1, variantId?: string | null) =>
    mutate({ variables: { productId, variantId, quantity } }).catch(() => undefined);
  return { add, adding: loading, added: Boolean(data) && !error, error: apiError(error), reset };
}
