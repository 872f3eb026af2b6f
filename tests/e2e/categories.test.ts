import type { Locator } from "playwright-core";
import { openBrowser, screenshot, seriousA11yViolations, signIn } from "../helpers/browser";
import type { ShopperClient } from "../helpers/client";
import { describeEachEngine } from "../helpers/test-server";

jest.setTimeout(180_000);

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;
const CREATE_CATEGORY = `mutation($input: CategoryInput!) { createCategory(input: $input) { id slug } }`;
const UPDATE_PRODUCT = `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }`;

/** The names of the links in a navigation landmark or list, in order. */
const linkNames = (scope: Locator) => scope.getByRole("link").allTextContents();

describeEachEngine("categories in Chromium", (server) => {
  const url = (p: string) => `${server().url}${p}`;
  const OWNER = { email: "owner@shop.example", password: "owner password 1" };
  let ids: Record<string, string>;

  beforeAll(async () => {
    await server().app.services.accounts.upsertAdmin(OWNER.email, OWNER.password);
    const owner: ShopperClient = server().client();
    await owner.ok(LOGIN, OWNER);
    const category = async (name: string, input: Record<string, unknown> = {}): Promise<string> =>
      (await owner.ok(CREATE_CATEGORY, { input: { name, ...input } })).createCategory.id;
    // Loose Tea (Green Tea, Black Tea), Teaware, and a long name that has to wrap on a phone.
    const tea = await category("Loose Tea", { position: 1 });
    const green = await category("Green Tea", { parentId: tea });
    const black = await category("Black Tea", { parentId: tea, position: 1 });
    const teaware = await category("Teaware", { position: 2 });
    await category("Handmade ceramics from small studios", { position: 3 });

    const cups = Array.from({ length: 24 }, (_, i) => ({ sku: `CUP-${String(i + 1).padStart(2, "0")}`, name: `Teacup ${i + 1}` }));
    ids = await server().seed([
      { sku: "EARL-GREY-TIN", name: "Earl Grey Tin" },
      { sku: "GREEN-SENCHA", name: "Sencha Green" },
      { sku: "BLACK-BREAKFAST", name: "Breakfast Blend" },
      { sku: "POT-IRON", name: "Cast Iron Teapot" },
      { sku: "TIN-CADDY", name: "Tea Tin Caddy" },
      { sku: "SPOON", name: "Plain Spoon" },
      ...cups,
    ]);
    const put = (sku: string, categoryIds: string[]) => owner.ok(UPDATE_PRODUCT, { id: ids[sku], input: { categoryIds } });
    await put("EARL-GREY-TIN", [tea]);
    await put("GREEN-SENCHA", [green]);
    await put("BLACK-BREAKFAST", [black]);
    await put("POT-IRON", [teaware]);
    await put("TIN-CADDY", [teaware]);
    for (const cup of cups) await put(cup.sku, [teaware]);
  });

  test("a shopper browses by category: top-level links, a category with its subcategory's products, a product's categories, Back", async () => {
    const { page, errors, close } = await openBrowser();
    const categories = page.getByRole("navigation", { name: "Categories" });
    try {
      await page.goto(url("/"));
      await page.getByRole("link", { name: "Plain Spoon" }).waitFor();
      // Only the top of the tree on the home page, in the owner's order.
      expect(await linkNames(categories)).toEqual(["Loose Tea", "Teaware", "Handmade ceramics from small studios"]);

      await categories.getByRole("link", { name: "Loose Tea" }).click();
      await page.getByRole("heading", { level: 1, name: "Loose Tea" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/category/loose-tea");
      await page.getByText("Showing 3 of 3 products").waitFor();
      // Its own product and its subcategories' (Green Tea's Sencha, Black Tea's Breakfast Blend); nothing else.
      for (const name of ["Earl Grey Tin", "Sencha Green", "Breakfast Blend"]) await page.getByRole("link", { name }).waitFor();
      expect(await page.getByRole("link", { name: "Cast Iron Teapot" }).count()).toBe(0);
      expect(await page.getByRole("link", { name: "Plain Spoon" }).count()).toBe(0);
      // The navigation: the top-level categories (this one current), then its subcategories.
      expect(await linkNames(categories)).toEqual([
        "Loose Tea",
        "Teaware",
        "Handmade ceramics from small studios",
        "Green Tea",
        "Black Tea",
      ]);
      expect(await categories.getByRole("link", { name: "Loose Tea" }).getAttribute("aria-current")).toBe("page");
      expect(await linkNames(categories.getByRole("list", { name: "In Loose Tea" }))).toEqual(["Green Tea", "Black Tea"]);
      const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
      expect(await linkNames(breadcrumb)).toEqual(["All products"]);
      expect(await page.title()).toBe("Loose Tea · Shopwright");
      await screenshot(page, `${server().engine}-category`);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // A subcategory: the breadcrumb leads back up; only its own product.
      await categories.getByRole("link", { name: "Green Tea" }).click();
      await page.getByRole("heading", { level: 1, name: "Green Tea" }).waitFor();
      await page.getByText("Showing 1 of 1 product").waitFor();
      await page.getByRole("link", { name: "Sencha Green" }).waitFor();
      expect(await linkNames(breadcrumb)).toEqual(["All products", "Loose Tea"]);
      expect(await categories.getByRole("link", { name: "Green Tea" }).getAttribute("aria-current")).toBe("page");
      expect(await seriousA11yViolations(page)).toEqual([]);
      await breadcrumb.getByRole("link", { name: "Loose Tea" }).click();
      await page.getByRole("heading", { level: 1, name: "Loose Tea" }).waitFor();

      // A product says which categories it is in, as links.
      await page.getByRole("link", { name: "Sencha Green" }).click();
      await page.getByRole("heading", { level: 1, name: "Sencha Green" }).waitFor();
      await page.getByText("In: Green Tea", { exact: true }).waitFor();
      await page.getByRole("link", { name: "Green Tea", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Green Tea" }).waitFor();
      await page.getByRole("link", { name: "Sencha Green" }).waitFor();

      // Back, and Back again: the product, then the category it was opened from, with its products.
      await page.goBack();
      await page.getByRole("heading", { level: 1, name: "Sencha Green" }).waitFor();
      await page.goBack();
      await page.getByRole("heading", { level: 1, name: "Loose Tea" }).waitFor();
      await page.getByText("Showing 3 of 3 products").waitFor();

      // "All products" goes back to the whole catalog.
      await breadcrumb.getByRole("link", { name: "All products" }).click();
      await page.getByRole("heading", { level: 1, name: "Tea, teapots and kitchen goods" }).waitFor();
      await page.getByRole("link", { name: "Plain Spoon" }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("a category with more than a page of products loads the rest with Load more", async () => {
    const { page, errors, close } = await openBrowser();
    try {
      await page.goto(url("/category/teaware"));
      await page.getByRole("heading", { level: 1, name: "Teaware" }).waitFor();
      await page.getByText("Showing 12 of 26 products").waitFor();
      expect(await page.locator(".card").count()).toBe(12);
      await page.getByRole("button", { name: "Load more" }).click();
      await page.getByText("Showing 24 of 26 products").waitFor();
      await page.getByRole("button", { name: "Load more" }).click();
      await page.getByText("Showing 26 of 26 products").waitFor();
      expect(await page.locator(".card").count()).toBe(26);
      expect(await page.getByRole("button", { name: "Load more" }).count()).toBe(0);
      // Every card once: the pages follow each other without repeats or gaps.
      const names = await page.locator(".card-title").allTextContents();
      expect(new Set(names).size).toBe(26);
      expect(names).toEqual(expect.arrayContaining(["Cast Iron Teapot", "Tea Tin Caddy", "Teacup 1", "Teacup 24"]));

      // The whole catalog pages the same way.
      await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "All products" }).click();
      await page.getByText("Showing 12 of 30 products").waitFor();
      await page.getByRole("button", { name: "Load more" }).click();
      await page.getByText("Showing 24 of 30 products").waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("a search inside a category finds only that category's products", async () => {
    const { page, errors, close } = await openBrowser();
    try {
      // The whole shop has two tins; Loose Tea has one.
      await page.goto(url("/?q=tin"));
      await page.getByText("Showing 2 of 2 products").waitFor();

      await page.goto(url("/category/loose-tea"));
      await page.getByText("Showing 3 of 3 products").waitFor();
      await page.getByLabel("Search in Loose Tea").fill("tin");
      await page.getByRole("button", { name: "Search" }).click();
      await page.getByText("Showing 1 of 1 product").waitFor();
      expect(new URL(page.url()).search).toBe("?q=tin");
      await page.getByRole("link", { name: "Earl Grey Tin" }).waitFor();
      expect(await page.getByRole("link", { name: "Tea Tin Caddy" }).count()).toBe(0);
      await page.getByRole("heading", { level: 1, name: "Loose Tea" }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);

      // Subcategories are searched too; a word that only matches elsewhere finds nothing here.
      await page.getByLabel("Search in Loose Tea").fill("sencha");
      await page.getByRole("button", { name: "Search" }).click();
      await page.getByRole("link", { name: "Sencha Green" }).waitFor();
      await page.getByLabel("Search in Loose Tea").fill("caddy");
      await page.getByRole("button", { name: "Search" }).click();
      await page.getByText("No products in Loose Tea match “caddy”. Try another word.").waitFor();
      expect(await page.locator(".card").count()).toBe(0);

      // And back to the whole category.
      await page.getByRole("link", { name: "Show all of Loose Tea" }).click();
      await page.getByText("Showing 3 of 3 products").waitFor();
      expect(await page.getByLabel("Search in Loose Tea").inputValue()).toBe("");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("an unknown category's address shows the not-found page with a way back", async () => {
    const { page, close } = await openBrowser();
    try {
      expect((await page.goto(url("/category/no-such-category")))?.status()).toBe(404);
      await page.getByRole("heading", { level: 1, name: "Category not found" }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole("link", { name: "Back to the shop" }).click();
      await page.getByRole("link", { name: "Plain Spoon" }).waitFor();
    } finally {
      await close();
    }
  });

  test("on a 375-px phone screen the category navigation wraps and nothing scrolls sideways", async () => {
    const { page, errors, close } = await openBrowser({ width: 375, height: 812 });
    const noSideScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= 375);
    try {
      await page.goto(url("/"));
      await page.getByRole("navigation", { name: "Categories" }).waitFor();
      expect(await noSideScroll()).toBe(true);

      await page.goto(url("/category/green-tea"));
      await page.getByRole("link", { name: "Sencha Green" }).waitFor();
      const nav = page.getByRole("navigation", { name: "Categories" });
      // The top-level links don't fit on one line: they wrap instead of running off the screen. Measured in one
      // go, once the page has settled (two separate measurements could straddle a layout change).
      await page.waitForLoadState("networkidle");
      const tops = await nav
        .getByRole("list")
        .first()
        .evaluate((list) => Array.from(list.querySelectorAll("a"), (a) => a.getBoundingClientRect().top));
      expect(tops.length).toBeGreaterThan(1);
      expect(tops[tops.length - 1]).toBeGreaterThan(tops[0]);
      const links = nav.getByRole("link");
      for (const box of await Promise.all((await links.all()).map((l) => l.boundingBox()))) {
        expect(box!.x + box!.width).toBeLessThanOrEqual(375);
      }
      expect(await noSideScroll()).toBe(true);
      await screenshot(page, `${server().engine}-phone-category`);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("the owner adds a category, sees readable errors, puts a product in it, and the shop lists it there", async () => {
    const owner = await openBrowser();
    const shopper = await openBrowser();
    const { page } = owner;
    try {
      await signIn(page, url("/login?next=/admin"), OWNER.email, OWNER.password);
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Categories" }).click();
      await page.getByRole("heading", { level: 1, name: "Categories" }).waitFor();
      await page.getByRole("button", { name: "Edit Green Tea" }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);

      // A slug already taken, then one that isn't a slug: each said at the Slug field.
      await page.getByLabel("Name").fill("Gifts");
      await page.getByLabel("Slug (optional)").fill("loose-tea");
      await page.getByRole("button", { name: "Create category" }).click();
      const slug = page.getByRole("textbox", { name: "Slug (optional)" });
      await page.getByText('Another category already has the address "loose-tea"').waitFor();
      expect(await slug.getAttribute("aria-invalid")).toBe("true");
      expect(await page.getByRole("textbox", { name: "Slug (optional)", description: /already has the address/ }).count()).toBe(1);
      await slug.fill("Gift Ideas");
      await page.getByRole("button", { name: "Create category" }).click();
      await page.getByText(/^Slug may hold lower-case letters, digits and single hyphens only/).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);

      // Then a good one, at the top, after the others.
      await slug.fill("");
      await page.getByLabel("Parent").selectOption({ label: "None (a top-level category)" });
      await page.getByLabel("Position").fill("5");
      await page.getByRole("button", { name: "Create category" }).click();
      await page.getByText("Created “Gifts” at /category/gifts.").waitFor();
      await page.getByRole("button", { name: "Edit Gifts" }).waitFor();
      await screenshot(page, `${server().engine}-admin-categories`);
      expect(await page.locator(".category-tree .category-name").allTextContents()).toEqual([
        "Loose Tea",
        "Green Tea",
        "Black Tea",
        "Teaware",
        "Handmade ceramics from small studios",
        "Gifts",
      ]);

      // A category with subcategories can't be deleted: the page says why.
      page.once("dialog", (d) => void d.accept());
      await page.getByRole("button", { name: "Delete Loose Tea" }).click();
      await page.getByRole("alert").filter({ hasText: "Loose Tea has subcategories: move or delete them first" }).waitFor();
      // Nor moved inside itself.
      await page.getByRole("button", { name: "Edit Loose Tea" }).click();
      expect(await page.getByLabel("Name").inputValue()).toBe("Loose Tea");
      expect(await page.getByLabel("Parent").locator("option").allTextContents()).not.toContain("Loose Tea");
      await page.getByRole("button", { name: "Cancel" }).click();

      // The product edit page: tick Gifts, save.
      await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Products" }).click();
      await page.getByLabel("Search").fill("iron");
      await page.getByRole("link", { name: "Cast Iron Teapot" }).click();
      await page.getByRole("heading", { level: 1, name: "Cast Iron Teapot" }).waitFor();
      const group = page.getByRole("group", { name: "Categories" });
      await group.getByRole("checkbox", { name: "Gifts" }).waitFor();
      expect(await group.getByRole("checkbox", { name: "Teaware" }).isChecked()).toBe(true);
      expect(await group.getByRole("checkbox", { name: "Gifts" }).isChecked()).toBe(false);
      await group.getByRole("checkbox", { name: "Gifts" }).check();
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.getByText("Saved.").waitFor();
      await screenshot(page, `${server().engine}-admin-product-categories`);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // The shop: Gifts is in the navigation and lists the teapot; the teapot says it is in both.
      await shopper.page.goto(url("/"));
      const nav = shopper.page.getByRole("navigation", { name: "Categories" });
      await nav.getByRole("link", { name: "Gifts" }).click();
      await shopper.page.getByRole("heading", { level: 1, name: "Gifts" }).waitFor();
      await shopper.page.getByText("Showing 1 of 1 product").waitFor();
      await shopper.page.getByRole("link", { name: "Cast Iron Teapot" }).click();
      await shopper.page.getByText("In: Teaware · Gifts", { exact: true }).waitFor();
      await screenshot(shopper.page, `${server().engine}-product-categories`);
      expect(owner.errors).toEqual([]);
      expect(shopper.errors).toEqual([]);
    } finally {
      await owner.close();
      await shopper.close();
    }
  });
});
