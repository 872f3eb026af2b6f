/**
 * Real money, real parts: the official `stripe` SDK inside the server talks HTTP to a fake Stripe API on
 * loopback, whose hosted page and signed webhooks follow Stripe's protocol. Every case runs on each engine.
 */
import Stripe from "stripe";
import type { ShopperClient } from "../helpers/client";
import { startFakeStripe, type FakeStripe } from "../helpers/fake-stripe";
import { ADD, CART, orderInput } from "../helpers/operations";
import { engines, startTestServer, type TestServer } from "../helpers/test-server";

const PAYMENT_FIELDS = `id number status email total { amount currency } payment { provider status redirectUrl instructions expiresAt }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ${PAYMENT_FIELDS} } }`;
const ORDER = `query($id: ID!) { order(id: $id) { ${PAYMENT_FIELDS} } }`;
const CANCEL_PAYMENT = `mutation($orderId: ID!) { cancelPayment(orderId: $orderId) { ${PAYMENT_FIELDS} } }`;
const ADMIN_ORDER = `query($id: ID!) { order(id: $id) { ${PAYMENT_FIELDS} attention history { kind fromStatus toStatus note } } }`;
const SET_STATUS = `mutation($id: ID!, $status: OrderStatus!) { updateOrderStatus(id: $id, status: $status) { ${PAYMENT_FIELDS} history { kind note } } }`;
const RETRY_REFUND = `mutation($id: ID!) { retryRefund(id: $id) { ${PAYMENT_FIELDS} history { kind note } } }`;
const MARK_PAID = `mutation($id: ID!) { markOrderPaid(id: $id) { ${PAYMENT_FIELDS} history { kind fromStatus toStatus note } } }`;
const METHODS = `query { paymentMethods { id name kind instructions } }`;
const MOVES = `query($productId: ID!) { stockMovements(productId: $productId) { nodes { delta reason } } }`;

const INSTRUCTIONS = "Transfer the total to IBAN DE89 3704 0044 0532 0130 00 with the order number as reference.";
const stripeInput = (overrides: Record<string, unknown> = {}) => orderInput({ payment: { provider: "stripe" }, ...overrides });
const HOUR = 3600_000;

describe.each(engines)("payments [%s]", (engine) => {
  let server: TestServer;
  let fake: FakeStripe;
  let admin: ShopperClient;
  let ids: Record<string, string>;

  beforeAll(async () => {
    fake = await startFakeStripe();
    server = await startTestServer(engine, {
      STRIPE_SECRET_KEY: fake.secretKey,
      STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
      STRIPE_API_URL: fake.url,
      MANUAL_PAYMENT_INSTRUCTIONS: INSTRUCTIONS,
    });
    fake.webhookUrl = `${server.url}/webhooks/stripe`;
    ids = await server.seed([
      { sku: "MUG", name: "Enamel Mug", price: 1250, stock: 50 },
      { sku: "BOWL", name: "Stoneware Bowl", price: 3400, stock: 50 },
    ]);
    admin = server.client();
    await server.app.services.accounts.upsertAdmin("payments-owner@example.com", "owner password");
    await admin.ok(`mutation { login(email: "payments-owner@example.com", password: "owner password") { id } }`);
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.stop();
  });
  beforeEach(() => {
    fake.dropWebhooks = false;
    fake.delayMs = 0;
  });

  async function shopperWith(lines: [string, number][]): Promise<ShopperClient> {
    const shopper = server.client();
    for (const [sku, quantity] of lines) await shopper.ok(ADD, { productId: ids[sku], quantity });
    return shopper;
  }
  const cartLines = async (shopper: ShopperClient) =>
    (await shopper.ok(CART)).cart.lines.map((l: any) => [l.product.id, l.quantity]).sort() as [string, number][];
  const stocks = async () => [await server.stock(ids.MUG), await server.stock(ids.BOWL)];
  const adminOrder = async (id: string) => (await admin.ok(ADMIN_ORDER, { id })).order;
  const sessionOf = (orderId: string) => fake.sessionFor(orderId)!.id as string;

  test("checkout offers exactly the configured methods", async () => {
    const { paymentMethods } = await server.client().ok(METHODS);
    expect(paymentMethods).toEqual([
      { id: "stripe", name: expect.stringMatching(/Stripe/), kind: "CARD_HOSTED", instructions: null },
      { id: "manual", name: "Bank transfer", kind: "MANUAL", instructions: INSTRUCTIONS },
      { id: "test", name: expect.any(String), kind: "TEST", instructions: null },
    ]);
  });

  test("a paid order: reserved and sent to the hosted page, then PAID by the signed webhook; stock and ledger right", async () => {
    const before = await stocks();
    const shopper = await shopperWith([
      ["MUG", 2],
      ["BOWL", 1],
    ]);
    const { placeOrder } = await shopper.ok(PLACE, { input: stripeInput() });
    expect(placeOrder).toMatchObject({ status: "PENDING_PAYMENT", payment: { provider: "stripe", status: "PENDING" } });
    const session = fake.sessionFor(placeOrder.id);
    expect(placeOrder.payment.redirectUrl).toBe(session.url);
    expect(new Date(placeOrder.payment.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    // Stripe's page shows the same lines and total that the server computed.
    expect(session.amount_total).toBe(placeOrder.total.amount);
    const items = fake.sessionParams.get(session.id).line_items;
    expect(items.map((l: any) => [l.price_data.product_data.name, Number(l.quantity), Number(l.price_data.unit_amount)])).toEqual([
      ["Enamel Mug", 2, 1250],
      ["Stoneware Bowl", 1, 3400],
    ]);
    // The stock is held and the cart set aside while the shopper pays.
    expect(await stocks()).toEqual([before[0] - 2, before[1] - 1]);
    expect(await cartLines(shopper)).toEqual([]);

    const landing = await fake.pay(session.id);
    expect(landing).toBe(`${server.url}/order/${placeOrder.id}?from=payment`);
    expect(fake.deliveries.at(-1)).toMatchObject({ event: { type: "checkout.session.completed" }, status: 200 });
    const { order } = await shopper.ok(ORDER, { id: placeOrder.id });
    expect(order).toMatchObject({ status: "PAID", payment: { status: "PAID", redirectUrl: null, expiresAt: null } });
    expect(await stocks()).toEqual([before[0] - 2, before[1] - 1]);
    const { stockMovements } = await admin.ok(MOVES, { productId: ids.MUG });
    expect(stockMovements.nodes[0]).toEqual({ delta: -2, reason: `Reserved for order ${placeOrder.number}` });
  });

  test("with a discount code, Stripe's page charges the order's exact total as one line, and the code counts once paid", async () => {
    await admin.ok(`mutation { saveDiscountCode(input: { code: "STRIPE15", kind: PERCENTAGE, value: 15 }) { id } }`);
    const shopper = await shopperWith([["MUG", 3]]);
    await shopper.ok(`mutation { applyDiscountCode(code: "stripe15") { discount { amount } } }`);
    const { placeOrder } = await shopper.ok(PLACE, { input: stripeInput() });
    const session = fake.sessionFor(placeOrder.id);
    const { order } = await shopper.ok(`query($id: ID!) { order(id: $id) { total { amount } discount { amount } number } }`, {
      id: placeOrder.id,
    });
    expect(order.discount.amount).toBe(Math.floor((3 * 1250 * 15 + 50) / 100));
    expect(session.amount_total).toBe(order.total.amount);
    const items = fake.sessionParams.get(session.id).line_items;
    expect(items.map((l: any) => [l.price_data.product_data.name, Number(l.quantity), Number(l.price_data.unit_amount)])).toEqual([
      [`Order ${order.number} (3 items)`, 1, order.total.amount],
    ]);
    const usage = async () =>
      (await admin.ok(`query { discountCodes { code timesUsed reserved } }`)).discountCodes.find((c: any) => c.code === "STRIPE15");
    expect(await usage()).toMatchObject({ timesUsed: 0, reserved: 1 });
    await fake.pay(session.id);
    expect(await usage()).toMatchObject({ timesUsed: 1, reserved: 0 });
  });

  test("a cancelled payment: the page is closed at Stripe, the stock comes back and the cart holds the same lines", async () => {
    const before = await stocks();
    const shopper = await shopperWith([["BOWL", 3]]);
    const { placeOrder } = await shopper.ok(PLACE, { input: stripeInput() });
    const sessionId = sessionOf(placeOrder.id);
    // Stripe's Cancel link brings the shopper back to the storefront's cart, which cancels the payment.
    expect(fake.cancelUrl(sessionId)).toBe(`${server.url}/cart?cancelled=${placeOrder.id}`);
    // Someone else's session can't cancel it.
    expect((await server.client().fails(CANCEL_PAYMENT, { orderId: placeOrder.id })).code).toBe("NOT_FOUND");
    const { cancelPayment } = await shopper.ok(CANCEL_PAYMENT, { orderId: placeOrder.id });
    expect(cancelPayment).toMatchObject({ status: "CANCELLED", payment: { status: "FAILED", redirectUrl: null } });
    expect(fake.sessions.get(sessionId).status).toBe("expired");
    expect(await stocks()).toEqual(before);
    expect(await cartLines(shopper)).toEqual([[ids.BOWL, 3]]);
    // A second click changes nothing more.
    expect((await shopper.ok(CANCEL_PAYMENT, { orderId: placeOrder.id })).cancelPayment.status).toBe("CANCELLED");
    expect(await cartLines(shopper)).toEqual([[ids.BOWL, 3]]);
    expect(await stocks()).toEqual(before);
  });

  test("an expired hold gives its discount code's use back, and the code returns to the cart with the lines", async () => {
    await admin.ok(`mutation { saveDiscountCode(input: { code: "HOLD1", kind: PERCENTAGE, value: 10, usageLimit: 1 }) { id } }`);
    const shopper = await shopperWith([["BOWL", 1]]);
    await shopper.ok(`mutation { applyDiscountCode(code: "HOLD1") { id } }`);
    const { placeOrder } = await shopper.ok(PLACE, { input: stripeInput() });
    const usage = async () =>
      (await admin.ok(`query { discountCodes { code timesUsed reserved } }`)).discountCodes.find((c: any) => c.code === "HOLD1");
    expect(await usage()).toMatchObject({ timesUsed: 0, reserved: 1 });
    await server.app.services.checkout.sweep(new Date(Date.now() + HOUR));
    expect((await shopper.ok(ORDER, { id: placeOrder.id })).order.status).toBe("CANCELLED");
    expect(await usage()).toMatchObject({ timesUsed: 0, reserved: 0 });
    const { cart } = await shopper.ok(`query { cart { discountCode discount { amount } lines { quantity } } }`);
    expect(cart).toEqual({ discountCode: "HOLD1", discount: { amount: 340 }, lines: [{ quantity: 1 }] });
  });

  test("an expired hold: the sweeper closes the page, returns the stock and restores the cart", async () => {
    const before = await stocks();
    const shopper = await shopperWith([["MUG", 4]]);
    const { placeOrder } = await shopper.ok(PLACE, { input: stripeInput() });
    // Not due yet: nothing happens.
    await server.app.services.checkout.sweep(new Date(Date.now() + 10 * 60_000));
    expect((await shopper.ok(ORDER, { id: placeOrder.id })).order.status).toBe("PENDING_PAYMENT");
    await server.app.services.checkout.sweep(new Date(Date.now() + HOUR));
    expect((await shopper.ok(ORDER, { id: placeOrder.id })).order).toMatchObject({ status: "CANCELLED", payment: { status: "FAILED" } });
    expect(fake.sessions.get(sessionOf(placeOrder.id)).status).toBe("expired");
    expect(await stocks()).toEqual(before);
    expect(await cartLines(shopper)).toEqual([[ids.MUG, 4]]);
    // Stripe's own expiry event, arriving afterwards, changes nothing.
    await fake.flush();
    expect((await shopper.ok(ORDER, { id: placeOrder.id })).order.status).toBe("CANCELLED");
    expect(await stocks()).toEqual(before);
  });

  test("a missed webhook: reconciliation by two server processes at once finds the payment and settles it PAID once", async () => {
    const twin = await server.twin();
    const shopper = await shopperWith([["MUG", 1]]);
    const { placeOrder } = await shopper.ok(PLACE, { input: stripeInput() });
    fake.dropWebhooks = true;
    await fake.pay(sessionOf(placeOrder.id));
    expect((await shopper.ok(ORDER, { id: placeOrder.id })).order.status).toBe("PENDING_PAYMENT");
    const later = new Date(Date.now() + HOUR);
    const asked = () => fake.requests.filter((r) => r.path.includes(sessionOf(placeOrder.id))).length;
    const askedBefore = asked();
    const swept = await Promise.all([server.app.services.checkout.sweep(later), twin.app.services.checkout.sweep(later)]);
    // One process claimed the order and asked Stripe about it; the other left it alone.
    expect(swept.sort()).toEqual([0, 1]);
    expect(asked() - askedBefore).toBeGreaterThan(0);
    const order = await adminOrder(placeOrder.id);
    expect(order).toMatchObject({ status: "PAID", payment: { status: "PAID" } });
    expect(order.history.filter((h: any) => h.toStatus === "PAID")).toHaveLength(1);
    // The dropped event, delivered late, has no second effect.
    const late = await fake.redeliver(fake.dropped.at(-1).id);
    expect(late.status).toBe(200);
    expect((await adminOrder(placeOrder.id)).history.filter((h: any) => h.toStatus === "PAID")).toHaveLength(1);
  });

  test("a duplicated and an out-of-order webhook: each event acts once, and a late 'expired' can't undo a payment", async () => {
    const before = await stocks();
    const shopper = await shopperWith([["BOWL", 1]]);
    const { placeOrder } = await shopper.ok(PLACE, { input: stripeInput() });
    const sessionId = sessionOf(placeOrder.id);
    // A delayed method: completed but unpaid (dropped), then the async success arrives first.
    fake.dropWebhooks = true;
    await fake.pay(sessionId, { async: true });
    const completedUnpaid = fake.dropped.at(-1);
    fake.dropWebhooks = false;
    await fake.asyncResult(sessionId, true);
    expect((await shopper.ok(ORDER, { id: placeOrder.id })).order.status).toBe("PAID");
    // The older event now, and the newer one twice.
    expect((await fake.redeliver(completedUnpaid.id)).status).toBe(200);
    const succeeded = fake.deliveries.at(-1)!.event;
    const again = await fake.redeliver(succeeded.id);
    expect(again.status).toBe(200);
    expect(JSON.parse(again.body).result).toBe("duplicate");
    // An 'expired' for the same session (out of order) leaves the paid order alone.
    await fake.send("checkout.session.expired", { ...fake.sessions.get(sessionId), status: "expired" });
    const order = await adminOrder(placeOrder.id);
    expect(order.status).toBe("PAID");
    expect(order.history.filter((h: any) => h.toStatus === "PAID")).toHaveLength(1);
    expect(await stocks()).toEqual([before[0], before[1] - 1]);
  });

  test("a bad signature is HTTP 400 and changes nothing", async () => {
    const shopper = await shopperWith([["MUG", 1]]);
    const { placeOrder } = await shopper.ok(PLACE, { input: stripeInput() });
    const session = {
      ...fake.sessions.get(sessionOf(placeOrder.id)),
      status: "complete",
      payment_status: "paid",
      payment_intent: "pi_forged",
    };
    const payload = JSON.stringify({ id: "evt_forged", object: "event", type: "checkout.session.completed", data: { object: session } });
    const post = (signature: string, body = payload) =>
      fetch(`${server.url}/webhooks/stripe`, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": signature },
        body,
      });
    const wrongSecret = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_not_the_shops" });
    expect((await post(wrongSecret)).status).toBe(400);
    const rightSecret = Stripe.webhooks.generateTestHeaderString({ payload, secret: fake.webhookSecret });
    expect((await post(rightSecret, payload.replace("evt_forged", "evt_forged2"))).status).toBe(400);
    expect((await post("")).status).toBe(400);
    expect((await shopper.ok(ORDER, { id: placeOrder.id })).order).toMatchObject({
      status: "PENDING_PAYMENT",
      payment: { status: "PENDING" },
    });
    // The genuine signature is accepted.
    expect((await post(rightSecret)).status).toBe(200);
    expect((await shopper.ok(ORDER, { id: placeOrder.id })).order.status).toBe("PAID");
  });

  test("a payment whose amount does not match never marks the order paid: it is flagged for the owner", async () => {
    const shopper = await shopperWith([["BOWL", 2]]);
    const { placeOrder } = await shopper.ok(PLACE, { input: stripeInput() });
    await fake.pay(sessionOf(placeOrder.id), { amountTotal: placeOrder.total.amount - 100 });
    // The order is not PAID (so not shippable); the money that was taken is recorded, for a refund.
    const order = await adminOrder(placeOrder.id);
    expect(order).toMatchObject({ status: "PENDING_PAYMENT", payment: { status: "PAID" } });
    expect(order.attention).toMatch(/does not match the order total/);
    // The shopper isn't shown the owner's note; the owner is.
    expect(
      (await shopper.gql(`query($id: ID!) { order(id: $id) { attention } }`, { id: placeOrder.id })).errors?.[0].extensions?.code,
    ).toBe("UNAUTHENTICATED");
    // Flagged, the hold doesn't run out under the owner's feet.
    await server.app.services.checkout.sweep(new Date(Date.now() + 2 * HOUR));
    expect((await adminOrder(placeOrder.id)).status).toBe("PENDING_PAYMENT");
    // The money was taken, so the shopper isn't sent to pay again, and cancelling gives it back.
    expect((await shopper.ok(ORDER, { id: placeOrder.id })).order.payment).toMatchObject({ status: "PAID", redirectUrl: null });
    // Having checked it in Stripe, the owner may accept it (the flag goes) …
    const { markOrderPaid } = await admin.ok(MARK_PAID, { id: placeOrder.id });
    expect(markOrderPaid).toMatchObject({ status: "PAID", payment: { status: "PAID" } });
    expect((await adminOrder(placeOrder.id)).attention).toBeNull();
    // … or cancel it, which gives the money back.
    const { updateOrderStatus } = await admin.ok(SET_STATUS, { id: placeOrder.id, status: "CANCELLED" });
    expect(updateOrderStatus).toMatchObject({ status: "REFUNDED", payment: { status: "REFUNDED" } });
    const paymentIntent = fake.sessionFor(placeOrder.id).payment_intent;
    expect([...fake.refunds.values()].filter((r) => r.payment_intent === paymentIntent)).toHaveLength(1);
  });

  test("a refund that Stripe refuses is REFUND_FAILED with its message, and 'Retry refund' then gets it REFUNDED", async () => {
    const shopper = await shopperWith([["MUG", 1]]);
    const { placeOrder } = await shopper.ok(PLACE, { input: stripeInput() });
    await fake.pay(sessionOf(placeOrder.id));
    fake.failRefunds(1, "Insufficient funds in Stripe account to refund");
    const { updateOrderStatus } = await admin.ok(SET_STATUS, { id: placeOrder.id, status: "CANCELLED" });
    expect(updateOrderStatus).toMatchObject({ status: "CANCELLED", payment: { status: "REFUND_FAILED" } });
    expect(updateOrderStatus.history.at(-1)).toEqual({
      kind: "REFUND_FAILED",
      note: expect.stringContaining("Insufficient funds in Stripe account to refund"),
    });
    // Only a failed refund can be retried.
    expect((await admin.fails(RETRY_REFUND, { id: (await shopperPaid()).id })).code).toBe("BAD_USER_INPUT");
    const { retryRefund } = await admin.ok(RETRY_REFUND, { id: placeOrder.id });
    expect(retryRefund).toMatchObject({ status: "REFUNDED", payment: { status: "REFUNDED" } });
    const paymentIntent = fake.sessionFor(placeOrder.id).payment_intent;
    expect([...fake.refunds.values()].filter((r) => r.payment_intent === paymentIntent)).toHaveLength(1);
    // Stripe's own refund.updated event confirms what is already recorded: no change.
    await fake.flush();
    const order = await adminOrder(placeOrder.id);
    expect(order.status).toBe("REFUNDED");
    expect(order.history.filter((h: any) => h.kind === "REFUNDED")).toHaveLength(1);
    expect((await admin.fails(RETRY_REFUND, { id: placeOrder.id })).code).toBe("BAD_USER_INPUT");
  });

  async function shopperPaid() {
    const shopper = await shopperWith([["MUG", 1]]);
    const { placeOrder } = await shopper.ok(PLACE, { input: orderInput() });
    expect(placeOrder.status).toBe("PAID");
    return placeOrder;
  }

  test("a provider that can't be reached: PAYMENT_UNAVAILABLE, no order, the stock and the cart as they were", async () => {
    const before = await stocks();
    const shopper = await shopperWith([["BOWL", 2]]);
    const ordersBefore = Number((await server.dataSource.query("SELECT COUNT(*) AS n FROM customer_order"))[0].n);
    fake.failNext(10, /checkout\/sessions/);
    const error = await shopper.fails(PLACE, { input: stripeInput() });
    fake.failNext(0);
    expect(error.code).toBe("PAYMENT_UNAVAILABLE");
    expect(Number((await server.dataSource.query("SELECT COUNT(*) AS n FROM customer_order"))[0].n)).toBe(ordersBefore);
    expect(await stocks()).toEqual(before);
    expect(await cartLines(shopper)).toEqual([[ids.BOWL, 2]]);
  });

  test("a slow provider (2 s) holds no lock: another shopper's addToCart finishes while the checkout waits", async () => {
    const other = server.client();
    const shopper = await shopperWith([["MUG", 1]]);
    fake.delayMs = 2000;
    const finished: string[] = [];
    const checkout = shopper.ok(PLACE, { input: stripeInput() }).then((r) => {
      finished.push("checkout");
      return r;
    });
    await new Promise((r) => setTimeout(r, 300)); // the checkout is now waiting on Stripe
    await other.ok(ADD, { productId: ids.BOWL, quantity: 1 });
    finished.push("addToCart");
    const { placeOrder } = await checkout;
    expect(finished).toEqual(["addToCart", "checkout"]);
    expect(placeOrder.status).toBe("PENDING_PAYMENT");
  });

  test("the owner cancelling an order that waits on Stripe closes the payment page: the shopper can no longer pay", async () => {
    const before = await stocks();
    const shopper = await shopperWith([["BOWL", 1]]);
    const { placeOrder } = await shopper.ok(PLACE, { input: stripeInput() });
    const { updateOrderStatus } = await admin.ok(SET_STATUS, { id: placeOrder.id, status: "CANCELLED" });
    expect(updateOrderStatus).toMatchObject({ status: "CANCELLED", payment: { status: "FAILED" } });
    expect(fake.sessions.get(sessionOf(placeOrder.id)).status).toBe("expired");
    await expect(fake.pay(sessionOf(placeOrder.id))).rejects.toThrow();
    expect(await stocks()).toEqual(before);
  });

  test("a refund decided just before a crash is made by the sweeper, once", async () => {
    const shopper = await shopperWith([["MUG", 1]]);
    const { placeOrder } = await shopper.ok(PLACE, { input: stripeInput() });
    await fake.pay(sessionOf(placeOrder.id));
    // The state a cancellation commits before it asks Stripe: cancelled, payment still PAID, refund due.
    await server.dataSource.query(
      engine === "mysql"
        ? "UPDATE customer_order SET status = 'CANCELLED', reconcile_at = UTC_TIMESTAMP() WHERE id = ?"
        : "UPDATE customer_order SET status = 'CANCELLED', reconcile_at = datetime('now') WHERE id = ?",
      [placeOrder.id],
    );
    const later = new Date(Date.now() + HOUR);
    await Promise.all([server.app.services.checkout.sweep(later), server.app.services.checkout.sweep(later)]);
    const order = await adminOrder(placeOrder.id);
    expect(order).toMatchObject({ status: "REFUNDED", payment: { status: "REFUNDED" } });
    const paymentIntent = fake.sessionFor(placeOrder.id).payment_intent;
    expect([...fake.refunds.values()].filter((r) => r.payment_intent === paymentIntent)).toHaveLength(1);
    // A partial refund made in Stripe's dashboard later is noted, not taken for the whole.
    await fake.send("refund.updated", {
      id: "re_partial",
      object: "refund",
      amount: 100,
      status: "succeeded",
      payment_intent: paymentIntent,
    });
    expect((await adminOrder(placeOrder.id)).history.at(-1).note).toMatch(/^Partial refund re_partial of 1\.00 USD/);
  });

  test("when Stripe can't be asked, an expired hold waits and is settled later; other orders are not held up", async () => {
    const shopper = await shopperWith([["MUG", 1]]);
    const { placeOrder } = await shopper.ok(PLACE, { input: stripeInput() });
    const later = new Date(Date.now() + HOUR);
    fake.failNext(50, /checkout\/sessions/);
    try {
      await server.app.services.checkout.sweep(later);
    } finally {
      fake.failNext(0);
    }
    const waiting = (await shopper.ok(ORDER, { id: placeOrder.id })).order;
    expect(waiting.status).toBe("PENDING_PAYMENT");
    expect(new Date(waiting.payment.expiresAt).getTime()).toBeGreaterThan(later.getTime());
    await server.app.services.checkout.sweep(new Date(later.getTime() + HOUR));
    expect((await shopper.ok(ORDER, { id: placeOrder.id })).order.status).toBe("CANCELLED");
    expect(await cartLines(shopper)).toEqual([[ids.MUG, 1]]);
  });

  test("a guest who signs in while paying keeps the order: it becomes theirs, and a cancel restores their cart", async () => {
    const shopper = await shopperWith([["BOWL", 2]]);
    const { placeOrder } = await shopper.ok(PLACE, { input: stripeInput() });
    await shopper.ok(`mutation($input: RegisterInput!) { register(input: $input) { id } }`, {
      input: { email: `payer${Date.now()}@example.com`, name: "Payer", password: "a good password" },
    });
    expect((await shopper.ok(ORDER, { id: placeOrder.id })).order.status).toBe("PENDING_PAYMENT");
    expect((await shopper.ok(CANCEL_PAYMENT, { orderId: placeOrder.id })).cancelPayment.status).toBe("CANCELLED");
    expect(await cartLines(shopper)).toEqual([[ids.BOWL, 2]]);
  });

  test("a delayed bank debit holds the stock while it is processing; when it fails and the webhook is missed, reconciliation releases it", async () => {
    // Earlier tests' holds are settled first, so the stock below moves only with this order.
    await server.app.services.checkout.sweep(new Date(Date.now() + 48 * HOUR));
    const before = await stocks();
    const shopper = await shopperWith([["BOWL", 1]]);
    const { placeOrder } = await shopper.ok(PLACE, { input: stripeInput() });
    const sessionId = sessionOf(placeOrder.id);
    fake.dropWebhooks = true;
    await fake.pay(sessionId, { async: true });
    // Past the hold, but the debit is on its way: the stock stays held.
    await server.app.services.checkout.sweep(new Date(Date.now() + HOUR));
    expect((await shopper.ok(ORDER, { id: placeOrder.id })).order.status).toBe("PENDING_PAYMENT");
    expect(await stocks()).toEqual([before[0], before[1] - 1]);
    await fake.asyncResult(sessionId, false);
    await server.app.services.checkout.sweep(new Date(Date.now() + 48 * HOUR));
    expect((await shopper.ok(ORDER, { id: placeOrder.id })).order).toMatchObject({ status: "CANCELLED", payment: { status: "FAILED" } });
    expect(await stocks()).toEqual(before);
    expect(await cartLines(shopper)).toEqual([[ids.BOWL, 1]]);
  });

  test("an event for a session this store doesn't know is acknowledged and changes nothing", async () => {
    const result = await fake.send("checkout.session.completed", {
      id: "cs_test_elsewhere",
      object: "checkout.session",
      client_reference_id: null,
      payment_status: "paid",
      status: "complete",
      amount_total: 500,
      currency: "usd",
      payment_intent: "pi_elsewhere",
    });
    expect(result.status).toBe(200);
  });

  test("manual payment: PENDING_PAYMENT with the instructions, held past any expiry, until the owner marks it paid", async () => {
    // Earlier tests' Stripe holds are settled first, so the stock below moves only with this order.
    await server.app.services.checkout.sweep(new Date(Date.now() + 48 * HOUR));
    const before = await stocks();
    const shopper = await shopperWith([["MUG", 2]]);
    const { placeOrder } = await shopper.ok(PLACE, { input: orderInput({ payment: { provider: "manual" } }) });
    expect(placeOrder).toMatchObject({
      status: "PENDING_PAYMENT",
      payment: { provider: "manual", status: "PENDING", instructions: INSTRUCTIONS, redirectUrl: null, expiresAt: null },
    });
    expect(await cartLines(shopper)).toEqual([]);
    await server.app.services.checkout.sweep(new Date(Date.now() + 48 * HOUR));
    expect((await shopper.ok(ORDER, { id: placeOrder.id })).order.status).toBe("PENDING_PAYMENT");
    expect(await stocks()).toEqual([before[0] - 2, before[1]]);
    // A shopper can't mark their own order paid; the owner can.
    expect((await shopper.fails(MARK_PAID, { id: placeOrder.id })).code).toBe("UNAUTHENTICATED");
    const { markOrderPaid } = await admin.ok(MARK_PAID, { id: placeOrder.id });
    expect(markOrderPaid).toMatchObject({ status: "PAID", payment: { status: "PAID", instructions: null } });
    expect(markOrderPaid.history.at(-1)).toMatchObject({ fromStatus: "PENDING_PAYMENT", toStatus: "PAID", note: "Marked as paid" });
    expect((await admin.fails(MARK_PAID, { id: placeOrder.id })).code).toBe("BAD_USER_INPUT");
    // A Stripe order is confirmed by Stripe, not by hand.
    const stripeShopper = await shopperWith([["MUG", 1]]);
    const stripeOrder = (await stripeShopper.ok(PLACE, { input: stripeInput() })).placeOrder;
    expect((await admin.fails(MARK_PAID, { id: stripeOrder.id })).code).toBe("BAD_USER_INPUT");
  });

  test("an idempotency key reused for a different cart or input is IDEMPOTENCY_KEY_REUSED and the new cart stays", async () => {
    const shopper = await shopperWith([["MUG", 1]]);
    const input = orderInput({ idempotencyKey: "key-reuse-1" });
    const first = (await shopper.ok(PLACE, { input })).placeOrder;
    // A retry of the same checkout (the cart is set aside) returns the same order.
    expect((await shopper.ok(PLACE, { input })).placeOrder.id).toBe(first.id);
    await shopper.ok(ADD, { productId: ids.BOWL, quantity: 2 });
    const reused = await shopper.fails(PLACE, { input });
    expect(reused.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await cartLines(shopper)).toEqual([[ids.BOWL, 2]]);
    expect((await shopper.fails(PLACE, { input: { ...input, email: "someone-else@example.com" } })).code).toBe("IDEMPOTENCY_KEY_REUSED");
    // A new key places the new cart.
    expect((await shopper.ok(PLACE, { input: { ...input, idempotencyKey: "key-reuse-2" } })).placeOrder.status).toBe("PAID");
  });
});

describe.each(engines)("card testing [%s]", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server?.stop());

  test("after 5 declined payments from one session, the 6th attempt is RATE_LIMITED even with a good card", async () => {
    const [id] = Object.values(await server.seed([{ sku: "CARD-TEST", stock: 100 }]));
    const tester = server.client();
    await tester.ok(ADD, { productId: id, quantity: 1 });
    const declined = orderInput({ payment: { provider: "test", token: "pm_card_chargeDeclined" } });
    for (let i = 0; i < 5; i++) expect((await tester.fails(PLACE, { input: declined })).code).toBe("PAYMENT_DECLINED");
    const limited = await tester.fails(PLACE, { input: orderInput() });
    expect(limited.code).toBe("RATE_LIMITED");
    expect(limited.extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(await server.stock(id)).toBe(100);
    expect((await tester.ok(CART)).cart.totalQuantity).toBe(1);
  });
});
