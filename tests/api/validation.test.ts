import { validateCatalog } from "../../server/catalog/catalog-import";
import type { ShopperClient } from "../helpers/client";
import { ADD, CART, UPDATE } from "../helpers/operations";
import { describeEachEngine } from "../helpers/test-server";

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;
const PRODUCTS = `query($search: String, $first: Int) { products(search: $search, first: $first) { totalCount nodes { id stock } } }`;
const ADJUST = `mutation($productId: ID!, $delta: Int!, $reason: String!) { adjustStock(productId: $productId, delta: $delta, reason: $reason) { stock } }`;
const MOVES = `query($productId: ID!, $first: Int!) { stockMovements(productId: $productId, first: $first) { totalCount } }`;

/** Every argument carries its rules as class-validator decorators: a broken one is BAD_USER_INPUT naming it, and changes nothing. */
describeEachEngine(
  "argument validation",
  (server) => {
    let owner: ShopperClient;
    let ids: Record<string, string>;
    const expectBadInput = async (client: ShopperClient, query: string, variables: Record<string, unknown>, field: string) => {
      const result = await client.gql(query, variables);
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(result.errors![0].extensions?.stacktrace).toBeUndefined();
      expect(result.errors![0].message).not.toMatch(/SQLITE_|ER_[A-Z]|QueryFailedError|Internal server error/);
    };

    beforeAll(async () => {
      ids = await server().seed([{ sku: "VALID-1", name: "Valid Teapot", stock: 10 }]);
      owner = server().client();
      await server().app.services.accounts.upsertAdmin("validation-owner@example.com", "admin password");
      await owner.ok(LOGIN, { email: "validation-owner@example.com", password: "admin password" });
    });

    test("a sign-in with a 406-character email is BAD_USER_INPUT on email, and counts no failed attempt", async () => {
      const email = `${"a".repeat(394)}@example.com`;
      expect(email).toHaveLength(406);
      await expectBadInput(server().client(), LOGIN, { email, password: "whatever1" }, "email");
      await expectBadInput(server().client(), LOGIN, { email: "someone@example.com", password: "p".repeat(129) }, "password");
      const throttled = await server().dataSource.query("SELECT COUNT(*) AS n FROM login_throttle WHERE `key` LIKE 'email:aaaa%'");
      expect(Number(throttled[0].n)).toBe(0);
    });

    test("an email that only grows past 254 characters when lower-cased is BAD_USER_INPUT too, at sign-in and sign-up", async () => {
      const grows = "İ".repeat(254); // "İ".toLowerCase() is two characters
      await expectBadInput(server().client(), LOGIN, { email: grows, password: "whatever1" }, "email");
      const long = `${"a".repeat(64)}@${"İ".repeat(60)}.${"İ".repeat(60)}.com`;
      await expectBadInput(
        server().client(),
        `mutation($input: RegisterInput!) { register(input: $input) { id } }`,
        { input: { email: long, name: "Long", password: "long password" } },
        "email",
      );
    });

    test("a search of about 50,000 characters is BAD_USER_INPUT on search, for shoppers and the owner's lists", async () => {
      const huge = "teapot ".repeat(7200);
      expect(huge.length).toBeGreaterThan(50_000);
      await expectBadInput(server().client(), PRODUCTS, { search: huge }, "search");
      await expectBadInput(owner, `query($s: String) { adminProducts(search: $s) { totalCount } }`, { s: huge }, "search");
      await expectBadInput(owner, `query($s: String) { orders(search: $s) { totalCount } }`, { s: huge }, "search");
      // The longest allowed search still works.
      expect(
        (
          await server()
            .client()
            .ok(PRODUCTS, { search: "x".repeat(200) })
        ).products.totalCount,
      ).toBe(0);
    });

    test("stock can't be pushed past its maximum (or 2^31−1): BAD_USER_INPUT on delta, the stock and history unchanged, the catalog still loads", async () => {
      const id = ids["VALID-1"];
      await owner.ok(ADJUST, { productId: id, delta: 999_990, reason: "Big delivery" });
      expect(await server().stock(id)).toBe(1_000_000);
      const movesBefore = (await owner.ok(MOVES, { productId: id, first: 1 })).stockMovements.totalCount;
      await expectBadInput(owner, ADJUST, { productId: id, delta: 1, reason: "One more" }, "delta");
      await expectBadInput(owner, ADJUST, { productId: id, delta: 2_147_483_647, reason: "Overflow" }, "delta");
      await expectBadInput(owner, ADJUST, { productId: id, delta: 0, reason: "Nothing" }, "delta");
      await expectBadInput(owner, ADJUST, { productId: id, delta: 1, reason: " " }, "reason");
      await expectBadInput(owner, ADJUST, { productId: id, delta: 1, reason: "r".repeat(201) }, "reason");
      expect(await server().stock(id)).toBe(1_000_000);
      expect((await owner.ok(MOVES, { productId: id, first: 1 })).stockMovements.totalCount).toBe(movesBefore);
      const { products } = await server().client().ok(PRODUCTS, { first: 100 });
      expect(products.nodes.find((p: { id: string }) => p.id === id).stock).toBe(1_000_000);
    });

    test("cart quantities, page sizes, history lengths and thresholds are checked by their rules", async () => {
      const shopper = server().client();
      await expectBadInput(shopper, ADD, { productId: ids["VALID-1"], quantity: 1000 }, "quantity");
      expect(shopper.cookies.size).toBe(0); // a refused first add starts no session
      await shopper.ok(ADD, { productId: ids["VALID-1"], quantity: 2 });
      const lineId = (await shopper.ok(CART)).cart.lines[0].id;
      await expectBadInput(shopper, UPDATE, { lineId, quantity: -1 }, "quantity");
      expect((await shopper.ok(CART)).cart.lines[0].quantity).toBe(2);
      await expectBadInput(shopper, PRODUCTS, { first: 0 }, "first");
      await expectBadInput(owner, MOVES, { productId: ids["VALID-1"], first: 101 }, "first");
      await expectBadInput(owner, `query { lowStock(threshold: -1) { id } }`, {}, "threshold");
      await expectBadInput(owner, `query { myOrders(first: 101) { totalCount } }`, {}, "first");
    });

    test("product images must be URLs of this server or http(s), in the form and in catalog files alike", async () => {
      const input = { sku: "IMG-BAD", name: "Bad picture", price: 100, images: [{ url: "javascript:alert(1)", alt: "x" }] };
      await expectBadInput(
        owner,
        `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`,
        { input },
        "images[0].url",
      );
      const { rows, problems } = validateCatalog(
        [{ sku: "IMG-BAD", name: "Bad picture", description: "", price: 100, stock: 1, images: ["javascript:alert(1)"] }],
        "USD",
      );
      expect(rows).toEqual([]);
      expect(problems).toEqual([expect.objectContaining({ index: 0, field: "images[0].url" })]);
      // A path starting with // or /\ is another host to a browser.
      for (const url of ["//evil.example/p.png", "/\\evil.example/p.png"]) {
        expect(validateCatalog([{ sku: "IMG-2", name: "x", price: 1, stock: 1, images: [url] }], "USD").problems).toEqual([
          expect.objectContaining({ field: "images[0].url" }),
        ]);
      }
    });
  },
  { ENABLE_TEST_PAYMENTS: "true" },
);
