import type { Page } from "playwright-core";
import { fillCheckout, openBrowser, screenshot, seriousA11yViolations } from "../helpers/browser";
import { describeEachEngine } from "../helpers/test-server";

jest.setTimeout(180_000);

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { id } }`;
const ADD = `mutation($productId: ID!, $quantity: Int!) { addToCart(productId: $productId, quantity: $quantity) { totalQuantity } }`;
const UPDATE_PRODUCT = `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id status } }`;
const UPDATE_STATUS = `mutation($id: ID!, $status: OrderStatus!) { updateOrderStatus(id: $id, status: $status) { status payment { status } } }`;

/** The heading the keyboard focus is on, or what else has it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}: ${(el.textContent ?? "").trim()}` : "nothing";
  });

/** Waits until focus is on the page's main heading; returns what has the focus then (or after 5 s). */
async function focusAfterNavigation(page: Page): Promise<string> {
  await page.waitForFunction(() => document.activeElement?.tagName === "H1", undefined, { timeout: 5000 }).catch(() => undefined);
  return focused(page);
}

describeEachEngine("a shopper's edges in Chromium", (server) => {
  const url = (p: string) => `${server().url}${p}`;
  const OWNER = { email: "owner@shop.example", password: "owner password 1" };
  const CUSTOMER = { email: "returning@example.com", password: "kettle on the hob", name: "Rita Returning" };
  const SHOPPER = {
    email: "guest@example.com",
    name: "Gus Guest",
    street: "1 High St",
    city: "Leeds",
    postalCode: "LS1 1AA",
    country: "GB",
  };
  let ids: Record<string, string>;
  const owner = () => {
    const client = server().client();
    return client.ok(LOGIN, OWNER).then(() => client);
  };

  /** A new shopper's first add, from the product's page, then their cart. */
  async function openCartWith(page: Page, id: string): Promise<void> {
    await page.goto(url(`/product/${id}`));
    await page.getByRole("button", { name: "Add to cart", exact: true }).click();
    await page.getByRole("link", { name: "Cart 1 item", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Your cart" }).waitFor();
  }

  beforeAll(async () => {
    await server().app.services.accounts.upsertAdmin(OWNER.email, OWNER.password);
    ids = await server().seed([
      { sku: "POT", name: "Stoneware Teapot", price: 3200, stock: 20 },
      { sku: "CUP", name: "Tea Cup", price: 900, stock: 20 },
      { sku: "TIN", name: "Tea Tin", price: 1200, stock: 20 },
      { sku: "OLD", name: "Seasonal Blend", price: 1500, stock: 20 },
      { sku: "DRAFT", name: "Trial Blend", price: 1100, stock: 20 },
    ]);
    // A returning customer, with a cup already in the cart of their account.
    const customer = server().client();
    await customer.ok(REGISTER, { input: CUSTOMER });
    await customer.ok(ADD, { productId: ids.CUP, quantity: 1 });
  });

  test("signing in from the checkout returns the shopper to the checkout with the merged cart; from the header, to the page they were on", async () => {
    const { page, errors, close } = await openBrowser();
    try {
      await page.goto(url(`/product/${ids.POT}`));
      await page.getByRole("button", { name: "Add to cart", exact: true }).click();
      await page.getByRole("link", { name: "Cart 1 item", exact: true }).waitFor();
      await page.goto(url("/checkout"));
      await page.getByRole("heading", { level: 1, name: "Checkout" }).waitFor();
      await page.getByText("Have an account?").getByRole("link", { name: "Sign in" }).click();
      // The checkout stays on screen while the sign-in page loads, and it has an Email field too: wait for the page.
      await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
      await page.getByLabel("Email").fill(CUSTOMER.email);
      await page.getByLabel("Password").fill(CUSTOMER.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { level: 1, name: "Checkout" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/checkout");
      // The guest's teapot and the account's cup, both in the summary; the email is the account's.
      const summary = page.getByRole("complementary", { name: "Order summary" });
      await summary.getByText("1 × Stoneware Teapot").waitFor();
      await summary.getByText("1 × Tea Cup").waitFor();
      await page.getByRole("link", { name: "Cart 2 items", exact: true }).waitFor();
      expect(await page.getByLabel("Email").inputValue()).toBe(CUSTOMER.email);
      expect(await page.getByText("Have an account?").count()).toBe(0);

      // Signed out, on a product page: the header's Sign in comes back to it.
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("link", { name: "Sign in" }).waitFor();
      await page.goto(url(`/product/${ids.TIN}`));
      await page.getByRole("heading", { level: 1, name: "Tea Tin" }).waitFor();
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }).click();
      await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
      await page.getByLabel("Email").fill(CUSTOMER.email);
      await page.getByLabel("Password").fill(CUSTOMER.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("button", { name: "Sign out" }).waitFor();
      await page.getByRole("heading", { level: 1, name: "Tea Tin" }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/product/${ids.TIN}`);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("a product taken off sale while in the cart is flagged there, and checkout waits until it's removed", async () => {
    const { page, errors, close } = await openBrowser();
    try {
      for (const [id, name] of [
        [ids.OLD, "Seasonal Blend"],
        [ids.DRAFT, "Trial Blend"],
        [ids.TIN, "Tea Tin"],
      ]) {
        await page.goto(url(`/product/${id}`));
        await page.getByRole("heading", { level: 1, name }).waitFor();
        await page.getByRole("button", { name: "Add to cart", exact: true }).click();
        await page.getByRole("status").filter({ hasText: /added/i }).waitFor();
      }
      const admin = await owner();
      await admin.ok(UPDATE_PRODUCT, { id: ids.OLD, input: { status: "ARCHIVED" } });
      await admin.ok(UPDATE_PRODUCT, { id: ids.DRAFT, input: { status: "DRAFT" } });

      await page.getByRole("link", { name: /^Cart/ }).click();
      await page.getByRole("heading", { level: 1, name: "Your cart" }).waitFor();
      const line = (name: string) => page.getByRole("listitem").filter({ hasText: name });
      await line("Seasonal Blend").getByText("No longer available — remove it to check out.").waitFor();
      await line("Trial Blend").getByText("No longer available — remove it to check out.").waitFor();
      expect(await line("Tea Tin").getByText("No longer available").count()).toBe(0);
      // No link to a page that would say "Product not found", and no way on to the checkout.
      expect(await line("Seasonal Blend").getByRole("link").count()).toBe(0);
      expect(await page.getByRole("link", { name: "Checkout" }).count()).toBe(0);
      await page.getByText("Remove what is no longer available to check out.").waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `${server().engine}-cart-retired-product`);

      // Straight to the checkout (a bookmark, Back): it says so before the shopper types anything.
      await page.goto(url("/checkout"));
      await page.getByText("Seasonal Blend, Trial Blend are no longer available.").waitFor();
      expect(await page.getByRole("button", { name: "Place order" }).isDisabled()).toBe(true);
      await page.getByRole("link", { name: "Remove them from your cart" }).click();

      await page.getByRole("button", { name: "Remove Seasonal Blend from cart" }).click();
      await page.getByRole("button", { name: "Remove Trial Blend from cart" }).click();
      await page.getByRole("link", { name: "Checkout" }).click();
      await fillCheckout(page, SHOPPER);
      await page.getByRole("button", { name: "Place order" }).click();
      await page.getByRole("heading", { name: "Thank you for your order!" }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("focus moves to each new page's heading, and after Place order to the confirmation's", async () => {
    const { page, errors, close } = await openBrowser();
    try {
      await page.goto(url("/"));
      await page.getByRole("link", { name: "Stoneware Teapot" }).click();
      expect(await focusAfterNavigation(page)).toBe("h1: Stoneware Teapot");
      await page.getByRole("button", { name: "Add to cart", exact: true }).click();
      await page.getByRole("link", { name: /^Cart/ }).click();
      expect(await focusAfterNavigation(page)).toBe("h1: Your cart");
      await page.getByRole("link", { name: "Checkout" }).click();
      expect(await focusAfterNavigation(page)).toBe("h1: Checkout");
      await fillCheckout(page, SHOPPER);
      await page.getByRole("button", { name: "Place order" }).click();
      expect(await focusAfterNavigation(page)).toBe("h1: Thank you for your order!");
      // Back: the cart's heading, not the page's body.
      await page.goBack();
      expect(await focusAfterNavigation(page)).toBe("h1: Checkout");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("a cancelled order says Cancelled and what became of the payment, never 'Thank you for your order!'", async () => {
    const { page, errors, close } = await openBrowser();
    try {
      await openCartWith(page, ids.CUP);
      await page.getByRole("link", { name: "Checkout" }).click();
      await fillCheckout(page, SHOPPER);
      await page.getByRole("button", { name: "Place order" }).click();
      await page.getByRole("heading", { name: "Thank you for your order!" }).waitFor();
      const number = (await page.getByTestId("order-number").textContent())!;
      const orderId = new URL(page.url()).pathname.split("/").pop()!;

      // The owner cancels it (the test card's payment is refunded); the shopper reloads the page that thanked them.
      const admin = await owner();
      const cancelled = (await admin.ok(UPDATE_STATUS, { id: orderId, status: "CANCELLED" })).updateOrderStatus;
      expect(cancelled.payment.status).toBe("REFUNDED");
      await page.reload();
      await page.getByRole("heading", { level: 1, name: `Order ${number} was cancelled` }).waitFor();
      expect(await page.getByRole("heading", { name: "Thank you for your order!" }).count()).toBe(0);
      expect(await page.getByTestId("order-status").textContent()).toBe("Cancelled");
      expect(await page.getByTestId("cancelled-payment").textContent()).toMatch(/^Your payment of \$[\d.]+ was refunded\./);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `${server().engine}-order-cancelled`);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("totals: one unbroken rule above Total, amounts on the right, no indent at checkout; a UK address reads town, then postcode", async () => {
    const { page, errors, close } = await openBrowser();
    try {
      await openCartWith(page, ids.TIN);
      /** The Total row's label and amount: their rules meet (no gap), and the amount sits at the right edge. */
      const totalRow = () =>
        page.locator("dl.totals").evaluate((dl) => {
          const dt = dl.querySelector("dt.total")!.getBoundingClientRect();
          const dd = dl.querySelector("dd.total")!.getBoundingClientRect();
          return {
            gap: dd.left - dt.right,
            ddRight: dd.right,
            dlRight: dl.getBoundingClientRect().right,
            align: getComputedStyle(dl.querySelector("dd.total")!).textAlign,
            dlLeft: dl.getBoundingClientRect().left,
          };
        });
      const cart = await totalRow();
      expect(cart.gap).toBe(0);
      expect(cart.align).toBe("right");
      expect(Math.abs(cart.ddRight - cart.dlRight)).toBeLessThan(1);

      await page.getByRole("link", { name: "Checkout" }).click();
      await page.getByRole("heading", { level: 1, name: "Checkout" }).waitFor();
      // In the summary the totals start where its lines start: no indent.
      const summaryLeft = await page.locator(".summary ul").evaluate((ul) => ul.getBoundingClientRect().left);
      const checkout = await totalRow();
      expect(checkout.gap).toBe(0);
      expect(Math.abs(checkout.dlLeft - summaryLeft)).toBeLessThan(1);

      await fillCheckout(page, SHOPPER);
      await page.getByRole("button", { name: "Place order" }).click();
      await page.getByRole("heading", { name: "Thank you for your order!" }).waitFor();
      // The lines' amounts on the right, as in every table.
      const aligns = await page
        .locator(".order-lines tbody tr")
        .first()
        .locator("td")
        .evaluateAll((tds) => tds.map((td) => getComputedStyle(td).textAlign));
      expect(aligns).toEqual(["left", "right", "right", "right"]);
      // The UK writes the town, then the postcode on its own line.
      const shipTo = page.getByRole("region", { name: "Shipping to" }).locator("address");
      expect(await shipTo.innerText()).toBe("Gus Guest\n1 High St\nLeeds\nLS1 1AA\nUnited Kingdom");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("product cards end at their button, a product without a picture shows a placeholder mark, and demo pictures carry no words", async () => {
    const { page, errors, close } = await openBrowser();
    try {
      await page.goto(url("/"));
      const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Tea Tin" }) });
      await card.waitFor();
      const space = () =>
        card.evaluate((li) => {
          const button = li.querySelector("button")!.getBoundingClientRect();
          return Math.round(li.getBoundingClientRect().bottom - button.bottom);
        });
      // Only the card's own padding (0.8rem) and border below the button, before and after adding.
      expect(await space()).toBeLessThanOrEqual(14);
      // No picture: a mark in the box, not an empty box.
      const mark = await card.locator('.image-missing[aria-label="Tea Tin: no picture yet"] svg').boundingBox();
      expect(mark!.width).toBeGreaterThan(20);
      await card.getByRole("button", { name: "Add to cart: Tea Tin" }).click();
      await card.getByRole("status").filter({ hasText: "Added to cart" }).waitFor();
      expect(await space()).toBeLessThanOrEqual(14 + 30);

      const svg = await (await fetch(url("/media/demo/tea-pot-blue-1.svg"))).text();
      expect(svg).toMatch(/^<svg /);
      expect(svg).not.toMatch(/<text/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("the cart: a quantity typed in, how much more ships free, Continue shopping, and no tax line in a store that charges none", async () => {
    const { page, errors, close } = await openBrowser();
    try {
      await openCartWith(page, ids.TIN);
      // $12 of goods; shipping is free from $50.
      expect(await page.getByTestId("free-shipping-in").textContent()).toBe("Add $38.00 more for free shipping.");
      expect(await page.getByTestId("tax-amount").count()).toBe(0);
      expect(await page.locator("dl.totals dt").allTextContents()).toEqual(["Subtotal", "Shipping: Standard shipping", "Total"]);

      const quantity = page.getByRole("textbox", { name: "Quantity of Tea Tin" });
      await quantity.fill("3");
      await quantity.press("Enter");
      await page.getByRole("link", { name: "Cart 3 items", exact: true }).waitFor();
      await page.getByText("Add $14.00 more for free shipping.").waitFor();
      // A word goes back to the quantity the cart has; nothing is changed.
      await quantity.fill("lots");
      await quantity.blur();
      expect(await quantity.inputValue()).toBe("3");
      await quantity.fill("5");
      await quantity.blur();
      await page.getByRole("link", { name: "Cart 5 items", exact: true }).waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid="shipping-amount"]')?.textContent === "Free");
      expect(await page.getByTestId("free-shipping-in").count()).toBe(0);
      expect(await page.getByTestId("cart-total").textContent()).toBe("$60.00");
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.getByRole("link", { name: "Continue shopping" }).click();
      await page.getByRole("link", { name: "Stoneware Teapot" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
