import type { Page } from "playwright-core";
import { fillCheckout, openBrowser, screenshot, seriousA11yViolations, signIn } from "../helpers/browser";
import { describeEachEngine } from "../helpers/test-server";

jest.setTimeout(180_000);

const BLUE_PICTURE = "/media/demo/mug-midnight-1.svg";
const RED_PICTURE = "/media/demo/mug-rose-1.svg";

const badge = async (page: Page) => (await page.getByTestId("cart-count").textContent())?.trim() ?? "";
const largePicture = (page: Page) => page.locator(".gallery .image-large").getAttribute("src");

describeEachEngine("variants in Chromium", (server) => {
  const url = (p: string) => `${server().url}${p}`;
  const OWNER = { email: "owner@variants.example", password: "owner password 1" };

  beforeAll(async () => {
    await server().app.services.accounts.upsertAdmin(OWNER.email, OWNER.password);
    // S/M/L × Blue/Red: S / Red is sold out and there is no M / Red; M / Blue costs more and has 3.
    await server().seed([
      {
        sku: "TEE-ORGANIC",
        name: "Organic Cotton T-Shirt",
        description: "Soft organic cotton, in two colours.",
        price: 1900,
        images: [
          { url: BLUE_PICTURE, alt: "The T-shirt in blue" },
          { url: RED_PICTURE, alt: "The T-shirt in red" },
        ],
        options: [
          { name: "Size", values: ["S", "M", "L"] },
          { name: "Colour", values: ["Blue", "Red"] },
        ],
        variants: [
          { options: ["S", "Blue"], stock: 4, imageUrl: BLUE_PICTURE },
          { options: ["S", "Red"], stock: 0, imageUrl: RED_PICTURE },
          { options: ["M", "Blue"], stock: 3, price: 2100, imageUrl: BLUE_PICTURE },
          { options: ["L", "Blue"], stock: 8, imageUrl: BLUE_PICTURE },
          { options: ["L", "Red"], stock: 2, price: 2300, imageUrl: RED_PICTURE },
        ],
      },
    ]);
  });

  test("a shopper picks a size and colour, sees the variant's price, stock and picture, and buys it; the order names the variant", async () => {
    const { page, errors, close } = await openBrowser();
    const radio = (name: string) => page.getByRole("radio", { name, exact: true });
    const stock = () => page.getByTestId("stock").textContent();
    try {
      // The catalog: a price range, and the product's page to choose on (no variant to add from a card).
      await page.goto(url("/?q=cotton"));
      await page.getByText("Showing 1 of 1 product").waitFor();
      expect(await page.locator(".card-price").textContent()).toBe("From $19.00");
      await page.getByRole("link", { name: "Choose options: Organic Cotton T-Shirt" }).click();
      await page.getByRole("heading", { level: 1, name: "Organic Cotton T-Shirt" }).waitFor();

      // One radio group per option; the first variant in stock is chosen.
      await page.getByRole("group", { name: "Size" }).getByRole("radio", { name: "M", exact: true }).waitFor();
      await page.getByRole("group", { name: "Colour" }).getByRole("radio", { name: "Red", exact: true }).waitFor();
      expect(await radio("S").isChecked()).toBe(true);
      expect(await radio("Blue").isChecked()).toBe(true);
      expect(await page.locator(".product-price").textContent()).toBe("$19.00");
      expect(await stock()).toBe("Only 4 left");
      expect(await largePicture(page)).toBe(BLUE_PICTURE);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // S / Red is sold out: marked before it is chosen, and it can't be added.
      await page.getByRole("radio", { name: "Red", exact: true, description: "sold out" }).waitFor();
      await radio("Red").check();
      expect(await stock()).toBe("Sold out");
      expect(await page.getByRole("button", { name: "Sold out" }).isDisabled()).toBe(true);
      await page.getByText("S / Red is sold out. Choose another size or colour.").waitFor();
      expect(await largePicture(page)).toBe(RED_PICTURE);
      await screenshot(page, `${server().engine}-variant-sold-out`);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // There is no M / Red: M says so while Red is chosen; chosen, nothing can be added.
      await page.getByRole("radio", { name: "M", exact: true, description: "not available" }).waitFor();
      await radio("M").check();
      await page.getByText("Organic Cotton T-Shirt doesn't come in M / Red. Choose another combination.").waitFor();
      expect(await page.getByRole("button", { name: "Add to cart", exact: true }).isDisabled()).toBe(true);
      expect(await page.locator(".product-price").textContent()).toBe("From $19.00");

      // M / Blue: its own price, stock and picture.
      await radio("Blue").check();
      expect(await page.locator(".product-price").textContent()).toBe("$21.00");
      expect(await stock()).toBe("Only 3 left");
      expect(await largePicture(page)).toBe(BLUE_PICTURE);
      expect(await page.getByRole("radio", { name: "M", exact: true, description: /.+/ }).count()).toBe(0);
      await page.getByLabel("Quantity").fill("2");
      await page.getByRole("button", { name: "Add to cart", exact: true }).click();
      await page.getByText("Added to your cart.").waitFor();
      expect(await badge(page)).toBe("2");
      await screenshot(page, `${server().engine}-variant-product`);

      // The cart names the variant under the product's link; + stops at the variant's 3.
      await page.getByRole("link", { name: "Cart 2 items", exact: true }).click();
      await page.getByRole("heading", { name: "Your cart" }).waitFor();
      await page.getByRole("link", { name: "Organic Cotton T-Shirt" }).waitFor();
      expect(await page.getByTestId("line-variant").textContent()).toBe("M / Blue");
      expect(await page.locator(".cart-line-name .price").textContent()).toBe("$21.00");
      await page.getByRole("button", { name: "One more Organic Cotton T-Shirt (M / Blue)" }).click();
      await page.waitForFunction(() => (document.querySelector('[data-testid="line-quantity"]') as HTMLInputElement | null)?.value === "3");
      expect(await page.getByRole("button", { name: "One more Organic Cotton T-Shirt (M / Blue)" }).getAttribute("aria-disabled")).toBe(
        "true",
      );
      await screenshot(page, `${server().engine}-variant-cart`);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // Checkout: the summary and then the order page say which variant.
      await page.getByRole("link", { name: "Checkout" }).click();
      await page.getByRole("heading", { name: "Checkout" }).waitFor();
      await page.getByRole("complementary", { name: "Order summary" }).getByText("M / Blue").waitFor();
      await fillCheckout(page, {
        email: "ada@example.com",
        name: "Ada Lovelace",
        street: "12 St James's Square",
        city: "London",
        postalCode: "SW1Y 4JH",
        country: "GB",
      });
      await page.getByRole("button", { name: "Place order" }).click();
      await page.getByRole("heading", { name: "Thank you for your order!" }).waitFor();
      await page.getByRole("cell", { name: /Organic Cotton T-Shirt\s*M \/ Blue/ }).waitFor();
      await screenshot(page, `${server().engine}-variant-order`);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // All three M / Blue are sold: M is marked sold out beside Blue; the other sizes are untouched.
      await page.goto(url("/?q=cotton"));
      await page.getByRole("link", { name: "Choose options: Organic Cotton T-Shirt" }).click();
      await page.getByRole("radio", { name: "M", exact: true, description: "sold out" }).waitFor();
      expect(await radio("S").isChecked()).toBe(true);
      expect(await stock()).toBe("Only 4 left");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("the owner creates a product with options, generates its variants, prices one, and the shop sells it", async () => {
    const owner = await openBrowser();
    const shopper = await openBrowser();
    const { page } = owner;
    try {
      await signIn(page, url("/login?next=/admin"), OWNER.email, OWNER.password);
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Products" }).click();
      await page.getByRole("link", { name: "New product" }).click();
      await page.getByRole("heading", { level: 1, name: "New product" }).waitFor();

      await page.getByLabel("Name", { exact: true }).fill("Linen Tea Towel");
      await page.getByLabel("SKU", { exact: true }).fill("towel-linen");
      await page.getByLabel("Description", { exact: true }).fill("Stonewashed linen that dries cups without lint.");
      await page.getByLabel("Price (USD)").fill("18.00");
      await page.getByLabel("Status").selectOption("ACTIVE");

      // Two options, then every combination.
      await page.getByRole("button", { name: "Add option" }).click();
      await page.getByLabel("Option 1 name").fill("Size");
      await page.getByLabel("Option 1 values").fill("Small, Large");
      await page.getByRole("button", { name: "Add option" }).click();
      await page.getByLabel("Option 2 name").fill("Colour");
      await page.getByLabel("Option 2 values").fill("Green, Grey, Green");
      // A product with options has no single opening stock: each variant has its own.
      expect(await page.getByLabel("Opening stock", { exact: true }).count()).toBe(0);
      await page.getByRole("button", { name: "Generate variants" }).click();
      const table = page.getByRole("table", { name: /Variants/ });
      await table.waitFor();
      expect(await table.getByRole("rowheader").allTextContents()).toEqual([
        "Small / Green",
        "Small / Grey",
        "Large / Green",
        "Large / Grey",
      ]);

      // Large / Grey costs more; two have opening stock; Small / Grey isn't made.
      await page.getByLabel("Price of Large / Grey").fill("22.00");
      await page.getByLabel("Opening stock of Small / Green").fill("5");
      await page.getByLabel("Opening stock of Large / Grey").fill("2");
      await page.getByRole("button", { name: "Remove variant Small / Grey" }).click();
      expect(await table.getByRole("rowheader").count()).toBe(3);

      // A SKU the server refuses is said at its field.
      await page.getByLabel("SKU of Large / Green").fill("towel large!");
      await page.getByRole("button", { name: "Create product" }).click();
      const badSku = page.getByRole("textbox", { name: "SKU of Large / Green", description: /^SKU may hold only letters/ });
      await badSku.waitFor();
      expect(await badSku.getAttribute("aria-invalid")).toBe("true");
      await screenshot(page, `${server().engine}-admin-variants`);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByLabel("SKU of Large / Green").fill("");
      await page.getByRole("button", { name: "Create product" }).click();

      // Created: the variants with their SKUs and stock; the stock panel adjusts one variant.
      await page.getByRole("heading", { level: 1, name: "Linen Tea Towel" }).waitFor();
      expect(await page.getByTestId("admin-stock").textContent()).toBe("7");
      expect(await page.getByLabel("SKU of Large / Green").inputValue()).toBe("TOWEL-LINEN-LARGE-GREEN");
      expect(await page.getByLabel("Price of Large / Grey").inputValue()).toBe("22.00");
      expect(await page.getByLabel("Price of Small / Green").inputValue()).toBe("18.00");
      await page.getByLabel("Variant", { exact: true }).selectOption({ label: "Large / Green (0 in stock)" });
      await page.getByLabel("Change by (e.g. 10 or -2)").fill("4");
      await page.getByLabel("Reason").fill("Delivery from the weaver");
      await page.getByRole("button", { name: "Adjust stock" }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="admin-stock"]')?.textContent === "11");
      const delivery = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "Delivery from the weaver" }) });
      await delivery.getByRole("cell", { name: "Large / Green" }).waitFor();
      await screenshot(page, `${server().engine}-admin-variant-stock`);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // The shop: from its lowest price; Large / Grey at its own.
      await shopper.page.goto(url("/?q=towel"));
      await shopper.page.getByText("Showing 1 of 1 product").waitFor();
      expect(await shopper.page.locator(".card-price").textContent()).toBe("From $18.00");
      await shopper.page.getByRole("link", { name: "Linen Tea Towel" }).first().click();
      await shopper.page.getByRole("heading", { level: 1, name: "Linen Tea Towel" }).waitFor();
      expect(await shopper.page.getByRole("radio", { name: "Small", exact: true }).isChecked()).toBe(true);
      expect(await shopper.page.getByRole("radio", { name: "Green", exact: true }).isChecked()).toBe(true);
      await shopper.page.getByRole("radio", { name: "Large", exact: true }).check();
      await shopper.page.getByRole("radio", { name: "Grey", exact: true }).check();
      expect(await shopper.page.locator(".product-price").textContent()).toBe("$22.00");
      expect(await shopper.page.getByTestId("stock").textContent()).toBe("Only 2 left");
      await shopper.page.getByRole("button", { name: "Add to cart", exact: true }).click();
      await shopper.page.getByText("Added to your cart.").waitFor();
      expect(owner.errors).toEqual([]);
      expect(shopper.errors).toEqual([]);
    } finally {
      await owner.close();
      await shopper.close();
    }
  });
});
