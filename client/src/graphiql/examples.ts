/** The ready-made operations the IDE opens with (only on a first visit; GraphiQL remembers tabs afterwards). */
export const exampleTabs = [
  {
    query: `# Welcome to the Shopwright API. Press the run button (or Ctrl+Enter).
# The Docs panel on the left lists every type and field.
query Catalog($first: Int = 5, $search: String) {
  products(first: $first, search: $search) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id sku name stock
      price { amount currency }
      priceRange { min { amount } max { amount } }
      options { name values }
      variants { id title sku stock price { amount } }
      images { url alt }
    }
  }
}`,
    variables: `{ "first": 5, "search": "tea" }`,
  },
  {
    query: `# Adds a product to this browser session's cart (the session cookie keeps it).
# A product with options needs the variant's id (see the product's variants); one without takes none.
mutation AddToCart($productId: ID!, $variantId: ID, $quantity: Int! = 1) {
  addToCart(productId: $productId, variantId: $variantId, quantity: $quantity) {
    id totalQuantity
    lines { id quantity product { name } variant { title } lineTotal { amount currency } }
    subtotal { amount } shipping { amount } tax { amount } total { amount currency }
  }
}`,
    variables: `{ "productId": "1", "quantity": 2 }`,
  },
  {
    query: `# A discount code, and shipping and tax priced for where the parcel goes.
mutation Pricing {
  applyDiscountCode(code: "WELCOME10") { discountCode discount { amount } }
  setShippingDestination(country: "DE") {
    shippingOptions { id name price { amount } estimatedDays }
    selectedShipping { name }
    subtotal { amount } discount { amount } shipping { amount } tax { amount } taxLabel total { amount currency }
  }
}`,
    variables: `{}`,
  },
  {
    query: `# Checks out the cart with the test payment provider.
# Token pm_card_visa succeeds; pm_card_chargeDeclined is declined.
mutation PlaceOrder($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    id number status email
    lines { sku name quantity unitPrice { amount } lineTotal { amount } }
    total { amount currency }
    shippingAddress { name line1 city postalCode country }
  }
}`,
    variables: JSON.stringify(
      {
        input: {
          email: "ada@example.com",
          shippingAddress: { name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "GB" },
          payment: { provider: "test", token: "pm_card_visa" },
          idempotencyKey: "checkout-1",
        },
      },
      null,
      2,
    ),
  },
];
