/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment ImageFields on ProductImage {\n  url\n  alt\n}": typeof types.ImageFieldsFragmentDoc,
    "fragment MoneyFields on Money {\n  amount\n  currency\n}": typeof types.MoneyFieldsFragmentDoc,
    "mutation AddToCart($productId: ID!, $quantity: Int!) {\n  addToCart(productId: $productId, quantity: $quantity) {\n    ...CartFields\n  }\n}": typeof types.AddToCartDocument,
    "fragment CartFields on Cart {\n  id\n  totalQuantity\n  lines {\n    id\n    quantity\n    product {\n      id\n      name\n      stock\n      images {\n        ...ImageFields\n      }\n    }\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n  }\n  subtotal {\n    ...MoneyFields\n  }\n  shipping {\n    ...MoneyFields\n  }\n  tax {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n}": typeof types.CartFieldsFragmentDoc,
    "query Cart {\n  cart {\n    ...CartFields\n  }\n}": typeof types.CartDocument,
    "mutation RemoveFromCart($lineId: ID!) {\n  removeFromCart(lineId: $lineId) {\n    ...CartFields\n  }\n}": typeof types.RemoveFromCartDocument,
    "mutation UpdateQuantity($lineId: ID!, $quantity: Int!) {\n  updateQuantity(lineId: $lineId, quantity: $quantity) {\n    ...CartFields\n  }\n}": typeof types.UpdateQuantityDocument,
    "query Products($first: Int, $after: String, $search: String) {\n  products(first: $first, after: $after, search: $search) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      description\n      stock\n      price {\n        ...MoneyFields\n      }\n      images {\n        ...ImageFields\n      }\n    }\n  }\n}": typeof types.ProductsDocument,
    "mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    ...OrderFields\n  }\n}": typeof types.PlaceOrderDocument,
    "fragment OrderFields on Order {\n  id\n  number\n  status\n  email\n  createdAt\n  lines {\n    sku\n    name\n    quantity\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n  }\n  subtotal {\n    ...MoneyFields\n  }\n  shipping {\n    ...MoneyFields\n  }\n  tax {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n  shippingAddress {\n    ...AddressFields\n  }\n  billingAddress {\n    ...AddressFields\n  }\n}\n\nfragment AddressFields on Address {\n  name\n  line1\n  line2\n  city\n  region\n  postalCode\n  country\n}": typeof types.OrderFieldsFragmentDoc,
    "query Order($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n  }\n}": typeof types.OrderDocument,
    "query Product($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    stock\n    price {\n      ...MoneyFields\n    }\n    images {\n      ...ImageFields\n    }\n  }\n}": typeof types.ProductDocument,
};
const documents: Documents = {
    "fragment ImageFields on ProductImage {\n  url\n  alt\n}": types.ImageFieldsFragmentDoc,
    "fragment MoneyFields on Money {\n  amount\n  currency\n}": types.MoneyFieldsFragmentDoc,
    "mutation AddToCart($productId: ID!, $quantity: Int!) {\n  addToCart(productId: $productId, quantity: $quantity) {\n    ...CartFields\n  }\n}": types.AddToCartDocument,
    "fragment CartFields on Cart {\n  id\n  totalQuantity\n  lines {\n    id\n    quantity\n    product {\n      id\n      name\n      stock\n      images {\n        ...ImageFields\n      }\n    }\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n  }\n  subtotal {\n    ...MoneyFields\n  }\n  shipping {\n    ...MoneyFields\n  }\n  tax {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n}": types.CartFieldsFragmentDoc,
    "query Cart {\n  cart {\n    ...CartFields\n  }\n}": types.CartDocument,
    "mutation RemoveFromCart($lineId: ID!) {\n  removeFromCart(lineId: $lineId) {\n    ...CartFields\n  }\n}": types.RemoveFromCartDocument,
    "mutation UpdateQuantity($lineId: ID!, $quantity: Int!) {\n  updateQuantity(lineId: $lineId, quantity: $quantity) {\n    ...CartFields\n  }\n}": types.UpdateQuantityDocument,
    "query Products($first: Int, $after: String, $search: String) {\n  products(first: $first, after: $after, search: $search) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      description\n      stock\n      price {\n        ...MoneyFields\n      }\n      images {\n        ...ImageFields\n      }\n    }\n  }\n}": types.ProductsDocument,
    "mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    ...OrderFields\n  }\n}": types.PlaceOrderDocument,
    "fragment OrderFields on Order {\n  id\n  number\n  status\n  email\n  createdAt\n  lines {\n    sku\n    name\n    quantity\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n  }\n  subtotal {\n    ...MoneyFields\n  }\n  shipping {\n    ...MoneyFields\n  }\n  tax {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n  shippingAddress {\n    ...AddressFields\n  }\n  billingAddress {\n    ...AddressFields\n  }\n}\n\nfragment AddressFields on Address {\n  name\n  line1\n  line2\n  city\n  region\n  postalCode\n  country\n}": types.OrderFieldsFragmentDoc,
    "query Order($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n  }\n}": types.OrderDocument,
    "query Product($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    stock\n    price {\n      ...MoneyFields\n    }\n    images {\n      ...ImageFields\n    }\n  }\n}": types.ProductDocument,
};

/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = gql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function gql(source: string): unknown;

/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "fragment ImageFields on ProductImage {\n  url\n  alt\n}"): (typeof documents)["fragment ImageFields on ProductImage {\n  url\n  alt\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "fragment MoneyFields on Money {\n  amount\n  currency\n}"): (typeof documents)["fragment MoneyFields on Money {\n  amount\n  currency\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation AddToCart($productId: ID!, $quantity: Int!) {\n  addToCart(productId: $productId, quantity: $quantity) {\n    ...CartFields\n  }\n}"): (typeof documents)["mutation AddToCart($productId: ID!, $quantity: Int!) {\n  addToCart(productId: $productId, quantity: $quantity) {\n    ...CartFields\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "fragment CartFields on Cart {\n  id\n  totalQuantity\n  lines {\n    id\n    quantity\n    product {\n      id\n      name\n      stock\n      images {\n        ...ImageFields\n      }\n    }\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n  }\n  subtotal {\n    ...MoneyFields\n  }\n  shipping {\n    ...MoneyFields\n  }\n  tax {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n}"): (typeof documents)["fragment CartFields on Cart {\n  id\n  totalQuantity\n  lines {\n    id\n    quantity\n    product {\n      id\n      name\n      stock\n      images {\n        ...ImageFields\n      }\n    }\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n  }\n  subtotal {\n    ...MoneyFields\n  }\n  shipping {\n    ...MoneyFields\n  }\n  tax {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Cart {\n  cart {\n    ...CartFields\n  }\n}"): (typeof documents)["query Cart {\n  cart {\n    ...CartFields\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation RemoveFromCart($lineId: ID!) {\n  removeFromCart(lineId: $lineId) {\n    ...CartFields\n  }\n}"): (typeof documents)["mutation RemoveFromCart($lineId: ID!) {\n  removeFromCart(lineId: $lineId) {\n    ...CartFields\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation UpdateQuantity($lineId: ID!, $quantity: Int!) {\n  updateQuantity(lineId: $lineId, quantity: $quantity) {\n    ...CartFields\n  }\n}"): (typeof documents)["mutation UpdateQuantity($lineId: ID!, $quantity: Int!) {\n  updateQuantity(lineId: $lineId, quantity: $quantity) {\n    ...CartFields\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Products($first: Int, $after: String, $search: String) {\n  products(first: $first, after: $after, search: $search) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      description\n      stock\n      price {\n        ...MoneyFields\n      }\n      images {\n        ...ImageFields\n      }\n    }\n  }\n}"): (typeof documents)["query Products($first: Int, $after: String, $search: String) {\n  products(first: $first, after: $after, search: $search) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      description\n      stock\n      price {\n        ...MoneyFields\n      }\n      images {\n        ...ImageFields\n      }\n    }\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    ...OrderFields\n  }\n}"): (typeof documents)["mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    ...OrderFields\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "fragment OrderFields on Order {\n  id\n  number\n  status\n  email\n  createdAt\n  lines {\n    sku\n    name\n    quantity\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n  }\n  subtotal {\n    ...MoneyFields\n  }\n  shipping {\n    ...MoneyFields\n  }\n  tax {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n  shippingAddress {\n    ...AddressFields\n  }\n  billingAddress {\n    ...AddressFields\n  }\n}\n\nfragment AddressFields on Address {\n  name\n  line1\n  line2\n  city\n  region\n  postalCode\n  country\n}"): (typeof documents)["fragment OrderFields on Order {\n  id\n  number\n  status\n  email\n  createdAt\n  lines {\n    sku\n    name\n    quantity\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n  }\n  subtotal {\n    ...MoneyFields\n  }\n  shipping {\n    ...MoneyFields\n  }\n  tax {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n  shippingAddress {\n    ...AddressFields\n  }\n  billingAddress {\n    ...AddressFields\n  }\n}\n\nfragment AddressFields on Address {\n  name\n  line1\n  line2\n  city\n  region\n  postalCode\n  country\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Order($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n  }\n}"): (typeof documents)["query Order($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Product($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    stock\n    price {\n      ...MoneyFields\n    }\n    images {\n      ...ImageFields\n    }\n  }\n}"): (typeof documents)["query Product($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    stock\n    price {\n      ...MoneyFields\n    }\n    images {\n      ...ImageFields\n    }\n  }\n}"];

export function gql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;