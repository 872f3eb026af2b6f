/* eslint-disable */
import type { TypedDocumentNode } from "@apollo/client";
import { useMutation } from "@apollo/client/react";
import type { DeleteDiscountCodeMutation, DeleteDiscountCodeMutationVariables } from "./graphql";

export const DeleteDiscountCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteDiscountCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteDiscountCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as TypedDocumentNode<DeleteDiscountCodeMutation, DeleteDiscountCodeMutationVariables>;

/** The DeleteDiscountCode mutation. */
export function useDeleteDiscountCodeMutation(options?: useMutation.Options<DeleteDiscountCodeMutation, DeleteDiscountCodeMutationVariables>) {
  return useMutation(DeleteDiscountCodeDocument, options);
}
