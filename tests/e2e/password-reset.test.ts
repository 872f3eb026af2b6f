import { fillCheckout, openBrowser, screenshot, seriousA11yViolations, signIn } from "../helpers/browser";
import { ShopperClient } from "../helpers/client";
import { resetLinkIn, TestSmtp, type ReceivedMail } from "../helpers/smtp";
import { engines, freePort, startTestServer, type TestServer } from "../helpers/test-server";

jest.setTimeout(180_000);

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { id } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;
const LOGOUT = `mutation { logout }`;
const ME = `query { me { email } }`;

const OLD_PASSWORD = "correct horse battery staple 42";
const NEW_PASSWORD = "purple walrus juggles seven lanterns";
const NEWER_PASSWORD = "quiet otter paints the harbour blue";
const OWNER = { email: "boss@teashop.example", password: "owner password 1" };

/** Signs in through the sign-in page (?next= where to land). */
/**
 * The store sends through a real SMTP server on loopback. Its PUBLIC_URL is its own address (a port chosen
 * before it starts), which the reset links start with.
 */
describe.each(engines)("password reset, change and the outbox in Chromium [%s]", (engine) => {
  let smtp: TestSmtp;
  let server: TestServer;
  const url = (p: string) => `${server.url}${p}`;

  beforeAll(async () => {
    smtp = await TestSmtp.start();
    const port = await freePort();
    server = await startTestServer(engine, smtp.env({ MAIL_MAX_ATTEMPTS: "2", PUBLIC_URL: `http://127.0.0.1:${port}` }), { port });
    await server.app.services.accounts.upsertAdmin(OWNER.email, OWNER.password);
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
  });

  /** A customer registered through the API, then signed out (the browser never had their session). */
  async function customer(name: string, email: string): Promise<ShopperClient> {
    const api = server.client();
    await api.ok(REGISTER, { input: { name, email, password: OLD_PASSWORD } });
    await api.ok(LOGOUT);
    return api;
  }

  test("a customer who forgot their password gets a link by email, chooses a new one and is signed in; the link works once", async () => {
    const email = "ada@example.com";
    await customer("Ada Lovelace", email);
    // Signed in elsewhere (another device) with the old password: the reset ends that session.
    const otherDevice = server.client();
    await otherDevice.ok(LOGIN, { email, password: OLD_PASSWORD });
    const { page, errors, close } = await openBrowser();
    try {
      await page.goto(url("/login"));
      await page.getByRole("link", { name: "Forgot your password?" }).click();
      await page.getByRole("heading", { name: "Forgot your password?" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/forgot-password");
      await page.getByLabel("Email").fill(email);
      await page.getByRole("button", { name: "Send reset link" }).click();
      await page.getByRole("status").waitFor();
      expect(await page.getByRole("status").textContent()).toBe(
        `If an account exists for ${email}, we've sent it a link to choose a new password. The link works for 1 hour.`,
      );
      await screenshot(page, `${engine}-forgot-password-sent`);
      expect(await seriousA11yViolations(page)).toEqual([]);

      const resetMail = (m: ReceivedMail) => m.to.includes(email) && Boolean(resetLinkIn(m));
      await smtp.waitFor((all) => all.some(resetMail), 10_000, "the reset email");
      const link = resetLinkIn(smtp.messages.find(resetMail)!)!;
      expect(link.startsWith(`${server.url}/reset-password#token=`)).toBe(true);

      await page.goto(link);
      await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
      // Too easy to guess: the reason shows at the field, and the link still works.
      await page.getByLabel("New password").fill("password123");
      await page.getByRole("button", { name: "Set new password" }).click();
      const field = page.getByRole("textbox", { name: "New password", description: /too easy to guess/ });
      await field.waitFor();
      expect(await field.getAttribute("aria-invalid")).toBe("true");
      expect(await field.getAttribute("autocomplete")).toBe("new-password");
      expect(await field.getAttribute("type")).toBe("password");
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.getByLabel("New password").fill(NEW_PASSWORD);
      await page.getByRole("button", { name: "Set new password" }).click();
      await page.getByRole("heading", { name: "Your account" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/account");
      await page.getByText("Your password was changed, and you're signed in.").waitFor();
      expect(await page.getByRole("status").textContent()).toBe("Your password was changed, and you're signed in.");
      expect(await page.getByTestId("account-email").textContent()).toBe(email);
      await page.getByRole("button", { name: "Sign out" }).waitFor();
      await screenshot(page, `${engine}-account-after-reset`);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // The old password no longer signs in, the new one does, and the other device was signed out.
      expect((await server.client().fails(LOGIN, { email, password: OLD_PASSWORD })).code).toBe("INVALID_CREDENTIALS");
      await server.client().ok(LOGIN, { email, password: NEW_PASSWORD });
      expect((await otherDevice.ok(ME)).me).toBeNull();

      // The same link again: used up (the server says so when it is tried), with the way to a new one.
      await page.goto(link);
      await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
      await page.getByLabel("New password").fill(NEWER_PASSWORD);
      await page.getByRole("button", { name: "Set new password" }).click();
      await page.getByRole("alert").waitFor();
      expect(await page.getByRole("alert").textContent()).toMatch(/already been used or is not valid/);
      expect(await page.getByLabel("New password").count()).toBe(0);
      await page.getByRole("link", { name: "Ask for a new link" }).click();
      await page.getByRole("heading", { name: "Forgot your password?" }).waitFor();

      // A link cut short (no token): said at once.
      await page.goto(url("/reset-password"));
      await page.getByRole("alert").waitFor();
      expect(await page.getByRole("alert").textContent()).toMatch(/not complete/);
      await page.getByRole("link", { name: "Ask for a new link" }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("a customer changes their password on the account page; a wrong current password is said at its field", async () => {
    const email = "grace@example.com";
    await customer("Grace Hopper", email);
    const otherDevice = server.client();
    await otherDevice.ok(LOGIN, { email, password: OLD_PASSWORD });
    const { page, errors, close } = await openBrowser();
    try {
      // A guest is asked to sign in, and comes back here.
      await page.goto(url("/account"));
      await page.getByRole("heading", { name: "Your account" }).waitFor();
      await page.locator("#main").getByRole("link", { name: "Sign in" }).click();
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(OLD_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "Change password" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/account");
      expect(await page.getByTestId("account-email").textContent()).toBe(email);

      await page.getByLabel("Current password").fill("not my password at all");
      await page.getByLabel("New password").fill(NEWER_PASSWORD);
      await page.getByRole("button", { name: "Change password" }).click();
      const current = page.getByRole("textbox", { name: "Current password", description: "That is not your current password" });
      await current.waitFor();
      expect(await current.getAttribute("aria-invalid")).toBe("true");
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.getByLabel("Current password").fill(OLD_PASSWORD);
      await page.getByRole("button", { name: "Change password" }).click();
      await page.getByRole("status").waitFor();
      expect(await page.getByRole("status").textContent()).toBe(
        "Your password was changed. You're still signed in here; other devices were signed out.",
      );
      expect(await page.getByLabel("Current password").inputValue()).toBe("");
      expect(await page.getByLabel("New password").inputValue()).toBe("");
      await screenshot(page, `${engine}-account-password-changed`);
      expect((await otherDevice.ok(ME)).me).toBeNull();
      await server.client().ok(LOGIN, { email, password: NEWER_PASSWORD });

      // Still signed in here; My orders links back to the account page.
      await page.locator("#main").getByRole("link", { name: "My orders" }).click();
      await page.getByRole("heading", { name: "My orders" }).waitFor();
      await page.getByRole("link", { name: "Change your password" }).click();
      await page.getByRole("heading", { name: "Change password" }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("the owner finds failed emails from the dashboard and resends one; shipping with a tracking number shows it to the shopper", async () => {
    const ids = await server.seed([{ sku: "TEAPOT", name: "Blue Teapot", stock: 5 }]);
    const owner = await openBrowser();
    const shopper = await openBrowser();
    const { page } = owner;
    try {
      // The mail server refuses everything while the shopper orders: both order emails fail (2 attempts each).
      smtp.reject = { code: 550, message: "Mailbox unavailable" };
      await shopper.page.goto(url(`/product/${ids.TEAPOT}`));
      await shopper.page.getByRole("button", { name: "Add to cart", exact: true }).click();
      await shopper.page.getByText("Added to your cart.").waitFor();
      await shopper.page.goto(url("/checkout"));
      await fillCheckout(shopper.page, {
        email: "buyer@example.com",
        name: "Katherine Johnson",
        street: "1 Langley Road",
        city: "Hampton",
        postalCode: "23666",
        country: "US",
      });
      await shopper.page.getByRole("button", { name: "Place order" }).click();
      await shopper.page.getByRole("heading", { name: "Thank you for your order!" }).waitFor();
      const number = (await shopper.page.getByTestId("order-number").textContent())!;
      const orderUrl = shopper.page.url();
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        const [row] = await server.dataSource.query(`SELECT COUNT(*) AS n FROM email_message WHERE status = 'FAILED'`);
        if (Number(row.n) === 2) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      smtp.reject = null;

      await signIn(page, url("/login?next=/admin"), OWNER.email, OWNER.password);
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      expect(await page.getByText("Email is not configured").count()).toBe(0);
      await page.getByRole("link", { name: "2 emails could not be sent" }).click();
      await page.getByRole("heading", { name: "Emails" }).waitFor();
      expect(new URL(page.url()).search).toBe("?status=FAILED");
      expect(await page.getByLabel("Status").inputValue()).toBe("FAILED");
      await page
        .getByRole("cell", { name: /Mailbox unavailable/ })
        .first()
        .waitFor();
      expect(await page.getByTestId("email-status").allTextContents()).toEqual(["Failed", "Failed"]);
      await screenshot(page, `${engine}-admin-emails-failed`);
      expect(await seriousA11yViolations(page)).toEqual([]);

      const received = smtp.messages.length;
      await page.getByRole("button", { name: /^Resend .* to buyer@example\.com$/ }).click();
      await page.getByText(/to buyer@example\.com will be sent again\./).waitFor();
      await smtp.waitFor((all) => all.length > received && all.slice(received).some((m) => m.to.includes("buyer@example.com")));
      // The list (failed only) now holds the other one.
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="email-status"]').length === 1);
      await page.getByLabel("Status").selectOption("");
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="email-status"]').length >= 2);
      expect(new URL(page.url()).search).toBe("");

      await page.getByRole("link", { name: "Dashboard" }).click();
      await page.getByRole("link", { name: "1 email could not be sent" }).waitFor();

      // Shipping with a tracking number and a note.
      await page.getByRole("link", { name: "Orders", exact: true }).click();
      await page.getByRole("link", { name: number }).click();
      await page.getByRole("heading", { name: `Order ${number}` }).waitFor();
      await page.getByLabel("Tracking number").fill("1Z999AA10123456784");
      await page.getByLabel("Note for the customer").fill("Packed with extra straw");
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "Mark as shipped" }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="admin-order-status"]')?.textContent === "Shipped");
      expect(await page.getByTestId("admin-tracking-number").textContent()).toBe("1Z999AA10123456784");
      expect(await page.getByLabel("Tracking number").count()).toBe(0);
      await page.getByText(/Tracking number 1Z999AA10123456784\. Packed with extra straw/).waitFor();
      await smtp.waitFor((all) => all.some((m) => m.to.includes("buyer@example.com") && m.text.includes("1Z999AA10123456784")));

      await shopper.page.goto(orderUrl);
      await shopper.page.getByTestId("order-status").waitFor();
      expect(await shopper.page.getByTestId("order-status").textContent()).toBe("Shipped");
      expect(await shopper.page.getByText("Tracking number:").textContent()).toBe("Tracking number: 1Z999AA10123456784");
      expect(owner.errors).toEqual([]);
      expect(shopper.errors).toEqual([]);
    } finally {
      smtp.reject = null;
      await owner.close();
      await shopper.close();
    }
  });

  test("the dashboard warns when the store has no mail server", async () => {
    const bare = await startTestServer(engine);
    try {
      const { page, errors, close } = await openBrowser();
      try {
        await bare.app.services.accounts.upsertAdmin(OWNER.email, OWNER.password);
        await signIn(page, `${bare.url}/login?next=/admin`, OWNER.email, OWNER.password);
        await page.getByRole("heading", { name: "Dashboard" }).waitFor();
        await page
          .getByText(
            "Email is not configured: order confirmations, alerts and password resets wait in the outbox until SMTP_URL and MAIL_FROM are set.",
          )
          .waitFor();
        expect(await page.getByText("could not be sent").count()).toBe(0);
        expect(await seriousA11yViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    } finally {
      await bare.stop();
    }
  });
});
