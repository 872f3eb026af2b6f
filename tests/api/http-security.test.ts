import { serverAudits } from "graphql-http";
import { ShopperClient } from "../helpers/client";
import { ADD } from "../helpers/operations";
import { describeEachEngine } from "../helpers/test-server";

/** One POST as a client sends it, with the answer's status, content type and body. */
async function post(url: string, body: string, accept = "application/graphql-response+json, application/json") {
  const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", accept }, body });
  const text = await res.text();
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: JSON.parse(text), text };
}

describeEachEngine("security headers", (server) => {
  test("pages carry a Content-Security-Policy with frame-ancestors 'none', nosniff, a referrer policy; no HSTS outside production", async () => {
    for (const path of ["/", "/product/1", "/admin", "/nowhere"]) {
      const res = await fetch(`${server().url}${path}`, { headers: { accept: "text/html" } });
      const csp = res.headers.get("content-security-policy") ?? "";
      expect({ path, csp }).toEqual({ path, csp: expect.stringContaining("default-src 'self'") });
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
      expect(res.headers.get("strict-transport-security")).toBeNull();
      expect(res.headers.get("x-powered-by")).toBeNull();
      expect(res.headers.get("x-request-id")).toMatch(/^[\w-]{8,}$/);
    }
    // The GraphQL IDE's page allows the styles its editor injects, and nothing else more.
    const ide = await fetch(`${server().url}/graphql`, { headers: { accept: "text/html" } });
    const ideCsp = ide.headers.get("content-security-policy") ?? "";
    expect(ideCsp).toContain("style-src 'self' 'unsafe-inline'");
    expect(ideCsp).toContain("script-src 'self';");
    expect(ideCsp).toContain("frame-ancestors 'none'");
  });

  test("every GraphQL syntax error is HTTP 400 GRAPHQL_PARSE_FAILED, and each query limit 400 with its own code", async () => {
    const url = server().url;
    // Before: graphql-armor's token plugin made every syntax error an HTTP 500 GRAPHQL_VALIDATION_FAILED.
    for (const query of ["{ products { ", "query { products(first: 1) { nodes { id } } } }", "{ a b c )"]) {
      for (const accept of ["application/json", "application/graphql-response+json"]) {
        const r = await post(url, JSON.stringify({ query }), accept);
        expect({ query, accept, status: r.status, code: r.body.errors[0].extensions.code }).toEqual({
          query,
          accept,
          status: 400,
          code: "GRAPHQL_PARSE_FAILED",
        });
        expect(r.text).not.toMatch(/stacktrace|node_modules/);
      }
    }
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    const fine = `{ products { nodes { images { url } } } }`;
    const cases: [string, string][] = [
      [aliases(1100).replace(/a\d+: /g, ""), "QUERY_TOO_LARGE"], // before: HTTP 500
      [`{ ${Array.from({ length: 30 }, (_, i) => `a${i}: shop { currency }`).join(" ")} }`, "TOO_MANY_ALIASES"],
    ];
    // (Depth, directives and cost have their own codes too, QUERY_TOO_DEEP and so on; no query of today's
    // schema within 1000 tokens reaches those limits: the schema has no cycles, and introspection is exempt.)
    for (const [query, code] of cases) {
      const r = await post(url, JSON.stringify({ query }));
      expect({ code, status: r.status, got: r.body.errors[0].extensions.code }).toEqual({ code, status: 400, got: code });
      expect(r.body.errors[0].message).not.toMatch(/^Syntax Error/);
    }
    expect((await post(url, JSON.stringify({ query: fine }))).status).toBe(200);
    // Other client mistakes: never a 500.
    for (const body of ["{not json", JSON.stringify({ query: 42 }), JSON.stringify({ variables: {} }), "[]"]) {
      const r = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect({ body, status: r.status }).toEqual({ body, status: 400 });
    }
  });

  test("the GraphQL-over-HTTP spec's audit suite (graphql-http) finds no error, and no status-code warning for graphql-response+json", async () => {
    const results = await Promise.all(serverAudits({ url: `${server().url}/graphql` }).map((audit) => audit.fn()));
    const problems = results.flatMap((r) => (r.status === "ok" ? [] : [{ status: r.status, name: r.name, reason: r.reason }]));
    expect(problems.filter((p) => p.status === "error")).toEqual([]);
    expect(
      problems.filter((p) => p.status === "warn" && /graphql-response\+json/.test(p.name) && /status/i.test(p.name + p.reason)),
    ).toEqual([]);
    console.log(
      `graphql-http audits: ${results.length} run, ${results.filter((r) => r.status === "ok").length} ok, warnings: ${JSON.stringify(problems)}`,
    );
  });
});

describeEachEngine(
  "the session cookie in production",
  (server) => {
    test("is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain; the token header goes only to clients that ask", async () => {
      const ids = await server().seed([{ sku: "COOKIE-1" }]);
      const browser = server().client();
      const res = await browser.gql(ADD, { productId: ids["COOKIE-1"] });
      const cookie = res.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/^__Host-sw_session=[\w-]{40,}; /);
      for (const attr of ["Path=/", "HttpOnly", "SameSite=Lax", "Secure"]) expect(cookie.split("; ")).toContain(attr);
      expect(cookie).not.toMatch(/Domain=/i);
      // Before: every browser got its token in the Shopwright-Session header too, readable by scripts.
      expect(res.headers.get("shopwright-session")).toBeNull();
      expect((await browser.ok(`{ cart { totalQuantity } }`)).cart.totalQuantity).toBe(1);
      // A cookie of the old name (or one set by a subdomain without the prefix) is not the session.
      const tossed = new ShopperClient(server().url);
      tossed.cookies.set("sw_session", browser.cookies.get("__Host-sw_session")!);
      expect((await tossed.ok(`{ cart { totalQuantity } }`)).cart.totalQuantity).toBe(0);
      // A client without cookies asks for its token and gets it.
      const app = server().client({ cookies: false });
      const first = await app.gql(ADD, { productId: ids["COOKIE-1"] });
      expect(first.headers.get("shopwright-session")).toMatch(/^[\w-]{40,}$/);
    });

    test("HSTS is sent in production", async () => {
      const res = await fetch(`${server().url}/`, { headers: { accept: "text/html" } });
      expect(res.headers.get("strict-transport-security")).toMatch(/max-age=31536000/);
      expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    });
  },
  { NODE_ENV: "production", SCRYPT_LOG_N: "17" },
);
