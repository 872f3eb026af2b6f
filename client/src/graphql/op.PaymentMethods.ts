/* eslint-disable */
import type { TypedDocumentNode } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import type { PaymentMethodsQuery, PaymentMethodsQueryVariables } from "./graphql";

export const PaymentMethodsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PaymentMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paymentMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"instructions"}}]}}]}}]} as unknown as TypedDocumentNode<PaymentMethodsQuery, PaymentMethodsQueryVariables>;

/** Runs the PaymentMethods query. */
export function usePaymentMethodsQuery(options?: useQuery.Options<PaymentMethodsQuery, PaymentMethodsQueryVariables>) {
  return useQuery(PaymentMethodsDocument, options as useQuery.Options<PaymentMethodsQuery, PaymentMethodsQueryVariables>);
}
