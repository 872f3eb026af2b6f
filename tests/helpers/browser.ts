import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { ROOT } from "./test-server";

/** Debian's Chromium; the browser tests fail (never skip) when it is missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOTS = path.join(ROOT, "test-results", "screenshots");

/** Signs in on the shop's sign-in page at `url` (e.g. `/login?next=/admin`) with an email and password. */
export async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function openBrowser(
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page; errors: string[]; close: () => Promise<void> }> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "sw-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  // Script errors and console errors fail the tests that check `errors` (a 404 page's own status is expected).
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && !/status of 404/.test(m.text()) && errors.push(`console: ${m.text()}`));
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot of the whole page as a test artefact (test-results/ is git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0)); // else the sticky header lands mid-picture
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core in the page; returns the serious and critical violations (id and the elements). */
export async function seriousA11yViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  // Evaluated by the browser's debugging protocol, which the page's Content-Security-Policy doesn't govern (a
  // <script> tag would be refused by script-src 'self', as it should be).
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    return axe.run(document);
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
}

/** Someone to deliver to, as a shopper types them into the checkout form. */
export interface CheckoutDetails {
  email: string;
  name: string;
  street: string;
  city: string;
  postalCode: string;
  country: string;
}

/** Fills the checkout form's contact and shipping fields, found by their labels. */
export async function fillCheckout(page: Page, who: CheckoutDetails): Promise<void> {
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Full name").fill(who.name);
  await page.getByLabel("Street address").fill(who.street);
  await page.getByLabel("Town or city").fill(who.city);
  await page.getByLabel("Postal code").fill(who.postalCode);
  await page.getByLabel("Country").selectOption(who.country);
}
