import type { Locator, Page, Response } from "playwright-core";
import { formatMoney } from "../../common/money";
import { fillCheckout, openBrowser, screenshot, seriousA11yViolations, signIn } from "../helpers/browser";
import type { ShopperClient } from "../helpers/client";
import { adminClient, describeEachEngine } from "../helpers/test-server";

jest.setTimeout(240_000);

type Amount = { amount: number; currency: string };
const usd = (m: Amount) => formatMoney(m.amount, m.currency, "en-US");
const minus = (m: Amount) => `−${usd(m)}`;

const badge = async (page: Page) => (await page.getByTestId("cart-count").textContent())?.trim() ?? "";

/** A totals list (<dl class="totals">) as its terms and their amounts, in order. */
const totals = (scope: Page | Locator) =>
  scope
    .locator("dl.totals")
    .evaluate((dl) =>
      Array.from(dl.querySelectorAll("dt")).map((dt) => [dt.textContent?.trim() ?? "", dt.nextElementSibling?.textContent?.trim() ?? ""]),
    );

/** The JSON answer to the next request of a GraphQL operation the page sends. */
const answerTo = (page: Page, operation: string) =>
  page
    .waitForResponse(
      (r: Response) => r.url().endsWith("/graphql") && JSON.parse(r.request().postData() ?? "{}").operationName === operation,
    )
    .then((r) => r.json());

/** The texts of a table row's cells, in order. */
const cells = (row: Locator) => row.getByRole("cell").allTextContents();

const GRETE = { email: "grete@example.com", name: "Grete Müller", street: "Unter den Linden 1", city: "Berlin", postalCode: "10117" };
const OWNER = { email: "owner@range.example", password: "owner password 1" };
const ORDER = `query($id: ID!) { order(id: $id) { number discountCode shippingMethod taxLabel taxIncluded lines { variantTitle quantity }
  subtotal { amount currency } discount { amount currency } shipping { amount currency } tax { amount currency } total { amount currency } } }`;
const MOVEMENTS = `query($id: ID!) { stockMovements(productId: $id, first: 5) { nodes { delta resultingStock orderNumber variant { title } } } }`;

describeEachEngine(
  "the range's journey in Chromium: variants, a discount code, shipping and VAT by destination",
  (server) => {
    const url = (p: string) => `${server().url}${p}`;
    let ids: Record<string, string>;
    let owner: ShopperClient;
    let placed: { id: string; number: string };

    beforeAll(async () => {
      await server().app.services.catalogIo.loadDemo();
      const rows = await server().dataSource.query("SELECT id, sku FROM product");
      ids = Object.fromEntries(rows.map((r: { id: number; sku: string }) => [r.sku, String(r.id)]));
      owner = await adminClient(server(), OWNER.email, OWNER.password);
    });

    const variantStock = async (title: string) => {
      const { product } = await owner.ok(`query($id: ID!) { product(id: $id) { variants { title stock } } }`, { id: ids["TEE-CLUB"] });
      return product.variants.find((v: { title: string }) => v.title === title).stock as number;
    };

    test("a shopper buys the T-shirt in M / Blue with WELCOME10, shipped Express to Berlin with German VAT; the owner sees the code used and the stock moved", async () => {
      const { page, errors, close } = await openBrowser();
      const shot = (name: string) => screenshot(page, `${server().engine}-range-${name}`);
      try {
        // The Apparel category, the T-shirt, M and Blue.
        await page.goto(url("/category/apparel"));
        await page.getByRole("heading", { level: 1, name: "Apparel" }).waitFor();
        await page.getByRole("link", { name: "Choose options: Tea Club T-Shirt" }).click();
        await page.getByRole("heading", { level: 1, name: "Tea Club T-Shirt" }).waitFor();
        await page.getByRole("group", { name: "Size" }).getByRole("radio", { name: "M", exact: true }).check();
        await page.getByRole("group", { name: "Colour" }).getByRole("radio", { name: "Blue", exact: true }).check();
        expect(await page.locator(".product-price").textContent()).toBe("$24.00");
        await page.getByRole("button", { name: "Add to cart", exact: true }).click();
        await page.getByText("Added to your cart.").waitFor();
        expect(await badge(page)).toBe("1");

        await page.getByRole("link", { name: "Cart 1 item", exact: true }).click();
        await page.getByRole("heading", { name: "Your cart" }).waitFor();
        expect(await page.getByTestId("line-variant").textContent()).toBe("M / Blue");

        // SUMMER24 has run out: refused at the field with the shop's reason, and what was typed stays.
        const codeField = page.getByRole("textbox", { name: "Discount code" });
        await codeField.fill("summer24");
        await page.getByRole("button", { name: "Apply" }).click();
        const refusal = page.getByRole("alert").filter({ hasText: "SUMMER24 has expired (it ended on 2024-09-01)" });
        await refusal.waitFor();
        await page.getByRole("textbox", { name: "Discount code", description: "SUMMER24 has expired (it ended on 2024-09-01)" }).waitFor();
        expect(await codeField.getAttribute("aria-invalid")).toBe("true");
        expect(await codeField.inputValue()).toBe("summer24");
        await shot("1-code-refused");
        expect(await seriousA11yViolations(page)).toEqual([]);

        // WELCOME10 (typed over the refused one, applied with Enter): a discount line in the totals.
        await codeField.fill("welcome10");
        const applied = answerTo(page, "ApplyDiscountCode");
        await codeField.press("Enter");
        const { applyDiscountCode: cart } = (await applied).data;
        expect(cart).toMatchObject({ discountCode: "WELCOME10", subtotal: { amount: 2400 } });
        expect(cart.discount.amount).toBe(Math.round(cart.subtotal.amount * 0.1));
        await page
          .getByRole("status")
          .filter({ hasText: `Discount code WELCOME10 applied: ${minus(cart.discount)}` })
          .waitFor();
        expect(
          await page.getByRole("button", { name: "Remove discount code WELCOME10" }).evaluate((b) => b === document.activeElement),
        ).toBe(true);
        expect(await totals(page)).toContainEqual(["Discount (WELCOME10)", minus(cart.discount)]);
        expect(await page.getByTestId("cart-total").textContent()).toBe(usd(cart.total));
        await shot("2-cart-discount");
        expect(await seriousA11yViolations(page)).toEqual([]);

        // Checkout to Berlin: Germany's shipping methods, then Express; the totals follow, with German VAT.
        await page.getByRole("link", { name: "Checkout" }).click();
        await page.getByRole("heading", { name: "Checkout" }).waitFor();
        const summary = page.getByRole("complementary", { name: "Order summary" });
        await summary.getByText("M / Blue").waitFor();
        expect(await totals(summary)).toContainEqual(["Discount (WELCOME10)", minus(cart.discount)]);
        const methods = page.getByRole("group", { name: "Shipping method" });
        await methods.getByText("Choose the country you're shipping to").waitFor();
        const priced = answerTo(page, "SetShippingDestination");
        await fillCheckout(page, { ...GRETE, country: "DE" });
        const { setShippingDestination: germany } = (await priced).data;
        expect(germany.destination).toMatchObject({ country: "DE", postalCode: "10117" });
        expect(germany.shippingOptions.map((o: { name: string }) => o.name)).toEqual(["Standard", "Express"]);
        expect(germany.taxLabel).toBe("VAT 19%");
        await methods.getByRole("radio", { name: /^Express/ }).waitFor();
        expect(await methods.locator("label").allTextContents()).toEqual(
          germany.shippingOptions.map(
            (o: { name: string; price: Amount; estimatedDays: string }) => `${o.name} ${usd(o.price)} ${o.estimatedDays}`,
          ),
        );
        expect(await methods.getByRole("radio", { name: /^Standard/ }).isChecked()).toBe(true);

        const chosen = answerTo(page, "SelectShipping");
        await methods.getByRole("radio", { name: /^Express/ }).check();
        const { selectShipping: express } = (await chosen).data;
        expect(express).toMatchObject({ selectedShipping: { name: "Express" }, taxLabel: "VAT 19%", taxIncluded: false });
        // What the server charges: 10% off the goods, Express, and 19% VAT on the goods after the discount.
        const { subtotal, discount, shipping, tax, total } = express;
        expect(shipping.amount).toBe(2400);
        expect(tax.amount).toBe(Math.round((subtotal.amount - discount.amount) * 0.19));
        expect(total.amount).toBe(subtotal.amount - discount.amount + shipping.amount + tax.amount);
        expect(total.amount).toBe(4970);
        await summary.getByText("Shipping: Express").waitFor();
        expect(await totals(summary)).toEqual([
          ["Subtotal", usd(subtotal)],
          ["Discount (WELCOME10)", minus(discount)],
          ["Shipping: Express", usd(shipping)],
          ["VAT 19%", usd(tax)],
          ["Total", usd(total)],
        ]);
        expect(await methods.getByRole("radio", { name: /^Express/ }).isChecked()).toBe(true);
        await shot("3-checkout-shipping");
        expect(await seriousA11yViolations(page)).toEqual([]);

        // Pay with the test card that succeeds; the order page says what was charged, as placeOrder answered.
        expect(await page.getByLabel("Test card that succeeds (Visa)").isChecked()).toBe(true);
        const placing = answerTo(page, "PlaceOrder");
        await page.getByRole("button", { name: "Place order" }).click();
        const order = (await placing).data.placeOrder;
        expect(order).toMatchObject({
          status: "PAID",
          discountCode: "WELCOME10",
          shippingMethod: "Express (Europe)",
          taxLabel: "VAT 19%",
          taxIncluded: false,
          discount: { amount: discount.amount },
          shipping: { amount: shipping.amount },
          tax: { amount: tax.amount },
          total: { amount: total.amount },
        });
        placed = { id: order.id, number: order.number };
        await page.getByRole("heading", { name: "Thank you for your order!" }).waitFor();
        await page.getByRole("cell", { name: /Tea Club T-Shirt\s*M \/ Blue/ }).waitFor();
        expect(await totals(page)).toEqual([
          ["Subtotal", usd(order.subtotal)],
          ["Discount (WELCOME10)", minus(order.discount)],
          ["Shipping: Express (Europe)", usd(order.shipping)],
          ["VAT 19%", usd(order.tax)],
          ["Total", usd(order.total)],
        ]);
        expect(await badge(page)).toBe("0");
        await shot("4-order");
        expect(await seriousA11yViolations(page)).toEqual([]);
        // The same, as the owner reads the order through the API.
        const { order: recorded } = await owner.ok(ORDER, { id: order.id });
        expect(recorded).toMatchObject({
          discountCode: "WELCOME10",
          shippingMethod: "Express (Europe)",
          taxLabel: "VAT 19%",
          lines: [{ variantTitle: "M / Blue", quantity: 1 }],
          total: { amount: 4970 },
        });
        expect(errors).toEqual([]);
      } finally {
        await close();
      }

      // The owner: WELCOME10 used once; M / Blue down from 12 to 11, by the order.
      const admin = await openBrowser();
      try {
        const { page: ownerPage } = admin;
        await signIn(ownerPage, url("/login?next=/admin/discounts"), OWNER.email, OWNER.password);
        await ownerPage.getByRole("heading", { level: 1, name: "Discounts" }).waitFor();
        const welcome = ownerPage.getByRole("row").filter({ has: ownerPage.getByRole("cell", { name: "WELCOME10", exact: true }) });
        expect((await cells(welcome))[3]).toBe("Used 1");
        await screenshot(ownerPage, `${server().engine}-range-5-owner-discounts`);

        await ownerPage.goto(url(`/admin/products/${ids["TEE-CLUB"]}`));
        await ownerPage.getByRole("heading", { level: 1, name: "Tea Club T-Shirt" }).waitFor();
        await ownerPage
          .getByLabel("Variant", { exact: true })
          .locator("option", { hasText: "M / Blue (11 in stock)" })
          .waitFor({ state: "attached" });
        const sold = ownerPage.getByRole("row").filter({ hasText: placed.number });
        const [, variant, change, , then] = await cells(sold);
        expect([variant, change, then]).toEqual(["M / Blue", "-1", "11"]);
        await screenshot(ownerPage, `${server().engine}-range-6-owner-stock`);
        expect(admin.errors).toEqual([]);
      } finally {
        await admin.close();
      }
      expect(await variantStock("M / Blue")).toBe(11);
      const { stockMovements } = await owner.ok(MOVEMENTS, { id: ids["TEE-CLUB"] });
      expect(stockMovements.nodes[0]).toEqual({
        delta: -1,
        resultingStock: 11,
        orderNumber: placed.number,
        variant: { title: "M / Blue" },
      });
    });

    test("a second shopper with the same email is refused WELCOME10 at Place order, told why, and keeps the cart and the details", async () => {
      const { page, errors, close } = await openBrowser();
      try {
        await page.goto(url(`/product/${ids["TEE-CLUB"]}`));
        await page.getByRole("heading", { level: 1, name: "Tea Club T-Shirt" }).waitFor();
        await page.getByRole("radio", { name: "M", exact: true }).check();
        await page.getByRole("radio", { name: "Blue", exact: true }).check();
        await page.getByRole("button", { name: "Add to cart", exact: true }).click();
        await page.getByText("Added to your cart.").waitFor();
        await page.goto(url("/checkout"));
        await page.getByRole("heading", { name: "Checkout" }).waitFor();

        // Applied in the checkout's summary: the cart can't know yet who is ordering.
        const summary = page.getByRole("complementary", { name: "Order summary" });
        await summary.getByRole("textbox", { name: "Discount code" }).fill("WELCOME10");
        await summary.getByRole("button", { name: "Apply" }).click();
        await summary.getByRole("button", { name: "Remove discount code WELCOME10" }).waitFor();
        expect((await totals(summary)).map(([term]) => term)).toContain("Discount (WELCOME10)");

        await fillCheckout(page, { ...GRETE, name: "Grete Again", country: "DE" });
        await page
          .getByRole("group", { name: "Shipping method" })
          .getByRole("radio", { name: /^Standard/ })
          .waitFor();
        const placing = answerTo(page, "PlaceOrder");
        await page.getByRole("button", { name: "Place order" }).click();
        const refused = (await placing).errors?.[0];
        expect(refused?.extensions).toMatchObject({ code: "DISCOUNT_INVALID", reason: "ALREADY_USED" });
        const alert = page.getByRole("alert").filter({ hasText: refused.message });
        await alert.waitFor();
        expect(await alert.textContent()).toBe(
          "You have already used WELCOME10 as often as it can be used. Nothing was charged and your cart is as it was: remove the code to order without it.",
        );
        expect(page.url()).toMatch(/\/checkout$/);
        expect(await badge(page)).toBe("1");
        await summary.getByText("M / Blue").waitFor();
        expect(await page.getByLabel("Email").inputValue()).toBe(GRETE.email);
        expect(await page.getByLabel("Postal code").inputValue()).toBe(GRETE.postalCode);
        expect(await variantStock("M / Blue")).toBe(11);
        await screenshot(page, `${server().engine}-range-7-already-used`);
        expect(await seriousA11yViolations(page)).toEqual([]);

        // Without the code, the order goes through at the full price.
        await summary.getByRole("button", { name: "Remove discount code WELCOME10" }).click();
        await summary.getByRole("textbox", { name: "Discount code" }).waitFor();
        expect(await alert.count()).toBe(0);
        expect((await totals(summary)).map(([term]) => term)).not.toContain("Discount (WELCOME10)");
        await page.getByRole("button", { name: "Place order" }).click();
        await page.getByRole("heading", { name: "Thank you for your order!" }).waitFor();
        expect((await totals(page)).map(([term]) => term)).toEqual(["Subtotal", "Shipping: Standard (Europe)", "VAT 19%", "Total"]);
        expect(await variantStock("M / Blue")).toBe(10);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    test("where the shop doesn't ship, checkout says so at the Country field and waits for another country", async () => {
      // The owner narrows the catch-all zone to North America: nothing ships to Japan any more.
      const { shippingZones } = await owner.ok(`query { shippingZones { id name countries rates { id name price { amount } } } }`);
      const everywhere = shippingZones.find((z: { countries: string[] }) => z.countries.includes("*"));
      await owner.ok(`mutation($input: ShippingZoneInput!) { saveShippingZone(input: $input) { id } }`, {
        input: {
          id: everywhere.id,
          name: "North America",
          countries: ["US", "CA"],
          rates: everywhere.rates.map((r: { id: string; name: string; price: Amount }) => ({
            id: r.id,
            name: r.name,
            price: r.price.amount,
          })),
        },
      });
      const { page, errors, close } = await openBrowser();
      try {
        await page.goto(url(`/product/${ids["TIN-ASSAM"]}`));
        await page.getByRole("button", { name: "Add to cart", exact: true }).click();
        await page.getByText("Added to your cart.").waitFor();
        await page.goto(url("/checkout"));
        await fillCheckout(page, { ...GRETE, city: "Tokyo", postalCode: "100-0001", country: "JP" });
        const country = page.getByRole("combobox", { name: "Country", description: "Sorry, this shop doesn't ship to Japan" });
        await country.waitFor();
        expect(await country.getAttribute("aria-invalid")).toBe("true");
        await page.getByRole("alert").filter({ hasText: "Sorry, this shop doesn't ship to Japan" }).waitFor();
        expect(await page.getByRole("button", { name: "Place order" }).isDisabled()).toBe(true);
        expect(await page.getByRole("group", { name: "Shipping method" }).getByRole("radio").count()).toBe(0);
        await screenshot(page, `${server().engine}-range-8-no-shipping`);
        expect(await seriousA11yViolations(page)).toEqual([]);

        await page.getByLabel("Country").selectOption("DE");
        expect(await page.getByRole("button", { name: "Place order" }).isDisabled()).toBe(false);
        await page
          .getByRole("group", { name: "Shipping method" })
          .getByRole("radio", { name: /^Standard/ })
          .waitFor();
        expect(await page.getByLabel("Country").getAttribute("aria-invalid")).toBeNull();
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  },
  { ENABLE_TEST_PAYMENTS: "true" },
);
