// The production smoke flow: catalog → cart → order, against a running server (argument: its base URL).
// Plain Node (no dependency), so it runs next to a pruned production tree. Prints "smoke: N passed, N failed".
"use strict";
/* global fetch */
const base = process.argv[2];
let cookie = "";
let passed = 0;
let failed = 0;

async function gql(query, variables) {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const set = res.headers.get("set-cookie");
  if (set) cookie = set.split(";")[0];
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function check(name, run) {
  try {
    await run();
    passed++;
    console.log(`  ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(`  FAIL ${name}: ${error.message}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

(async () => {
  let product;
  let order;
  await check("the shop page is served", async () => {
    const res = await fetch(`${base}/`, { headers: { accept: "text/html" } });
    expect(res.status === 200 && (await res.text()).includes('<div id="root"'), `GET / answered ${res.status}`);
  });
  await check("the catalog lists products", async () => {
    const { products } = await gql(`{ products(first: 5) { totalCount nodes { id name stock price { amount currency } } } }`);
    product = products.nodes.find((p) => p.stock > 0);
    expect(products.totalCount > 0 && product, `no product in stock: ${JSON.stringify(products)}`);
  });
  await check("a product goes into the cart", async () => {
    const { addToCart } = await gql(`mutation($id: ID!) { addToCart(productId: $id, quantity: 2) { totalQuantity total { amount } } }`, {
      id: product.id,
    });
    expect(addToCart.totalQuantity === 2, `cart: ${JSON.stringify(addToCart)}`);
  });
  await check("the configured payment method is offered, and no test cards", async () => {
    const { paymentMethods } = await gql(`{ paymentMethods { id kind } }`);
    expect(paymentMethods.map((m) => m.id).join() === "manual", `methods: ${JSON.stringify(paymentMethods)}`);
  });
  await check("the order is placed and waits for the manual payment, with the instructions", async () => {
    ({ placeOrder: order } = await gql(
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id number status total { amount } payment { status instructions } } }`,
      {
        input: {
          email: "smoke@example.com",
          shippingAddress: { name: "Smoke Test", line1: "1 Main St", city: "Springfield", postalCode: "12345", country: "US" },
          payment: { provider: "manual" },
        },
      },
    ));
    expect(order.status === "PENDING_PAYMENT" && order.payment.instructions, `order: ${JSON.stringify(order)}`);
  });
  await check("the order can be read back and the stock is held", async () => {
    const data = await gql(`query($id: ID!, $p: ID!) { order(id: $id) { number } product(id: $p) { stock } }`, {
      id: order.id,
      p: product.id,
    });
    expect(data.order.number === order.number && data.product.stock === product.stock - 2, JSON.stringify(data));
  });
  console.log(`smoke: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
