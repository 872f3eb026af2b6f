import type { Page } from "playwright-core";
import { openBrowser, screenshot, seriousA11yViolations } from "../helpers/browser";
import { describeEachEngine } from "../helpers/test-server";

jest.setTimeout(180_000);

// A 1×1 PNG, as a file the owner would pick.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000200e5279c0d0000000049454e44ae426082",
  "hex",
);

async function checkout(page: Page) {
  await page.getByLabel("Full name").fill("Grace Hopper");
  await page.getByLabel("Street address").fill("1 Navy Way");
  await page.getByLabel("Town or city").fill("Arlington");
  await page.getByLabel("Postal code").fill("22201");
  await page.getByLabel("Country").selectOption("US");
  await page.getByRole("button", { name: "Place order" }).click();
  await page.getByRole("heading", { name: "Thank you for your order!" }).waitFor();
  return (await page.getByTestId("order-number").textContent())!;
}

describeEachEngine(
  "accounts and admin in Chromium",
  (server) => {
    const url = (p: string) => `${server().url}${p}`;
    const OWNER = { email: "owner@shop.example", password: "owner password 1" };

    beforeAll(async () => {
      await server().app.services.catalogIo.loadDemo();
      await server().app.services.accounts.upsertAdmin(OWNER.email, OWNER.password);
    });

    test("a customer signs up, orders (email filled in for them) and finds the order under My orders", async () => {
      const { page, errors, close } = await openBrowser();
      try {
        await page.goto(url("/"));
        await page.getByRole("link", { name: "Sign in" }).click();
        await page.getByRole("link", { name: "Create an account" }).click();
        await page.getByLabel("Your name").fill("Grace Hopper");
        await page.getByLabel("Email").fill("grace@example.com");
        // A password too short is refused in the browser, at its field, in the shopper's words: nothing is sent.
        let sent = 0;
        page.on("request", (r) => r.url().endsWith("/graphql") && r.postData()?.includes("Register") && sent++);
        await page.getByLabel("Password").fill("short");
        await page.getByRole("button", { name: "Create account" }).click();
        const short = page.getByRole("textbox", { name: "Password", description: /Use at least 8 characters\./ });
        await short.waitFor();
        expect(await short.getAttribute("aria-invalid")).toBe("true");
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("password");
        expect(await page.getByText(/must be|8 to 128 characters long/).count()).toBe(0);
        expect(sent).toBe(0);
        // A common password: why it's refused shows at the password field (its description), and the shopper
        // stays on the form with what they typed, to choose another.
        await page.getByLabel("Password").fill("password123");
        await page.getByRole("button", { name: "Create account" }).click();
        await page.getByText("This password is too easy to guess: it is a very common password.", { exact: false }).waitFor();
        const password = page.getByRole("textbox", { name: "Password", description: /too easy to guess: it is a very common password/ });
        expect(await password.getAttribute("aria-invalid")).toBe("true");
        expect(await page.getByRole("heading", { name: "Create an account" }).isVisible()).toBe(true);
        expect(new URL(page.url()).pathname).toBe("/signup");
        expect(await page.getByLabel("Email").inputValue()).toBe("grace@example.com");
        await screenshot(page, `${server().engine}-signup-weak-password`);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.getByLabel("Password").fill("cobol forever");
        await page.getByRole("button", { name: "Create account" }).click();
        await page.getByRole("link", { name: "My orders" }).waitFor();

        await page.getByRole("button", { name: "Add to cart: Blue Teapot" }).click();
        await page.waitForFunction(() => document.querySelector('[data-testid="cart-count"]')?.textContent === "1");
        await page.goto(url("/checkout"));
        expect(await page.getByLabel("Email").inputValue()).toBe("grace@example.com");
        const number = await checkout(page);

        await page.getByRole("link", { name: "My orders" }).click();
        await page.getByRole("heading", { name: "My orders" }).waitFor();
        await page.getByRole("link", { name: number }).waitFor();
        // One order is "1 order", not "1 orders".
        await page.getByRole("table", { name: "1 order, newest first" }).waitFor();
        await screenshot(page, `${server().engine}-account-my-orders`);
        expect(await seriousA11yViolations(page)).toEqual([]);

        // Signing out ends it: My orders asks to sign in again.
        await page.getByRole("button", { name: "Sign out" }).click();
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }).waitFor();
        await page.goto(url("/account/orders"));
        await page.getByText("to see your orders").waitFor();
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    test("the owner creates a product with an uploaded picture, sees it in the shop, adjusts stock, and ships a customer's order", async () => {
      const owner = await openBrowser();
      const shopper = await openBrowser();
      const { page } = owner;
      try {
        // A guest can't open the admin; the owner signs in and lands on the dashboard.
        await page.goto(url("/admin"));
        await page.getByRole("heading", { name: "Shop admin" }).waitFor();
        await page.locator("#main").getByRole("link", { name: "Sign in" }).click();
        await page.getByLabel("Email").fill(OWNER.email);
        await page.getByLabel("Password").fill(OWNER.password);
        await page.getByRole("button", { name: "Sign in" }).click();
        await page.getByRole("heading", { name: "Dashboard" }).waitFor();
        await page.getByText("Revenue per day, last 30 days").waitFor();
        expect(await seriousA11yViolations(page)).toEqual([]);

        // New product with an uploaded picture.
        await page.getByRole("link", { name: "Products", exact: true }).click();
        await page.getByRole("link", { name: "New product" }).click();
        await page.getByLabel("Name").fill("Studio Teapot");
        await page.getByLabel("SKU").fill("studio-teapot");
        await page.getByLabel("Description").fill("Made in our own studio, one at a time.");
        await page.getByLabel("Price (USD)").fill("64.50");
        await page.getByLabel("Opening stock").fill("2");
        await page.getByLabel("Status").selectOption("ACTIVE");
        await page.getByLabel(/Add a picture/).setInputFiles({ name: "teapot.png", mimeType: "image/png", buffer: PNG });
        await page.getByLabel("Description of picture 1").waitFor();
        await page.getByLabel("Description of picture 1").fill("The studio teapot from the side");
        await page.getByRole("button", { name: "Create product" }).click();
        await page.getByTestId("admin-stock").waitFor();
        expect(await page.getByTestId("admin-stock").textContent()).toBe("2");
        expect(page.url()).toMatch(/\/admin\/products\/\d+$/);
        expect(await seriousA11yViolations(page)).toEqual([]);

        // In the shop, with its picture.
        await shopper.page.goto(url("/?q=studio"));
        await shopper.page.getByRole("link", { name: "Studio Teapot" }).click();
        await shopper.page.getByRole("heading", { name: "Studio Teapot" }).waitFor();
        expect(await shopper.page.getByTestId("stock").textContent()).toBe("Only 2 left");
        const src = await shopper.page.locator(".gallery .image-large").getAttribute("src");
        expect(src).toMatch(/^\/media\/uploads\/[0-9a-f-]+\.png$/);
        expect(await shopper.page.locator(".gallery .image-large").getAttribute("alt")).toBe("The studio teapot from the side");

        // The owner adds stock; the shop shows it.
        await page.getByLabel("Change by (e.g. 10 or -2)").fill("10");
        await page.getByLabel("Reason").fill("Kiln batch 7");
        await page.getByRole("button", { name: "Adjust stock" }).click();
        await page.waitForFunction(() => document.querySelector('[data-testid="admin-stock"]')?.textContent === "12");
        await page.getByRole("cell", { name: "Kiln batch 7" }).waitFor();
        await shopper.page.reload();
        await shopper.page.getByTestId("stock").waitFor();
        expect(await shopper.page.getByTestId("stock").textContent()).toBe("In stock");

        // A customer orders it.
        await shopper.page.getByRole("button", { name: "Add to cart", exact: true }).click();
        await shopper.page.getByText("Added to your cart.").waitFor();
        await shopper.page.goto(url("/checkout"));
        await shopper.page.getByLabel("Email").fill("buyer@example.com");
        const number = await checkout(shopper.page);
        const orderUrl = shopper.page.url();

        // The owner sees the new order and ships it.
        await page.getByRole("link", { name: "Orders", exact: true }).click();
        await page.getByRole("link", { name: number }).click();
        await page.getByRole("heading", { name: `Order ${number}` }).waitFor();
        expect(await page.getByTestId("admin-order-status").textContent()).toBe("Paid");
        await page.getByRole("button", { name: "Mark as shipped" }).click();
        await page.waitForFunction(() => document.querySelector('[data-testid="admin-order-status"]')?.textContent === "Shipped");
        await page.getByText(/Paid → Shipped by owner@shop.example/).waitFor();
        // The buttons are the moves the server offers now (Order.nextStatuses).
        expect(await page.locator(".status-actions button").allTextContents()).toEqual(["Mark as delivered"]);
        expect(await seriousA11yViolations(page)).toEqual([]);

        // The sale is in the product's stock history, with its order.
        await page.getByRole("link", { name: "Products", exact: true }).click();
        await page.getByRole("link", { name: "Studio Teapot" }).click();
        await page.getByRole("cell", { name: `Reserved for order ${number}` }).waitFor();
        expect(await page.getByTestId("admin-stock").textContent()).toBe("11");

        // The customer's order page says so.
        await shopper.page.goto(orderUrl);
        await shopper.page.getByTestId("order-status").waitFor();
        expect(await shopper.page.getByTestId("order-status").textContent()).toBe("Shipped");

        await page.goto(url("/admin"));
        await page.getByTestId("orders-today").waitFor();
        expect(Number(await page.getByTestId("orders-today").textContent())).toBeGreaterThanOrEqual(1);
        await screenshot(page, `${server().engine}-admin-dashboard`);
        expect(owner.errors).toEqual([]);
        expect(shopper.errors).toEqual([]);
      } finally {
        await owner.close();
        await shopper.close();
      }
    });

    test("shoppers never download the admin's code", async () => {
      const { page, close } = await openBrowser();
      try {
        const scripts: string[] = [];
        page.on("response", (r) => r.request().resourceType() === "script" && scripts.push(r.url()));
        for (const p of ["/", `/cart`, "/login"]) {
          await page.goto(url(p));
          await page.waitForLoadState("networkidle");
        }
        expect(scripts.length).toBeGreaterThan(0);
        expect(scripts.filter((s) => /admin/i.test(s))).toEqual([]);
        await page.goto(url("/admin"));
        await page.getByRole("heading", { name: "Shop admin" }).waitFor();
        expect(scripts.filter((s) => /admin/i.test(s)).length).toBeGreaterThan(0);
      } finally {
        await close();
      }
    });
  },
  { ENABLE_TEST_PAYMENTS: "true" },
);
