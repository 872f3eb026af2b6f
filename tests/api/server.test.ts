import http from "node:http";
import { runCli } from "../helpers/cli";
import { memoryLog } from "../helpers/log";
import { ROOT, describeEachEngine, engines, scratchDatabase, startTestServer } from "../helpers/test-server";

describeEachEngine("HTTP server", (server) => {
  test("GET /healthz answers 200 while the database answers", async () => {
    const res = await fetch(`${server().url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  test("/graphql opened in a browser serves our own GraphQL IDE bundle with example operations", async () => {
    const page = await fetch(`${server().url}/graphql`, { headers: { accept: "text/html,application/xhtml+xml" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Shopwright GraphQL IDE");
    const scripts = [...html.matchAll(/src="([^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(src.startsWith("/")).toBe(true); // served by us, nothing from a CDN
    const bundle = await fetch(`${server().url}${scripts[0]}`);
    expect(bundle.status).toBe(200);
    const code = await bundle.text();
    expect(code).toContain("pm_card_visa"); // the ready-made checkout example
  });

  test("the GraphQL IDE can read the schema: introspection is answered", async () => {
    const { __schema } = await server().client().ok(`{ __schema { queryType { name } types { name } } }`);
    expect(__schema.queryType.name).toBe("Query");
    expect(__schema.types.map((t: any) => t.name)).toEqual(expect.arrayContaining(["Product", "Cart", "Order", "Money"]));
  });

  test("the shop's script and GraphQL answers go out compressed, as the client accepts (bytes on the wire)", async () => {
    const html = await (await fetch(`${server().url}/`, { headers: { accept: "text/html" } })).text();
    /** The raw response, as it crosses the network: fetch() would decompress it. */
    const raw = (p: string, encoding: string, init: { method?: string; body?: string } = {}) =>
      new Promise<{ encoding: string | undefined; bytes: number; vary: string | undefined }>((resolve, reject) => {
        const req = http.request(
          `${server().url}${p}`,
          { method: init.method ?? "GET", headers: { "accept-encoding": encoding, "content-type": "application/json" } },
          (res) => {
            let bytes = 0;
            res.on("data", (chunk: Buffer) => (bytes += chunk.length));
            res.on("end", () => resolve({ encoding: res.headers["content-encoding"], bytes, vary: res.headers.vary }));
          },
        );
        req.on("error", reject);
        req.end(init.body);
      });
    // The shop's scripts: the entry and the modules it preloads; the biggest one is measured.
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = await Promise.all(scripts.map(async (s) => ({ s, bytes: (await raw(s, "identity")).bytes })));
    const script = sizes.sort((a, b) => b.bytes - a.bytes)[0].s;
    const plain = await raw(script, "identity");
    const br = await raw(script, "br, gzip, deflate");
    const gzip = await raw(script, "gzip");
    expect(plain.encoding).toBeUndefined();
    expect(br).toMatchObject({ encoding: "br", vary: expect.stringMatching(/Accept-Encoding/i) });
    expect(gzip.encoding).toBe("gzip");
    expect(br.bytes).toBeLessThan(plain.bytes * 0.35);
    expect(br.bytes).toBeLessThan(200_000);
    console.log(`Storefront script on the wire: ${plain.bytes} B plain, ${gzip.bytes} B gzip, ${br.bytes} B brotli`);
    // A larger GraphQL answer (the schema's types, as the IDE asks for them).
    const schema = JSON.stringify({ query: "{ __schema { types { name description fields { name description } } } }" });
    expect((await raw("/graphql", "gzip", { method: "POST", body: schema })).encoding).toBe("gzip");
  });

  test("a missing file is a plain 404 that names no path on the server", async () => {
    for (const p of ["/assets/nope.js", "/media/uploads/nope.png"]) {
      const res = await fetch(`${server().url}${p}`);
      const body = await res.text();
      expect({ p, status: res.status, body: JSON.parse(body) }).toEqual({
        p,
        status: 404,
        body: { errors: [{ message: "Not found", extensions: { code: "NOT_FOUND" } }] },
      });
      expect(body).not.toContain(ROOT);
    }
  });

  test("demo images are drawn by the server as SVG", async () => {
    const res = await fetch(`${server().url}/media/demo/tea-pot-blue-1.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    expect(await res.text()).toContain("Blue Teapot");
    expect((await fetch(`${server().url}/media/demo/nothing-1.svg`)).status).toBe(404);
  });

  test("malformed requests get Apollo's codes and no stack trace", async () => {
    const shopper = server().client();
    const parse = await shopper.gql(`{ products { `);
    expect(parse.status).toBe(400);
    expect(parse.errors![0].extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(parse.errors![0].message).toMatch(/Syntax Error/);
    const unknown = await shopper.gql(`{ nope }`);
    expect(unknown.errors![0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const badVar = await shopper.gql(`mutation($q: Int!) { addToCart(productId: "1", quantity: $q) { id } }`, { q: "many" });
    expect(badVar.errors![0].extensions?.code).toBe("BAD_USER_INPUT");

    const broken = await fetch(`${server().url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(broken.status).toBe(400);
    const text = await broken.text();
    expect(text).not.toMatch(/at .*\.js:\d+|node_modules/);
    for (const body of [parse, unknown, badVar]) expect(JSON.stringify(body.errors)).not.toMatch(/stacktrace|node_modules/);
  });

  test("queries built from nested fragments, as the storefront's are, are not mistaken for deep ones", async () => {
    const query = `query { cart { ...C } }
      fragment C on Cart { lines { product { images { ...I } } unitPrice { ...M } } total { ...M } }
      fragment I on ProductImage { url alt }
      fragment M on Money { amount currency }`;
    const result = await server().client().gql(query);
    expect(result.errors).toBeUndefined();
    expect(result.data.cart.total).toEqual({ amount: 0, currency: "USD" });
  });

  test("a query with too many aliases is refused before it runs", async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: products(first: 1) { totalCount }`).join(" ")} }`;
    expect((await server().client().gql(aliases(5))).errors).toBeUndefined();
    const result = await server().client().gql(aliases(30));
    expect(result.errors?.[0].message).toMatch(/alias/i);
    expect(result.errors?.[0].extensions?.code).toBe("TOO_MANY_ALIASES");
    expect(result.data).toBeUndefined();
  });
});

describe.each(engines)("unexpected errors [%s]", (engine) => {
  test("reach the client as INTERNAL_SERVER_ERROR with no detail; health turns 503", async () => {
    const log = memoryLog();
    const server = await startTestServer(engine, {}, { logger: log.logger });
    try {
      // Break the database under the running server: the SQL error must not leak.
      await server.dataSource.query(engine === "sqlite" ? "DROP TABLE product_image" : "DROP TABLE `product_image`");
      await server.seed([{ sku: "X1" }]).catch(() => undefined);
      const result = await server.client().gql(`{ products { nodes { id images { url } } } }`);
      expect(result.errors![0]).toEqual({
        message: "Internal server error",
        locations: expect.any(Array),
        path: expect.any(Array),
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      });
      expect(JSON.stringify(result)).not.toMatch(/product_image|SQL|no such table|doesn't exist/i);
      // …but the server logged it, with its stack, under the request's id (sent to the client as X-Request-Id).
      const logged = log.lines().find((l) => l.msg === "Unexpected error");
      expect(logged).toMatchObject({
        level: 50,
        requestId: result.headers.get("x-request-id"),
        err: { stack: expect.stringMatching(/\n\s+at /) },
      });

      await server.dataSource.destroy();
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(503);
    } finally {
      await server.stop();
    }
  });
});

describe("starting the server", () => {
  test("a bad configuration value stops it with one line naming the variable", async () => {
    for (const [env, name] of [
      [{ PORT: "eighty" }, "PORT"],
      [{ DATABASE_URL: "postgres://x/y" }, "DATABASE_URL"],
      [{ SHIPPING_FLAT: "-5" }, "SHIPPING_FLAT"],
      [{ ENABLE_TEST_PAYMENTS: "maybe" }, "ENABLE_TEST_PAYMENTS"],
    ] as const) {
      const { code, stderr } = await runCli("main.js", [], env);
      expect(code).toBe(1);
      const lines = stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(name);
    }
  });

  test.each(engines)(
    "on an empty %s database it migrates, loads the demo catalog, prints its address, and a second start reuses the data",
    async (engine) => {
      const scratch = await scratchDatabase(engine);
      try {
        const env = { DATABASE_URL: scratch.url, PORT: "0", DEMO: "true" };
        const first = await runCli("main.js", [], env, { untilOutput: /localhost:\d+\/graphql/ });
        expect(first.stdout).toMatch(/Loaded the demo catalog: (2[4-9]|[3-9]\d) products/);
        expect(first.stdout).toMatch(/http:\/\/localhost:\d+\/graphql/);
        const second = await runCli("main.js", [], env, { untilOutput: /localhost:\d+\/graphql/ });
        expect(second.stdout).not.toMatch(/Loaded the demo catalog/);
        expect(second.code).toBe(0);
      } finally {
        await scratch.drop();
      }
    },
  );
});

describe.each(engines)("readiness [%s]", (engine) => {
  test("/readyz says ready only with every migration and the tables there; /healthz stays the liveness check", async () => {
    const server = await startTestServer(engine);
    const q = (sql: string) => server.dataSource.query(engine === "mysql" ? sql.replaceAll('"', "`") : sql);
    const status = async (p: string) => (await fetch(`${server.url}${p}`)).status;
    try {
      expect(await status("/readyz")).toBe(200);
      // The tables gone (a restore gone wrong): alive, but not ready.
      await q(`ALTER TABLE "product" RENAME TO "product_away"`);
      expect([await status("/healthz"), await status("/readyz")]).toEqual([200, 503]);
      await q(`ALTER TABLE "product_away" RENAME TO "product"`);
      expect(await status("/readyz")).toBe(200);
      // A migration not applied (an older database under a newer server).
      const [last] = await q(`SELECT "name" FROM "migrations" ORDER BY "id" DESC LIMIT 1`);
      await q(`DELETE FROM "migrations" WHERE "name" = '${last.name}'`);
      expect([await status("/healthz"), await status("/readyz")]).toEqual([200, 503]);
    } finally {
      await server.stop();
    }
  });
});

describe.each(engines)("GRAPHQL_IDE=false [%s]", (engine) => {
  test("turns the IDE page and introspection off together; the store's own queries still work", async () => {
    const server = await startTestServer(engine, { GRAPHQL_IDE: "false" });
    try {
      const page = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
      expect(page.status).toBe(404);
      const introspection = await server.client().gql(`{ __schema { queryType { name } } }`);
      expect(introspection.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect((await server.client().ok(`{ products(first: 1) { totalCount } }`)).products.totalCount).toBe(0);
    } finally {
      await server.stop();
    }
  });
});
