import type { Page } from "playwright-core";
import { fillCheckout, openBrowser } from "../helpers/browser";
import { describeEachEngine } from "../helpers/test-server";

jest.setTimeout(120_000);

/** Collects every Content-Security-Policy violation the page reports, from the first script on. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (m) => /Content Security Policy|Refused to/i.test(m.text()) && console.push(m.text()));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))];
}

describeEachEngine(
  "the Content-Security-Policy in Chromium",
  (server) => {
    const url = (p: string) => `${server().url}${p}`;
    const OWNER = { email: "csp-owner@shop.example", password: "lantern harbour quietly" };

    beforeAll(async () => {
      await server().app.services.catalogIo.loadDemo();
      await server().app.services.accounts.upsertAdmin(OWNER.email, OWNER.password);
    });

    test("the shop, a product, the cart, checkout and the confirmation work under it with no violation", async () => {
      const { page, close } = await openBrowser();
      try {
        const violations = await watchCsp(page);
        await page.goto(url("/"));
        await page.getByRole("heading", { level: 1 }).first().waitFor();
        await page.locator("main img").first().waitFor(); // the catalog's pictures load
        await page.locator("main a[href^='/product/']").first().click();
        await page.getByRole("button", { name: "Add to cart", exact: true }).click();
        await page.getByText("Added to your cart.").waitFor();
        await page.getByRole("link", { name: /Cart/ }).first().click();
        await page.getByRole("link", { name: /checkout/i }).click();
        await fillCheckout(page, {
          email: "csp@example.com",
          name: "Content Policy",
          street: "1 Header Street",
          city: "Origin",
          postalCode: "12345",
          country: "US",
        });
        await page.getByRole("button", { name: "Place order" }).click();
        await page.getByRole("heading", { name: "Thank you for your order!" }).waitFor();
        expect(await violations()).toEqual([]);
      } finally {
        await close();
      }
    });

    test("the admin (dashboard with its chart, products, orders) works under it with no violation", async () => {
      const { page, close } = await openBrowser();
      try {
        const violations = await watchCsp(page);
        await page.goto(url("/admin"));
        await page.locator("#main").getByRole("link", { name: "Sign in" }).click();
        await page.getByLabel("Email").fill(OWNER.email);
        await page.getByLabel("Password").fill(OWNER.password);
        await page.getByRole("button", { name: "Sign in" }).click();
        await page.getByRole("heading", { name: "Dashboard" }).waitFor();
        await page.getByText("Revenue per day, last 30 days").waitFor();
        await page.getByRole("link", { name: "Products" }).first().click();
        await page.getByRole("heading", { name: "Products" }).waitFor();
        await page.getByRole("link", { name: "Orders" }).first().click();
        await page.getByRole("heading", { name: "Orders" }).waitFor();
        expect(await violations()).toEqual([]);
      } finally {
        await close();
      }
    });

    test("the GraphQL IDE runs a query under its own policy with no violation", async () => {
      const { page, close } = await openBrowser();
      try {
        const violations = await watchCsp(page);
        await page.goto(url("/graphql"));
        // The editor (Monaco, with its workers) is up and the schema was read: the docs explorer lists Query.
        await page.locator(".graphiql-container").waitFor();
        await page.locator(".monaco-editor").first().waitFor();
        await page.getByRole("button", { name: /Execute query/i }).click();
        await page.locator(".graphiql-response").getByText('"data"').waitFor();
        expect(await violations()).toEqual([]);
      } finally {
        await close();
      }
    });
  },
  { ENABLE_TEST_PAYMENTS: "true" },
);
