import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { startServerProcess, type RunningServer } from "../helpers/cli";
import { ShopperClient } from "../helpers/client";
import { ADD, PLACE_ORDER, orderInput } from "../helpers/operations";
import { TestSmtp, type ReceivedMail } from "../helpers/smtp";
import { adminClient, engines, scratchDatabase, startTestServer, type TestServer } from "../helpers/test-server";

const MOVE = `mutation($id: ID!, $status: OrderStatus!, $trackingNumber: String, $note: String) {
  updateOrderStatus(id: $id, status: $status, trackingNumber: $trackingNumber, note: $note) { id status trackingNumber } }`;
const MY_ORDER = `query($id: ID!) { order(id: $id) { id status trackingNumber } }`;
const OUTBOX = `query { emailOutbox { delivery pending failed } }`;
const EMAILS = `query($status: EmailStatus, $orderId: ID) { emails(status: $status, orderId: $orderId, first: 100) {
  totalCount nodes { id kind to subject status attempts lastError sentAt } } }`;
const RESEND = `mutation($id: ID!) { resendEmail(id: $id) { id status attempts } }`;

const MANUAL = {
  MANUAL_PAYMENT_NAME: "Bank transfer",
  MANUAL_PAYMENT_INSTRUCTIONS: "Pay to IBAN GB33 BUKB 2020 1555 5555 55\nReference: your order number",
};
const OWNERS = ["owner@teashop.example", "partner@teashop.example"];

const adminOf = (server: TestServer) => adminClient(server, `boss${Math.random().toString(36).slice(2, 8)}@teashop.example`);

/** A shopper with `quantity` of the product in the cart, checking out as `email`. */
async function order(
  server: TestServer | { client(): ShopperClient },
  productId: string,
  email: string,
  extra: Record<string, unknown> = {},
) {
  const shopper = server.client();
  await shopper.ok(ADD, { productId, quantity: 2 });
  const { placeOrder } = await shopper.ok(PLACE_ORDER, { input: orderInput({ email, ...extra }) });
  return { shopper, order: placeOrder as { id: string; number: string; status: string; total: { amount: number } } };
}

const rowsOf = async (server: TestServer, orderId: string) =>
  (await server.dataSource.query(`SELECT kind, status, recipients FROM email_message WHERE order_id = ? ORDER BY kind`, [orderId])) as {
    kind: string;
    status: string;
    recipients: string;
  }[];

/** Both parts of a message contain every one of `texts`. */
function expectInBothParts(mail: ReceivedMail, ...texts: string[]) {
  for (const t of texts) {
    expect(mail.text).toContain(t);
    expect(mail.html).toContain(t);
  }
}

/** Waits until the sender has nothing due left (every message SENT or FAILED), then a little more. */
async function settled(server: TestServer, ms = 400) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const [row] = await server.dataSource.query(`SELECT COUNT(*) AS n FROM email_message WHERE status IN ('PENDING', 'SENDING')`);
    if (Number(row.n) === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, ms));
}

describe.each(engines)("email [%s]", (engine) => {
  let smtp: TestSmtp;
  let server: TestServer;
  let admin: ShopperClient;
  let ids: Record<string, string>;

  beforeAll(async () => {
    smtp = await TestSmtp.start();
    server = await startTestServer(engine, smtp.env(MANUAL));
    admin = await adminOf(server);
    ids = await server.seed([
      { sku: "KETTLE", name: "Kettle <Steel & Copper>", price: 4599, stock: 100 },
      { sku: "LAST", name: "Last One", price: 1500, stock: 1 },
    ]);
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
  });
  beforeEach(() => {
    smtp.reject = null;
  });

  test("a paid order sends exactly one confirmation to the shopper and one alert to the owners, with the number and totals in both parts", async () => {
    const { order: placed } = await order(server, ids.KETTLE, "ada@example.com");
    expect(placed.status).toBe("PAID");
    await smtp.waitFor((all) => all.some((m) => m.subject.includes(placed.number) && m.to.includes(OWNERS[0])));
    await settled(server);

    const confirmations = smtp.to("ada@example.com").filter((m) => m.subject.includes(placed.number));
    expect(confirmations).toHaveLength(1);
    const [confirmation] = confirmations;
    expect(confirmation.subject).toBe(`Your order ${placed.number} at Tea & Co`);
    expect(confirmation.parsed.from?.text).toBe('"Tea & Co" <orders@teashop.example>');
    // 2 × $45.99 = $91.98; free shipping above $50.
    expectInBothParts(confirmation, placed.number, "$91.98", "$45.99", "Ada Lovelace", "United Kingdom", "1 High Street, Bath");
    expect(confirmation.text).toContain("Kettle <Steel & Copper>");
    expect(confirmation.html).toContain("Kettle &lt;Steel &amp; Copper&gt;");
    expect(confirmation.text).toContain(`http://shop.test/order/${placed.id}`);

    const alerts = smtp.messages.filter((m) => m.subject.startsWith(`New order ${placed.number}`));
    expect(alerts).toHaveLength(1);
    expect(alerts[0].to.sort()).toEqual([...OWNERS].sort());
    expect(alerts[0].subject).toBe(`New order ${placed.number}: $91.98`);
    expectInBothParts(alerts[0], "ada@example.com", "$91.98");

    expect(await rowsOf(server, placed.id)).toEqual([
      { kind: "NEW_ORDER_ALERT", status: "SENT", recipients: OWNERS.join(",") },
      { kind: "ORDER_CONFIRMATION", status: "SENT", recipients: "ada@example.com" },
    ]);
  });

  test("shipping the order sends the shipped email with the tracking number and note; the shopper sees the number", async () => {
    const { shopper, order: placed } = await order(server, ids.KETTLE, "grace@example.com");
    const { updateOrderStatus } = await admin.ok(MOVE, {
      id: placed.id,
      status: "SHIPPED",
      trackingNumber: "1Z999AA10123456784",
      note: "Sent with Royal Mail.\nPlease allow two days.",
    });
    expect(updateOrderStatus).toMatchObject({ status: "SHIPPED", trackingNumber: "1Z999AA10123456784" });
    expect((await shopper.ok(MY_ORDER, { id: placed.id })).order.trackingNumber).toBe("1Z999AA10123456784");

    const [shipped] = (
      await smtp.waitFor((all) => all.some((m) => m.subject.includes("is on its way") && m.subject.includes(placed.number)))
    ).filter((m) => m.subject.includes("is on its way") && m.subject.includes(placed.number));
    expect(shipped.to).toEqual(["grace@example.com"]);
    expectInBothParts(shipped, "1Z999AA10123456784", "Sent with Royal Mail.", "Please allow two days.", placed.number);
    // A tracking number belongs with shipping only.
    const other = await order(server, ids.KETTLE, "grace@example.com");
    const refused = await admin.fails(MOVE, { id: other.order.id, status: "CANCELLED", trackingNumber: "X1" });
    expect(refused).toMatchObject({ code: "BAD_USER_INPUT", extensions: { field: "trackingNumber" } });
    expect((await rowsOf(server, other.order.id)).map((r) => r.kind)).toEqual(["NEW_ORDER_ALERT", "ORDER_CONFIRMATION"]);
  });

  test("a manual payment is confirmed at checkout with how to pay; cancelling it says nothing was charged", async () => {
    const { order: placed } = await order(server, ids.KETTLE, "hopper@example.com", { payment: { provider: "manual" } });
    expect(placed.status).toBe("PENDING_PAYMENT");
    await smtp.waitFor(
      (all) =>
        all.some((m) => m.subject === `New order ${placed.number}: $91.98 (awaiting payment)`) && smtp.to("hopper@example.com").length > 0,
    );
    const [confirmation] = smtp.to("hopper@example.com");
    expectInBothParts(confirmation, "IBAN GB33 BUKB 2020 1555 5555 55", "Bank transfer", placed.number);
    expect(confirmation.text).toMatch(/IBAN GB33 BUKB 2020 1555 5555 55\s*\n\s*Reference: your order number/);

    await admin.ok(MOVE, { id: placed.id, status: "CANCELLED" });
    const cancelled = (
      await smtp.waitFor((all) => all.some((m) => m.subject.includes(`${placed.number} at Tea & Co was cancelled`)))
    ).filter((m) => m.subject.includes("was cancelled") && m.subject.includes(placed.number));
    expect(cancelled).toHaveLength(1);
    expectInBothParts(cancelled[0], "Nothing was charged");
  });

  test("cancelling a paid order sends the cancellation, then the refund once the provider confirms it", async () => {
    const { order: placed } = await order(server, ids.KETTLE, "lamarr@example.com");
    const { updateOrderStatus } = await admin.ok(MOVE, { id: placed.id, status: "CANCELLED" });
    expect(updateOrderStatus.status).toBe("REFUNDED");
    await smtp.waitFor((all) => all.filter((m) => m.to.includes("lamarr@example.com")).length === 3);
    const mails = smtp.to("lamarr@example.com");
    const [confirmation, cancelled, refunded] = ["Your order", "was cancelled", "Your refund"].map((s) =>
      mails.find((m) => m.subject.includes(s))!,
    );
    expect(confirmation.subject).toBe(`Your order ${placed.number} at Tea & Co`);
    expect(cancelled.subject).toBe(`Your order ${placed.number} at Tea & Co was cancelled`);
    expectInBothParts(cancelled, "$91.98 is being refunded");
    expect(refunded.subject).toBe(`Your refund for order ${placed.number} at Tea & Co`);
    expectInBothParts(refunded, "refunded $91.98");
  });

  test("an order that doesn't happen sends nothing: a declined card, and a checkout that loses the stock race", async () => {
    const before = Number((await server.dataSource.query(`SELECT COUNT(*) AS n FROM email_message`))[0].n);
    const declined = server.client();
    await declined.ok(ADD, { productId: ids.KETTLE, quantity: 1 });
    const refusal = await declined.fails(PLACE_ORDER, {
      input: orderInput({ email: "declined@example.com", payment: { provider: "test", token: "pm_card_chargeDeclined" } }),
    });
    expect(refusal.code).toBe("PAYMENT_DECLINED");

    // Two shoppers, one unit, manual payment (the order and its emails would be written in one transaction).
    const a = server.client();
    const b = server.client();
    await a.ok(ADD, { productId: ids.LAST, quantity: 1 });
    await b.ok(ADD, { productId: ids.LAST, quantity: 1 });
    const results = await Promise.all(
      [a, b].map((s, i) => s.gql(PLACE_ORDER, { input: orderInput({ email: `race${i}@example.com`, payment: { provider: "manual" } }) })),
    );
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === "OUT_OF_STOCK")).toHaveLength(1);
    const winner = results.findIndex((r) => !r.errors);
    await settled(server);
    const after = Number((await server.dataSource.query(`SELECT COUNT(*) AS n FROM email_message`))[0].n);
    expect(after - before).toBe(2); // the winner's confirmation and alert, nothing else
    expect(smtp.to("declined@example.com")).toHaveLength(0);
    expect(smtp.to(`race${1 - winner}@example.com`)).toHaveLength(0);
    expect(smtp.to(`race${winner}@example.com`)).toHaveLength(1);
  });

  test("a message written in a transaction that rolls back is never sent; the same write committed is", async () => {
    const { email, tx } = server.app.services;
    const changed = { name: "Ada", changedAt: new Date().toISOString(), resetLink: null };
    await expect(
      tx.run(async () => {
        await email.passwordChanged("rollback@example.com", changed);
        throw new Error("the change failed after its email was written");
      }),
    ).rejects.toThrow("the change failed");
    await tx.run(() => email.passwordChanged("committed@example.com", changed));
    await smtp.waitFor((all) => all.some((m) => m.to.includes("committed@example.com")));
    await settled(server);
    expect(await server.dataSource.query(`SELECT id FROM email_message WHERE recipients = ?`, ["rollback@example.com"])).toEqual([]);
    expect(smtp.to("rollback@example.com")).toHaveLength(0);
  });

  test("with the mail server down, checkout still succeeds; the confirmation goes out when it is back", async () => {
    await smtp.stop();
    try {
      const { order: placed } = await order(server, ids.KETTLE, "turing@example.com");
      expect(placed.status).toBe("PAID");
      // At least one attempt failed, and the message waits to be tried again.
      const deadline = Date.now() + 10_000;
      let rows: { status: string; last_error: string | null; attempts: number }[] = [];
      while (Date.now() < deadline) {
        rows = await server.dataSource.query(
          `SELECT status, last_error, attempts FROM email_message WHERE order_id = ? AND kind = 'ORDER_CONFIRMATION'`,
          [placed.id],
        );
        if (rows[0]?.last_error) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(rows[0].last_error).toMatch(/ECONNREFUSED|connect/i);
      expect(["PENDING", "SENDING"]).toContain(rows[0].status);
      const { emailOutbox } = await admin.ok(OUTBOX);
      expect(emailOutbox.delivery).toBe("SMTP");
      expect(emailOutbox.pending).toBeGreaterThanOrEqual(1);
    } finally {
      await smtp.start();
    }
    const [mail] = (await smtp.waitFor((all) => all.some((m) => m.to.includes("turing@example.com")), 15_000)).filter((m) =>
      m.to.includes("turing@example.com"),
    );
    expect(mail.subject).toContain("Your order");
    await settled(server);
    expect(smtp.to("turing@example.com")).toHaveLength(1);
  });
});

describe.each(engines)("email failures and processes [%s]", (engine) => {
  let smtp: TestSmtp;
  let server: TestServer;
  let admin: ShopperClient;
  let ids: Record<string, string>;
  const processes: RunningServer[] = [];

  beforeAll(async () => {
    smtp = await TestSmtp.start();
    server = await startTestServer(engine, smtp.env({ MAIL_MAX_ATTEMPTS: "3", STORE_OWNER_EMAIL: "" }));
    admin = await adminOf(server);
    ids = await server.seed([{ sku: "TEA", name: "Tea", price: 999, stock: 1000 }]);
  });
  afterAll(async () => {
    for (const p of processes) await p.stop();
    await server?.stop();
    await smtp?.stop();
  });

  test("a message the mail server refuses is retried, then shown as failed with the error; Resend delivers it", async () => {
    smtp.reject = { code: 550, message: "Mailbox unavailable" };
    const { order: placed } = await order(server, ids.TEA, "refused@example.com");
    const deadline = Date.now() + 10_000;
    let failed: { id: string; status: string; attempts: number; lastError: string }[] = [];
    while (Date.now() < deadline && !failed.length) {
      failed = (await admin.ok(EMAILS, { status: "FAILED", orderId: placed.id })).emails.nodes;
      if (!failed.length) await new Promise((r) => setTimeout(r, 100));
    }
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ status: "FAILED", attempts: 3 });
    expect(failed[0].lastError).toMatch(/550.*Mailbox unavailable/);
    expect((await admin.ok(OUTBOX)).emailOutbox.failed).toBeGreaterThanOrEqual(1);
    expect(smtp.to("refused@example.com")).toHaveLength(0);

    smtp.reject = null;
    const { resendEmail } = await admin.ok(RESEND, { id: failed[0].id });
    expect(resendEmail).toMatchObject({ status: "PENDING", attempts: 0 });
    const [mail] = (await smtp.waitFor((all) => all.some((m) => m.to.includes("refused@example.com")))).filter((m) =>
      m.to.includes("refused@example.com"),
    );
    expect(mail.subject).toContain(placed.number);
    await settled(server);
    expect(smtp.to("refused@example.com")).toHaveLength(1);
    expect((await admin.ok(EMAILS, { status: "FAILED", orderId: placed.id })).emails.totalCount).toBe(0);
    // Only a failed message can be resent: this one is SENT now.
    expect(await admin.fails(RESEND, { id: failed[0].id })).toMatchObject({ code: "BAD_USER_INPUT", extensions: { field: "id" } });
  });

  test("two server processes on one database deliver each message exactly once, even from a slow mail server", async () => {
    // Their own database, so only these two processes send from it.
    const scratch = await scratchDatabase(engine);
    try {
      const env = {
        // A claim of 2 s, while each message takes the mail server 300 ms: a round of 10 outlasts its claim
        // unless each message's claim is renewed before it is sent.
        ...smtp.env({
          STORE_OWNER_EMAIL: "alerts@teashop.example",
          MAIL_POLL_MS: "50",
          MAIL_RETRY_BASE_MS: "50",
          MAIL_MAX_ATTEMPTS: "50",
          MAIL_CLAIM_MS: "2000",
        }),
        DATABASE_URL: scratch.url,
        ENABLE_TEST_PAYMENTS: "true",
        SCRYPT_LOG_N: "12",
        RATE_LIMITS: "api=1000000/60,mutation=1000000/60,checkout=1000000/60",
      };
      processes.push(await startServerProcess({ ...env, SEED_DEMO: "true" }));
      processes.push(await startServerProcess({ ...env, SEED_DEMO: "false" }));
      const { products } = await new ShopperClient(processes[0].url).ok(`query { products(first: 50) { nodes { id stock } } }`);
      const productId = products.nodes.find((p: { stock: number }) => p.stock >= 20).id;
      const before = smtp.messages.length;
      // With the mail server down, both processes pile up due messages and keep trying them at the same moments.
      await smtp.stop();
      const placed = await Promise.all(
        Array.from({ length: 10 }, async (_, i) => {
          const { order: o } = await order({ client: () => new ShopperClient(processes[i % 2].url) }, productId, `twin${i}@example.com`);
          return o.number;
        }),
      );
      await new Promise((r) => setTimeout(r, 300));
      smtp.delayMs = 300;
      await smtp.start();
      await smtp.waitFor((all) => all.length - before >= 20, 30_000, "20 emails");
      await new Promise((r) => setTimeout(r, 1000));
      const received = smtp.messages.slice(before);
      expect(received).toHaveLength(20);
      expect(new Set(received.map((m) => m.messageId)).size).toBe(20);
      for (const number of placed) expect(received.filter((m) => m.subject.includes(number))).toHaveLength(2);
    } finally {
      smtp.delayMs = 0;
      for (const p of processes.splice(0)) await p.stop();
      await scratch.drop();
    }
  });
});

describe.each(engines)("email without SMTP [%s]", (engine) => {
  test("in demo mode the messages are written as .eml files under the outbox folder", async () => {
    const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "sw-outbox-"));
    const server = await startTestServer(engine, { DEMO: "true", MAIL_OUTBOX_DIR: outbox, STORE_NAME: "Demo Tea", MAIL_POLL_MS: "100" });
    try {
      const [id] = Object.values(await server.seed([{ sku: "MUG", name: "Mug", price: 1200, stock: 5 }]));
      const { order: placed } = await order(server, id, "newcomer@example.com");
      const deadline = Date.now() + 10_000;
      let files: string[] = [];
      while (Date.now() < deadline && files.length < 2) {
        files = fs.readdirSync(outbox).filter((f) => f.endsWith(".eml"));
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(files).toHaveLength(2); // the confirmation, and the alert to the demo owner
      const mails = await Promise.all(files.map(async (f) => simpleParser(fs.readFileSync(path.join(outbox, f)))));
      const confirmation = mails.find((m) => m.subject === `Your order ${placed.number} at Demo Tea`)!;
      expect(confirmation.text).toContain("$24.00");
      expect((confirmation.to as { text: string }).text).toBe("newcomer@example.com");
      expect(mails.find((m) => m.subject?.startsWith("New order"))?.to).toMatchObject({ text: "owner@example.com" });
      expect((await server.app.services.email.state()).transport).toBe("files");
    } finally {
      await server.stop();
      fs.rmSync(outbox, { recursive: true, force: true });
    }
  });

  test("outside demo mode without SMTP_URL the store works and the messages wait; the admin is told", async () => {
    const server = await startTestServer(engine, { MAIL_POLL_MS: "50" });
    try {
      const admin = await adminOf(server);
      const [id] = Object.values(await server.seed([{ sku: "MUG", name: "Mug", price: 1200, stock: 5 }]));
      const { order: placed } = await order(server, id, "waiting@example.com");
      expect(placed.status).toBe("PAID");
      await new Promise((r) => setTimeout(r, 300));
      expect(await rowsOf(server, placed.id)).toEqual([
        { kind: "ORDER_CONFIRMATION", status: "PENDING", recipients: "waiting@example.com" },
      ]);
      expect((await admin.ok(OUTBOX)).emailOutbox).toEqual({ delivery: "NOT_CONFIGURED", pending: 1, failed: 0 });
      // A server process started so says it in its log, with what waits.
      const started = await startServerProcess({ DATABASE_URL: server.databaseUrl, SEED_DEMO: "false" });
      await started.stop();
      const warning = started
        .output()
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l))
        .find((l) => /Email is not configured/.test(l.msg));
      expect(warning).toMatchObject({ level: 40, waiting: 1 });
    } finally {
      await server.stop();
    }
  });
});
