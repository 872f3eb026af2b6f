import type { Page } from "playwright-core";
import { fillCheckout, openBrowser, screenshot, seriousA11yViolations } from "../helpers/browser";
import { startFakeStripe, type FakeStripe } from "../helpers/fake-stripe";
import { engines, startTestServer, type TestServer } from "../helpers/test-server";

jest.setTimeout(180_000);

const INSTRUCTIONS = "Pay by bank transfer to IBAN DE89 3704 0044 0532 0130 00, reference: your order number.";
const OWNER = { email: "till@example.com", password: "a long owner password" };

const fillCheckoutFor = (page: Page) =>
  fillCheckout(page, {
    email: "grace@example.com",
    name: "Grace Hopper",
    street: "1 Navy Yard",
    city: "Arlington",
    postalCode: "22202",
    country: "US",
  });

/** The store as deployed for real: production mode, Stripe Checkout (a fake on loopback) and bank transfer. */
describe.each(engines)("real payments in Chromium, production mode [%s]", (engine) => {
  let server: TestServer;
  let fake: FakeStripe;
  let ids: Record<string, string>;
  const url = (p: string) => `${server.url}${p}`;

  beforeAll(async () => {
    fake = await startFakeStripe();
    server = await startTestServer(engine, {
      NODE_ENV: "production",
      SCRYPT_LOG_N: "17",
      COOKIE_SECURE: "false", // plain HTTP on loopback; behind TLS it stays on
      ENABLE_TEST_PAYMENTS: "", // the store's own default: off outside demo mode
      STRIPE_SECRET_KEY: fake.secretKey,
      STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
      STRIPE_API_URL: fake.url,
      MANUAL_PAYMENT_INSTRUCTIONS: INSTRUCTIONS,
    });
    fake.webhookUrl = url("/webhooks/stripe");
    ids = await server.seed([{ sku: "LAMP", name: "Brass Desk Lamp", price: 8900, stock: 6 }]);
    await server.app.services.accounts.upsertAdmin(OWNER.email, OWNER.password);
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.stop();
  });

  async function toCheckout(page: Page, quantity: number) {
    await page.goto(url(`/product/${ids.LAMP}`));
    await page.getByRole("heading", { level: 1, name: "Brass Desk Lamp" }).waitFor();
    await page.getByLabel("Quantity").fill(String(quantity));
    await page.getByRole("button", { name: "Add to cart", exact: true }).click();
    await page.getByText("Added to your cart.").waitFor();
    await page.goto(url("/checkout"));
    await fillCheckoutFor(page);
  }

  test("a shopper pays on the hosted page and lands on the confirmation; the order is PAID, stock and ledger right", async () => {
    const { page, errors, close } = await openBrowser();
    try {
      await toCheckout(page, 2);
      // Production offers what is configured: no test cards, and the footer doesn't claim test mode.
      expect(await page.getByText("Test card").count()).toBe(0);
      await page.getByText("Powered by Shopwright").waitFor();
      expect(await page.getByText(/test mode/i).count()).toBe(0);
      await page.getByLabel("Card (secure payment page by Stripe)").check();
      await page.getByRole("button", { name: "Continue to payment" }).click();
      await page.waitForURL(/\/c\/pay\/cs_test_/);
      await page.getByRole("button", { name: "Pay" }).waitFor();
      await screenshot(page, `${engine}-payments-1-hosted-page`);
      await page.getByRole("button", { name: "Pay" }).click();
      await page.getByRole("heading", { name: "Thank you for your order!" }).waitFor();
      expect(await page.getByTestId("order-status").textContent()).toBe("Paid — we're preparing it");
      await screenshot(page, `${engine}-payments-2-confirmation`);
      expect(await seriousA11yViolations(page)).toEqual([]);

      const number = (await page.getByTestId("order-number").textContent())!;
      const [order] = await server.dataSource.query("SELECT status, payment_status, total_amount FROM customer_order WHERE number = ?", [
        number,
      ]);
      expect(order).toMatchObject({ status: "PAID", payment_status: "PAID" });
      expect(Number(order.total_amount)).toBe(2 * 8900);
      expect(await server.stock(ids.LAMP)).toBe(4);
      const moves = await server.dataSource.query("SELECT delta, reason FROM stock_movement WHERE order_number = ?", [number]);
      expect(moves.map((m: any) => [Number(m.delta), m.reason])).toEqual([[-2, `Reserved for order ${number}`]]);
      // The cart is empty after a paid order.
      expect((await page.getByTestId("cart-count").textContent())?.trim()).toBe("0");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("back from the payment page before the webhook: 'Payment processing…', then the confirmation by itself", async () => {
    const { page, errors, close } = await openBrowser();
    try {
      await toCheckout(page, 1);
      await page.getByRole("button", { name: "Continue to payment" }).click();
      await page.waitForURL(/\/c\/pay\/cs_test_/);
      fake.dropWebhooks = true;
      await page.getByRole("button", { name: "Pay" }).click();
      await page.getByRole("heading", { name: "Payment processing…" }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      // The webhook arrives late; the page notices without a reload.
      fake.dropWebhooks = false;
      expect((await fake.redeliver(fake.dropped.at(-1).id)).status).toBe(200);
      await page.getByRole("heading", { name: "Thank you for your order!" }).waitFor();
      expect(await page.getByTestId("order-status").textContent()).toBe("Paid — we're preparing it");
      expect(errors).toEqual([]);
    } finally {
      fake.dropWebhooks = false;
      await close();
    }
  });

  test("a shopper who cancels on the hosted page gets the cart back and the stock is returned", async () => {
    const { page, errors, close } = await openBrowser();
    try {
      const before = await server.stock(ids.LAMP);
      await toCheckout(page, 1);
      await page.getByRole("button", { name: "Continue to payment" }).click();
      await page.waitForURL(/\/c\/pay\/cs_test_/);
      await page.getByRole("button", { name: "Cancel" }).click();
      await page.getByText("Payment cancelled — nothing was charged. Your items are back in your cart.").waitFor();
      await page.getByRole("link", { name: "Brass Desk Lamp" }).waitFor();
      expect(page.url()).toBe(url("/cart"));
      expect(await server.stock(ids.LAMP)).toBe(before);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("with manual payment the confirmation shows the instructions, and the owner marks the order paid in the admin", async () => {
    const shopper = await openBrowser();
    const owner = await openBrowser();
    try {
      const { page } = shopper;
      await toCheckout(page, 1);
      await page.getByLabel("Bank transfer").check();
      await page.getByText(INSTRUCTIONS).waitFor();
      await page.getByRole("button", { name: "Place order" }).click();
      await page.getByRole("heading", { name: "Thank you for your order!" }).waitFor();
      expect(await page.getByTestId("payment-instructions").textContent()).toContain(INSTRUCTIONS);
      expect(await page.getByTestId("order-status").textContent()).toBe("Waiting for payment");
      const number = (await page.getByTestId("order-number").textContent())!;
      expect(await seriousA11yViolations(page)).toEqual([]);

      await owner.page.goto(url("/login"));
      await owner.page.getByLabel("Email").fill(OWNER.email);
      await owner.page.getByLabel("Password").fill(OWNER.password);
      await owner.page.getByRole("button", { name: "Sign in" }).click();
      await owner.page.getByRole("link", { name: "Admin" }).first().waitFor();
      await owner.page.goto(url("/admin/orders"));
      await owner.page.getByRole("link", { name: number }).click();
      await owner.page.getByTestId("admin-payment-status").waitFor();
      expect(await owner.page.getByTestId("admin-payment-status").textContent()).toBe("Waiting for payment");
      await owner.page.getByRole("button", { name: "Mark as paid" }).click();
      await owner.page.waitForFunction(() => document.querySelector('[data-testid="admin-order-status"]')?.textContent === "Paid");
      expect(await owner.page.getByTestId("admin-payment-status").textContent()).toBe("Paid");
      expect(await owner.page.getByRole("button", { name: "Mark as paid" }).count()).toBe(0);

      // The shopper's confirmation now says paid; the instructions are gone.
      await page.reload();
      await page.getByTestId("order-status").waitFor();
      expect(await page.getByTestId("order-status").textContent()).toBe("Paid — we're preparing it");
      expect(await page.getByTestId("payment-instructions").count()).toBe(0);
      expect(shopper.errors).toEqual([]);
      expect(owner.errors).toEqual([]);
    } finally {
      await shopper.close();
      await owner.close();
    }
  });
});

describe.each(engines)("a production store with no payment method configured [%s]", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine, {
      NODE_ENV: "production",
      SCRYPT_LOG_N: "17",
      COOKIE_SECURE: "false",
      ENABLE_TEST_PAYMENTS: "",
    });
  });
  afterAll(() => server?.stop());

  test("checkout says it can't take payments instead of offering test cards, and the API refuses the test provider", async () => {
    const ids = await server.seed([{ sku: "VASE", name: "Glass Vase", price: 2500, stock: 3 }]);
    const api = server.client();
    expect((await api.ok(`query { paymentMethods { id } }`)).paymentMethods).toEqual([]);
    await api.ok(`mutation($id: ID!) { addToCart(productId: $id) { id } }`, { id: ids.VASE });
    const refused = await api.fails(`mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
      input: {
        email: "a@example.com",
        shippingAddress: { name: "A", line1: "1 Road", city: "Town", postalCode: "1000", country: "US" },
        payment: { provider: "test", token: "pm_card_visa" },
      },
    });
    expect(refused).toMatchObject({ code: "BAD_USER_INPUT", extensions: { field: "payment.provider" } });
    expect(await server.stock(ids.VASE)).toBe(3);

    const { page, errors, close } = await openBrowser();
    try {
      await page.goto(`${server.url}/product/${ids.VASE}`);
      await page.getByRole("button", { name: "Add to cart", exact: true }).click();
      await page.getByText("Added to your cart.").waitFor();
      await page.goto(`${server.url}/checkout`);
      await page.getByRole("alert").filter({ hasText: "This store isn't taking payments online yet" }).waitFor();
      expect(await page.getByText("Test card").count()).toBe(0);
      expect(await page.getByRole("button", { name: "Place order" }).isDisabled()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
