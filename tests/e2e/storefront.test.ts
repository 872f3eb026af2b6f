import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { fillCheckout, openBrowser, screenshot, seriousA11yViolations } from "../helpers/browser";
import { describeEachEngine, type TestServer } from "../helpers/test-server";

jest.setTimeout(180_000);

async function badge(page: Page): Promise<string> {
  return (await page.getByTestId("cart-count").textContent())?.trim() ?? "";
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

const fillCheckoutFor = (page: Page) =>
  fillCheckout(page, {
    email: "ada@example.com",
    name: "Ada Lovelace",
    street: "12 St James's Square",
    city: "London",
    postalCode: "SW1Y 4JH",
    country: "GB",
  });

describeEachEngine(
  "storefront in Chromium",
  (server) => {
    let ids: Record<string, string>;
    const url = (p: string) => `${server().url}${p}`;

    beforeAll(async () => {
      await server().app.services.catalogIo.loadDemo();
      const rows = await server().dataSource.query("SELECT id, sku FROM product");
      ids = Object.fromEntries(rows.map((r: { id: number; sku: string }) => [r.sku, String(r.id)]));
    });

    test("the whole journey: browse, search, product, cart changes, checkout with the good test card, confirmation survives a reload", async () => {
      const { page, errors, close } = await openBrowser();
      const shot = (name: string) => screenshot(page, `${server().engine}-${name}`);
      try {
        await page.goto(url("/"));
        await page.getByRole("heading", { level: 1 }).waitFor();
        await page.getByRole("link", { name: "Blue Teapot" }).waitFor();
        expect(await page.locator(".card").count()).toBe(12);
        await page.getByText("Showing 12 of 32 products").waitFor();
        await shot("1-home");
        await expectAccessible(page);

        // Load more, then search.
        await page.getByRole("button", { name: "Load more" }).click();
        await page.getByText("Showing 24 of 32 products").waitFor();
        await page.getByLabel("Search products").fill("teapot");
        await page.getByRole("button", { name: "Search" }).click();
        await page.getByText("Showing 3 of 3 products").waitFor();
        expect(page.url()).toMatch(/\?q=teapot$/);
        await shot("2-search");

        // Product page: add 2.
        await page.getByRole("link", { name: "Blue Teapot" }).click();
        await page.getByRole("heading", { level: 1, name: "Blue Teapot" }).waitFor();
        expect(await page.getByTestId("stock").textContent()).toBe("In stock");
        expect(await page.locator(".product-price").textContent()).toBe("$25.99");
        await page.getByRole("button", { name: "Show image 2 of 2" }).click();
        expect(await page.locator(".gallery .image-large").getAttribute("src")).toMatch(/-2\.svg$/);
        // Typed as a person types: clear the 1, then type 2.
        await page.getByLabel("Quantity").press("Backspace");
        await page.getByLabel("Quantity").pressSequentially("2");
        await page.getByRole("button", { name: "Add to cart", exact: true }).click();
        await page.getByText("Added to your cart.").waitFor();
        expect(await badge(page)).toBe("2");
        await shot("3-product");
        await expectAccessible(page);

        // Cart: change the quantity, remove the line.
        await page.getByRole("link", { name: "Cart 2 items", exact: true }).click();
        await page.getByRole("heading", { name: "Your cart" }).waitFor();
        await page.getByRole("button", { name: "One more Blue Teapot" }).click();
        await page.waitForFunction(
          () => (document.querySelector('[data-testid="line-quantity"]') as HTMLInputElement | null)?.value === "3",
        );
        expect(await page.getByTestId("cart-total").textContent()).toBe("$77.97");
        expect(await badge(page)).toBe("3");
        await shot("4-cart");
        await expectAccessible(page);
        await page.getByRole("button", { name: "Remove Blue Teapot from cart" }).click();
        await page.getByText("Your cart is empty.").waitFor();
        expect(await badge(page)).toBe("0");
        await expectAccessible(page);

        // Add another product from the catalog and check out.
        await page.getByRole("link", { name: "Browse the catalog" }).click();
        await page.getByRole("button", { name: "Add to cart: Speckled Mug" }).click();
        await page.waitForFunction(() => document.querySelector('[data-testid="cart-count"]')?.textContent === "1");
        await page.getByRole("link", { name: "Cart 1 item", exact: true }).click();
        await page.getByRole("link", { name: "Checkout" }).click();
        await page.getByRole("heading", { name: "Checkout" }).waitFor();

        // Nothing typed: the form says what is missing, beside each field, and sends nothing.
        let sent = 0;
        page.on("request", (r) => r.postData()?.includes("PlaceOrder") && sent++);
        await page.getByRole("button", { name: "Place order" }).click();
        await page.getByText("Enter your email address").waitFor();
        await page.getByText("Enter the street address").waitFor();
        expect(sent).toBe(0);
        await expectAccessible(page);

        await fillCheckoutFor(page);
        expect(await page.getByLabel("Test card that succeeds (Visa)").isChecked()).toBe(true);
        await page.getByText("Test mode: no real payment is taken.").waitFor();
        await shot("5-checkout");
        await page.getByRole("button", { name: "Place order" }).click();

        await page.getByRole("heading", { name: "Thank you for your order!" }).waitFor();
        expect(page.url()).toMatch(/\/order\/[0-9a-f-]{36}$/);
        const number = await page.getByTestId("order-number").textContent();
        expect(number).toMatch(/^SW-[0-9A-Z]{7}$/);
        expect(await page.getByTestId("cart-total").textContent()).toBe("$19.98"); // 14.99 + 4.99 shipping
        expect(await page.getByTestId("order-status").textContent()).toMatch(/Paid/);
        expect(await badge(page)).toBe("0");
        await shot("6-confirmation");
        await expectAccessible(page);

        await page.reload();
        await page.getByRole("heading", { name: "Thank you for your order!" }).waitFor();
        expect(await page.getByTestId("order-number").textContent()).toBe(number);
        await page.getByText("12 St James's Square").first().waitFor();
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    test("a declined test card shows what to do next, keeps the typed details and the cart", async () => {
      const { page, close } = await openBrowser();
      try {
        await page.goto(url(`/product/${ids["TIN-ASSAM"]}`));
        await page.getByRole("button", { name: "Add to cart", exact: true }).click();
        await page.getByText("Added to your cart.").waitFor();
        await page.goto(url("/checkout"));
        await fillCheckoutFor(page);
        await page.getByLabel("Test card that is declined").check();
        await page.getByRole("button", { name: "Place order" }).click();
        const alert = page.getByRole("alert");
        await alert.waitFor();
        expect(await alert.textContent()).toMatch(/declined.*not been charged.*another card/);
        expect(await page.getByLabel("Email").inputValue()).toBe("ada@example.com");
        expect(await page.getByLabel("Postal code").inputValue()).toBe("SW1Y 4JH");
        expect(page.url()).toMatch(/\/checkout$/);
        await screenshot(page, `${server().engine}-7-declined`);
        await expectAccessible(page);
        expect(await badge(page)).toBe("1");

        // Then the good card goes through with the same details.
        await page.getByLabel("Test card that succeeds (Visa)").check();
        await page.getByRole("button", { name: "Place order" }).click();
        await page.getByRole("heading", { name: "Thank you for your order!" }).waitFor();
      } finally {
        await close();
      }
    });

    test("when stock runs out after adding, checkout says so and the cart shows what to fix; typed details are kept", async () => {
      const { page, errors, close } = await openBrowser();
      try {
        await page.goto(url(`/product/${ids["CANDLE-CEDAR"]}`));
        expect(await page.getByTestId("stock").textContent()).toBe("Only 2 left");
        await page.getByLabel("Quantity").fill("2");
        await page.getByRole("button", { name: "Add to cart", exact: true }).click();
        await page.getByText("Added to your cart.").waitFor();
        await page.goto(url("/checkout"));
        await fillCheckoutFor(page);
        // Someone else buys one meanwhile.
        await server().dataSource.query("UPDATE product SET stock = 1 WHERE id = ?", [Number(ids["CANDLE-CEDAR"])]);
        await server().dataSource.query("UPDATE product_variant SET stock = 1 WHERE product_id = ?", [Number(ids["CANDLE-CEDAR"])]);
        await page.getByRole("button", { name: "Place order" }).click();
        const alert = page.getByRole("alert");
        await alert.waitFor();
        // What to do is said once (the server's words), with the way there.
        expect(await alert.textContent()).toBe("Only 1 of Cedar & Smoke Candle left; lower the quantity to continue.Go to your cart");
        expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("alert");
        await page.getByRole("link", { name: "Go to your cart" }).click();
        expect(await page.getByTestId("line-warning").textContent()).toMatch(/Only 1 left/);
        expect(await page.getByRole("link", { name: "Checkout" }).count()).toBe(0);
        await page.getByRole("button", { name: "One fewer Cedar & Smoke Candle" }).click();
        await page.getByRole("link", { name: "Checkout" }).click();
        expect(await page.getByLabel("Email").inputValue()).toBe("ada@example.com");
        await page.getByRole("button", { name: "Place order" }).click();
        await page.getByRole("heading", { name: "Thank you for your order!" }).waitFor();
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    test("a sold-out product can't be added, on its page or in the catalog", async () => {
      const { page, close } = await openBrowser();
      try {
        await page.goto(url(`/product/${ids["MUG-DUO"]}`));
        await page.getByRole("heading", { name: "Double-Walled Glass Mug" }).waitFor();
        expect(await page.getByTestId("stock").textContent()).toBe("Sold out");
        expect(await page.getByRole("button", { name: "Sold out" }).isDisabled()).toBe(true);
        await page.goto(url("/?q=glass"));
        expect(await page.getByRole("button", { name: "Sold out: Double-Walled Glass Mug" }).isDisabled()).toBe(true);
        expect(await badge(page)).toBe("0");
      } finally {
        await close();
      }
    });

    test("asking for more than there is adds what there is, and says so", async () => {
      const { page, close } = await openBrowser();
      try {
        const stock = await server().stock(ids["TIN-ASSAM"]);
        await page.goto(url(`/product/${ids["TIN-ASSAM"]}`));
        await page.getByLabel("Quantity").fill("999");
        await page.getByRole("button", { name: "Add to cart" }).click();
        await page
          .getByRole("status")
          .filter({ hasText: `Only ${stock} available — added ${stock}.` })
          .waitFor();
        await page.waitForFunction((n) => document.querySelector("[data-testid=cart-count]")?.textContent?.trim() === n, String(stock));
        expect(await page.getByLabel("Quantity").inputValue()).toBe(String(stock));
      } finally {
        await close();
      }
    });

    test("an unknown product and an unknown URL get friendly not-found pages with a way back, and a 404 status", async () => {
      const { page, close } = await openBrowser();
      try {
        // A product the shop doesn't have (or no longer sells) is a 404 for a search engine too, not a soft 404.
        expect((await page.goto(url(`/product/${ids["TIN-ASSAM"]}`)))?.status()).toBe(200);
        for (const missing of ["/product/999999", "/product/not-a-number"]) {
          expect({ missing, status: (await page.goto(url(missing)))?.status() }).toEqual({ missing, status: 404 });
          await page.getByRole("heading", { name: "Product not found" }).waitFor();
        }
        expect((await page.goto(url("/product/%E0%A4%A")))?.status()).toBe(404); // not even a well-formed address
        await server().dataSource.query("UPDATE product SET status = 'ARCHIVED' WHERE sku = 'TEA-POT-CLAY'");
        try {
          expect((await page.goto(url(`/product/${ids["TEA-POT-CLAY"]}`)))?.status()).toBe(404);
          await page.getByRole("heading", { name: "Product not found" }).waitFor();
        } finally {
          await server().dataSource.query("UPDATE product SET status = 'ACTIVE' WHERE sku = 'TEA-POT-CLAY'");
        }
        await page.goto(url("/order/00000000-0000-4000-8000-000000000000"));
        await page.getByRole("heading", { name: "Order not found" }).waitFor();
        await expectAccessible(page);
        const response = await page.goto(url("/no/such/page"));
        expect(response?.status()).toBe(404);
        await page.getByRole("heading", { name: "Page not found" }).waitFor();
        await screenshot(page, `${server().engine}-8-not-found`);
        await expectAccessible(page);
        await page.getByRole("link", { name: "Back to the shop" }).click();
        await page.getByRole("link", { name: "Blue Teapot" }).waitFor();
      } finally {
        await close();
      }
    });

    test("on a 375-px phone screen the journey works and nothing overflows sideways", async () => {
      const { page, close } = await openBrowser({ width: 375, height: 812 });
      const noSideScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      try {
        await page.goto(url("/"));
        await page.getByRole("link", { name: "Sage Teapot" }).waitFor();
        expect(await noSideScroll()).toBe(true);
        await screenshot(page, `${server().engine}-phone-home`);
        await page.getByRole("link", { name: "Sage Teapot" }).click();
        await page.getByRole("button", { name: "Add to cart", exact: true }).click();
        await page.getByText("Added to your cart.").waitFor();
        expect(await noSideScroll()).toBe(true);
        await page.getByRole("link", { name: "Cart 1 item", exact: true }).click();
        await page.getByRole("button", { name: "One more Sage Teapot" }).click();
        await page.waitForFunction(
          () => (document.querySelector('[data-testid="line-quantity"]') as HTMLInputElement | null)?.value === "2",
        );
        expect(await noSideScroll()).toBe(true);
        await screenshot(page, `${server().engine}-phone-cart`);
        await page.getByRole("link", { name: "Checkout" }).click();
        await fillCheckoutFor(page);
        expect(await noSideScroll()).toBe(true);
        await page.getByRole("button", { name: "Place order" }).click();
        await page.getByRole("heading", { name: "Thank you for your order!" }).waitFor();
        expect(await page.getByTestId("cart-total").textContent()).toBe("$55.98"); // 2 × 27.99, free shipping
        expect(await noSideScroll()).toBe(true);
        await screenshot(page, `${server().engine}-phone-confirmation`);
      } finally {
        await close();
      }
    });

    test("shoppers load only the storefront's JavaScript, never the GraphQL IDE's", async () => {
      const { page, close } = await openBrowser();
      try {
        const scripts: string[] = [];
        page.on("response", (r) => r.request().resourceType() === "script" && scripts.push(r.url()));
        await page.goto(url("/"));
        await page.getByRole("link", { name: "Blue Teapot" }).waitFor();
        expect(scripts.length).toBeGreaterThan(0);
        expect(scripts.filter((s) => /graphiql|monaco|worker/i.test(s))).toEqual([]);
        let gzip = 0;
        for (const s of scripts) gzip += gzipSync(Buffer.from(await (await fetch(s)).arrayBuffer())).length;
        console.log(`Storefront first load: ${scripts.length} scripts, ${(gzip / 1024).toFixed(1)} kB gzip`);
        expect(gzip).toBeLessThan(200 * 1024); // budget: keep the first load small
      } finally {
        await close();
      }
    });
  },
  { ENABLE_TEST_PAYMENTS: "true" },
);

export type { TestServer };
