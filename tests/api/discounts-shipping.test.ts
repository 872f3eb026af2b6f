import { adminClient, describeEachEngine, type TestServer } from "../helpers/test-server";
import type { ShopperClient } from "../helpers/client";
import { address, orderInput } from "../helpers/operations";

const CART_FIELDS = `lines { quantity } discountCode discount { amount } discountProblem subtotal { amount } shipping { amount } tax { amount }
  total { amount } taxIncluded taxLabel destination { country region } shippingOptions { id name price { amount } estimatedDays }
  selectedShipping { id name price { amount } }`;
const CART = `query { cart { ${CART_FIELDS} } }`;
const ADD = `mutation($productId: ID!, $quantity: Int! = 1) { addToCart(productId: $productId, quantity: $quantity) { ${CART_FIELDS} } }`;
const APPLY = `mutation($code: String!) { applyDiscountCode(code: $code) { ${CART_FIELDS} } }`;
const REMOVE_CODE = `mutation { removeDiscountCode { ${CART_FIELDS} } }`;
const DESTINATION = `mutation($country: String!, $region: String) { setShippingDestination(country: $country, region: $region) { ${CART_FIELDS} } }`;
const SELECT = `mutation($id: ID!) { selectShipping(optionId: $id) { ${CART_FIELDS} } }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
  id status discountCode discount { amount } subtotal { amount } shipping { amount } shippingMethod tax { amount } taxLabel taxIncluded total { amount }
  lines { sku quantity }
} }`;
const SAVE_CODE = `mutation($input: DiscountCodeInput!) { saveDiscountCode(input: $input) { id code kind value timesUsed reserved active } }`;
const CODES = `query { discountCodes { code timesUsed reserved } }`;
const SAVE_ZONE = `mutation($input: ShippingZoneInput!) { saveShippingZone(input: $input) { id name countries rates { id name price { amount } freeAbove { amount } estimatedDays } } }`;
const ZONES = `query { shippingZones { id name countries rates { id name price { amount } freeAbove { amount } } } taxRates { country region name rateBps } }`;
const SAVE_TAX = `mutation($input: TaxRateInput!) { saveTaxRate(input: $input) { id country region name rateBps } }`;

const DAY = 24 * 3600_000;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString();

async function codeUsage(owner: ShopperClient, code: string): Promise<{ timesUsed: number; reserved: number }> {
  const { discountCodes } = await owner.ok(CODES);
  return discountCodes.find((c: { code: string }) => c.code === code);
}

async function shopperWith(server: TestServer, productId: string, quantity = 1): Promise<ShopperClient> {
  const shopper = server.client();
  await shopper.ok(ADD, { productId, quantity });
  return shopper;
}

describeEachEngine(
  "discount codes",
  (server) => {
    let owner: ShopperClient;
    let ids: Record<string, string>;
    beforeAll(async () => {
      owner = await adminClient(server(), "discount-owner@example.com");
      ids = await server().seed([
        { sku: "KETTLE", name: "Kettle", price: 2500, stock: 500 },
        { sku: "SCARCE", name: "Scarce", price: 1000, stock: 1 },
      ]);
      for (const input of [
        { code: "spring10", kind: "PERCENTAGE", value: 10 },
        { code: "FIVEOFF", kind: "FIXED_AMOUNT", value: 500, minSubtotal: 4000 },
        { code: "OLD", kind: "PERCENTAGE", value: 20, startsAt: iso(-10 * DAY), endsAt: iso(-DAY) },
        { code: "SOON", kind: "PERCENTAGE", value: 20, startsAt: iso(5 * DAY) },
        { code: "ONCE", kind: "PERCENTAGE", value: 15, perCustomerLimit: 1 },
        { code: "FIRST5", kind: "FIXED_AMOUNT", value: 300, usageLimit: 5 },
        { code: "HELD", kind: "PERCENTAGE", value: 50, usageLimit: 1 },
      ])
        await owner.ok(SAVE_CODE, { input });
    });

    test("a valid code is a line in the cart's totals; one code per cart; removing it puts the total back", async () => {
      const shopper = await shopperWith(server(), ids.KETTLE, 2);
      const { applyDiscountCode } = await shopper.ok(APPLY, { code: " Spring10 " });
      expect(applyDiscountCode).toMatchObject({ discountCode: "SPRING10", discount: { amount: 500 }, subtotal: { amount: 5000 } });
      // Shipping is free from 50.00 of goods after the discount: 45.00 pays the default 4.99.
      expect(applyDiscountCode.total.amount).toBe(5000 - 500 + 499);
      const { applyDiscountCode: replaced } = await shopper.ok(APPLY, { code: "FIVEOFF" });
      expect(replaced).toMatchObject({ discountCode: "FIVEOFF", discount: { amount: 500 } });
      const { removeDiscountCode } = await shopper.ok(REMOVE_CODE);
      expect(removeDiscountCode).toMatchObject({ discountCode: null, discount: { amount: 0 }, total: { amount: 5000 } });
    });

    test("refused codes say why, in extensions.reason and in words, and change nothing", async () => {
      const shopper = await shopperWith(server(), ids.KETTLE);
      await shopper.ok(APPLY, { code: "SPRING10" });
      const cases = [
        ["NOPE", "UNKNOWN", "NOPE isn't a discount code of this shop; check the spelling"],
        ["old", "EXPIRED", `OLD has expired (it ended on ${iso(-DAY).slice(0, 10)})`],
        ["SOON", "NOT_STARTED", `SOON can't be used yet: it starts on ${iso(5 * DAY).slice(0, 10)}`],
        ["FIVEOFF", "MINIMUM_NOT_REACHED", "FIVEOFF needs an order of at least $40.00 before shipping"],
      ];
      for (const [code, reason, message] of cases) {
        const result = await shopper.gql(APPLY, { code });
        expect(result.errors?.[0].extensions).toMatchObject({ code: "DISCOUNT_INVALID", reason });
        expect(result.errors?.[0].message).toBe(message);
      }
      expect((await shopper.ok(CART)).cart).toMatchObject({ discountCode: "SPRING10", discount: { amount: 250 } });
    });

    test("a cart that falls below the code's minimum keeps the code but takes nothing off, and says why", async () => {
      const shopper = await shopperWith(server(), ids.KETTLE, 2);
      const { applyDiscountCode } = await shopper.ok(APPLY, { code: "FIVEOFF" });
      const { cart } = await shopper.ok(`query { cart { lines { id } } }`);
      expect(applyDiscountCode.discount.amount).toBe(500);
      const { updateQuantity } = await shopper.ok(`mutation($id: ID!) { updateQuantity(lineId: $id, quantity: 1) { ${CART_FIELDS} } }`, {
        id: cart.lines[0].id,
      });
      expect(updateQuantity).toMatchObject({ discountCode: "FIVEOFF", discount: { amount: 0 } });
      expect(updateQuantity.discountProblem).toBe("FIVEOFF needs an order of at least $40.00 before shipping");
    });

    test("the order records the code and what it took off; the code's usage goes up when the order is paid", async () => {
      const shopper = await shopperWith(server(), ids.KETTLE, 2);
      await shopper.ok(APPLY, { code: "SPRING10" });
      const before = await codeUsage(owner, "SPRING10");
      const { placeOrder } = await shopper.ok(PLACE, { input: orderInput() });
      expect(placeOrder).toMatchObject({ status: "PAID", discountCode: "SPRING10", discount: { amount: 500 }, subtotal: { amount: 5000 } });
      expect(placeOrder.total.amount).toBe(5000 - 500 + placeOrder.shipping.amount + placeOrder.tax.amount);
      expect(await codeUsage(owner, "SPRING10")).toEqual({ ...before, timesUsed: before.timesUsed + 1 });
      // The code went with the order: the next cart starts without it.
      expect((await shopper.ok(CART)).cart.discountCode).toBeNull();
    });

    test("40 shoppers race for a code limited to 5 uses: exactly 5 orders get it, the rest are told it is used up and keep their carts", async () => {
      const shoppers = await Promise.all(
        Array.from({ length: 40 }, async () => {
          const shopper = await shopperWith(server(), ids.KETTLE);
          await shopper.ok(APPLY, { code: "FIRST5" });
          return shopper;
        }),
      );
      const results = await Promise.all(shoppers.map((s, i) => s.gql(PLACE, { input: orderInput({ email: `racer${i}@example.com` }) })));
      const placed = results.filter((r) => r.data?.placeOrder);
      expect(placed).toHaveLength(5);
      expect(placed.every((r) => r.data!.placeOrder.discount.amount === 300)).toBe(true);
      const refused = results.filter((r) => !r.data?.placeOrder);
      expect(refused.map((r) => r.errors?.[0].extensions?.reason)).toEqual(Array(35).fill("USED_UP"));
      expect(await codeUsage(owner, "FIRST5")).toEqual({ code: "FIRST5", timesUsed: 5, reserved: 0 });
      // The 35 lost nothing: their carts are as they were.
      const { cart } = await shoppers[results.findIndex((r) => !r.data?.placeOrder)].ok(CART);
      expect(cart.lines).toEqual([{ quantity: 1 }]);
    });

    test("a customer can't use a once-per-customer code twice (counted by email)", async () => {
      const first = await shopperWith(server(), ids.KETTLE);
      await first.ok(APPLY, { code: "ONCE" });
      await first.ok(PLACE, { input: orderInput({ email: "Loyal@Example.com" }) });
      const second = await shopperWith(server(), ids.KETTLE);
      await second.ok(APPLY, { code: "ONCE" });
      const again = await second.gql(PLACE, { input: orderInput({ email: "loyal@example.com" }) });
      expect(again.errors?.[0].extensions).toMatchObject({ code: "DISCOUNT_INVALID", reason: "ALREADY_USED" });
    });

    test("an order given up before payment gives its use back: a declined card, and the owner cancelling a manual order", async () => {
      const declined = await shopperWith(server(), ids.KETTLE);
      await declined.ok(APPLY, { code: "HELD" });
      const result = await declined.gql(PLACE, { input: orderInput({ payment: { provider: "test", token: "pm_card_chargeDeclined" } }) });
      expect(result.errors?.[0].extensions?.code).toBe("PAYMENT_DECLINED");
      expect(await codeUsage(owner, "HELD")).toMatchObject({ timesUsed: 0, reserved: 0 });
      // The shopper's cart is as it was, code included: the next try with another card gets the discount.
      expect((await declined.ok(CART)).cart).toMatchObject({ discountCode: "HELD", lines: [{ quantity: 1 }], discount: { amount: 1250 } });
      await declined.ok(REMOVE_CODE);

      const manual = await shopperWith(server(), ids.KETTLE);
      await manual.ok(APPLY, { code: "HELD" });
      const { placeOrder } = await manual.ok(PLACE, { input: orderInput({ payment: { provider: "manual" } }) });
      expect(placeOrder).toMatchObject({ status: "PENDING_PAYMENT", discountCode: "HELD" });
      expect(await codeUsage(owner, "HELD")).toMatchObject({ timesUsed: 0, reserved: 1 });
      // Its one use is held: nobody else gets it meanwhile.
      const other = await shopperWith(server(), ids.KETTLE);
      expect((await other.gql(APPLY, { code: "HELD" })).errors?.[0].extensions?.reason).toBe("USED_UP");
      await owner.ok(`mutation($id: ID!) { updateOrderStatus(id: $id, status: CANCELLED) { status } }`, { id: placeOrder.id });
      expect(await codeUsage(owner, "HELD")).toMatchObject({ timesUsed: 0, reserved: 0 });
      await other.ok(APPLY, { code: "HELD" });
    });

    test("a code that takes the whole order needs no payment: the order is PAID at 0 and nothing is charged", async () => {
      await owner.ok(SAVE_CODE, { input: { code: "ALLFREE", kind: "FIXED_AMOUNT", value: 100_000 } });
      // Shipping free too, for this test (the code takes only the goods).
      const { shippingZones } = await owner.ok(ZONES);
      const [zone] = shippingZones;
      const setRate = (price: number) =>
        owner.ok(SAVE_ZONE, {
          input: {
            id: zone.id,
            name: zone.name,
            countries: zone.countries,
            rates: [{ id: zone.rates[0].id, name: zone.rates[0].name, price }],
          },
        });
      await setRate(0);
      const shopper = await shopperWith(server(), ids.KETTLE, 2);
      await shopper.ok(APPLY, { code: "ALLFREE" });
      const charges = server().app.services.testProvider.ledger.length;
      const { placeOrder } = await shopper.ok(PLACE, { input: orderInput() });
      expect(placeOrder).toMatchObject({ status: "PAID", discount: { amount: 5000 }, shipping: { amount: 0 }, total: { amount: 0 } });
      expect(server().app.services.testProvider.ledger.length).toBe(charges);
      expect(await codeUsage(owner, "ALLFREE")).toMatchObject({ timesUsed: 1, reserved: 0 });
      await setRate(499);
    });

    test("changing a code through the API keeps what the change leaves out (an off code stays off, its limits stay)", async () => {
      const { saveDiscountCode: made } = await owner.ok(SAVE_CODE, {
        input: { code: "KEEPME", kind: "PERCENTAGE", value: 5, usageLimit: 3, perCustomerLimit: 1, active: false },
      });
      await owner.ok(SAVE_CODE, { input: { id: made.id, code: "KEEPME", kind: "PERCENTAGE", value: 7 } });
      const { discountCodes } = await owner.ok(`query { discountCodes { code value usageLimit perCustomerLimit active } }`);
      expect(discountCodes.find((c: { code: string }) => c.code === "KEEPME")).toEqual({
        code: "KEEPME",
        value: 7,
        usageLimit: 3,
        perCustomerLimit: 1,
        active: false,
      });
      const shopper = await shopperWith(server(), ids.KETTLE);
      expect((await shopper.gql(APPLY, { code: "KEEPME" })).errors?.[0].extensions?.reason).toBe("INACTIVE");
    });

    test("the owner manages codes: a used code can't be deleted (switched off instead); bad input is refused at its field", async () => {
      const used = await owner.gql(
        `mutation { deleteDiscountCode(id: "${(await owner.ok(`query { discountCodes { id code } }`)).discountCodes.find((c: any) => c.code === "SPRING10").id}") }`,
      );
      expect(used.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
      const bad = [
        [{ code: "X Y", kind: "PERCENTAGE", value: 10 }, "code"],
        [{ code: "TOOMUCH", kind: "PERCENTAGE", value: 150 }, "value"],
        [{ code: "BACKWARDS", kind: "PERCENTAGE", value: 10, startsAt: iso(DAY), endsAt: iso(-DAY) }, "endsAt"],
        [{ code: "spring10", kind: "PERCENTAGE", value: 10 }, "code"],
      ] as const;
      for (const [input, field] of bad) {
        const result = await owner.gql(SAVE_CODE, { input });
        expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
        expect(String(result.errors?.[0].extensions?.field)).toContain(field);
      }
      const shopper = server().client();
      expect((await shopper.gql(CODES)).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    });
  },
  { ENABLE_TEST_PAYMENTS: "true", MANUAL_PAYMENT_INSTRUCTIONS: "Pay to IBAN DE00 0000" },
);

describeEachEngine(
  "shipping and tax by destination",
  (server) => {
    let owner: ShopperClient;
    let ids: Record<string, string>;
    let express: string;
    beforeAll(async () => {
      owner = await adminClient(server(), "shipping-owner@example.com");
      ids = await server().seed([
        { sku: "TEE", name: "T-Shirt", price: 2000, stock: 100 },
        { sku: "ANVIL", name: "Anvil", price: 9000, stock: 100 },
      ]);
      await server().dataSource.query("UPDATE product SET weight_grams = 30000 WHERE sku = 'ANVIL'");
    });

    test("a store upgraded from before zones starts with its settings as one zone for everywhere, and its tax rate", async () => {
      const { shippingZones, taxRates } = await owner.ok(ZONES);
      expect(shippingZones).toEqual([
        {
          id: expect.any(String),
          name: "Everywhere",
          countries: ["*"],
          rates: [{ id: expect.any(String), name: "Standard shipping", price: { amount: 650 }, freeAbove: { amount: 8000 } }],
        },
      ]);
      expect(taxRates).toEqual([{ country: "*", region: null, name: "Tax", rateBps: 800 }]);
      const shopper = await shopperWith(server(), ids.TEE);
      expect((await shopper.ok(CART)).cart).toMatchObject({ shipping: { amount: 650 }, tax: { amount: 160 }, total: { amount: 2810 } });
    });

    test("zones and tax rates by destination: a German address gets Europe's options and 19% VAT; weight picks the band", async () => {
      const { saveShippingZone } = await owner.ok(SAVE_ZONE, {
        input: {
          name: "Europe",
          countries: ["de", "FR", "AT"],
          rates: [
            { name: "Standard", price: 900, freeAbove: 10_000, estimatedDays: "3–5 business days", maxWeightGrams: 20_000 },
            { name: "Express", price: 1900, estimatedDays: "1–2 business days", maxWeightGrams: 20_000 },
            { name: "Freight", price: 4900, minWeightGrams: 20_001 },
          ],
        },
      });
      expect(saveShippingZone.countries).toEqual(["DE", "FR", "AT"]);
      express = saveShippingZone.rates[1].id;
      await owner.ok(SAVE_TAX, { input: { country: "DE", name: "VAT", rateBps: 1900 } });
      await owner.ok(SAVE_TAX, { input: { country: "US", region: "CA", name: "Sales tax", rateBps: 725 } });

      const shopper = await shopperWith(server(), ids.TEE, 2);
      const { setShippingDestination } = await shopper.ok(DESTINATION, { country: "de" });
      expect(setShippingDestination.destination).toEqual({ country: "DE", region: null });
      expect(setShippingDestination.shippingOptions.map((o: any) => [o.name, o.price.amount, o.estimatedDays])).toEqual([
        ["Standard", 900, "3–5 business days"],
        ["Express", 1900, "1–2 business days"],
      ]);
      expect(setShippingDestination).toMatchObject({ selectedShipping: { name: "Standard" }, tax: { amount: 760 }, taxLabel: "VAT 19%" });
      const { selectShipping } = await shopper.ok(SELECT, { id: express });
      expect(selectShipping).toMatchObject({ shipping: { amount: 1900 }, total: { amount: 4000 + 1900 + 760 } });

      // A region's own rate; the "*" zone and tax rate for the rest of the world.
      const californian = await shopperWith(server(), ids.TEE);
      expect((await californian.ok(DESTINATION, { country: "US", region: "CA" })).setShippingDestination).toMatchObject({
        tax: { amount: 145 },
        taxLabel: "Sales tax 7.25%",
        selectedShipping: { name: "Standard shipping" },
      });
      // 30 kg: only the freight rate carries it.
      const heavy = await shopperWith(server(), ids.ANVIL);
      const { setShippingDestination: freight } = await heavy.ok(DESTINATION, { country: "FR" });
      expect(freight.shippingOptions.map((o: any) => o.name)).toEqual(["Freight"]);
      // An option of another zone is not the cart's to choose.
      expect((await heavy.gql(SELECT, { id: express })).errors?.[0].extensions?.code).toBe("NOT_FOUND");
    });

    test("the order charges the address's shipping option and tax, and records them as applied", async () => {
      const shopper = await shopperWith(server(), ids.TEE, 2);
      await shopper.ok(DESTINATION, { country: "DE" });
      await shopper.ok(SELECT, { id: express });
      const german = address({ name: "Grete Müller", line1: "Unter den Linden 1", city: "Berlin", postalCode: "10117", country: "DE" });
      const { placeOrder } = await shopper.ok(PLACE, { input: orderInput({ shippingAddress: german }) });
      expect(placeOrder).toMatchObject({
        status: "PAID",
        subtotal: { amount: 4000 },
        shipping: { amount: 1900 },
        shippingMethod: "Express (Europe)",
        tax: { amount: 760 },
        taxLabel: "VAT 19%",
        taxIncluded: false,
        total: { amount: 6660 },
      });
      // An option that isn't offered for the address is refused, and nothing is placed.
      const again = await shopperWith(server(), ids.TEE);
      const refused = await again.gql(PLACE, { input: orderInput({ shippingOptionId: express }) });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "shippingOptionId" });
      expect((await again.ok(CART)).cart.lines).toEqual([{ quantity: 1 }]);
    });

    test("where no zone ships, NO_SHIPPING — at the cart and at checkout — and nothing changes", async () => {
      const { shippingZones } = await owner.ok(ZONES);
      const everywhere = shippingZones.find((z: any) => z.countries.includes("*"));
      await owner.ok(SAVE_ZONE, {
        input: {
          id: everywhere.id,
          name: "North America",
          countries: ["US", "CA"],
          rates: [{ id: everywhere.rates[0].id, name: "Standard shipping", price: 650 }],
        },
      });
      const shopper = await shopperWith(server(), ids.TEE);
      const refused = await shopper.gql(DESTINATION, { country: "JP" });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: "NO_SHIPPING", country: "JP" });
      expect(refused.errors?.[0].message).toBe("Sorry, this shop doesn't ship to Japan");
      const japan = address({ country: "JP", city: "Tokyo", postalCode: "100-0001" });
      const order = await shopper.gql(PLACE, { input: orderInput({ shippingAddress: japan }) });
      expect(order.errors?.[0].extensions?.code).toBe("NO_SHIPPING");
      expect((await shopper.ok(CART)).cart.lines).toEqual([{ quantity: 1 }]);
      // A country belongs to one zone; the last zone can't be deleted.
      const clash = await owner.gql(SAVE_ZONE, { input: { name: "Also Germany", countries: ["DE"], rates: [] } });
      expect(clash.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "countries" });
      expect(clash.errors?.[0].message).toBe("DE is already in Europe");
    });
  },
  { ENABLE_TEST_PAYMENTS: "true", SHIPPING_FLAT: "650", FREE_SHIPPING_THRESHOLD: "8000", TAX_RATE_BPS: "800" },
);

describeEachEngine(
  "prices that include tax",
  (server) => {
    test("PRICES_INCLUDE_TAX: the tax is the part of the price that is tax, and the total is not raised by it", async () => {
      const owner = await adminClient(server(), "inclusive-owner@example.com");
      await owner.ok(SAVE_TAX, { input: { country: "DE", name: "MwSt.", rateBps: 1900 } });
      const ids = await server().seed([{ sku: "BOOK", price: 11_900, stock: 5 }]);
      const shopper = await shopperWith(server(), ids.BOOK);
      const { setShippingDestination } = await shopper.ok(DESTINATION, { country: "DE" });
      expect(setShippingDestination).toMatchObject({
        subtotal: { amount: 11_900 },
        tax: { amount: 1900 },
        taxIncluded: true,
        taxLabel: "MwSt. 19%",
        shipping: { amount: 0 },
        total: { amount: 11_900 },
      });
      const german = address({ country: "DE", city: "Köln", postalCode: "50667" });
      const { placeOrder } = await shopper.ok(PLACE, { input: orderInput({ shippingAddress: german }) });
      expect(placeOrder).toMatchObject({ taxIncluded: true, tax: { amount: 1900 }, total: { amount: 11_900 } });
    });
  },
  { ENABLE_TEST_PAYMENTS: "true", PRICES_INCLUDE_TAX: "true", FREE_SHIPPING_THRESHOLD: "5000" },
);

describeEachEngine(
  "the demo's range",
  (server) => {
    test("a newcomer's demo has products with options, a code to try (and an expired one), and two shipping zones with VAT", async () => {
      await server().app.services.catalogIo.seedDemoIfEmpty();
      const shopper = server().client();
      const { products } = await shopper.ok(
        `query { products(first: 100, category: "apparel") { nodes { id sku options { name values } variants { title stock image { url } } } } }`,
      );
      const tee = products.nodes.find((p: { sku: string }) => p.sku === "TEE-CLUB");
      expect(tee.options).toEqual([
        { name: "Size", values: ["S", "M", "L", "XL"] },
        { name: "Colour", values: ["Blue", "Natural"] },
      ]);
      expect(tee.variants).toHaveLength(8);
      expect(tee.variants.find((v: { title: string }) => v.title === "S / Natural").stock).toBe(0);
      expect(tee.variants.find((v: { title: string }) => v.title === "M / Blue").image.url).toBe("/media/demo/tee-club-h215.svg");
      const picture = await fetch(`${server().url}/media/demo/tee-club-h215.svg`);
      expect([picture.status, picture.headers.get("content-type")]).toEqual([200, "image/svg+xml; charset=utf-8"]);

      const { products: mugs } = await shopper.ok(`query { products(first: 1, category: "mugs") { nodes { id } } }`);
      await shopper.ok(ADD, { productId: mugs.nodes[0].id });
      expect((await shopper.ok(APPLY, { code: "welcome10" })).applyDiscountCode.discountCode).toBe("WELCOME10");
      expect((await shopper.gql(APPLY, { code: "SUMMER24" })).errors?.[0].extensions?.reason).toBe("EXPIRED");
      const { setShippingDestination } = await shopper.ok(DESTINATION, { country: "DE" });
      expect(setShippingDestination.shippingOptions.map((o: { name: string }) => o.name)).toEqual(["Standard", "Express"]);
      expect(setShippingDestination.taxLabel).toBe("VAT 19%");

      const owner = await adminClient(server(), "demo-range-owner@example.com");
      const { shippingZones } = await owner.ok(ZONES);
      expect(shippingZones.map((z: { name: string }) => z.name)).toEqual(["Everywhere", "Europe"]);
      // Loading the demo again adds nothing twice.
      await server().app.services.catalogIo.loadDemo();
      expect((await owner.ok(ZONES)).shippingZones).toHaveLength(2);
      expect((await owner.ok(CODES)).discountCodes.map((c: { code: string }) => c.code)).toEqual(["SUMMER24", "WELCOME10"]);
    });
  },
  { ENABLE_TEST_PAYMENTS: "true" },
);
