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
    "mutation ImportProductsCsv($csv: String!) {\n  importProductsCsv(csv: $csv) {\n    created\n    updated\n  }\n}": typeof types.ImportProductsCsvDocument,
    "query AdminCategories {\n  categories {\n    ...AdminCategoryFields\n    children {\n      ...AdminCategoryFields\n      children {\n        ...AdminCategoryFields\n        children {\n          ...AdminCategoryFields\n          children {\n            ...AdminCategoryFields\n          }\n        }\n      }\n    }\n  }\n}\n\nfragment AdminCategoryFields on Category {\n  id\n  slug\n  name\n  position\n}": typeof types.AdminCategoriesDocument,
    "mutation CreateCategory($input: CategoryInput!) {\n  createCategory(input: $input) {\n    ...AdminCategoryFields\n  }\n}": typeof types.CreateCategoryDocument,
    "mutation DeleteCategory($id: ID!) {\n  deleteCategory(id: $id)\n}": typeof types.DeleteCategoryDocument,
    "mutation UpdateCategory($id: ID!, $input: CategoryInput!) {\n  updateCategory(id: $id, input: $input) {\n    ...AdminCategoryFields\n  }\n}": typeof types.UpdateCategoryDocument,
    "query Dashboard {\n  dashboard {\n    ordersToday\n    revenueToday {\n      ...MoneyFields\n    }\n    ordersThisMonth\n    revenueThisMonth {\n      ...MoneyFields\n    }\n    revenueByDay {\n      date\n      orders\n      revenue {\n        ...MoneyFields\n      }\n    }\n    topProducts {\n      sku\n      name\n      quantity\n      revenue {\n        ...MoneyFields\n      }\n    }\n    lowStock {\n      id\n      sku\n      name\n      stock\n    }\n  }\n  emailOutbox {\n    ...EmailOutboxFields\n  }\n}": typeof types.DashboardDocument,
    "query AdminEmails($status: EmailStatus, $first: Int, $after: String) {\n  emails(status: $status, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...EmailMessageFields\n    }\n  }\n  emailOutbox {\n    ...EmailOutboxFields\n  }\n}\n\nmutation ResendEmail($id: ID!) {\n  resendEmail(id: $id) {\n    ...EmailMessageFields\n  }\n}\n\nfragment EmailMessageFields on EmailMessage {\n  id\n  kind\n  subject\n  status\n  attempts\n  nextAttemptAt\n  lastError\n  createdAt\n  sentAt\n  to\n}\n\nfragment EmailOutboxFields on EmailOutbox {\n  delivery\n  pending\n  failed\n}": typeof types.AdminEmailsDocument,
    "query AdminOrder($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n    nextStatuses\n    attention\n    customer {\n      id\n      email\n      name\n    }\n    history {\n      id\n      kind\n      fromStatus\n      toStatus\n      actor\n      note\n      createdAt\n    }\n  }\n}": typeof types.AdminOrderDocument,
    "query AdminOrders($status: OrderStatus, $search: String, $first: Int, $after: String) {\n  orders(status: $status, search: $search, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      number\n      status\n      email\n      createdAt\n      total {\n        ...MoneyFields\n      }\n    }\n  }\n}": typeof types.AdminOrdersDocument,
    "mutation MarkOrderPaid($id: ID!) {\n  markOrderPaid(id: $id) {\n    ...OrderFields\n    nextStatuses\n    attention\n    history {\n      id\n      kind\n      fromStatus\n      toStatus\n      actor\n      note\n      createdAt\n    }\n  }\n}\n\nmutation RetryRefund($id: ID!) {\n  retryRefund(id: $id) {\n    ...OrderFields\n    nextStatuses\n    attention\n    history {\n      id\n      kind\n      fromStatus\n      toStatus\n      actor\n      note\n      createdAt\n    }\n  }\n}": typeof types.MarkOrderPaidDocument,
    "mutation UpdateOrderStatus($id: ID!, $status: OrderStatus!, $trackingNumber: String, $note: String) {\n  updateOrderStatus(\n    id: $id\n    status: $status\n    trackingNumber: $trackingNumber\n    note: $note\n  ) {\n    id\n    status\n    trackingNumber\n    nextStatuses\n    payment {\n      provider\n      status\n      redirectUrl\n      instructions\n      expiresAt\n    }\n    history {\n      id\n      kind\n      fromStatus\n      toStatus\n      actor\n      note\n      createdAt\n    }\n  }\n}": typeof types.UpdateOrderStatusDocument,
    "mutation AdjustStock($productId: ID!, $delta: Int!, $reason: String!) {\n  adjustStock(productId: $productId, delta: $delta, reason: $reason) {\n    id\n    stock\n  }\n}": typeof types.AdjustStockDocument,
    "query AdminProduct($id: ID!, $after: String) {\n  adminProduct(id: $id) {\n    ...AdminProductFields\n  }\n  stockMovements(productId: $id, first: 20, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      delta\n      reason\n      resultingStock\n      actor\n      orderNumber\n      createdAt\n    }\n  }\n}\n\nfragment AdminProductFields on Product {\n  id\n  sku\n  name\n  description\n  status\n  stock\n  price {\n    ...MoneyFields\n  }\n  categories {\n    id\n  }\n  images {\n    ...ImageFields\n  }\n}": typeof types.AdminProductDocument,
    "query AdminProducts($status: ProductStatus, $search: String, $first: Int, $after: String) {\n  adminProducts(status: $status, search: $search, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      sku\n      name\n      status\n      stock\n      price {\n        ...MoneyFields\n      }\n      images {\n        ...ImageFields\n      }\n    }\n  }\n}": typeof types.AdminProductsDocument,
    "mutation CreateProduct($input: CreateProductInput!) {\n  createProduct(input: $input) {\n    ...AdminProductFields\n  }\n}": typeof types.CreateProductDocument,
    "query Shop {\n  shop {\n    currency\n  }\n}": typeof types.ShopDocument,
    "mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n  updateProduct(id: $id, input: $input) {\n    ...AdminProductFields\n  }\n}": typeof types.UpdateProductDocument,
    "fragment ImageFields on ProductImage {\n  url\n  alt\n}": typeof types.ImageFieldsFragmentDoc,
    "fragment MoneyFields on Money {\n  amount\n  currency\n}": typeof types.MoneyFieldsFragmentDoc,
    "mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    id\n    email\n    name\n    role\n  }\n}": typeof types.ChangePasswordDocument,
    "mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    id\n    email\n    name\n    role\n  }\n}": typeof types.LoginDocument,
    "mutation Logout {\n  logout\n}": typeof types.LogoutDocument,
    "query Me {\n  me {\n    id\n    email\n    name\n    role\n  }\n}": typeof types.MeDocument,
    "query MyOrders($first: Int, $after: String) {\n  myOrders(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      number\n      status\n      createdAt\n      total {\n        ...MoneyFields\n      }\n    }\n  }\n}": typeof types.MyOrdersDocument,
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    id\n    email\n    name\n    role\n  }\n}": typeof types.RegisterDocument,
    "mutation RequestPasswordReset($email: String!) {\n  requestPasswordReset(email: $email)\n}": typeof types.RequestPasswordResetDocument,
    "mutation ResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input) {\n    id\n    email\n    name\n    role\n  }\n}": typeof types.ResetPasswordDocument,
    "mutation AddToCart($productId: ID!, $quantity: Int!) {\n  addToCart(productId: $productId, quantity: $quantity) {\n    ...CartFields\n  }\n}": typeof types.AddToCartDocument,
    "mutation CancelPayment($orderId: ID!) {\n  cancelPayment(orderId: $orderId) {\n    ...OrderFields\n  }\n}": typeof types.CancelPaymentDocument,
    "fragment CartFields on Cart {\n  id\n  totalQuantity\n  lines {\n    id\n    quantity\n    product {\n      id\n      name\n      stock\n      images {\n        ...ImageFields\n      }\n    }\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n  }\n  subtotal {\n    ...MoneyFields\n  }\n  shipping {\n    ...MoneyFields\n  }\n  tax {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n}": typeof types.CartFieldsFragmentDoc,
    "query Cart {\n  cart {\n    ...CartFields\n  }\n}": typeof types.CartDocument,
    "mutation RemoveFromCart($lineId: ID!) {\n  removeFromCart(lineId: $lineId) {\n    ...CartFields\n  }\n}": typeof types.RemoveFromCartDocument,
    "mutation UpdateQuantity($lineId: ID!, $quantity: Int!) {\n  updateQuantity(lineId: $lineId, quantity: $quantity) {\n    ...CartFields\n  }\n}": typeof types.UpdateQuantityDocument,
    "query Categories {\n  categories {\n    ...CategoryLink\n  }\n}\n\nfragment CategoryLink on Category {\n  id\n  slug\n  name\n}": typeof types.CategoriesDocument,
    "query Products($first: Int, $after: String, $search: String, $category: String) {\n  products(first: $first, after: $after, search: $search, category: $category) {\n    ...ProductCardPage\n  }\n}\n\nfragment ProductCardPage on ProductConnection {\n  totalCount\n  pageInfo {\n    hasNextPage\n    endCursor\n  }\n  nodes {\n    ...ProductCardFields\n  }\n}\n\nfragment ProductCardFields on Product {\n  id\n  name\n  description\n  stock\n  price {\n    ...MoneyFields\n  }\n  images {\n    ...ImageFields\n  }\n}": typeof types.ProductsDocument,
    "query Category($slug: String!, $first: Int, $after: String, $browsing: Boolean!) {\n  category(slug: $slug) {\n    ...CategoryLink\n    parent {\n      ...CategoryLink\n      children {\n        ...CategoryLink\n      }\n      parent {\n        ...CategoryLink\n        parent {\n          ...CategoryLink\n          parent {\n            ...CategoryLink\n          }\n        }\n      }\n    }\n    children {\n      ...CategoryLink\n    }\n    products(first: $first, after: $after) @include(if: $browsing) {\n      ...ProductCardPage\n    }\n  }\n}": typeof types.CategoryDocument,
    "query PaymentMethods {\n  paymentMethods {\n    id\n    name\n    kind\n    instructions\n  }\n}": typeof types.PaymentMethodsDocument,
    "mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    ...OrderFields\n  }\n}": typeof types.PlaceOrderDocument,
    "fragment OrderFields on Order {\n  id\n  number\n  status\n  email\n  trackingNumber\n  createdAt\n  lines {\n    sku\n    name\n    quantity\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n  }\n  subtotal {\n    ...MoneyFields\n  }\n  shipping {\n    ...MoneyFields\n  }\n  tax {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n  shippingAddress {\n    ...AddressFields\n  }\n  billingAddress {\n    ...AddressFields\n  }\n  payment {\n    provider\n    status\n    redirectUrl\n    instructions\n    expiresAt\n  }\n}\n\nfragment AddressFields on Address {\n  name\n  line1\n  line2\n  city\n  region\n  postalCode\n  country\n}": typeof types.OrderFieldsFragmentDoc,
    "query Order($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n  }\n}": typeof types.OrderDocument,
    "query Product($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    stock\n    price {\n      ...MoneyFields\n    }\n    categories {\n      ...CategoryLink\n    }\n    images {\n      ...ImageFields\n    }\n  }\n}": typeof types.ProductDocument,
};
const documents: Documents = {
    "mutation ImportProductsCsv($csv: String!) {\n  importProductsCsv(csv: $csv) {\n    created\n    updated\n  }\n}": types.ImportProductsCsvDocument,
    "query AdminCategories {\n  categories {\n    ...AdminCategoryFields\n    children {\n      ...AdminCategoryFields\n      children {\n        ...AdminCategoryFields\n        children {\n          ...AdminCategoryFields\n          children {\n            ...AdminCategoryFields\n          }\n        }\n      }\n    }\n  }\n}\n\nfragment AdminCategoryFields on Category {\n  id\n  slug\n  name\n  position\n}": types.AdminCategoriesDocument,
    "mutation CreateCategory($input: CategoryInput!) {\n  createCategory(input: $input) {\n    ...AdminCategoryFields\n  }\n}": types.CreateCategoryDocument,
    "mutation DeleteCategory($id: ID!) {\n  deleteCategory(id: $id)\n}": types.DeleteCategoryDocument,
    "mutation UpdateCategory($id: ID!, $input: CategoryInput!) {\n  updateCategory(id: $id, input: $input) {\n    ...AdminCategoryFields\n  }\n}": types.UpdateCategoryDocument,
    "query Dashboard {\n  dashboard {\n    ordersToday\n    revenueToday {\n      ...MoneyFields\n    }\n    ordersThisMonth\n    revenueThisMonth {\n      ...MoneyFields\n    }\n    revenueByDay {\n      date\n      orders\n      revenue {\n        ...MoneyFields\n      }\n    }\n    topProducts {\n      sku\n      name\n      quantity\n      revenue {\n        ...MoneyFields\n      }\n    }\n    lowStock {\n      id\n      sku\n      name\n      stock\n    }\n  }\n  emailOutbox {\n    ...EmailOutboxFields\n  }\n}": types.DashboardDocument,
    "query AdminEmails($status: EmailStatus, $first: Int, $after: String) {\n  emails(status: $status, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...EmailMessageFields\n    }\n  }\n  emailOutbox {\n    ...EmailOutboxFields\n  }\n}\n\nmutation ResendEmail($id: ID!) {\n  resendEmail(id: $id) {\n    ...EmailMessageFields\n  }\n}\n\nfragment EmailMessageFields on EmailMessage {\n  id\n  kind\n  subject\n  status\n  attempts\n  nextAttemptAt\n  lastError\n  createdAt\n  sentAt\n  to\n}\n\nfragment EmailOutboxFields on EmailOutbox {\n  delivery\n  pending\n  failed\n}": types.AdminEmailsDocument,
    "query AdminOrder($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n    nextStatuses\n    attention\n    customer {\n      id\n      email\n      name\n    }\n    history {\n      id\n      kind\n      fromStatus\n      toStatus\n      actor\n      note\n      createdAt\n    }\n  }\n}": types.AdminOrderDocument,
    "query AdminOrders($status: OrderStatus, $search: String, $first: Int, $after: String) {\n  orders(status: $status, search: $search, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      number\n      status\n      email\n      createdAt\n      total {\n        ...MoneyFields\n      }\n    }\n  }\n}": types.AdminOrdersDocument,
    "mutation MarkOrderPaid($id: ID!) {\n  markOrderPaid(id: $id) {\n    ...OrderFields\n    nextStatuses\n    attention\n    history {\n      id\n      kind\n      fromStatus\n      toStatus\n      actor\n      note\n      createdAt\n    }\n  }\n}\n\nmutation RetryRefund($id: ID!) {\n  retryRefund(id: $id) {\n    ...OrderFields\n    nextStatuses\n    attention\n    history {\n      id\n      kind\n      fromStatus\n      toStatus\n      actor\n      note\n      createdAt\n    }\n  }\n}": types.MarkOrderPaidDocument,
    "mutation UpdateOrderStatus($id: ID!, $status: OrderStatus!, $trackingNumber: String, $note: String) {\n  updateOrderStatus(\n    id: $id\n    status: $status\n    trackingNumber: $trackingNumber\n    note: $note\n  ) {\n    id\n    status\n    trackingNumber\n    nextStatuses\n    payment {\n      provider\n      status\n      redirectUrl\n      instructions\n      expiresAt\n    }\n    history {\n      id\n      kind\n      fromStatus\n      toStatus\n      actor\n      note\n      createdAt\n    }\n  }\n}": types.UpdateOrderStatusDocument,
    "mutation AdjustStock($productId: ID!, $delta: Int!, $reason: String!) {\n  adjustStock(productId: $productId, delta: $delta, reason: $reason) {\n    id\n    stock\n  }\n}": types.AdjustStockDocument,
    "query AdminProduct($id: ID!, $after: String) {\n  adminProduct(id: $id) {\n    ...AdminProductFields\n  }\n  stockMovements(productId: $id, first: 20, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      delta\n      reason\n      resultingStock\n      actor\n      orderNumber\n      createdAt\n    }\n  }\n}\n\nfragment AdminProductFields on Product {\n  id\n  sku\n  name\n  description\n  status\n  stock\n  price {\n    ...MoneyFields\n  }\n  categories {\n    id\n  }\n  images {\n    ...ImageFields\n  }\n}": types.AdminProductDocument,
    "query AdminProducts($status: ProductStatus, $search: String, $first: Int, $after: String) {\n  adminProducts(status: $status, search: $search, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      sku\n      name\n      status\n      stock\n      price {\n        ...MoneyFields\n      }\n      images {\n        ...ImageFields\n      }\n    }\n  }\n}": types.AdminProductsDocument,
    "mutation CreateProduct($input: CreateProductInput!) {\n  createProduct(input: $input) {\n    ...AdminProductFields\n  }\n}": types.CreateProductDocument,
    "query Shop {\n  shop {\n    currency\n  }\n}": types.ShopDocument,
    "mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n  updateProduct(id: $id, input: $input) {\n    ...AdminProductFields\n  }\n}": types.UpdateProductDocument,
    "fragment ImageFields on ProductImage {\n  url\n  alt\n}": types.ImageFieldsFragmentDoc,
    "fragment MoneyFields on Money {\n  amount\n  currency\n}": types.MoneyFieldsFragmentDoc,
    "mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    id\n    email\n    name\n    role\n  }\n}": types.ChangePasswordDocument,
    "mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    id\n    email\n    name\n    role\n  }\n}": types.LoginDocument,
    "mutation Logout {\n  logout\n}": types.LogoutDocument,
    "query Me {\n  me {\n    id\n    email\n    name\n    role\n  }\n}": types.MeDocument,
    "query MyOrders($first: Int, $after: String) {\n  myOrders(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      number\n      status\n      createdAt\n      total {\n        ...MoneyFields\n      }\n    }\n  }\n}": types.MyOrdersDocument,
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    id\n    email\n    name\n    role\n  }\n}": types.RegisterDocument,
    "mutation RequestPasswordReset($email: String!) {\n  requestPasswordReset(email: $email)\n}": types.RequestPasswordResetDocument,
    "mutation ResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input) {\n    id\n    email\n    name\n    role\n  }\n}": types.ResetPasswordDocument,
    "mutation AddToCart($productId: ID!, $quantity: Int!) {\n  addToCart(productId: $productId, quantity: $quantity) {\n    ...CartFields\n  }\n}": types.AddToCartDocument,
    "mutation CancelPayment($orderId: ID!) {\n  cancelPayment(orderId: $orderId) {\n    ...OrderFields\n  }\n}": types.CancelPaymentDocument,
    "fragment CartFields on Cart {\n  id\n  totalQuantity\n  lines {\n    id\n    quantity\n    product {\n      id\n      name\n      stock\n      images {\n        ...ImageFields\n      }\n    }\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n  }\n  subtotal {\n    ...MoneyFields\n  }\n  shipping {\n    ...MoneyFields\n  }\n  tax {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n}": types.CartFieldsFragmentDoc,
    "query Cart {\n  cart {\n    ...CartFields\n  }\n}": types.CartDocument,
    "mutation RemoveFromCart($lineId: ID!) {\n  removeFromCart(lineId: $lineId) {\n    ...CartFields\n  }\n}": types.RemoveFromCartDocument,
    "mutation UpdateQuantity($lineId: ID!, $quantity: Int!) {\n  updateQuantity(lineId: $lineId, quantity: $quantity) {\n    ...CartFields\n  }\n}": types.UpdateQuantityDocument,
    "query Categories {\n  categories {\n    ...CategoryLink\n  }\n}\n\nfragment CategoryLink on Category {\n  id\n  slug\n  name\n}": types.CategoriesDocument,
    "query Products($first: Int, $after: String, $search: String, $category: String) {\n  products(first: $first, after: $after, search: $search, category: $category) {\n    ...ProductCardPage\n  }\n}\n\nfragment ProductCardPage on ProductConnection {\n  totalCount\n  pageInfo {\n    hasNextPage\n    endCursor\n  }\n  nodes {\n    ...ProductCardFields\n  }\n}\n\nfragment ProductCardFields on Product {\n  id\n  name\n  description\n  stock\n  price {\n    ...MoneyFields\n  }\n  images {\n    ...ImageFields\n  }\n}": types.ProductsDocument,
    "query Category($slug: String!, $first: Int, $after: String, $browsing: Boolean!) {\n  category(slug: $slug) {\n    ...CategoryLink\n    parent {\n      ...CategoryLink\n      children {\n        ...CategoryLink\n      }\n      parent {\n        ...CategoryLink\n        parent {\n          ...CategoryLink\n          parent {\n            ...CategoryLink\n          }\n        }\n      }\n    }\n    children {\n      ...CategoryLink\n    }\n    products(first: $first, after: $after) @include(if: $browsing) {\n      ...ProductCardPage\n    }\n  }\n}": types.CategoryDocument,
    "query PaymentMethods {\n  paymentMethods {\n    id\n    name\n    kind\n    instructions\n  }\n}": types.PaymentMethodsDocument,
    "mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    ...OrderFields\n  }\n}": types.PlaceOrderDocument,
    "fragment OrderFields on Order {\n  id\n  number\n  status\n  email\n  trackingNumber\n  createdAt\n  lines {\n    sku\n    name\n    quantity\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n  }\n  subtotal {\n    ...MoneyFields\n  }\n  shipping {\n    ...MoneyFields\n  }\n  tax {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n  shippingAddress {\n    ...AddressFields\n  }\n  billingAddress {\n    ...AddressFields\n  }\n  payment {\n    provider\n    status\n    redirectUrl\n    instructions\n    expiresAt\n  }\n}\n\nfragment AddressFields on Address {\n  name\n  line1\n  line2\n  city\n  region\n  postalCode\n  country\n}": types.OrderFieldsFragmentDoc,
    "query Order($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n  }\n}": types.OrderDocument,
    "query Product($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    stock\n    price {\n      ...MoneyFields\n    }\n    categories {\n      ...CategoryLink\n    }\n    images {\n      ...ImageFields\n    }\n  }\n}": types.ProductDocument,
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
export function gql(source: "mutation ImportProductsCsv($csv: String!) {\n  importProductsCsv(csv: $csv) {\n    created\n    updated\n  }\n}"): (typeof documents)["mutation ImportProductsCsv($csv: String!) {\n  importProductsCsv(csv: $csv) {\n    created\n    updated\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query AdminCategories {\n  categories {\n    ...AdminCategoryFields\n    children {\n      ...AdminCategoryFields\n      children {\n        ...AdminCategoryFields\n        children {\n          ...AdminCategoryFields\n          children {\n            ...AdminCategoryFields\n          }\n        }\n      }\n    }\n  }\n}\n\nfragment AdminCategoryFields on Category {\n  id\n  slug\n  name\n  position\n}"): (typeof documents)["query AdminCategories {\n  categories {\n    ...AdminCategoryFields\n    children {\n      ...AdminCategoryFields\n      children {\n        ...AdminCategoryFields\n        children {\n          ...AdminCategoryFields\n          children {\n            ...AdminCategoryFields\n          }\n        }\n      }\n    }\n  }\n}\n\nfragment AdminCategoryFields on Category {\n  id\n  slug\n  name\n  position\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation CreateCategory($input: CategoryInput!) {\n  createCategory(input: $input) {\n    ...AdminCategoryFields\n  }\n}"): (typeof documents)["mutation CreateCategory($input: CategoryInput!) {\n  createCategory(input: $input) {\n    ...AdminCategoryFields\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation DeleteCategory($id: ID!) {\n  deleteCategory(id: $id)\n}"): (typeof documents)["mutation DeleteCategory($id: ID!) {\n  deleteCategory(id: $id)\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation UpdateCategory($id: ID!, $input: CategoryInput!) {\n  updateCategory(id: $id, input: $input) {\n    ...AdminCategoryFields\n  }\n}"): (typeof documents)["mutation UpdateCategory($id: ID!, $input: CategoryInput!) {\n  updateCategory(id: $id, input: $input) {\n    ...AdminCategoryFields\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Dashboard {\n  dashboard {\n    ordersToday\n    revenueToday {\n      ...MoneyFields\n    }\n    ordersThisMonth\n    revenueThisMonth {\n      ...MoneyFields\n    }\n    revenueByDay {\n      date\n      orders\n      revenue {\n        ...MoneyFields\n      }\n    }\n    topProducts {\n      sku\n      name\n      quantity\n      revenue {\n        ...MoneyFields\n      }\n    }\n    lowStock {\n      id\n      sku\n      name\n      stock\n    }\n  }\n  emailOutbox {\n    ...EmailOutboxFields\n  }\n}"): (typeof documents)["query Dashboard {\n  dashboard {\n    ordersToday\n    revenueToday {\n      ...MoneyFields\n    }\n    ordersThisMonth\n    revenueThisMonth {\n      ...MoneyFields\n    }\n    revenueByDay {\n      date\n      orders\n      revenue {\n        ...MoneyFields\n      }\n    }\n    topProducts {\n      sku\n      name\n      quantity\n      revenue {\n        ...MoneyFields\n      }\n    }\n    lowStock {\n      id\n      sku\n      name\n      stock\n    }\n  }\n  emailOutbox {\n    ...EmailOutboxFields\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query AdminEmails($status: EmailStatus, $first: Int, $after: String) {\n  emails(status: $status, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...EmailMessageFields\n    }\n  }\n  emailOutbox {\n    ...EmailOutboxFields\n  }\n}\n\nmutation ResendEmail($id: ID!) {\n  resendEmail(id: $id) {\n    ...EmailMessageFields\n  }\n}\n\nfragment EmailMessageFields on EmailMessage {\n  id\n  kind\n  subject\n  status\n  attempts\n  nextAttemptAt\n  lastError\n  createdAt\n  sentAt\n  to\n}\n\nfragment EmailOutboxFields on EmailOutbox {\n  delivery\n  pending\n  failed\n}"): (typeof documents)["query AdminEmails($status: EmailStatus, $first: Int, $after: String) {\n  emails(status: $status, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...EmailMessageFields\n    }\n  }\n  emailOutbox {\n    ...EmailOutboxFields\n  }\n}\n\nmutation ResendEmail($id: ID!) {\n  resendEmail(id: $id) {\n    ...EmailMessageFields\n  }\n}\n\nfragment EmailMessageFields on EmailMessage {\n  id\n  kind\n  subject\n  status\n  attempts\n  nextAttemptAt\n  lastError\n  createdAt\n  sentAt\n  to\n}\n\nfragment EmailOutboxFields on EmailOutbox {\n  delivery\n  pending\n  failed\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query AdminOrder($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n    nextStatuses\n    attention\n    customer {\n      id\n      email\n      name\n    }\n    history {\n      id\n      kind\n      fromStatus\n      toStatus\n      actor\n      note\n      createdAt\n    }\n  }\n}"): (typeof documents)["query AdminOrder($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n    nextStatuses\n    attention\n    customer {\n      id\n      email\n      name\n    }\n    history {\n      id\n      kind\n      fromStatus\n      toStatus\n      actor\n      note\n      createdAt\n    }\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query AdminOrders($status: OrderStatus, $search: String, $first: Int, $after: String) {\n  orders(status: $status, search: $search, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      number\n      status\n      email\n      createdAt\n      total {\n        ...MoneyFields\n      }\n    }\n  }\n}"): (typeof documents)["query AdminOrders($status: OrderStatus, $search: String, $first: Int, $after: String) {\n  orders(status: $status, search: $search, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      number\n      status\n      email\n      createdAt\n      total {\n        ...MoneyFields\n      }\n    }\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation MarkOrderPaid($id: ID!) {\n  markOrderPaid(id: $id) {\n    ...OrderFields\n    nextStatuses\n    attention\n    history {\n      id\n      kind\n      fromStatus\n      toStatus\n      actor\n      note\n      createdAt\n    }\n  }\n}\n\nmutation RetryRefund($id: ID!) {\n  retryRefund(id: $id) {\n    ...OrderFields\n    nextStatuses\n    attention\n    history {\n      id\n      kind\n      fromStatus\n      toStatus\n      actor\n      note\n      createdAt\n    }\n  }\n}"): (typeof documents)["mutation MarkOrderPaid($id: ID!) {\n  markOrderPaid(id: $id) {\n    ...OrderFields\n    nextStatuses\n    attention\n    history {\n      id\n      kind\n      fromStatus\n      toStatus\n      actor\n      note\n      createdAt\n    }\n  }\n}\n\nmutation RetryRefund($id: ID!) {\n  retryRefund(id: $id) {\n    ...OrderFields\n    nextStatuses\n    attention\n    history {\n      id\n      kind\n      fromStatus\n      toStatus\n      actor\n      note\n      createdAt\n    }\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation UpdateOrderStatus($id: ID!, $status: OrderStatus!, $trackingNumber: String, $note: String) {\n  updateOrderStatus(\n    id: $id\n    status: $status\n    trackingNumber: $trackingNumber\n    note: $note\n  ) {\n    id\n    status\n    trackingNumber\n    nextStatuses\n    payment {\n      provider\n      status\n      redirectUrl\n      instructions\n      expiresAt\n    }\n    history {\n      id\n      kind\n      fromStatus\n      toStatus\n      actor\n      note\n      createdAt\n    }\n  }\n}"): (typeof documents)["mutation UpdateOrderStatus($id: ID!, $status: OrderStatus!, $trackingNumber: String, $note: String) {\n  updateOrderStatus(\n    id: $id\n    status: $status\n    trackingNumber: $trackingNumber\n    note: $note\n  ) {\n    id\n    status\n    trackingNumber\n    nextStatuses\n    payment {\n      provider\n      status\n      redirectUrl\n      instructions\n      expiresAt\n    }\n    history {\n      id\n      kind\n      fromStatus\n      toStatus\n      actor\n      note\n      createdAt\n    }\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation AdjustStock($productId: ID!, $delta: Int!, $reason: String!) {\n  adjustStock(productId: $productId, delta: $delta, reason: $reason) {\n    id\n    stock\n  }\n}"): (typeof documents)["mutation AdjustStock($productId: ID!, $delta: Int!, $reason: String!) {\n  adjustStock(productId: $productId, delta: $delta, reason: $reason) {\n    id\n    stock\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query AdminProduct($id: ID!, $after: String) {\n  adminProduct(id: $id) {\n    ...AdminProductFields\n  }\n  stockMovements(productId: $id, first: 20, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      delta\n      reason\n      resultingStock\n      actor\n      orderNumber\n      createdAt\n    }\n  }\n}\n\nfragment AdminProductFields on Product {\n  id\n  sku\n  name\n  description\n  status\n  stock\n  price {\n    ...MoneyFields\n  }\n  categories {\n    id\n  }\n  images {\n    ...ImageFields\n  }\n}"): (typeof documents)["query AdminProduct($id: ID!, $after: String) {\n  adminProduct(id: $id) {\n    ...AdminProductFields\n  }\n  stockMovements(productId: $id, first: 20, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      delta\n      reason\n      resultingStock\n      actor\n      orderNumber\n      createdAt\n    }\n  }\n}\n\nfragment AdminProductFields on Product {\n  id\n  sku\n  name\n  description\n  status\n  stock\n  price {\n    ...MoneyFields\n  }\n  categories {\n    id\n  }\n  images {\n    ...ImageFields\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query AdminProducts($status: ProductStatus, $search: String, $first: Int, $after: String) {\n  adminProducts(status: $status, search: $search, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      sku\n      name\n      status\n      stock\n      price {\n        ...MoneyFields\n      }\n      images {\n        ...ImageFields\n      }\n    }\n  }\n}"): (typeof documents)["query AdminProducts($status: ProductStatus, $search: String, $first: Int, $after: String) {\n  adminProducts(status: $status, search: $search, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      sku\n      name\n      status\n      stock\n      price {\n        ...MoneyFields\n      }\n      images {\n        ...ImageFields\n      }\n    }\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation CreateProduct($input: CreateProductInput!) {\n  createProduct(input: $input) {\n    ...AdminProductFields\n  }\n}"): (typeof documents)["mutation CreateProduct($input: CreateProductInput!) {\n  createProduct(input: $input) {\n    ...AdminProductFields\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Shop {\n  shop {\n    currency\n  }\n}"): (typeof documents)["query Shop {\n  shop {\n    currency\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n  updateProduct(id: $id, input: $input) {\n    ...AdminProductFields\n  }\n}"): (typeof documents)["mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n  updateProduct(id: $id, input: $input) {\n    ...AdminProductFields\n  }\n}"];
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
export function gql(source: "mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    id\n    email\n    name\n    role\n  }\n}"): (typeof documents)["mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    id\n    email\n    name\n    role\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    id\n    email\n    name\n    role\n  }\n}"): (typeof documents)["mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    id\n    email\n    name\n    role\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation Logout {\n  logout\n}"): (typeof documents)["mutation Logout {\n  logout\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Me {\n  me {\n    id\n    email\n    name\n    role\n  }\n}"): (typeof documents)["query Me {\n  me {\n    id\n    email\n    name\n    role\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query MyOrders($first: Int, $after: String) {\n  myOrders(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      number\n      status\n      createdAt\n      total {\n        ...MoneyFields\n      }\n    }\n  }\n}"): (typeof documents)["query MyOrders($first: Int, $after: String) {\n  myOrders(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      number\n      status\n      createdAt\n      total {\n        ...MoneyFields\n      }\n    }\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    id\n    email\n    name\n    role\n  }\n}"): (typeof documents)["mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    id\n    email\n    name\n    role\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation RequestPasswordReset($email: String!) {\n  requestPasswordReset(email: $email)\n}"): (typeof documents)["mutation RequestPasswordReset($email: String!) {\n  requestPasswordReset(email: $email)\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation ResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input) {\n    id\n    email\n    name\n    role\n  }\n}"): (typeof documents)["mutation ResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input) {\n    id\n    email\n    name\n    role\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation AddToCart($productId: ID!, $quantity: Int!) {\n  addToCart(productId: $productId, quantity: $quantity) {\n    ...CartFields\n  }\n}"): (typeof documents)["mutation AddToCart($productId: ID!, $quantity: Int!) {\n  addToCart(productId: $productId, quantity: $quantity) {\n    ...CartFields\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation CancelPayment($orderId: ID!) {\n  cancelPayment(orderId: $orderId) {\n    ...OrderFields\n  }\n}"): (typeof documents)["mutation CancelPayment($orderId: ID!) {\n  cancelPayment(orderId: $orderId) {\n    ...OrderFields\n  }\n}"];
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
export function gql(source: "query Categories {\n  categories {\n    ...CategoryLink\n  }\n}\n\nfragment CategoryLink on Category {\n  id\n  slug\n  name\n}"): (typeof documents)["query Categories {\n  categories {\n    ...CategoryLink\n  }\n}\n\nfragment CategoryLink on Category {\n  id\n  slug\n  name\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Products($first: Int, $after: String, $search: String, $category: String) {\n  products(first: $first, after: $after, search: $search, category: $category) {\n    ...ProductCardPage\n  }\n}\n\nfragment ProductCardPage on ProductConnection {\n  totalCount\n  pageInfo {\n    hasNextPage\n    endCursor\n  }\n  nodes {\n    ...ProductCardFields\n  }\n}\n\nfragment ProductCardFields on Product {\n  id\n  name\n  description\n  stock\n  price {\n    ...MoneyFields\n  }\n  images {\n    ...ImageFields\n  }\n}"): (typeof documents)["query Products($first: Int, $after: String, $search: String, $category: String) {\n  products(first: $first, after: $after, search: $search, category: $category) {\n    ...ProductCardPage\n  }\n}\n\nfragment ProductCardPage on ProductConnection {\n  totalCount\n  pageInfo {\n    hasNextPage\n    endCursor\n  }\n  nodes {\n    ...ProductCardFields\n  }\n}\n\nfragment ProductCardFields on Product {\n  id\n  name\n  description\n  stock\n  price {\n    ...MoneyFields\n  }\n  images {\n    ...ImageFields\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Category($slug: String!, $first: Int, $after: String, $browsing: Boolean!) {\n  category(slug: $slug) {\n    ...CategoryLink\n    parent {\n      ...CategoryLink\n      children {\n        ...CategoryLink\n      }\n      parent {\n        ...CategoryLink\n        parent {\n          ...CategoryLink\n          parent {\n            ...CategoryLink\n          }\n        }\n      }\n    }\n    children {\n      ...CategoryLink\n    }\n    products(first: $first, after: $after) @include(if: $browsing) {\n      ...ProductCardPage\n    }\n  }\n}"): (typeof documents)["query Category($slug: String!, $first: Int, $after: String, $browsing: Boolean!) {\n  category(slug: $slug) {\n    ...CategoryLink\n    parent {\n      ...CategoryLink\n      children {\n        ...CategoryLink\n      }\n      parent {\n        ...CategoryLink\n        parent {\n          ...CategoryLink\n          parent {\n            ...CategoryLink\n          }\n        }\n      }\n    }\n    children {\n      ...CategoryLink\n    }\n    products(first: $first, after: $after) @include(if: $browsing) {\n      ...ProductCardPage\n    }\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query PaymentMethods {\n  paymentMethods {\n    id\n    name\n    kind\n    instructions\n  }\n}"): (typeof documents)["query PaymentMethods {\n  paymentMethods {\n    id\n    name\n    kind\n    instructions\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    ...OrderFields\n  }\n}"): (typeof documents)["mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    ...OrderFields\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "fragment OrderFields on Order {\n  id\n  number\n  status\n  email\n  trackingNumber\n  createdAt\n  lines {\n    sku\n    name\n    quantity\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n  }\n  subtotal {\n    ...MoneyFields\n  }\n  shipping {\n    ...MoneyFields\n  }\n  tax {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n  shippingAddress {\n    ...AddressFields\n  }\n  billingAddress {\n    ...AddressFields\n  }\n  payment {\n    provider\n    status\n    redirectUrl\n    instructions\n    expiresAt\n  }\n}\n\nfragment AddressFields on Address {\n  name\n  line1\n  line2\n  city\n  region\n  postalCode\n  country\n}"): (typeof documents)["fragment OrderFields on Order {\n  id\n  number\n  status\n  email\n  trackingNumber\n  createdAt\n  lines {\n    sku\n    name\n    quantity\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n  }\n  subtotal {\n    ...MoneyFields\n  }\n  shipping {\n    ...MoneyFields\n  }\n  tax {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n  shippingAddress {\n    ...AddressFields\n  }\n  billingAddress {\n    ...AddressFields\n  }\n  payment {\n    provider\n    status\n    redirectUrl\n    instructions\n    expiresAt\n  }\n}\n\nfragment AddressFields on Address {\n  name\n  line1\n  line2\n  city\n  region\n  postalCode\n  country\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Order($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n  }\n}"): (typeof documents)["query Order($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Product($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    stock\n    price {\n      ...MoneyFields\n    }\n    categories {\n      ...CategoryLink\n    }\n    images {\n      ...ImageFields\n    }\n  }\n}"): (typeof documents)["query Product($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    stock\n    price {\n      ...MoneyFields\n    }\n    categories {\n      ...CategoryLink\n    }\n    images {\n      ...ImageFields\n    }\n  }\n}"];

export function gql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;