import { useAddToCartMutation } from "../../graphql/hooks";
import { apiError } from "../../lib/errors";

/** Adds to the cart; the result lands in the cached singleton Cart, so the badge updates by itself. */
export function useAddToCart() {
  const [mutate, { loading, error, data, reset }] = useAddToCartMutation();
  const add = (productId: string, quantity = 1) => mutate({ variables: { productId, quantity } }).catch(() => undefined);
  return { add, adding: loading, added: Boolean(data) && !error, error: apiError(error), reset };
}
