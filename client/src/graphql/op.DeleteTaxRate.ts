/* eslint-disable */
import type { TypedDocumentNode } from "@apollo/client";
import { useMutation } from "@apollo/client/react";
import type { DeleteTaxRateMutation, DeleteTaxRateMutationVariables } from "./graphql";

export const DeleteTaxRateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteTaxRate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteTaxRate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as TypedDocumentNode<DeleteTaxRateMutation, DeleteTaxRateMutationVariables>;

/** The DeleteTaxRate mutation. */
export function useDeleteTaxRateMutation(options?: useMutation.Options<DeleteTaxRateMutation, DeleteTaxRateMutationVariables>) {
  return useMutation(DeleteTaxRateDocument, options);
}
