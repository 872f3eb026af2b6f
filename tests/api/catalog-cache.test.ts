import http from "node:http";
import zlib from "node:zlib";
import { memoryLog } from "../helpers/log";
import { adminClient, describeEachEngine, engines, startTestServer } from "../helpers/test-server";

const PAGE = `query Page($first: Int) { products(first: $first) { nodes { sku description stock price { amount } } } }`;
/** Descriptions long enough that a page is worth compressing (over 1 kB). */
const LONG = "Hand-thrown stoneware with a speckled glaze, fired twice. ".repeat(12);
const UPDATE = `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }`;

/** The public catalog's answers are sent again for a second without running their query (CATALOG_CACHE_SECONDS=1). */
describeEachEngine(
  "catalog answer cache",
  (server) => {
    let ids: Record<string, string>;
    const post = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      fetch(`${server().url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
    const statements = async (run: () => Promise<unknown>) => {
      const before = server().queries();
      await run();
      return server().queries() - before;
    };
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

    beforeAll(async () => {
      ids = await server().seed([
        { sku: "CACHE-1", price: 1000, stock: 5, description: LONG },
        { sku: "CACHE-2", price: 2000, stock: 5, description: LONG },
      ]);
    });

    test("a catalog page asked for again within the second is kept, and then sent without a query; other variables are another page", async () => {
      await wait(1100);
      const first = await post(PAGE, { first: 2 });
      const body = await first.text();
      // Asked for once, a page is not kept (a one-off product or a crawler's page would only take memory)…
      expect(await statements(() => post(PAGE, { first: 2 }))).toBeGreaterThan(0);
      // …asked for again, it is: from then on, for the second, no query.
      let again: Response | undefined;
      expect(await statements(async () => (again = await post(PAGE, { first: 2 })))).toBe(0);
      expect(again!.status).toBe(200);
      expect(again!.headers.get("content-type")).toBe(first.headers.get("content-type"));
      expect(await again!.text()).toBe(body);
      // On the wire: compressed as the client accepts, once for every hit.
      const raw = (encoding: string) =>
        new Promise<{ encoding?: string; vary?: string; bytes: Buffer }>((resolve, reject) => {
          const req = http.request(
            `${server().url}/graphql`,
            { method: "POST", headers: { "content-type": "application/json", "accept-encoding": encoding } },
            (res) => {
              const chunks: Buffer[] = [];
              res.on("data", (c: Buffer) => chunks.push(c));
              res.on("end", () =>
                resolve({ encoding: res.headers["content-encoding"], vary: res.headers.vary, bytes: Buffer.concat(chunks) }),
              );
            },
          );
          req.on("error", reject);
          req.end(JSON.stringify({ query: PAGE, variables: { first: 2 } }));
        });
      const [br, gzip, plain] = [await raw("gzip, deflate, br"), await raw("gzip"), await raw("identity")];
      expect(Buffer.byteLength(body)).toBeGreaterThan(1024);
      expect([br.encoding, gzip.encoding, plain.encoding]).toEqual(["br", "gzip", undefined]);
      expect(br.vary).toMatch(/Accept-Encoding/i);
      expect(br.bytes.length).toBeLessThan(Buffer.byteLength(body) / 3);
      expect(zlib.brotliDecompressSync(br.bytes).toString()).toBe(body);
      expect(zlib.gunzipSync(gzip.bytes).toString()).toBe(body);
      expect(plain.bytes.toString()).toBe(body);
      const one = await (await post(PAGE, { first: 1 })).json();
      expect(one.data.products.nodes).toHaveLength(1);
    });

    test("an owner's price change and a sale reach shoppers within the second, with or without a cart", async () => {
      await wait(1100);
      const price = async (headers: Record<string, string> = {}) =>
        (await (await post(PAGE, { first: 2 }, headers)).json()).data.products.nodes[0].price.amount;
      expect(await price()).toBe(1000);
      expect(await price()).toBe(1000); // asked again: kept
      const admin = await adminClient(server(), "cache-admin@example.com");
      await admin.ok(UPDATE, { id: ids["CACHE-1"], input: { price: 1500 } });
      const shopper = server().client();
      await shopper.ok(`mutation($id: ID!) { addToCart(productId: $id) { id } }`, { id: ids["CACHE-2"] });
      const cookie = `sw_session=${shopper.cookies.get("sw_session")}`;
      await wait(1100);
      expect(await price()).toBe(1500);
      expect(await price({ cookie })).toBe(1500);
    });

    test("the cart, mutations, queries mixing in non-catalog fields and answers with errors always run", async () => {
      const shopper = server().client();
      const CART = `query { cart { lines { quantity } } }`;
      await shopper.ok(`mutation($id: ID!) { addToCart(productId: $id) { id } }`, { id: ids["CACHE-1"] });
      expect((await shopper.ok(CART)).cart.lines).toEqual([{ quantity: 1 }]);
      await shopper.ok(`mutation($id: ID!) { addToCart(productId: $id) { id } }`, { id: ids["CACHE-1"] });
      expect((await shopper.ok(CART)).cart.lines).toEqual([{ quantity: 2 }]);
      const mixed = `query { products(first: 1) { nodes { sku } } cart { id } }`;
      await post(mixed);
      await post(mixed); // asked for twice: a catalog page would be kept now
      expect(await statements(() => post(mixed))).toBeGreaterThan(0);
      // An admin-only field: the owner's answer is never kept, and a shopper's (an error) is not either.
      const adminOnly = `query { products(first: 1) { nodes { sku status } } }`;
      const admin = await adminClient(server(), "cache-admin-2@example.com");
      expect((await admin.ok(adminOnly)).products.nodes[0].status).toBe("ACTIVE");
      const shopperAnswer = await (await post(adminOnly)).json();
      expect(shopperAnswer.errors[0].extensions.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      await post(adminOnly);
      expect(await statements(() => post(adminOnly))).toBeGreaterThan(0);
    });
  },
  { CATALOG_CACHE_SECONDS: "1" },
);

/**
 * A kept answer is sent before Express (app.ts hands the server's requests to the cache first): the hit must
 * still be everything a request through Express is, its headers, its log line, its rate limit, and a body the
 * cache read itself must still reach Express intact when it isn't a hit.
 */
describe.each(engines)("catalog answers sent before Express [%s]", (engine) => {
  test("a hit has the first answer's security headers, its own request id and log line, and counts against the API's limit", async () => {
    const log = memoryLog("info");
    const server = await startTestServer(engine, { CATALOG_CACHE_SECONDS: "5", RATE_LIMITS: "api=8/60" }, { logger: log.logger });
    try {
      await server.seed([{ sku: "FRONT-1", price: 1000, stock: 5, description: LONG }]);
      const post = (body: string, headers: Record<string, string> = {}) =>
        fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
      const page = JSON.stringify({ operationName: "Page", query: PAGE, variables: { first: 2 } });
      const first = await post(page);
      await post(page); // asked again: now it is kept
      const before = server.queries();
      await post(page); // a hit in Express's chain (the answer was kept before the cache read bodies itself)
      const hit = await post(page); // a hit before Express
      expect(server.queries()).toBe(before); // both answered from the cache
      expect(await hit.text()).toBe(await first.text());
      const security = [
        "content-security-policy",
        "x-frame-options",
        "x-content-type-options",
        "referrer-policy",
        "cross-origin-opener-policy",
      ];
      for (const name of [...security, "content-type"]) {
        expect({ name, value: hit.headers.get(name) }).toEqual({ name, value: first.headers.get(name) });
        expect(hit.headers.get(name)).toBeTruthy();
      }
      expect(hit.headers.get("x-request-id")).toMatch(/^[\w-]{8,}$/);
      expect(hit.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
      await new Promise((r) => setTimeout(r, 50));
      const line = log.lines().find((l) => l.requestId === hit.headers.get("x-request-id"));
      expect(line).toMatchObject({
        operation: "Page",
        req: { method: "POST", path: "/graphql" },
        res: { status: 200 },
        msg: "POST /graphql 200",
      });

      // A body the cache reads but doesn't know goes on to Express as it was: malformed JSON is Express's 400.
      const malformed = await post(`{"query": `);
      expect(malformed.status).toBe(400);
      expect((await malformed.json()).errors[0].extensions.code).toBe("BAD_REQUEST");
      const notAnObject = await post(`"products"`);
      expect(notAnObject.status).toBe(400);
      // …and a compressed body is Express's to inflate, a byte order mark is dropped, as its parser does.
      const gzipped = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-encoding": "gzip" },
        body: zlib.gzipSync(page),
      });
      expect((await gzipped.json()).data.products.nodes[0].sku).toBe("FRONT-1");
      expect((await (await post(`\uFEFF${page}`)).json()).data.products.nodes[0].sku).toBe("FRONT-1");

      // Eight requests a minute, and these were eight: the ninth is refused, though its answer is kept.
      const refused = await post(page);
      expect(refused.status).toBe(429);
      expect((await refused.json()).errors[0].extensions.code).toBe("RATE_LIMITED");
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    } finally {
      await server.stop();
    }
  });
});
