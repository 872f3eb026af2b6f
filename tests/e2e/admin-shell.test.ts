import type { Page } from "playwright-core";
import { fillCheckout, openBrowser, screenshot, seriousA11yViolations, signIn } from "../helpers/browser";
import { describeEachEngine } from "../helpers/test-server";

jest.setTimeout(180_000);

const SECTIONS = ["Dashboard", "Products", "Categories", "Orders", "Stock", "Discounts", "Shipping & tax", "Emails", "Import & export"];

/** Places an order for a Plain Mug in the shopper's browser (paid with the test card); returns its number and URL. */
async function order(page: Page, url: (p: string) => string, id: string): Promise<{ number: string; orderUrl: string }> {
  await page.goto(url(`/product/${id}`));
  await page.getByRole("button", { name: "Add to cart", exact: true }).click();
  await page.getByRole("link", { name: "Cart 1 item", exact: true }).waitFor();
  await page.goto(url("/checkout"));
  await fillCheckout(page, {
    email: "mia@example.com",
    name: "Mia Mug",
    street: "2 Kiln Row",
    city: "Stoke",
    postalCode: "ST1 1AA",
    country: "GB",
  });
  await page.getByRole("button", { name: "Place order" }).click();
  await page.getByRole("heading", { name: "Thank you for your order!" }).waitFor();
  return { number: (await page.getByTestId("order-number").textContent())!, orderUrl: page.url() };
}

describeEachEngine("the admin's own shell in Chromium", (server) => {
  const url = (p: string) => `${server().url}${p}`;
  const OWNER = { email: "owner@shop.example", password: "owner password 1" };
  let ids: Record<string, string>;

  beforeAll(async () => {
    await server().app.services.accounts.upsertAdmin(OWNER.email, OWNER.password);
    ids = await server().seed([
      { sku: "KETTLE", name: "Copper Kettle", stock: 2 },
      { sku: "MUG", name: "Plain Mug", stock: 80 },
      {
        sku: "APRON",
        name: "Linen Apron",
        options: [{ name: "Size", values: ["S", "L"] }],
        variants: [
          { options: ["S"], stock: 0 },
          { options: ["L"], stock: 30 },
        ],
      },
    ]);
  });

  test("the owner works in an admin with its own navigation and account bar, not the shop's header and footer", async () => {
    const { page, errors, close } = await openBrowser();
    try {
      await signIn(page, url("/login?next=/admin"), OWNER.email, OWNER.password);
      await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
      const nav = page.getByRole("navigation", { name: "Admin" });
      expect(await nav.getByRole("link").allTextContents()).toEqual(SECTIONS);
      expect(await nav.getByRole("link", { name: "Dashboard" }).getAttribute("aria-current")).toBe("page");
      // The bar: who is signed in, View shop (a new tab on the storefront), Sign out; none of the shop's links.
      const bar = page.getByRole("banner");
      await bar.getByText(OWNER.email).waitFor();
      const viewShop = bar.getByRole("link", { name: /^View shop/ });
      expect(await viewShop.getAttribute("href")).toBe("/");
      expect(await viewShop.getAttribute("target")).toBe("_blank");
      await bar.getByRole("button", { name: "Sign out" }).waitFor();
      expect(await page.getByRole("link", { name: /^Cart/ }).count()).toBe(0);
      expect(await page.getByRole("link", { name: "My orders" }).count()).toBe(0);
      expect(await page.getByText("test mode: no real payments are taken").count()).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `${server().engine}-admin-shell-dashboard`);

      // Stock: what runs low, emptiest first, each leading to the product whose stock panel changes it.
      await nav.getByRole("link", { name: "Stock" }).click();
      await page.getByRole("heading", { level: 1, name: "Stock" }).waitFor();
      await page.waitForFunction(() => document.activeElement?.textContent === "Stock" && document.activeElement.tagName === "H1");
      const rows = page.getByRole("row");
      await rows.filter({ hasText: "Linen Apron" }).waitFor();
      expect(await rows.filter({ hasText: "Linen Apron" }).getByRole("cell").nth(2).textContent()).toBe("S: 0, L: 30");
      expect(await rows.filter({ hasText: "Copper Kettle" }).getByRole("cell").nth(2).textContent()).toBe("2");
      expect(await rows.filter({ hasText: "Plain Mug" }).count()).toBe(0);
      // A threshold the owner types; a word is refused at the field.
      await page.getByLabel("Show at or below").fill("lots");
      await page.getByRole("button", { name: "Show" }).click();
      await page.getByText("Type a whole number of units, like 5.").waitFor();
      expect(await page.getByLabel("Show at or below").getAttribute("aria-invalid")).toBe("true");
      await page.getByLabel("Show at or below").fill("100");
      await page.getByRole("button", { name: "Show" }).click();
      await rows.filter({ hasText: "Plain Mug" }).waitFor();
      expect(await page.getByText("Type a whole number").count()).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `${server().engine}-admin-shell-stock`);
      await rows.filter({ hasText: "Copper Kettle" }).getByRole("link", { name: "Copper Kettle" }).click();
      await page.getByRole("heading", { level: 2, name: "Stock" }).waitFor();

      await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("a shopper who opens /admin is asked to sign in as the owner, without the admin's sections", async () => {
    const { page, errors, close } = await openBrowser();
    try {
      await page.goto(url("/admin/orders"));
      await page.getByRole("heading", { level: 1, name: "Shop admin" }).waitFor();
      expect(await page.getByRole("navigation", { name: "Admin" }).count()).toBe(0);
      await page.getByRole("link", { name: "Sign in" }).click();
      await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
      await page.getByLabel("Email").fill(OWNER.email);
      await page.getByLabel("Password").fill(OWNER.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("readable forms: full-width textareas in the page's font, and a stock change that isn't a number is refused at its field", async () => {
    const { page, errors, close } = await openBrowser();
    try {
      await signIn(page, url(`/login?next=/admin/products/${ids.KETTLE}`), OWNER.email, OWNER.password);
      await page.getByRole("heading", { level: 1, name: "Copper Kettle" }).waitFor();
      // The description: as wide as its form, in the same (proportional) font as the page.
      const measure = (selector: string) =>
        page.locator(selector).evaluate((t) => ({
          width: t.getBoundingClientRect().width,
          room: t.parentElement!.getBoundingClientRect().width,
          font: getComputedStyle(t).fontFamily,
          page: getComputedStyle(document.body).fontFamily,
        }));
      const description = await measure("#p-description");
      expect(description.width).toBeGreaterThan(description.room - 2);
      expect(description.font).toBe(description.page);
      expect(description.font).not.toMatch(/mono/i);

      // A change the server refuses shows at its field; a word after it replaces it, refused here, unsent.
      const change = page.getByLabel("Change by (e.g. 10 or -2)");
      await change.fill("-999");
      await page.getByLabel("Reason").fill("Stocktake");
      await page.getByRole("button", { name: "Adjust stock" }).click();
      await page.getByRole("textbox", { name: "Change by (e.g. 10 or -2)", description: /Stock can't go below 0/ }).waitFor();
      let sent = 0;
      page.on("request", (r) => r.url().endsWith("/graphql") && r.postData()?.includes("AdjustStock") && sent++);
      await change.fill("ten");
      await page.getByRole("button", { name: "Adjust stock" }).click();
      await page
        .getByRole("textbox", {
          name: "Change by (e.g. 10 or -2)",
          description: "Type a whole number of units other than 0, like 10 or -2.",
        })
        .waitFor();
      expect(await change.getAttribute("aria-invalid")).toBe("true");
      expect(await page.getByText("Stock can't go below 0").count()).toBe(0);
      expect(sent).toBe(0);
      await change.fill("3");
      await page.getByRole("button", { name: "Adjust stock" }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="admin-stock"]')?.textContent === "5");
      expect(await change.getAttribute("aria-invalid")).toBeNull();

      await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Import & export" }).click();
      const csv = await measure("#csv-text");
      expect(csv.width).toBeGreaterThan(csv.room - 2);
      expect(csv.font).toBe(csv.page);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("orders: status words in colour, Back to orders, a tracking number and note the customer sees, and a confirmed Cancel and refund", async () => {
    const owner = await openBrowser();
    const shopper = await openBrowser();
    const { page } = owner;
    try {
      const first = await order(shopper.page, url, ids.MUG);
      const second = await order(shopper.page, url, ids.MUG);
      await signIn(page, url("/login?next=/admin/orders"), OWNER.email, OWNER.password);
      await page.getByRole("heading", { level: 1, name: "Orders" }).waitFor();
      const row = page.getByRole("row").filter({ hasText: first.number });
      expect(await row.locator(".status-badge").textContent()).toBe("Paid");
      expect(await page.getByLabel("Status").locator("option").allTextContents()).toEqual([
        "All",
        "Awaiting payment",
        "Paid",
        "Shipped",
        "Delivered",
        "Cancelled",
        "Refunded",
      ]);

      await row.getByRole("link", { name: first.number }).click();
      await page.getByRole("heading", { level: 1, name: `Order ${first.number}` }).waitFor();
      await page.getByLabel("Tracking number").fill("1Z 999 AA1 0123 4567 84");
      await page.getByLabel("Note for the customer").fill("Left with your neighbour at number 4.");
      await page.getByRole("button", { name: "Mark as shipped" }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="admin-order-status"]')?.textContent === "Shipped");
      await page.getByText("Paid → Shipped").waitFor();
      await shopper.page.goto(first.orderUrl);
      await shopper.page.getByTestId("tracking-number").waitFor();
      expect(await shopper.page.getByTestId("tracking-number").textContent()).toBe("1Z 999 AA1 0123 4567 84");
      expect(await shopper.page.getByTestId("shipping-note").textContent()).toBe(
        "A note from the shop: Left with your neighbour at number 4.",
      );

      await page.getByRole("link", { name: "Back to orders" }).click();
      await page.getByRole("heading", { level: 1, name: "Orders" }).waitFor();
      await page.getByRole("row").filter({ hasText: second.number }).getByRole("link", { name: second.number }).click();
      await page.getByRole("heading", { level: 1, name: `Order ${second.number}` }).waitFor();
      // The destructive action looks it (red, apart) and asks first, naming the order and the refund.
      const cancel = page.getByRole("button", { name: "Cancel and refund" });
      expect(await cancel.evaluate((b) => getComputedStyle(b).color)).toBe("rgb(163, 38, 27)");
      const asked: string[] = [];
      page.once("dialog", (d) => (asked.push(d.message()), d.dismiss()));
      await cancel.click();
      expect(asked[0]).toMatch(new RegExp(`^Cancel order ${second.number} and refund \\$\\d+\\.\\d\\d to the customer\\?`));
      expect(await page.getByTestId("admin-order-status").textContent()).toBe("Paid");
      page.once("dialog", (d) => d.accept());
      await cancel.click();
      await page.waitForFunction(() =>
        /Cancelled|Refunded/.test(document.querySelector('[data-testid="admin-order-status"]')?.textContent ?? ""),
      );
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `${server().engine}-admin-order-cancelled`);
      expect(owner.errors).toEqual([]);
    } finally {
      await owner.close();
      await shopper.close();
    }
  });

  test("the dashboard's chart has a value axis, a label per week, figures on hover and in a table, and zero days that show", async () => {
    const { page, errors, close } = await openBrowser();
    try {
      await signIn(page, url("/login?next=/admin"), OWNER.email, OWNER.password);
      await page.getByText("Revenue per day, last 30 days").waitFor();
      const chart = page.getByTestId("revenue-chart");
      const values = await chart.locator(".value-axis text").allTextContents();
      expect(values).toHaveLength(5);
      expect(values[0]).toBe("$0");
      for (const v of values) expect(v).toMatch(/^\$[\d,]+$/);
      // A label per week, the newest day last.
      const today = new Date().toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
      const weeks = await chart.locator(".week-axis text").allTextContents();
      expect(weeks).toHaveLength(5);
      expect(weeks.at(-1)).toBe(today);
      // Today's bar (the earlier test's paid order; the refunded one doesn't count) and the days without orders.
      const bars = chart.locator(".bar");
      expect(await bars.count()).toBe(30);
      expect(await bars.last().locator("title").textContent()).toBe(`${today}: $14.99 (1 order)`);
      const zero = chart.locator(".bar.zero").first();
      expect(await zero.locator("title").textContent()).toMatch(/: \$0\.00 \(0 orders\)$/);
      expect((await zero.boundingBox())!.height).toBeGreaterThan(1);
      // The same figures for a screen reader, headed by column.
      const table = page.getByRole("table", { name: "Revenue per day" });
      expect(await table.getByRole("columnheader").allTextContents()).toEqual(["Day", "Revenue", "Orders"]);
      expect(await table.getByRole("row").last().allTextContents()).toEqual([`${today}$14.991`]);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `${server().engine}-admin-dashboard-chart`);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
