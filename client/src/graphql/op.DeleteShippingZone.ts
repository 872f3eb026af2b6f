/* eslint-disable */
import type { TypedDocumentNode } from "@apollo/client";
import { useMutation } from "@apollo/client/react";
import type { DeleteShippingZoneMutation, DeleteShippingZoneMutationVariables } from "./graphql";

export const DeleteShippingZoneDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteShippingZone"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteShippingZone"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as TypedDocumentNode<DeleteShippingZoneMutation, DeleteShippingZoneMutationVariables>;

/** The DeleteShippingZone mutation. */
export function useDeleteShippingZoneMutation(options?: useMutation.Options<DeleteShippingZoneMutation, DeleteShippingZoneMutationVariables>) {
  return useMutation(DeleteShippingZoneDocument, options);
}
