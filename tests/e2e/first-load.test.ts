import fs from "node:fs";
import path from "node:path";
import type { CDPSession, Page } from "playwright-core";
import { openBrowser } from "../helpers/browser";
import { ROOT, startTestServer, type TestServer } from "../helpers/test-server";

jest.setTimeout(180_000);

/**
 * The shop's first load on a slow phone, measured in Chromium through its DevTools protocol:
 * Lighthouse's "slow 4G" (150 ms round trip, 1.6 Mbps down, 750 kbps up) and a CPU 4× slower than this
 * machine's. Bytes are what crossed the wire (compressed as the server sends them, with the headers): a fixed
 * budget, asserted. Times depend on how busy the machine is: printed, and held only to a generous bound.
 */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const CPU_SLOWDOWN = 4;
/**
 * The shop's first-load JavaScript on the wire, at most: what it is today (141 kB) and a little room. The
 * issue aims at 120 kB; React DOM, Apollo Client and React Router alone are about 120 kB (README.md, "The
 * first load").
 */
const SCRIPT_BUDGET = 145 * 1024;

interface Loaded {
  url: string;
  type: string;
  bytes: number;
  encoding: string;
}

interface FirstLoad {
  resources: Loaded[];
  /** The GraphQL operations the page sent, by name, in order. */
  operations: string[];
  /** ms from navigation start until the products are on screen. */
  productsAt: number;
  lcp: number;
  fcp: number;
  /** ms from navigation start until the HTML, the last script and the first GraphQL answer had arrived. */
  htmlAt: number;
  scriptsAt: number;
  firstAnswerAt: number;
}

/** Collects every response of the page with its bytes on the wire (CDP Network.loadingFinished). */
async function watchNetwork(cdp: CDPSession): Promise<Loaded[]> {
  const pending = new Map<string, Omit<Loaded, "bytes">>();
  const done: Loaded[] = [];
  cdp.on("Network.responseReceived", (e) =>
    pending.set(e.requestId, {
      url: e.response.url,
      type: e.type,
      encoding: String(Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === "content-encoding")?.[1] ?? "identity"),
    }),
  );
  cdp.on("Network.loadingFinished", (e) => {
    const r = pending.get(e.requestId);
    if (r) done.push({ ...r, bytes: e.encodedDataLength });
  });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  return done;
}

/** Notes (in the page, from its first script on) when `selector` first matches, and the paint timings. */
async function watchPaint(page: Page, selector: string): Promise<void> {
  await page.addInitScript((sel) => {
    const w = window as unknown as { __shown?: number; __lcp?: number };
    const check = () => {
      if (w.__shown === undefined && document.querySelector(sel)) w.__shown = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__lcp = e.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
  }, selector);
}

/** Opens `path` in a fresh browser (empty cache) on the slow profile; waits for `selector`, then for quiet. */
async function firstLoad(server: TestServer, path: string, selector: string): Promise<FirstLoad> {
  const { page, context, errors, close } = await openBrowser({ width: 412, height: 915 });
  try {
    const cdp = await context.newCDPSession(page);
    const resources = await watchNetwork(cdp);
    const operations: string[] = [];
    page.on("request", (r) => {
      if (!r.url().endsWith("/graphql") || r.method() !== "POST") return;
      operations.push(String((r.postDataJSON() as { operationName?: string } | null)?.operationName));
    });
    await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    await watchPaint(page, selector);
    await page.goto(`${server.url}${path}`, { timeout: 60_000 });
    await page
      .waitForFunction(() => (window as unknown as { __shown?: number }).__shown !== undefined, null, { timeout: 60_000 })
      .catch(async (e: Error) => {
        const main = await page.evaluate(() => document.querySelector("main")?.textContent ?? "(no main)").catch(() => "?");
        throw new Error(`${e.message}\nThe page shows: ${main.slice(0, 300)}\nErrors: ${errors.join("; ")}`);
      });
    // Everything the first load asks for (pictures included) has arrived: no request for a second.
    await page.waitForLoadState("networkidle", { timeout: 60_000 });
    // Two frames after: the paint timings of what is on screen have been noted.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const timings = await page.evaluate(() => {
      const w = window as unknown as { __shown: number; __lcp?: number };
      const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
      const [nav] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
      const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      const scriptsAt = Math.max(
        ...resources.filter((r) => r.initiatorType === "script" || r.name.endsWith(".js")).map((r) => r.responseEnd),
      );
      const firstAnswerAt = resources.find((r) => r.name.endsWith("/graphql"))?.responseEnd ?? NaN;
      return { productsAt: w.__shown, lcp: w.__lcp ?? NaN, fcp, htmlAt: nav?.responseEnd ?? NaN, scriptsAt, firstAnswerAt };
    });
    return { resources: [...resources], operations: [...operations], ...timings };
  } finally {
    await close();
  }
}

/** FIRST_LOAD_RUNS=5: each page is loaded that many times (a fresh browser each), and the median time printed. */
const RUNS = Math.max(1, Number(process.env.FIRST_LOAD_RUNS ?? 1));

async function firstLoads(server: TestServer, path: string, selector: string): Promise<FirstLoad[]> {
  const loads: FirstLoad[] = [];
  for (let i = 0; i < RUNS; i++) loads.push(await firstLoad(server, path, selector));
  return loads;
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : "n/a");
const median = (ns: number[]) => [...ns].sort((a, b) => a - b)[Math.floor((ns.length - 1) / 2)]!;
const scriptsOf = (load: FirstLoad) => load.resources.filter((r) => r.type === "Script");
const bytes = (rs: Loaded[]) => rs.reduce((sum, r) => sum + r.bytes, 0);

function report(what: string, loads: FirstLoad[]): void {
  const [load] = loads as [FirstLoad];
  const scripts = scriptsOf(load);
  const files = scripts.map((s) => `${new URL(s.url).pathname} ${kB(s.bytes)} ${s.encoding}`).join(", ");
  const times = (pick: (l: FirstLoad) => number) =>
    loads.length === 1
      ? ms(pick(load))
      : `${ms(median(loads.map(pick)))} (median of ${loads.length}: ${loads.map((l) => ms(pick(l))).join(", ")})`;
  console.log(
    [
      `First load of ${what} on slow 4G with a 4× slower CPU:`,
      `  JavaScript on the wire: ${kB(bytes(scripts))} in ${scripts.length} script(s) (${files})`,
      `  everything on the wire: ${kB(bytes(load.resources))} in ${load.resources.length} responses`,
      `  GraphQL: ${load.operations.join(", ")}`,
      `  products on screen after ${times((l) => l.productsAt)}`,
      `  of which: the HTML arrived at ${times((l) => l.htmlAt)}, the last script at ${times((l) => l.scriptsAt)}, ` +
        `the first GraphQL answer at ${times((l) => l.firstAnswerAt)}; the rest is running the code on the slow CPU`,
      `  first contentful paint ${times((l) => l.fcp)}, largest contentful paint ${times((l) => l.lcp)}`,
    ].join("\n"),
  );
}

/** The names of the admin's GraphQL operations (the .graphql files under client/src/admin). */
function adminOperations(dir = path.join(ROOT, "client", "src", "admin")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return adminOperations(file);
    if (!e.name.endsWith(".graphql")) return [];
    return [...fs.readFileSync(file, "utf8").matchAll(/^(?:query|mutation)\s+(\w+)/gm)].map((m) => m[1]!);
  });
}

describe("the shop's first load on a slow phone (Chromium)", () => {
  let server: TestServer;
  let product: string;

  beforeAll(async () => {
    // The production build the tests serve (CLIENT_DIST: another build, e.g. to compare before and after).
    server = await startTestServer("sqlite", process.env.CLIENT_DIST ? { CLIENT_DIST: process.env.CLIENT_DIST } : {});
    await server.app.services.catalogIo.loadDemo();
    const [row] = await server.dataSource.query("SELECT id FROM product WHERE sku = 'TEA-POT-BLUE'");
    product = String(row.id);
  });
  afterAll(async () => {
    await server?.stop();
  });

  test("the catalog: the storefront's JavaScript only, within the budget, compressed; products on screen", async () => {
    const loads = await firstLoads(server, "/", "main .card h2 a[href^='/product/']");
    report("the catalog (/)", loads);
    const [load] = loads as [FirstLoad];
    const scripts = scriptsOf(load);
    expect(scripts.length).toBeGreaterThan(0);
    // No admin code, no GraphQL IDE.
    expect(scripts.filter((s) => /admin|graphiql|monaco|worker/i.test(s.url))).toEqual([]);
    // No admin document: none of the admin's operations is named in the scripts.
    const code = (await Promise.all(scripts.map(async (s) => (await fetch(s.url)).text()))).join("\n");
    const admin = adminOperations();
    expect(admin.length).toBeGreaterThan(10);
    const named = (name: string) => new RegExp(`value:[\`"']${name}[\`"']|(query|mutation) ${name}\\b`).test(code);
    expect(admin.filter(named)).toEqual([]);
    expect(named("Products")).toBe(true); // (as a storefront operation is)
    // Every script but the smallest (under the server's 1 kB threshold) is compressed: brotli or gzip.
    expect(scripts.filter((s) => s.bytes > 2048 && !/^(br|gzip)$/.test(s.encoding))).toEqual([]);
    expect(bytes(scripts)).toBeLessThanOrEqual(SCRIPT_BUDGET);
    // The page's first query is sent once, before the shop's code has loaded, and its answer used.
    expect(load.operations.filter((o) => o === "Products")).toEqual(["Products"]);
    expect(load.operations[0]).toBe("Products");
    // Speed is measured, not asserted: only a bound no healthy run comes near.
    expect(load.productsAt).toBeLessThan(20_000);
  });

  test("a product page: within the same budget; the product on screen", async () => {
    const loads = await firstLoads(server, `/product/${product}`, "main h1");
    report("a product page", loads);
    const [load] = loads as [FirstLoad];
    const scripts = scriptsOf(load);
    expect(scripts.filter((s) => /admin|graphiql|monaco|worker/i.test(s.url))).toEqual([]);
    expect(bytes(scripts)).toBeLessThanOrEqual(SCRIPT_BUDGET);
    expect(load.operations.filter((o) => o === "Product")).toEqual(["Product"]);
    expect(load.operations[0]).toBe("Product");
    expect(load.productsAt).toBeLessThan(20_000);
  });
});
