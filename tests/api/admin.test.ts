import { runCli } from "../helpers/cli";
import type { ShopperClient } from "../helpers/client";
import { ADD, PLACE_ORDER, orderInput } from "../helpers/operations";
import { connectStore } from "../../server/modules";
import { describeEachEngine, engines, scratchDatabase, type TestServer } from "../helpers/test-server";

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id role } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { id } }`;
const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id sku name status stock price { amount } images { url alt } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id sku name status price { amount } } }`;
const ADJUST = `mutation($productId: ID!, $delta: Int!, $reason: String!) { adjustStock(productId: $productId, delta: $delta, reason: $reason) { id stock } }`;
const MOVES = `query($productId: ID!) { stockMovements(productId: $productId) { totalCount nodes { delta reason resultingStock actor } } }`;
const SET_STATUS = `mutation($id: ID!, $status: OrderStatus!) { updateOrderStatus(id: $id, status: $status) { id status nextStatuses payment { provider status } history { kind fromStatus toStatus actor note } } }`;
const ORDERS = `query($status: OrderStatus, $search: String) { orders(status: $status, search: $search) { totalCount nodes { id number status email customer { email } } } }`;
const IMPORT = `mutation($csv: String!) { importProductsCsv(csv: $csv) { created updated } }`;
const STOREFRONT = `query($search: String) { products(search: $search) { nodes { id sku } } }`;

async function signedIn(server: TestServer, role: "admin" | "customer"): Promise<ShopperClient> {
  const client = server.client();
  const email = `${role}${Date.now()}${Math.random().toString(36).slice(2, 6)}@example.com`;
  if (role === "admin") {
    await server.app.services.accounts.upsertAdmin(email, "admin password");
    await client.ok(LOGIN, { email, password: "admin password" });
  } else {
    await client.ok(REGISTER, { input: { email, name: "Cleo", password: "customer password" } });
  }
  return client;
}

describeEachEngine(
  "admin",
  (server) => {
    let admin: ShopperClient;
    let customer: ShopperClient;
    let ids: Record<string, string>;

    beforeAll(async () => {
      admin = await signedIn(server(), "admin");
      customer = await signedIn(server(), "customer");
      ids = await server().seed([
        { sku: "OLD-TEAPOT", name: "Old Teapot", price: 2000, stock: 3 },
        { sku: "NEVER-SOLD", name: "Never Sold", price: 500, stock: 1 },
      ]);
    });

    test("every admin operation: a guest gets UNAUTHENTICATED, a customer FORBIDDEN, an admin the answer", async () => {
      const operations: [string, string, Record<string, unknown>][] = [
        ["adminProducts", `query { adminProducts { totalCount } }`, {}],
        ["adminProduct", `query($id: ID!) { adminProduct(id: $id) { id } }`, { id: ids["OLD-TEAPOT"] }],
        ["createProduct", CREATE, { input: { sku: "MATRIX-1", name: "Matrix", price: 100 } }],
        ["updateProduct", UPDATE, { id: ids["OLD-TEAPOT"], input: { name: "Old Teapot" } }],
        ["deleteProduct", `mutation($id: ID!) { deleteProduct(id: $id) }`, { id: "999999" }],
        ["importProductsCsv", IMPORT, { csv: "sku,name,description,price,stock\nMATRIX-2,Matrix 2,,1.00,1\n" }],
        ["adjustStock", ADJUST, { productId: ids["OLD-TEAPOT"], delta: 1, reason: "count" }],
        ["stockMovements", MOVES, { productId: ids["OLD-TEAPOT"] }],
        ["lowStock", `query { lowStock { id } }`, {}],
        ["orders", ORDERS, {}],
        ["updateOrderStatus", SET_STATUS, { id: "00000000-0000-4000-8000-000000000000", status: "SHIPPED" }],
        ["markOrderPaid", `mutation($id: ID!) { markOrderPaid(id: $id) { id } }`, { id: "00000000-0000-4000-8000-000000000000" }],
        ["retryRefund", `mutation($id: ID!) { retryRefund(id: $id) { id } }`, { id: "00000000-0000-4000-8000-000000000000" }],
        ["dashboard", `query { dashboard { ordersToday } }`, {}],
        ["createCategory", `mutation { createCategory(input: { name: "Matrix" }) { id } }`, {}],
        ["updateCategory", `mutation { updateCategory(id: "999999", input: { name: "Matrix" }) { id } }`, {}],
        ["deleteCategory", `mutation { deleteCategory(id: "999999") }`, {}],
        ["emailOutbox", `query { emailOutbox { delivery pending failed } }`, {}],
        ["emails", `query { emails { totalCount nodes { id to lastError } } }`, {}],
        ["resendEmail", `mutation($id: ID!) { resendEmail(id: $id) { id } }`, { id: "00000000-0000-4000-8000-000000000000" }],
        ["Product.status", `query { products(first: 1) { nodes { id status } } }`, {}],
      ];
      for (const [name, query, variables] of operations) {
        const guest = await server().client().gql(query, variables);
        const asCustomer = await customer.gql(query, variables);
        const asAdmin = await admin.gql(query, variables);
        expect({ name, guest: guest.errors?.[0].extensions?.code, customer: asCustomer.errors?.[0].extensions?.code }).toEqual({
          name,
          guest: "UNAUTHENTICATED",
          customer: "FORBIDDEN",
        });
        expect({ name, admin: asAdmin.errors?.[0].extensions?.code ?? "OK" }).toEqual({
          name,
          admin: [
            "deleteProduct",
            "updateOrderStatus",
            "markOrderPaid",
            "retryRefund",
            "resendEmail",
            "updateCategory",
            "deleteCategory",
          ].includes(name)
            ? "NOT_FOUND"
            : "OK",
        });
      }
      // Nothing admin-only leaks into a shopper's data, not even partly.
      const leak = await customer.gql(`query { products(first: 1) { nodes { id status } } }`);
      expect(leak.data).toBeNull();
    });

    test("admin HTTP endpoints (uploads, CSV exports) refuse guests and customers", async () => {
      for (const path of ["/api/admin/export/products.csv", "/api/admin/export/orders.csv"]) {
        expect((await fetch(`${server().url}${path}`)).status).toBe(401);
        const res = await fetch(`${server().url}${path}`, { headers: { cookie: `sw_session=${customer.cookies.get("sw_session")}` } });
        expect(res.status).toBe(403);
      }
      const upload = await fetch(`${server().url}/api/admin/uploads`, { method: "POST", body: Buffer.from("x") });
      expect(upload.status).toBe(401);
    });

    test("a draft is hidden from the storefront until it is made active; archived products are hidden again", async () => {
      const { createProduct } = await admin.ok(CREATE, {
        input: {
          sku: "new-kettle",
          name: "New Kettle",
          description: "Shiny",
          price: 4999,
          stock: 4,
          images: [{ url: "/media/uploads/x.png", alt: "A kettle" }],
        },
      });
      expect(createProduct).toMatchObject({ sku: "NEW-KETTLE", status: "DRAFT", stock: 4, price: { amount: 4999 } });
      const shopper = server().client();
      const visible = async () => (await shopper.ok(STOREFRONT, { search: "new kettle" })).products.nodes.length;
      expect(await visible()).toBe(0);
      expect((await shopper.ok(`query($id: ID!) { product(id: $id) { id } }`, { id: createProduct.id })).product).toBeNull();
      expect((await shopper.fails(ADD, { productId: createProduct.id })).code).toBe("NOT_FOUND");

      await admin.ok(UPDATE, { id: createProduct.id, input: { status: "ACTIVE" } });
      expect(await visible()).toBe(1);
      await shopper.ok(ADD, { productId: createProduct.id });
      const available = async () => (await shopper.ok(`query { cart { lines { available } } }`)).cart.lines.map((l: any) => l.available);
      expect(await available()).toEqual([true]);

      await admin.ok(UPDATE, { id: createProduct.id, input: { status: "ARCHIVED" } });
      expect(await visible()).toBe(0);
      // The cart still shows it, flagged, so the shopper can remove it before the checkout.
      expect(await available()).toEqual([false]);
      // Already in a cart: checkout refuses it rather than selling an archived product.
      const error = await shopper.fails(PLACE_ORDER, { input: orderInput() });
      expect(error.code).toBe("OUT_OF_STOCK");
      expect(error.message).toMatch(/no longer sold/);
    });

    test("a product with orders can't be deleted (archive it); one without orders can", async () => {
      const buyer = server().client();
      await buyer.ok(ADD, { productId: ids["OLD-TEAPOT"] });
      await buyer.ok(PLACE_ORDER, { input: orderInput() });
      const error = await admin.fails(`mutation($id: ID!) { deleteProduct(id: $id) }`, { id: ids["OLD-TEAPOT"] });
      expect(error).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringMatching(/archive it instead/) });
      expect((await admin.ok(`query($id: ID!) { adminProduct(id: $id) { id } }`, { id: ids["OLD-TEAPOT"] })).adminProduct).not.toBeNull();

      expect((await admin.ok(`mutation($id: ID!) { deleteProduct(id: $id) }`, { id: ids["NEVER-SOLD"] })).deleteProduct).toBe(true);
      expect((await admin.ok(`query($id: ID!) { adminProduct(id: $id) { id } }`, { id: ids["NEVER-SOLD"] })).adminProduct).toBeNull();
    });

    test("a duplicate SKU is BAD_USER_INPUT on sku, and changes nothing", async () => {
      const error = await admin.fails(CREATE, { input: { sku: "old-teapot", name: "Clash", price: 1 } });
      expect(error).toMatchObject({ code: "BAD_USER_INPUT", extensions: { field: "sku" } });
    });

    test("adjustStock records who, when, how much, why and the resulting stock; stock never goes below 0", async () => {
      const { createProduct } = await admin.ok(CREATE, {
        input: { sku: "COUNTED", name: "Counted", price: 100, stock: 2, status: "ACTIVE" },
      });
      expect((await admin.ok(ADJUST, { productId: createProduct.id, delta: 5, reason: "Delivery" })).adjustStock.stock).toBe(7);
      const error = await admin.fails(ADJUST, { productId: createProduct.id, delta: -8, reason: "Breakage" });
      expect(error).toMatchObject({ code: "BAD_USER_INPUT", extensions: { field: "delta" } });
      expect((await admin.ok(ADJUST, { productId: createProduct.id, delta: -7, reason: "Breakage" })).adjustStock.stock).toBe(0);
      const stockMovements = (await admin.ok(MOVES, { productId: createProduct.id })).stockMovements.nodes;
      expect(stockMovements.map((m: any) => [m.delta, m.reason, m.resultingStock])).toEqual([
        [-7, "Breakage", 0],
        [5, "Delivery", 7],
        [2, "Opening stock", 2],
      ]);
      expect(stockMovements[0].actor).toMatch(/^admin.*@example\.com$/);
      expect((await admin.fails(ADJUST, { productId: createProduct.id, delta: 1, reason: "  " })).extensions.field).toBe("reason");
    });

    test("concurrent stock removals never take the stock below 0", async () => {
      const { createProduct } = await admin.ok(CREATE, { input: { sku: "RACED", name: "Raced", price: 100, stock: 3, status: "ACTIVE" } });
      const results = await Promise.all(
        Array.from({ length: 12 }, () => admin.gql(ADJUST, { productId: createProduct.id, delta: -1, reason: "Sold at the fair" })),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(3);
      expect(results.filter((r) => r.errors?.[0].extensions?.code === "BAD_USER_INPUT")).toHaveLength(9);
      expect(await server().stock(createProduct.id)).toBe(0);
    });

    test("orders move PAID→SHIPPED→DELIVERED; illegal moves are BAD_USER_INPUT and change nothing; each move is in the history", async () => {
      const buyer = await signedIn(server(), "customer");
      await buyer.ok(ADD, { productId: ids["OLD-TEAPOT"] });
      const { placeOrder } = await buyer.ok(PLACE_ORDER, { input: orderInput() });
      const illegal = await admin.fails(SET_STATUS, { id: placeOrder.id, status: "DELIVERED" });
      expect(illegal).toMatchObject({ code: "BAD_USER_INPUT", extensions: { field: "status" } });
      await admin.ok(SET_STATUS, { id: placeOrder.id, status: "SHIPPED" });
      const back = await admin.fails(SET_STATUS, { id: placeOrder.id, status: "PAID" });
      expect(back.code).toBe("BAD_USER_INPUT");
      expect((await admin.fails(SET_STATUS, { id: placeOrder.id, status: "CANCELLED" })).code).toBe("BAD_USER_INPUT");
      const { updateOrderStatus } = await admin.ok(SET_STATUS, { id: placeOrder.id, status: "DELIVERED" });
      expect(updateOrderStatus.history.map((h: any) => `${h.fromStatus ?? "-"}→${h.toStatus}`)).toEqual([
        "-→PENDING_PAYMENT",
        "PENDING_PAYMENT→PAID",
        "PAID→SHIPPED",
        "SHIPPED→DELIVERED",
      ]);
      // The customer sees the new status.
      expect((await buyer.ok(`query($id: ID!) { order(id: $id) { status } }`, { id: placeOrder.id })).order.status).toBe("DELIVERED");
      // Admins find orders by status and search, with the customer's account.
      const { orders } = await admin.ok(ORDERS, { status: "DELIVERED", search: placeOrder.number.toLowerCase() });
      expect(orders.nodes).toEqual([
        expect.objectContaining({ id: placeOrder.id, customer: expect.objectContaining({ email: expect.stringMatching(/^customer/) }) }),
      ]);
    });

    test("cancelling a paid order puts its stock back and refunds the payment", async () => {
      const { createProduct } = await admin.ok(CREATE, {
        input: { sku: "CANCELME", name: "Cancel Me", price: 700, stock: 5, status: "ACTIVE" },
      });
      const buyer = server().client();
      await buyer.ok(ADD, { productId: createProduct.id, quantity: 2 });
      const { placeOrder } = await buyer.ok(PLACE_ORDER, { input: orderInput() });
      expect(await server().stock(createProduct.id)).toBe(3);
      const { updateOrderStatus } = await admin.ok(SET_STATUS, { id: placeOrder.id, status: "CANCELLED" });
      // The test provider confirms the refund at once, so the order is REFUNDED.
      expect(updateOrderStatus.status).toBe("REFUNDED");
      expect(updateOrderStatus.payment).toEqual({ provider: "test", status: "REFUNDED" });
      // The history says what happened, in order: cancelled, refund asked for, refund done with the provider's answer.
      expect(updateOrderStatus.history.slice(-3)).toEqual([
        expect.objectContaining({ kind: "STATUS_CHANGED", fromStatus: "PAID", toStatus: "CANCELLED", note: "Stock returned" }),
        expect.objectContaining({
          kind: "REFUND_REQUESTED",
          toStatus: "CANCELLED",
          note: expect.stringContaining(`Refund of ${(placeOrder.total.amount / 100).toFixed(2)} USD asked of test (payment test_ch_`),
        }),
        expect.objectContaining({
          kind: "REFUNDED",
          actor: "test",
          fromStatus: "CANCELLED",
          toStatus: "REFUNDED",
          note: expect.stringMatching(/^Refund test_re_[\w-]+: succeeded$/),
        }),
      ]);
      expect(updateOrderStatus.nextStatuses).toEqual([]);
      expect(await server().stock(createProduct.id)).toBe(5);
      const stockMovements = (await admin.ok(MOVES, { productId: createProduct.id })).stockMovements.nodes;
      expect(stockMovements[0]).toMatchObject({ delta: 2, reason: `Order ${placeOrder.number} cancelled`, resultingStock: 5 });
      const refunded = server().app.services.testProvider.ledger.filter((c) => c.refunded);
      expect(refunded.some((c) => c.amount === placeOrder.total.amount)).toBe(true);
    });

    test("a refund the provider refuses is recorded as failed with its answer; the order stays cancelled and its stock back", async () => {
      const { createProduct } = await admin.ok(CREATE, {
        input: { sku: "NOREFUND", name: "No Refund", price: 900, stock: 2, status: "ACTIVE" },
      });
      const buyer = server().client();
      await buyer.ok(ADD, { productId: createProduct.id });
      const { placeOrder } = await buyer.ok(PLACE_ORDER, {
        input: orderInput({ payment: { provider: "test", token: "pm_card_refundFail" } }),
      });
      const { updateOrderStatus } = await admin.ok(SET_STATUS, { id: placeOrder.id, status: "CANCELLED" });
      expect(updateOrderStatus.status).toBe("CANCELLED");
      expect(updateOrderStatus.payment).toEqual({ provider: "test", status: "REFUND_FAILED" });
      expect(updateOrderStatus.history.map((h: any) => h.kind)).toEqual([
        "STATUS_CHANGED",
        "STATUS_CHANGED",
        "STATUS_CHANGED",
        "REFUND_REQUESTED",
        "REFUND_FAILED",
      ]);
      expect(updateOrderStatus.history.at(-1).note).toMatch(
        /^The refund was refused: the card can't take refunds\. Retry the refund, or refund it by hand in test\.$/,
      );
      expect(await server().stock(createProduct.id)).toBe(2);
    });

    test("nextStatuses lists the moves the server accepts, and the admin order search takes % and _ literally", async () => {
      const buyer = server().client();
      await buyer.ok(ADD, { productId: ids["OLD-TEAPOT"] });
      const { placeOrder } = await buyer.ok(PLACE_ORDER, { input: orderInput({ email: "under_score@example.com" }) });
      const next = async () =>
        (await admin.ok(`query($id: ID!) { order(id: $id) { nextStatuses } }`, { id: placeOrder.id })).order.nextStatuses;
      expect(await next()).toEqual(["SHIPPED", "CANCELLED"]);
      await admin.ok(SET_STATUS, { id: placeOrder.id, status: "SHIPPED" });
      expect(await next()).toEqual(["DELIVERED"]);
      expect(
        (await customer.gql(`query($id: ID!) { order(id: $id) { nextStatuses } }`, { id: placeOrder.id })).data?.order ?? null,
      ).toBeNull();

      const search = async (term: string) => (await admin.ok(ORDERS, { search: term })).orders.nodes.map((o: any) => o.email);
      expect(await search("%")).toEqual([]);
      expect(await search("d_r")).toEqual([]); // as a wildcard it would match "under"
      expect(await search("under_score")).toEqual(["under_score@example.com"]);
    });

    test("CSV import upserts by SKU; a file with a bad row is refused whole, listing rows and fields", async () => {
      const good =
        'sku,name,description,price,stock\nCSV-1,"Mug, tall","Holds ""a lot""",12.50,7\nOLD-TEAPOT,Old Teapot,Renamed by CSV,21.00,3\n';
      expect((await admin.ok(IMPORT, { csv: good })).importProductsCsv).toEqual({ created: 1, updated: 1 });
      const { adminProducts } = await admin.ok(
        `query { adminProducts(search: "csv-1") { nodes { name description price { amount } stock } } }`,
      );
      expect(adminProducts.nodes).toEqual([{ name: "Mug, tall", description: 'Holds "a lot"', price: { amount: 1250 }, stock: 7 }]);

      const before = (await admin.ok(`query { adminProducts(first: 100) { totalCount } }`)).adminProducts.totalCount;
      const bad = "sku,name,description,price,stock\nCSV-2,Fine,,1.00,1\nCSV-3,,,abc,-1\n";
      const error = await admin.fails(IMPORT, { csv: bad });
      expect(error.code).toBe("BAD_USER_INPUT");
      expect(error.extensions.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ row: 3, field: "name" }),
          expect.objectContaining({ row: 3, field: "price" }),
          expect.objectContaining({ row: 3, field: "stock" }),
        ]),
      );
      expect((await admin.ok(`query { adminProducts(first: 100) { totalCount } }`)).adminProducts.totalCount).toBe(before);
      expect((await admin.ok(`query { adminProducts(search: "csv-2") { totalCount } }`)).adminProducts.totalCount).toBe(0);
    });

    test("the catalog and the orders download as CSV", async () => {
      const cookie = { cookie: `sw_session=${admin.cookies.get("sw_session")}` };
      const products = await fetch(`${server().url}/api/admin/export/products.csv`, { headers: cookie });
      expect(products.headers.get("content-type")).toMatch(/text\/csv/);
      const text = await products.text();
      expect(text.split("\r\n")[0]).toBe("sku,name,description,price,stock,status,categories,product_sku,options");
      expect(text).toContain("OLD-TEAPOT,Old Teapot");
      const orders = await (await fetch(`${server().url}/api/admin/export/orders.csv`, { headers: cookie })).text();
      expect(orders.split("\r\n")[0]).toMatch(/^number,date,status,email,items,subtotal/);
      expect(orders).toMatch(/SW-[0-9A-Z]{7},\d{4}-\d\d-\d\dT/);
    });

    test("image upload accepts real images only, within the size limit, and serves them", async () => {
      const cookie = `sw_session=${admin.cookies.get("sw_session")}`;
      const png = Buffer.from(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000200e5279c0d0000000049454e44ae426082",
        "hex",
      );
      const up = await fetch(`${server().url}/api/admin/uploads`, {
        method: "POST",
        headers: { cookie, "content-type": "image/png" },
        body: png,
      });
      expect(up.status).toBe(201);
      const { url } = (await up.json()) as { url: string };
      expect(url).toMatch(/^\/media\/uploads\/[0-9a-f-]{36}\.png$/);
      const served = await fetch(`${server().url}${url}`);
      expect(served.headers.get("content-type")).toBe("image/png");
      expect(Buffer.from(await served.arrayBuffer())).toEqual(png);

      const fake = await fetch(`${server().url}/api/admin/uploads`, {
        method: "POST",
        headers: { cookie, "content-type": "image/png" },
        body: "<svg onload=alert(1)>",
      });
      expect(fake.status).toBe(415);
      const big = await fetch(`${server().url}/api/admin/uploads`, {
        method: "POST",
        headers: { cookie },
        body: Buffer.concat([png, Buffer.alloc(3000)]),
      });
      expect(big.status).toBe(413);
    });

    test("the dashboard counts today's and this month's orders and revenue, 30 days by day, top products and low stock", async () => {
      const before = (await admin.ok(`query { dashboard { ordersToday revenueToday { amount } } }`)).dashboard;
      const buyer = server().client();
      await buyer.ok(ADD, { productId: ids["OLD-TEAPOT"], quantity: 1 });
      const { placeOrder } = await buyer.ok(PLACE_ORDER, { input: orderInput() });
      const { dashboard } = await admin.ok(`query { dashboard {
        ordersToday revenueToday { amount currency } ordersThisMonth revenueThisMonth { amount }
        revenueByDay { date orders revenue { amount } } topProducts { sku quantity } lowStock { sku stock } } }`);
      expect(dashboard.ordersToday).toBe(before.ordersToday + 1);
      expect(dashboard.revenueToday.amount).toBe(before.revenueToday.amount + placeOrder.total.amount);
      expect(dashboard.ordersThisMonth).toBeGreaterThanOrEqual(dashboard.ordersToday);
      expect(dashboard.revenueByDay).toHaveLength(30);
      expect(dashboard.revenueByDay.at(-1)).toMatchObject({ date: new Date().toISOString().slice(0, 10), orders: dashboard.ordersToday });
      expect(dashboard.topProducts.map((p: any) => p.sku)).toContain("OLD-TEAPOT");
      expect(dashboard.lowStock.every((p: any) => p.stock <= 5)).toBe(true);
    });
  },
  { ENABLE_TEST_PAYMENTS: "true", UPLOAD_MAX_BYTES: "2048" },
);

describe.each(engines)("npm run create-admin [%s]", (engine) => {
  test("creates the owner account, or promotes an existing customer, with the password from ADMIN_PASSWORD", async () => {
    const scratch = await scratchDatabase(engine);
    try {
      const env = { DATABASE_URL: scratch.url, SCRYPT_LOG_N: "12" };
      const created = await runCli("scripts/create-admin.js", ["--email", "Owner@Example.com"], {
        ...env,
        ADMIN_PASSWORD: "plum orchard velvet",
      });
      expect(created.stderr).toBe("");
      expect(created.stdout).toMatch(/Created admin Owner@Example.com/);
      const again = await runCli("scripts/create-admin.js", ["--email", "owner@example.com"], { ...env, ADMIN_PASSWORD: "new password!" });
      expect(again.stdout).toMatch(/Promoted admin/);
      const short = await runCli("scripts/create-admin.js", ["--email", "x@example.com"], { ...env, ADMIN_PASSWORD: "short" });
      expect(short.code).toBe(1);
      expect(short.stderr).toMatch(/8 to 128/);

      const ds = await connectStore(scratch.db, { withoutMigrations: true });
      const rows = await ds.query("SELECT email, role FROM customer");
      await ds.destroy();
      expect(rows).toEqual([{ email: "Owner@Example.com", role: "ADMIN" }]);
    } finally {
      await scratch.drop();
    }
  });

  test("refuses a password that is easy to guess, in one line, and creates nothing", async () => {
    const scratch = await scratchDatabase(engine);
    try {
      const env = { DATABASE_URL: scratch.url, SCRYPT_LOG_N: "12" };
      for (const [password, why] of [
        ["password123", "it is a very common password"],
        ["qwertyuiop", "it is one of the most used passwords"],
        ["shopowner2024", "it contains your name or email address"],
      ]) {
        const weak = await runCli("scripts/create-admin.js", ["--email", "shopowner@example.com"], { ...env, ADMIN_PASSWORD: password });
        expect({ password, code: weak.code, stdout: weak.stdout }).toEqual({ password, code: 1, stdout: "" });
        expect(weak.stderr).toBe(
          `create-admin: This password is too easy to guess: ${why}. Add more words or characters; a few unrelated words make a strong password.\n`,
        );
      }
      // Nothing was written: the same email with a strong password is a new account, not a promotion.
      const strong = await runCli("scripts/create-admin.js", ["--email", "shopowner@example.com"], {
        ...env,
        ADMIN_PASSWORD: "plum orchard velvet",
      });
      expect(strong.stdout).toMatch(/^Created admin shopowner@example.com/);
    } finally {
      await scratch.drop();
    }
  });
});
