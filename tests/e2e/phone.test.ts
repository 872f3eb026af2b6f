import type { Page } from "playwright-core";
import { openBrowser, screenshot, seriousA11yViolations, signIn } from "../helpers/browser";
import { orderInput, PLACE_ORDER } from "../helpers/operations";
import { describeEachEngine } from "../helpers/test-server";

jest.setTimeout(300_000);

// Real-world names, longer than the demo's: a 60-letter German compound (one word, no place to break) and a
// product with a 28-letter word beside ordinary ones.
const LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitaensmuetzenhalterung";
const LONG_NAME = `${LONG_WORD} aus Eichenholz`;
const GERMAN_NAME = "Kirschbluetenteezeremonieset mit Porzellanteekannenwaermer";

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { id } }`;
const ADD = `mutation($productId: ID!, $variantId: ID, $quantity: Int!) { addToCart(productId: $productId, variantId: $variantId, quantity: $quantity) { totalQuantity } }`;
const CREATE_CATEGORY = `mutation($input: CategoryInput!) { createCategory(input: $input) { id slug } }`;
const UPDATE_PRODUCT = `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }`;

const WIDTH = 375;

/** What sticks out past the right edge of a 375-px screen, and whether the page can scroll sideways. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) found.push(`page is ${document.documentElement.scrollWidth} px wide`);
    // What reaches past the screen's edge, to say why (inside a box that scrolls or clips, such as a wide table's
    // own scroller, is fine: the page itself doesn't move). Only the outermost of each is named.
    const scrolls = (el: Element | null): boolean => {
      for (let p = el?.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== "visible") return true;
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 0.5 || scrolls(el)) continue;
      if (el.parentElement && el.parentElement.getBoundingClientRect().right > width + 0.5 && !scrolls(el.parentElement)) continue;
      const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.split(" ")[0]}` : ""}`;
      found.push(`${name} "${(el.textContent ?? "").trim().slice(0, 30)}" reaches ${Math.round(r.right)} px`);
    }
    return found;
  }, WIDTH);
}

/** The header's links and buttons that aren't wholly on the screen. */
async function cutOffInHeader(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    const header = document.querySelector("header");
    if (!header) return ["no header"];
    return Array.from(header.querySelectorAll("a, button"))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < 0 || r.right > width + 0.5;
      })
      .map((el) => `"${(el.textContent ?? "").trim()}" is cut off`);
  }, WIDTH);
}

describeEachEngine("a 375-px phone, with long real-world names", (server) => {
  const url = (p: string) => `${server().url}${p}`;
  const OWNER = { email: "owner@shop.example", password: "owner password 1" };
  const CUSTOMER = {
    email: "kapitaen.von.donaudampfschifffahrt@example.com",
    password: "river boats forever",
    name: "Maximiliane Donaudampfschifffahrtskapitänin",
  };
  let ids: Record<string, string>;
  let orderId: string;
  let slug: string;

  beforeAll(async () => {
    expect(LONG_WORD).toHaveLength(60);
    await server().app.services.accounts.upsertAdmin(OWNER.email, OWNER.password);
    const owner = server().client();
    await owner.ok(LOGIN, OWNER);
    ids = await server().seed([
      {
        sku: "LONG-1",
        name: LONG_NAME,
        description: `${LONG_WORD} — handgefertigt. ${"Ein langer Text über Dampfschiffe. ".repeat(8)}`,
        price: 123456,
        stock: 40,
        options: [{ name: "Holzart", values: ["Eichenholzausfuehrung", "Nussbaumholzausfuehrung"] }],
        variants: [
          { options: ["Eichenholzausfuehrung"], stock: 20 },
          { options: ["Nussbaumholzausfuehrung"], stock: 20, price: 134567 },
        ],
      },
      { sku: "GERMAN-2", name: GERMAN_NAME, price: 2999, stock: 5 },
      { sku: "PLAIN-3", name: "Teacup", price: 900, stock: 50 },
    ]);
    const category = await owner.ok(CREATE_CATEGORY, { input: { name: "Handgefertigte Schifffahrtsgesellschaftsandenken" } });
    slug = category.createCategory.slug;
    for (const sku of Object.keys(ids))
      await owner.ok(UPDATE_PRODUCT, { id: ids[sku], input: { categoryIds: [category.createCategory.id] } });

    // The customer has an order (with the long-named product) to look back on.
    const customer = server().client();
    await customer.ok(REGISTER, { input: { email: CUSTOMER.email, name: CUSTOMER.name, password: CUSTOMER.password } });
    await customer.ok(ADD, { productId: ids["LONG-1"], variantId: await server().variantOf(ids["LONG-1"]), quantity: 2 });
    await customer.ok(ADD, { productId: ids["GERMAN-2"], quantity: 1 });
    const placed = await customer.ok(PLACE_ORDER, {
      input: orderInput({
        email: CUSTOMER.email,
        shippingAddress: {
          name: CUSTOMER.name,
          line1: "Donaudampfschifffahrtsgesellschaftsstraße 123",
          city: "Schifffahrtsgesellschaftsstadt",
          postalCode: "10115",
          country: "DE",
        },
      }),
    });
    orderId = placed.placeOrder.id;
  });

  /** Opens each path, waits for its main heading, and returns what doesn't fit, by path. */
  async function walk(page: Page, paths: string[], who: string): Promise<string[]> {
    const problems: string[] = [];
    for (const p of paths) {
      await page.goto(url(p));
      await page.locator("main h1").first().waitFor();
      await page.waitForLoadState("networkidle");
      for (const o of [...(await overflow(page)), ...(await cutOffInHeader(page))]) problems.push(`${who} ${p}: ${o}`);
      // And axe-core finds nothing serious on any of them (the admin's shell included).
      for (const v of await seriousA11yViolations(page)) problems.push(`${who} ${p}: axe ${v.impact} ${v.id} at ${v.nodes.join(", ")}`);
      const name = p.replace(/[0-9a-f]{8}-[0-9a-f-]{27}|\d+/g, "id").replace(/[^a-z0-9]+/gi, "-");
      await screenshot(page, `${server().engine}-phone-${who}${name}`);
    }
    return problems;
  }

  const shopPages = () => ["/", `/category/${slug}`, `/product/${ids["LONG-1"]}`, `/product/${ids["GERMAN-2"]}`, "/cart", "/checkout"];

  test("a guest: nothing scrolls sideways, the header fits, and Add to cart can be tapped beside a 60-letter name", async () => {
    const { page, close } = await openBrowser({ width: WIDTH, height: 812 });
    try {
      await page.goto(url(`/product/${ids["LONG-1"]}`));
      await page.getByRole("heading", { level: 1, name: LONG_NAME }).waitFor();
      // The button is what a finger lands on at its middle, not a picture box drawn over it.
      const add = page.getByRole("button", { name: "Add to cart", exact: true });
      await add.scrollIntoViewIfNeeded();
      const onTop = await add.evaluate((button) => {
        const r = button.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit === button || button.contains(hit);
      });
      expect(onTop).toBe(true);
      await add.click();
      await page.getByRole("status").filter({ hasText: /added/i }).waitFor();
      const problems = await walk(page, [...shopPages(), "/login", "/signup", "/forgot-password", "/no-such-page"], "guest");
      expect(problems).toEqual([]);
      // "Sign in" on one line, as big as a finger.
      const signIn = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" });
      const lines = await signIn.evaluate((a) => {
        const range = document.createRange();
        range.selectNodeContents(a);
        return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
      });
      expect(lines).toBe(1);
      expect((await signIn.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    } finally {
      await close();
    }
  });

  test("a signed-in customer: the header keeps Cart on the screen, and the account and order pages fit", async () => {
    const { page, close } = await openBrowser({ width: WIDTH, height: 812 });
    try {
      await signIn(page, url("/login"), CUSTOMER.email, CUSTOMER.password);
      await page.getByRole("button", { name: "Sign out" }).waitFor();
      const problems = await walk(page, [...shopPages(), "/account", "/account/orders", `/order/${orderId}`], "customer");
      expect(problems).toEqual([]);
      await expect(page.getByRole("link", { name: /^Cart/ }).isVisible()).resolves.toBe(true);

      // Tap targets of at least 44 × 44 px: the cart's −, +, quantity and Remove, and the header's links.
      await page.goto(url(`/product/${ids["LONG-1"]}`));
      await page.getByRole("button", { name: "Add to cart", exact: true }).click();
      await page.getByRole("status").filter({ hasText: /added/i }).waitFor();
      await page.goto(url("/cart"));
      await page.getByRole("heading", { level: 1, name: "Your cart" }).waitFor();
      const line = `${LONG_NAME} (Eichenholzausfuehrung)`;
      const targets = [
        page.getByRole("button", { name: `One fewer ${line}` }),
        page.getByRole("button", { name: `One more ${line}` }),
        page.getByRole("textbox", { name: `Quantity of ${line}` }),
        page.getByRole("button", { name: `Remove ${line} from cart` }),
        ...(await page.getByRole("navigation", { name: "Main" }).getByRole("link").all()),
        page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }),
      ];
      const small: string[] = [];
      for (const t of targets) {
        const box = (await t.boundingBox())!;
        if (box.width < 44 || box.height < 44) small.push(`${await t.textContent()}: ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
      expect(small).toEqual([]);
      // The header's links look alike (Sign out is a button, styled as they are).
      const looks = await page
        .getByRole("navigation", { name: "Main" })
        .locator("a, button")
        .evaluateAll((els) => [
          ...new Set(
            els.map((e) => {
              const s = getComputedStyle(e);
              return `${s.color} ${s.fontWeight} ${s.textDecorationLine}`;
            }),
          ),
        ]);
      expect(looks).toHaveLength(1);
    } finally {
      await close();
    }
  });

  test("the owner: every admin screen fits, Sign out stays on the screen, and lists stack into cards", async () => {
    const { page, close } = await openBrowser({ width: WIDTH, height: 812 });
    try {
      await signIn(page, url("/login?next=/admin"), OWNER.email, OWNER.password);
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      const admin = [
        "/admin",
        "/admin/products",
        "/admin/products/new",
        `/admin/products/${ids["LONG-1"]}`,
        "/admin/categories",
        "/admin/orders",
        `/admin/orders/${orderId}`,
        "/admin/stock",
        "/admin/discounts",
        "/admin/shipping",
        "/admin/emails",
        "/admin/import",
      ];
      const problems = await walk(page, [...admin, "/"], "owner");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
