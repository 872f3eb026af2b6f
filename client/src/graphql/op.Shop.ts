/* eslint-disable */
import type { TypedDocumentNode } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import type { ShopQuery, ShopQueryVariables } from "./graphql";

export const ShopDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Shop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as TypedDocumentNode<ShopQuery, ShopQueryVariables>;

/** Runs the Shop query. */
export function useShopQuery(options?: useQuery.Options<ShopQuery, ShopQueryVariables>) {
  return useQuery(ShopDocument, options as useQuery.Options<ShopQuery, ShopQueryVariables>);
}
