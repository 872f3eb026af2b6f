import type { Locator, Page } from "playwright-core";
import { openBrowser, screenshot, seriousA11yViolations, signIn } from "../helpers/browser";
import type { ShopperClient } from "../helpers/client";
import { orderInput } from "../helpers/operations";
import { adminClient, describeEachEngine } from "../helpers/test-server";

jest.setTimeout(180_000);

const CODES = `query { discountCodes { id code kind value minSubtotal { amount } startsAt endsAt usageLimit perCustomerLimit active timesUsed reserved } }`;
const ZONES = `query { shippingZones { id name countries rates { id name price { amount } freeAbove { amount } minWeightGrams maxWeightGrams estimatedDays } }
  taxRates { country region name rateBps } }`;
const ADD = `mutation($productId: ID!, $quantity: Int!) { addToCart(productId: $productId, quantity: $quantity) { totalQuantity } }`;
const APPLY = `mutation($code: String!) { applyDiscountCode(code: $code) { discountCode } }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { status discountCode } }`;
const DESTINATION = `mutation($country: String!) { setShippingDestination(country: $country) {
  shippingOptions { name price { amount } estimatedDays } taxLabel } }`;

/** The texts of a table row's cells, in order (the actions' cell left out). */
const cells = async (row: Locator) => (await row.getByRole("cell").allTextContents()).slice(0, -1);

describeEachEngine(
  "discount codes, shipping zones and tax rates in the admin, in Chromium",
  (server) => {
    const url = (p: string) => `${server().url}${p}`;
    const OWNER = { email: "owner@shop.example", password: "owner password 1" };
    let api: ShopperClient;
    let ids: Record<string, string>;

    beforeAll(async () => {
      // The owner's own API session, to check what the screens saved.
      api = await adminClient(server(), OWNER.email, OWNER.password);
      ids = await server().seed([{ sku: "KETTLE", name: "Kettle", price: 2500, stock: 100 }]);
    });

    async function openAdminScreen(page: Page, link: string, heading: string) {
      await signIn(page, url("/login?next=/admin"), OWNER.email, OWNER.password);
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: link }).click();
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    }

    /** A shopper orders a kettle or two with a code, through the API. */
    async function orderWith(code: string, quantity: number, payment: Record<string, unknown>) {
      const shopper = server().client();
      await shopper.ok(ADD, { productId: ids.KETTLE, quantity });
      await shopper.ok(APPLY, { code });
      return (await shopper.ok(PLACE, { input: orderInput({ payment }) })).placeOrder;
    }

    test("the owner creates discount codes, is told at the field what's wrong, sees their use, and switches a used one off", async () => {
      const { page, errors, close } = await openBrowser();
      try {
        await openAdminScreen(page, "Discounts", "Discounts");
        await page.getByText("No discount codes yet").waitFor();
        expect(await page.title()).toBe("Discounts · Shopwright");
        expect(await seriousA11yViolations(page)).toEqual([]);

        // 150%: the server refuses it, and says so at the percentage, which points at the message.
        await page.getByLabel("Code", { exact: true }).fill("spring10");
        expect(await page.getByRole("radio", { name: "A percentage of the goods" }).isChecked()).toBe(true);
        await page.getByLabel("Percentage off").fill("150");
        await page.getByRole("button", { name: "Create code" }).click();
        await page.getByText("A percentage is from 1 to 100").waitFor();
        const percentage = page.getByRole("textbox", { name: "Percentage off", description: /A percentage is from 1 to 100/ });
        expect(await percentage.getAttribute("aria-invalid")).toBe("true");
        expect(await seriousA11yViolations(page)).toEqual([]);
        expect((await api.ok(CODES)).discountCodes).toEqual([]);

        await page.getByLabel("Percentage off").fill("10");
        await page.getByRole("button", { name: "Create code" }).click();
        await page.getByRole("status").filter({ hasText: "Created SPRING10: 10% off." }).waitFor();
        const spring = page.getByRole("row").filter({ hasText: "SPRING10" });
        expect(await cells(spring)).toEqual(["SPRING10", "10%", "None", "Used 0", "Active"]);
        expect(await page.getByLabel("Code", { exact: true }).inputValue()).toBe("");

        // An amount off, with every condition; an end before the start is refused at the end.
        await page.getByLabel("Code", { exact: true }).fill("FIVEOFF");
        await page.getByRole("radio", { name: "An amount (USD)" }).check();
        await page.getByLabel("Amount off (USD)").fill("5.00");
        await page.getByLabel("Minimum order (USD) (optional)").fill("40");
        await page.getByLabel("Starts (optional)").fill("2025-01-01T09:00");
        await page.getByLabel("Ends (optional)").fill("2024-12-01T09:00");
        await page.getByLabel("Uses in all (optional)").fill("5");
        await page.getByLabel("Uses per customer (optional)").fill("1");
        await page.getByRole("button", { name: "Create code" }).click();
        const ends = page.getByLabel("Ends (optional)");
        await page.getByText("The end must come after the start").waitFor();
        expect(await ends.getAttribute("aria-invalid")).toBe("true");
        expect(await page.getByRole("textbox", { name: "Percentage off" }).count()).toBe(0);
        await ends.fill("2035-06-30T18:00");
        await page.getByRole("button", { name: "Create code" }).click();
        await page.getByRole("status").filter({ hasText: "Created FIVEOFF: $5.00 off." }).waitFor();
        const five = page.getByRole("row").filter({ hasText: "FIVEOFF" });
        const [code, off, , used, status] = await cells(five);
        expect([code, off, used, status]).toEqual(["FIVEOFF", "$5.00", "Used 0 of 5", "Active"]);
        expect(await five.getByRole("listitem").allTextContents()).toEqual([
          "Orders of $40.00 or more",
          expect.stringMatching(/^From .*2025/),
          expect.stringMatching(/^Until .*2035/),
          "5 uses in all",
          "Once per customer",
        ]);
        // The dates were typed in the owner's time (the browser's, which is this machine's).
        const saved = (await api.ok(CODES)).discountCodes.find((c: any) => c.code === "FIVEOFF");
        expect(saved).toMatchObject({
          kind: "FIXED_AMOUNT",
          value: 500,
          minSubtotal: { amount: 4000 },
          startsAt: new Date("2025-01-01T09:00").toISOString(),
          endsAt: new Date("2035-06-30T18:00").toISOString(),
          usageLimit: 5,
          perCustomerLimit: 1,
          active: true,
        });
        await screenshot(page, `${server().engine}-admin-discounts`);
        expect(await seriousA11yViolations(page)).toEqual([]);

        // Editing fills the form with the code as saved.
        await page.getByRole("button", { name: "Edit FIVEOFF" }).click();
        await page.getByRole("group", { name: "Edit FIVEOFF" }).waitFor();
        expect(await page.getByLabel("Amount off (USD)").inputValue()).toBe("5.00");
        expect(await page.getByLabel("Minimum order (USD) (optional)").inputValue()).toBe("40.00");
        expect(await page.getByLabel("Starts (optional)").inputValue()).toBe("2025-01-01T09:00");
        expect(await page.getByLabel("Uses per customer (optional)").inputValue()).toBe("1");
        await page.getByLabel("Uses in all (optional)").fill("10");
        await page.getByRole("button", { name: "Save changes" }).click();
        await page.getByRole("status").filter({ hasText: "Saved FIVEOFF." }).waitFor();
        expect(await cells(five)).toContain("Used 0 of 10");
        expect((await api.ok(CODES)).discountCodes.filter((c: any) => c.code === "FIVEOFF")).toMatchObject([
          { usageLimit: 10, value: 500 },
        ]);

        // Shoppers use them: a paid order, and one waiting for a bank transfer. After a reload the table says so.
        expect(await orderWith("SPRING10", 1, { provider: "test", token: "pm_card_visa" })).toMatchObject({ status: "PAID" });
        expect(await orderWith("FIVEOFF", 2, { provider: "manual" })).toMatchObject({ status: "PENDING_PAYMENT", discountCode: "FIVEOFF" });
        await page.reload();
        await page.getByRole("heading", { level: 1, name: "Discounts" }).waitFor();
        await spring.waitFor();
        expect(await cells(spring)).toEqual(["SPRING10", "10%", "None", "Used 1", "Active"]);
        expect((await cells(five))[3]).toBe("Used 0 of 10+1 awaiting payment");

        // A used code can't be deleted: the page says why and offers to switch it off.
        page.once("dialog", (d) => void d.accept());
        await page.getByRole("button", { name: "Delete SPRING10" }).click();
        const refusal = page
          .getByRole("alert")
          .filter({ hasText: "SPRING10 was used by orders, so it can't be deleted; switch it off instead" });
        await refusal.waitFor();
        await refusal.getByRole("button", { name: "Switch SPRING10 off" }).click();
        await page.getByRole("status").filter({ hasText: "SPRING10 is switched off" }).waitFor();
        expect((await cells(spring))[4]).toBe("Inactive");
        expect((await api.ok(CODES)).discountCodes.find((c: any) => c.code === "SPRING10")).toMatchObject({ active: false, timesUsed: 1 });

        // An unused code is deleted (after the owner confirms).
        await page.getByLabel("Code", { exact: true }).fill("TEMP");
        await page.getByLabel("Percentage off").fill("5");
        await page.getByRole("button", { name: "Create code" }).click();
        await page.getByRole("button", { name: "Delete TEMP" }).waitFor();
        page.once("dialog", (d) => void d.accept());
        await page.getByRole("button", { name: "Delete TEMP" }).click();
        await page.getByRole("status").filter({ hasText: "Deleted TEMP." }).waitFor();
        expect(await page.getByRole("row").filter({ hasText: "TEMP" }).count()).toBe(0);
        expect((await api.ok(CODES)).discountCodes.map((c: any) => c.code).sort()).toEqual(["FIVEOFF", "SPRING10"]);

        // What was saved is there after a reload.
        await page.reload();
        await spring.waitFor();
        expect(await cells(spring)).toEqual(["SPRING10", "10%", "None", "Used 1", "Inactive"]);
        expect((await cells(five)).slice(0, 2)).toEqual(["FIVEOFF", "$5.00"]);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    test("the owner adds a zone with two rates and a tax rate; shoppers there get them; problems are shown at their field", async () => {
      const { page, errors, close } = await openBrowser();
      try {
        await openAdminScreen(page, "Shipping & tax", "Shipping & tax");
        // A store starts with one zone for everywhere, made from its settings.
        const everywhere = page.getByRole("region", { name: "Everywhere" });
        await everywhere.getByText("Ships to: Everywhere else (every country no other zone names)").waitFor();
        await page.getByText("is a store setting, PRICES_INCLUDE_TAX").waitFor();
        expect(await page.title()).toBe("Shipping & tax · Shopwright");
        expect(await seriousA11yViolations(page)).toEqual([]);

        // A new zone: Standard (free above 100.00) and Express, whose weight band is upside down.
        await page.getByRole("button", { name: "Add zone" }).click();
        const zone = page.getByRole("region", { name: "New zone" });
        expect(await zone.getByLabel("Name", { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
        await zone.getByLabel("Name", { exact: true }).fill("Europe");
        await zone.getByLabel("Countries").fill("DE, FR");
        await zone.getByLabel("Rate 1: name").fill("Standard");
        await zone.getByLabel("Rate 1: price (USD)").fill("9.00");
        await zone.getByLabel("Rate 1: free above (USD)").fill("100.00");
        await zone.getByLabel("Rate 1: delivery estimate").fill("3–5 business days");
        await zone.getByRole("button", { name: "Add rate" }).click();
        // The new row's first field has the focus.
        expect(await zone.getByLabel("Rate 2: name").evaluate((el) => el === document.activeElement)).toBe(true);
        await zone.getByLabel("Rate 2: name").fill("Express");
        await zone.getByLabel("Rate 2: price (USD)").fill("19.00");
        await zone.getByLabel("Rate 2: weight from (grams)").fill("5000");
        await zone.getByLabel("Rate 2: weight to (grams)").fill("100");
        await zone.getByRole("button", { name: "Create zone" }).click();
        await zone.getByText("The largest weight must not be below the smallest").waitFor();
        const weightTo = zone.getByRole("textbox", { name: "Rate 2: weight to (grams)", description: /largest weight must not be below/ });
        expect(await weightTo.getAttribute("aria-invalid")).toBe("true");
        expect(await seriousA11yViolations(page)).toEqual([]);
        expect((await api.ok(ZONES)).shippingZones.map((z: any) => z.name)).toEqual(["Everywhere"]);

        await zone.getByLabel("Rate 2: weight from (grams)").fill("");
        await weightTo.fill("");
        expect(await zone.getByLabel("Rate 2: weight to (grams)").getAttribute("aria-invalid")).toBeNull();
        await zone.getByRole("button", { name: "Create zone" }).click();
        await page.getByRole("status").filter({ hasText: "Created the zone Europe." }).waitFor();
        const europe = page.getByRole("region", { name: "Europe" });
        await europe.getByText("Ships to: DE, FR").waitFor();
        expect(await europe.getByLabel("Rate 2: name").inputValue()).toBe("Express");

        // A country is in one zone only: said at the countries.
        await page.getByRole("button", { name: "Add zone" }).click();
        const other = page.getByRole("region", { name: "New zone" });
        await other.getByLabel("Name", { exact: true }).fill("Germany");
        await other.getByLabel("Countries").fill("de");
        await other.getByLabel("Rate 1: name").fill("Post");
        await other.getByLabel("Rate 1: price (USD)").fill("5");
        await other.getByRole("button", { name: "Create zone" }).click();
        await other.getByRole("textbox", { name: "Countries", description: /DE is already in Europe/ }).waitFor();
        expect(await other.getByLabel("Countries").getAttribute("aria-invalid")).toBe("true");
        await other.getByRole("button", { name: "Cancel" }).click();
        expect(await page.getByRole("region", { name: "New zone" }).count()).toBe(0);

        // VAT for Germany; a second rate for Germany is refused at the country.
        const newRate = page.getByRole("group", { name: "New tax rate" });
        await newRate.getByLabel("Country").fill("de");
        await newRate.getByLabel("Name").fill("VAT");
        await newRate.getByLabel("Rate (%)").fill("19");
        await page.getByRole("button", { name: "Add tax rate" }).click();
        await page.getByRole("status").filter({ hasText: "Saved VAT 19% for DE." }).waitFor();
        const de = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "DE", exact: true }) });
        expect(await cells(de)).toEqual(["DE", "Whole country", "VAT", "19%"]);
        await newRate.getByLabel("Country").fill("DE");
        await newRate.getByLabel("Name").fill("MwSt.");
        await newRate.getByLabel("Rate (%)").fill("7.25");
        await page.getByRole("button", { name: "Add tax rate" }).click();
        await page.getByRole("textbox", { name: "Country", description: /DE already has a tax rate/ }).waitFor();
        // California's own rate, in hundredths of a percent.
        await newRate.getByLabel("Country").fill("US");
        await newRate.getByLabel("Region (optional)").fill("CA");
        await newRate.getByLabel("Name").fill("Sales tax");
        await page.getByRole("button", { name: "Add tax rate" }).click();
        await page.getByRole("status").filter({ hasText: "Saved Sales tax 7.25% for US (CA)." }).waitFor();
        await screenshot(page, `${server().engine}-admin-shipping`);
        expect(await seriousA11yViolations(page)).toEqual([]);

        // After a reload: the zone with its two rates, and the tax rates.
        await page.reload();
        await europe.getByText("Ships to: DE, FR").waitFor();
        const row = async (n: number) =>
          Promise.all(
            ["name", "price (USD)", "free above (USD)", "weight from (grams)", "weight to (grams)", "delivery estimate"].map((f) =>
              europe.getByLabel(`Rate ${n}: ${f}`).inputValue(),
            ),
          );
        expect(await row(1)).toEqual(["Standard", "9.00", "100.00", "", "", "3–5 business days"]);
        expect(await row(2)).toEqual(["Express", "19.00", "", "", "", ""]);
        expect(await cells(de)).toEqual(["DE", "Whole country", "VAT", "19%"]);
        expect(await cells(page.getByRole("row").filter({ hasText: "Sales tax" }))).toEqual(["US", "CA", "Sales tax", "7.25%"]);

        // What the API has, and what a shopper in Germany is offered.
        const { shippingZones, taxRates } = await api.ok(ZONES);
        const saved = shippingZones.find((z: any) => z.name === "Europe");
        expect(saved).toMatchObject({
          countries: ["DE", "FR"],
          rates: [
            {
              name: "Standard",
              price: { amount: 900 },
              freeAbove: { amount: 10_000 },
              minWeightGrams: null,
              estimatedDays: "3–5 business days",
            },
            { name: "Express", price: { amount: 1900 }, freeAbove: null, minWeightGrams: null, maxWeightGrams: null, estimatedDays: null },
          ],
        });
        expect(taxRates).toEqual(
          expect.arrayContaining([
            { country: "DE", region: null, name: "VAT", rateBps: 1900 },
            { country: "US", region: "CA", name: "Sales tax", rateBps: 725 },
          ]),
        );
        const shopper = server().client();
        await shopper.ok(ADD, { productId: ids.KETTLE, quantity: 1 });
        const { setShippingDestination } = await shopper.ok(DESTINATION, { country: "DE" });
        expect(setShippingDestination.shippingOptions.map((o: any) => [o.name, o.price.amount])).toEqual([
          ["Standard", 900],
          ["Express", 1900],
        ]);
        expect(setShippingDestination.taxLabel).toBe("VAT 19%");

        // Removing Express keeps Standard as it was (the same rate, so carts that chose it keep it).
        await europe.getByRole("button", { name: "Remove rate 2" }).click();
        await europe.getByRole("button", { name: "Save zone" }).click();
        await europe.getByRole("status").filter({ hasText: "Saved Europe." }).waitFor();
        expect(await europe.getByLabel("Rate 2: name").count()).toBe(0);
        const after = (await api.ok(ZONES)).shippingZones.find((z: any) => z.name === "Europe");
        expect(after.rates).toEqual([saved.rates[0]]);

        // The tax rate is changed and deleted from its row.
        await page.getByRole("button", { name: "Edit tax rate US (CA)" }).click();
        const edit = page.getByRole("group", { name: "Edit tax rate US (CA)" });
        expect(await edit.getByLabel("Rate (%)").inputValue()).toBe("7.25");
        await edit.getByLabel("Rate (%)").fill("7.5");
        await page.getByRole("button", { name: "Save changes" }).click();
        await page.getByRole("status").filter({ hasText: "Saved Sales tax 7.5% for US (CA)." }).waitFor();
        page.once("dialog", (d) => void d.accept());
        await page.getByRole("button", { name: "Delete tax rate US (CA)" }).click();
        await page.getByRole("status").filter({ hasText: "Deleted the tax rate for US (CA)." }).waitFor();
        expect((await api.ok(ZONES)).taxRates.map((t: any) => t.country)).not.toContain("US");

        // The last zone can't be deleted: deleting both, the second is refused, in words.
        page.once("dialog", (d) => void d.accept());
        await everywhere.getByRole("button", { name: "Delete zone" }).click();
        await page.getByRole("status").filter({ hasText: "Deleted the zone Everywhere." }).waitFor();
        page.once("dialog", (d) => void d.accept());
        await europe.getByRole("button", { name: "Delete zone" }).click();
        await europe.getByRole("alert").filter({ hasText: "The store's last shipping zone can't be deleted; change it instead" }).waitFor();
        expect((await api.ok(ZONES)).shippingZones.map((z: any) => z.name)).toEqual(["Europe"]);
        expect(await seriousA11yViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  },
  { MANUAL_PAYMENT_INSTRUCTIONS: "Pay to IBAN DE00 0000" },
);
