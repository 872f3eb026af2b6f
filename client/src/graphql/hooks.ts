import { useMutation, useQuery } from "@apollo/client/react";
import * as Ops from "./graphql";

/** The AddToCart mutation. */
export function useAddToCartMutation(options?: useMutation.Options<Ops.AddToCartMutation, Ops.AddToCartMutationVariables>) {
  return useMutation(Ops.AddToCartDocument, options);
}

/** Runs the Cart query. */
export function useCartQuery(options?: useQuery.Options<Ops.CartQuery, Ops.CartQueryVariables>) {
  return useQuery(Ops.CartDocument, options as useQuery.Options<Ops.CartQuery, Ops.CartQueryVariables>);
}

/** Runs the Order query. */
export function useOrderQuery(options: useQuery.Options<Ops.OrderQuery, Ops.OrderQueryVariables>) {
  return useQuery(Ops.OrderDocument, options as useQuery.Options<Ops.OrderQuery, Ops.OrderQueryVariables>);
}

/** The PlaceOrder mutation. */
export function usePlaceOrderMutation(options?: useMutation.Options<Ops.PlaceOrderMutation, Ops.PlaceOrderMutationVariables>) {
  return useMutation(Ops.PlaceOrderDocument, options);
}

/** Runs the Product query. */
export function useProductQuery(options: useQuery.Options<Ops.ProductQuery, Ops.ProductQueryVariables>) {
  return useQuery(Ops.ProductDocument, options as useQuery.Options<Ops.ProductQuery, Ops.ProductQueryVariables>);
}

/** Runs the Products query. */
export function useProductsQuery(options?: useQuery.Options<Ops.ProductsQuery, Ops.ProductsQueryVariables>) {
  return useQuery(Ops.ProductsDocument, options as useQuery.Options<Ops.ProductsQuery, Ops.ProductsQueryVariables>);
}

/** The RemoveFromCart mutation. */
export function useRemoveFromCartMutation(options?: useMutation.Options<Ops.RemoveFromCartMutation, Ops.RemoveFromCartMutationVariables>) {
  return useMutation(Ops.RemoveFromCartDocument, options);
}

/** The UpdateQuantity mutation. */
export function useUpdateQuantityMutation(options?: useMutation.Options<Ops.UpdateQuantityMutation, Ops.UpdateQuantityMutationVariables>) {
  return useMutation(Ops.UpdateQuantityDocument, options);
}
