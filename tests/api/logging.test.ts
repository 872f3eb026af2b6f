import { memoryLog } from "../helpers/log";
import { ADD, PLACE_ORDER, orderInput } from "../helpers/operations";
import { engines, startTestServer } from "../helpers/test-server";

const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { id } }`;
const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;
const ORDERS = `query AdminOrders { orders(first: 5) { nodes { id number } } }`;
const SHIP = `mutation Ship($id: ID!) { updateOrderStatus(id: $id, status: SHIPPED) { status } }`;

describe.each(engines)("the server's log [%s]", (engine) => {
  test("one JSON line per request with its id, operation, status and duration; no password, token, cookie or card", async () => {
    const log = memoryLog("trace");
    const server = await startTestServer(engine, {}, { logger: log.logger });
    try {
      const ids = await server.seed([{ sku: "LOG-1", stock: 5 }]);
      const secrets: string[] = [];
      const shopperPassword = "marmalade pelican sunrise";
      const ownerPassword = "brass compass weathervane";
      secrets.push(shopperPassword, ownerPassword, "pm_card_visa", "pm_card_chargeDeclined");
      await server.app.services.accounts.upsertAdmin("owner@log.example", ownerPassword);

      // A customer's whole journey in a browser-like client (cookies)…
      const shopper = server.client();
      const requestIds: string[] = [];
      const track = async <T extends { headers: Headers }>(p: Promise<T>) => {
        const r = await p;
        requestIds.push(r.headers.get("x-request-id")!);
        // Every session token handed out, not only the last one kept.
        for (const c of r.headers.getSetCookie()) secrets.push(...[c.split(";")[0].split("=")[1]].filter(Boolean));
        return r;
      };
      await track(shopper.gql(REGISTER, { input: { email: "ada@log.example", name: "Ada", password: shopperPassword } }));
      await track(shopper.gql(LOGIN, { email: "ada@log.example", password: "a wrong password here" }));
      await track(shopper.gql(LOGIN, { email: "ada@log.example", password: shopperPassword }));
      await track(shopper.gql(ADD, { productId: ids["LOG-1"], quantity: 1 }));
      await track(shopper.gql(PLACE_ORDER, { input: orderInput({ payment: { provider: "test", token: "pm_card_chargeDeclined" } }) }));
      const placed = await track(shopper.gql(PLACE_ORDER, { input: orderInput({ email: "ada@log.example" }) }));
      expect(placed.data.placeOrder.status).toBe("PAID");
      secrets.push(...[...shopper.cookies.values()].filter(Boolean));
      // …an app with a bearer token…
      const app = server.client({ cookies: false });
      const first = await track(app.gql(ADD, { productId: ids["LOG-1"], quantity: 1 }));
      app.bearer = first.headers.get("shopwright-session")!;
      await track(app.gql(`query Cart { cart { totalQuantity } }`));
      secrets.push(app.bearer);
      // …and the owner.
      const owner = server.client();
      await track(owner.gql(LOGIN, { email: "owner@log.example", password: ownerPassword }));
      const orders = await track(owner.gql(ORDERS));
      await track(owner.gql(SHIP, { id: orders.data.orders.nodes[0].id }));
      secrets.push(...[...owner.cookies.values()].filter(Boolean));
      await track(owner.gql(`{ products { `)); // a malformed request
      await new Promise((r) => setTimeout(r, 50)); // the last lines are written when the responses finish

      // An error logged outside a request (a webhook, the sweeper) with a failed query's SQL and parameters.
      const failed = await server.dataSource
        .query("SELECT * FROM customer WHERE email = ? AND password_hash = ? AND nope = 1", ["ada@log.example", "scrypt$secret-hash"])
        .catch((e: unknown) => e);
      log.logger.error({ err: failed }, "Webhook failed; the provider will send it again");
      secrets.push("scrypt$secret-hash", "ada@log.example' AND");

      const text = log.text();
      for (const secret of secrets) expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
      expect(text).not.toMatch(/sw_session|authorization|cookie|password"/i);

      const lines = log.lines().filter((l) => l.res);
      // Every request has its line, under the id the client got back.
      expect(lines.map((l) => l.requestId).sort()).toEqual([...requestIds].sort());
      const line = lines.find((l) => l.operation === "Place" && l.res.status === 200)!;
      expect(line).toMatchObject({
        level: 30,
        service: "shopwright",
        requestId: expect.stringMatching(/^[\w-]{8,}$/),
        operation: "Place",
        req: { method: "POST", path: "/graphql", address: expect.any(String) },
        res: { status: 200 },
        durationMs: expect.any(Number),
        msg: "POST /graphql 200",
      });
      expect(lines.map((l) => l.operation)).toEqual(
        expect.arrayContaining(["Register", "Login", "Add", "Place", "Cart", "AdminOrders", "Ship"]),
      );
      expect(lines.find((l) => l.res.status === 400)).toMatchObject({ req: { path: "/graphql" } });
      // The error is there, as its kind, message and stack, without the query's values.
      expect(log.lines().find((l) => l.msg.startsWith("Webhook failed"))).toMatchObject({
        err: { type: "QueryFailedError", message: expect.stringMatching(/nope/), stack: expect.any(String) },
      });
      console.log(`A request's log line: ${JSON.stringify(line)}`);
    } finally {
      await server.stop();
    }
  });
});
