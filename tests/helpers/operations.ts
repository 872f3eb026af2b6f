/** The operations the API tests send, written as an integrator would. */
export const CART_FIELDS = `
  id totalQuantity
  lines { id quantity product { id name stock } unitPrice { amount currency } lineTotal { amount currency } }
  subtotal { amount currency } shipping { amount currency } tax { amount currency } total { amount currency }`;

export const CART = `query { cart { ${CART_FIELDS} } }`;
export const ADD = `mutation Add($productId: ID!, $quantity: Int! = 1) { addToCart(productId: $productId, quantity: $quantity) { ${CART_FIELDS} } }`;
export const UPDATE = `mutation Update($lineId: ID!, $quantity: Int!) { updateQuantity(lineId: $lineId, quantity: $quantity) { ${CART_FIELDS} } }`;
export const REMOVE = `mutation Remove($lineId: ID!) { removeFromCart(lineId: $lineId) { ${CART_FIELDS} } }`;

export const ORDER_FIELDS = `
  id number status email createdAt
  lines { sku name quantity unitPrice { amount currency } lineTotal { amount currency } }
  subtotal { amount currency } shipping { amount } tax { amount } total { amount currency }
  shippingAddress { name line1 line2 city region postalCode country }
  billingAddress { name line1 line2 city region postalCode country }`;

export const PLACE_ORDER = `mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { ${ORDER_FIELDS} } }`;
export const ORDER = `query Order($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;

export const address = (overrides: Record<string, unknown> = {}) => ({
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  city: "London",
  postalCode: "SW1Y 4JH",
  country: "GB",
  ...overrides,
});

export const orderInput = (overrides: Record<string, unknown> = {}) => ({
  email: "ada@example.com",
  shippingAddress: address(),
  payment: { provider: "test", token: "pm_card_visa" },
  ...overrides,
});
