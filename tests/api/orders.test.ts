import { describeEachEngine } from "../helpers/test-server";
import { ADD, CART, ORDER, PLACE_ORDER, address, orderInput } from "../helpers/operations";
import type { ShopperClient } from "../helpers/client";

describeEachEngine(
  "orders",
  (server) => {
    let ids: Record<string, string>;

    beforeAll(async () => {
      ids = await server().seed([
        { sku: "KETTLE", name: "Kettle", price: 4599, stock: 10 },
        { sku: "TEA", name: "Tea", price: 999, stock: 50 },
        { sku: "LAST", name: "Last One", price: 1500, stock: 1 },
      ]);
    });

    async function shopperWith(lines: [string, number][]): Promise<ShopperClient> {
      const shopper = server().client();
      for (const [sku, quantity] of lines) await shopper.ok(ADD, { productId: ids[sku], quantity });
      return shopper;
    }

    const orderCount = async () => Number((await server().dataSource.query("SELECT COUNT(*) AS n FROM customer_order"))[0].n);

    test("placeOrder charges the test card, stores a PAID order with a snapshot of the lines, takes the stock and empties the cart", async () => {
      const shopper = await shopperWith([
        ["KETTLE", 1],
        ["TEA", 3],
      ]);
      const kettleBefore = await server().stock(ids.KETTLE);
      const { placeOrder: order } = await shopper.ok(PLACE_ORDER, {
        input: orderInput({ shippingAddress: address({ line2: "Flat 2", region: "Westminster" }) }),
      });

      expect(order.status).toBe("PAID");
      expect(order.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(order.number).toMatch(/^SW-[0-9A-Z]{7}$/);
      expect(order.email).toBe("ada@example.com");
      expect(order.lines).toEqual([
        {
          sku: "KETTLE",
          name: "Kettle",
          quantity: 1,
          unitPrice: { amount: 4599, currency: "USD" },
          lineTotal: { amount: 4599, currency: "USD" },
        },
        { sku: "TEA", name: "Tea", quantity: 3, unitPrice: { amount: 999, currency: "USD" }, lineTotal: { amount: 2997, currency: "USD" } },
      ]);
      expect(order.subtotal).toEqual({ amount: 7596, currency: "USD" });
      expect(order.shipping.amount).toBe(0); // above the free-shipping threshold
      expect(order.total).toEqual({ amount: 7596, currency: "USD" });
      expect(order.shippingAddress).toEqual({ ...address(), line2: "Flat 2", region: "Westminster" });
      expect(order.billingAddress).toEqual(order.shippingAddress); // omitted billing = shipping
      expect(new Date(order.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

      expect(await server().stock(ids.KETTLE)).toBe(kettleBefore - 1);
      expect((await shopper.ok(CART)).cart).toMatchObject({ lines: [], totalQuantity: 0 });
    });

    test("the order keeps the price it was sold at when the product's price changes later", async () => {
      const shopper = await shopperWith([["TEA", 1]]);
      const { placeOrder } = await shopper.ok(PLACE_ORDER, { input: orderInput() });
      await server().dataSource.query("UPDATE product SET name = 'Renamed Tea' WHERE id = ?", [Number(ids.TEA)]);
      await server().dataSource.query("UPDATE product_variant SET price_amount = 5555 WHERE product_id = ?", [Number(ids.TEA)]);
      const { order } = await shopper.ok(ORDER, { id: placeOrder.id });
      expect(order.lines[0]).toMatchObject({ name: "Tea", unitPrice: { amount: 999 } });
      expect(order.total.amount).toBe(999 + 499);
      await server().dataSource.query("UPDATE product SET name = 'Tea' WHERE id = ?", [Number(ids.TEA)]);
      await server().dataSource.query("UPDATE product_variant SET price_amount = 999 WHERE product_id = ?", [Number(ids.TEA)]);
    });

    test("the order is charged at the server's current price, not what the cart showed earlier", async () => {
      const shopper = await shopperWith([["TEA", 2]]);
      await server().dataSource.query("UPDATE product_variant SET price_amount = 1099 WHERE product_id = ?", [Number(ids.TEA)]);
      const { placeOrder } = await shopper.ok(PLACE_ORDER, { input: orderInput() });
      expect(placeOrder.subtotal.amount).toBe(2198);
      await server().dataSource.query("UPDATE product_variant SET price_amount = 999 WHERE product_id = ?", [Number(ids.TEA)]);
    });

    test("a separate billing address is stored as given", async () => {
      const shopper = await shopperWith([["TEA", 1]]);
      const billing = address({ name: "Accounts Dept", line1: "1 Ledger Lane", city: "Leeds", postalCode: "LS1 1AA" });
      const { placeOrder } = await shopper.ok(PLACE_ORDER, { input: orderInput({ billingAddress: billing }) });
      expect(placeOrder.billingAddress).toEqual({ ...billing, line2: null, region: null });
      expect(placeOrder.shippingAddress.name).toBe("Ada Lovelace");
    });

    test("order(id) shows the order to the session that placed it, and null to anyone else", async () => {
      const shopper = await shopperWith([["TEA", 1]]);
      const { placeOrder } = await shopper.ok(PLACE_ORDER, { input: orderInput() });
      expect((await shopper.ok(ORDER, { id: placeOrder.id })).order).toMatchObject({ id: placeOrder.id, number: placeOrder.number });

      const stranger = await shopperWith([["TEA", 1]]);
      expect((await stranger.ok(ORDER, { id: placeOrder.id })).order).toBeNull();
      expect((await server().client().ok(ORDER, { id: placeOrder.id })).order).toBeNull();
      expect((await shopper.ok(ORDER, { id: "1" })).order).toBeNull();
    });

    test("an empty cart can't be ordered: CART_EMPTY, for a new visitor and for an emptied cart", async () => {
      expect((await server().client().fails(PLACE_ORDER, { input: orderInput() })).code).toBe("CART_EMPTY");
      const shopper = await shopperWith([["TEA", 1]]);
      await shopper.ok(PLACE_ORDER, { input: orderInput() });
      expect((await shopper.fails(PLACE_ORDER, { input: orderInput() })).code).toBe("CART_EMPTY");
    });

    test("a declined card is PAYMENT_DECLINED: no order, the stock untouched, the cart as it was", async () => {
      const shopper = await shopperWith([
        ["KETTLE", 2],
        ["TEA", 1],
      ]);
      const cartBefore = (await shopper.ok(CART)).cart;
      const stockBefore = [await server().stock(ids.KETTLE), await server().stock(ids.TEA)];
      const ordersBefore = await orderCount();

      const error = await shopper.fails(PLACE_ORDER, {
        input: orderInput({ payment: { provider: "test", token: "pm_card_chargeDeclined" } }),
      });
      expect(error.code).toBe("PAYMENT_DECLINED");
      expect(error.message).toMatch(/declined/i);

      expect(await orderCount()).toBe(ordersBefore);
      expect([await server().stock(ids.KETTLE), await server().stock(ids.TEA)]).toEqual(stockBefore);
      // The same lines come back (as new cart lines, so only their ids differ).
      const withoutIds = (cart: any) => ({ ...cart, id: undefined, lines: cart.lines.map((l: any) => ({ ...l, id: undefined })) });
      expect(withoutIds((await shopper.ok(CART)).cart)).toEqual(withoutIds(cartBefore));

      // The shopper can then pay with another card.
      const { placeOrder } = await shopper.ok(PLACE_ORDER, { input: orderInput() });
      expect(placeOrder.status).toBe("PAID");
    });

    test("bad checkout details are BAD_USER_INPUT naming the field, and change nothing", async () => {
      const shopper = await shopperWith([["TEA", 2]]);
      const cases: [Record<string, unknown>, string][] = [
        [{ email: "not-an-email" }, "email"],
        [{ shippingAddress: address({ country: "Narnia" }) }, "shippingAddress.country"],
        [{ shippingAddress: address({ postalCode: "" }) }, "shippingAddress.postalCode"],
        [{ shippingAddress: address({ name: "   " }) }, "shippingAddress.name"],
        [{ shippingAddress: address({ line1: " \t " }) }, "shippingAddress.line1"],
        [{ billingAddress: address({ name: "" }) }, "billingAddress.name"],
        [{ payment: { provider: "bitcoin", token: "x" } }, "payment.provider"],
        [{ payment: { provider: "test", token: "pm_card_unknown" } }, "payment.token"],
      ];
      for (const [override, field] of cases) {
        const error = await shopper.fails(PLACE_ORDER, { input: orderInput(override) });
        expect({ field, code: error.code, got: error.extensions.field }).toEqual({ field, code: "BAD_USER_INPUT", got: field });
      }
      expect((await shopper.ok(CART)).cart.totalQuantity).toBe(2);
    });

    test("OUT_OF_STOCK when the stock ran out after the product went into the cart; nothing is taken or charged", async () => {
      const first = await shopperWith([["LAST", 1]]);
      const second = await shopperWith([
        ["LAST", 1],
        ["TEA", 1],
      ]);
      const teaBefore = await server().stock(ids.TEA);
      await first.ok(PLACE_ORDER, { input: orderInput() });

      const error = await second.fails(PLACE_ORDER, { input: orderInput() });
      expect(error).toMatchObject({ code: "OUT_OF_STOCK", extensions: { productId: ids.LAST, available: 0 } });
      expect(await server().stock(ids.LAST)).toBe(0);
      expect(await server().stock(ids.TEA)).toBe(teaBefore); // the TEA line's stock was given back with the rollback
      expect((await second.ok(CART)).cart.totalQuantity).toBe(2);
    });

    test("retrying with the same idempotency key returns the first order and charges once", async () => {
      const shopper = await shopperWith([["TEA", 1]]);
      const input = orderInput({ idempotencyKey: "checkout-abc" });
      const ordersBefore = await orderCount();
      const [a, b] = await Promise.all([shopper.ok(PLACE_ORDER, { input }), shopper.ok(PLACE_ORDER, { input })]);
      const c = await shopper.ok(PLACE_ORDER, { input });
      expect(b.placeOrder.id).toBe(a.placeOrder.id);
      expect(c.placeOrder.id).toBe(a.placeOrder.id);
      expect(await orderCount()).toBe(ordersBefore + 1);
    });

    test("a checkout retried after a deadlock charges exactly what the stored order says, even if a price changed in between", async () => {
      const shopper = await shopperWith([["TEA", 2]]);
      const { cart, testProvider } = server().app.services;
      const clear = cart.clear.bind(cart);
      let failures = 0;
      // Fault injection: the first attempt fails like a deadlock after the charge, while the price changes.
      cart.clear = async (cartId) => {
        if (failures++ === 0) {
          await server()
            .dataSource.query("UPDATE product_variant SET price_amount = 1299 WHERE product_id = ?", [Number(ids.TEA)])
            .catch(() => undefined);
          throw Object.assign(new Error("deadlock"), { driverError: { errno: 1213, code: "SQLITE_BUSY" } });
        }
        return clear(cartId);
      };
      const ledgerBefore = testProvider.ledger.length;
      try {
        const { placeOrder } = await shopper.ok(PLACE_ORDER, { input: orderInput() });
        const charges = testProvider.ledger.slice(ledgerBefore);
        const kept = charges.filter((c) => !c.refunded);
        expect(kept).toHaveLength(1);
        expect(kept[0].amount).toBe(placeOrder.total.amount);
        expect(placeOrder.lines[0].unitPrice.amount).toBe(
          await server()
            .dataSource.query("SELECT price_amount AS p FROM product_variant WHERE product_id = ?", [Number(ids.TEA)])
            .then((r: any) => Number(r[0].p)),
        );
        expect(charges.filter((c) => c.refunded).every((c) => c.amount !== placeOrder.total.amount)).toBe(true);
      } finally {
        cart.clear = clear;
        await server().dataSource.query("UPDATE product_variant SET price_amount = 999 WHERE product_id = ?", [Number(ids.TEA)]);
      }
    });

    test("while a checkout is still running, other shoppers see only committed stock", async () => {
      const { tx } = server().app.services;
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let taken!: () => void;
      const tookStock = new Promise<void>((r) => (taken = r));
      const before = await server().stock(ids.KETTLE);
      // A checkout-like transaction that takes stock and then waits (as on a slow payment provider) and fails.
      const pending = tx
        .run(async (m) => {
          await m.query("UPDATE product SET stock = stock - 1 WHERE id = ?", [Number(ids.KETTLE)]);
          taken();
          await held;
          throw new Error("declined");
        })
        .catch(() => "rolled back");
      await tookStock;
      const seen = await server().client().ok(`query($id: ID!) { product(id: $id) { stock } }`, { id: ids.KETTLE });
      release();
      expect(await pending).toBe("rolled back");
      expect(seen.product.stock).toBe(before);
      expect(await server().stock(ids.KETTLE)).toBe(before);
    });

    test("two checkouts of one cart at once without a key never make two orders", async () => {
      const shopper = await shopperWith([["TEA", 1]]);
      const ordersBefore = await orderCount();
      const results = await Promise.all([1, 2, 3].map(() => shopper.gql(PLACE_ORDER, { input: orderInput() })));
      const ok = results.filter((r) => r.data?.placeOrder);
      expect(ok).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0].extensions?.code === "CART_EMPTY")).toHaveLength(2);
      expect(await orderCount()).toBe(ordersBefore + 1);
    });
  },
  { ENABLE_TEST_PAYMENTS: "true" },
);

describeEachEngine(
  "orders in production",
  (server) => {
    test("the test payment provider is refused outside demo mode unless enabled", async () => {
      const ids = await server().seed([{ sku: "MUG", stock: 3 }]);
      const shopper = server().client();
      await shopper.ok(ADD, { productId: ids.MUG });
      const error = await shopper.fails(PLACE_ORDER, { input: orderInput() });
      expect(error).toMatchObject({ code: "BAD_USER_INPUT", extensions: { field: "payment.provider" } });
      expect(await server().stock(ids.MUG)).toBe(3);
    });
  },
  // ENABLE_TEST_PAYMENTS "": the store's own default (off outside demo mode), not the test helper's.
  { NODE_ENV: "production", COOKIE_SECURE: "false", SCRYPT_LOG_N: "17", ENABLE_TEST_PAYMENTS: "" },
);
