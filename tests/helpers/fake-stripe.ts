/**
 * A small fake of Stripe for the tests: the parts of its HTTP API the shop uses (Checkout Sessions and Refunds), a
 * hosted payment page with "Pay" and "Cancel" buttons, and signed webhook deliveries. The official `stripe` SDK talks
 * to it on loopback: `new Stripe(fake.secretKey, { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 })`.
 */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import Stripe from "stripe";

export interface FakeStripe {
  /** "http://127.0.0.1:PORT": what STRIPE_API_URL is set to. */
  url: string;
  secretKey: string;
  webhookSecret: string;
  /** Where events are posted; set by the test once the shop server has started. */
  webhookUrl: string | undefined;
  /** Every /v1 answer waits this long first (a slow provider). */
  delayMs: number;
  /** Events are recorded in `dropped` instead of being delivered. */
  dropWebhooks: boolean;
  sessions: Map<string, any>;
  /** The parsed parameters each session was created with (line items, payment_intent_data, ...), by session id. */
  sessionParams: Map<string, any>;
  refunds: Map<string, any>;
  deliveries: { event: any; status: number }[];
  dropped: any[];
  requests: { method: string; path: string }[];
  /** The next `count` matching /v1 requests answer 500; `failNext(0)` clears what is left. */
  failNext(count: number, pathPattern?: RegExp): void;
  failRefunds(count: number, message?: string): void;
  pay(sessionId: string, opts?: { amountTotal?: number; currency?: string; async?: boolean }): Promise<string>;
  asyncResult(sessionId: string, succeeded: boolean): Promise<void>;
  cancelUrl(sessionId: string): string;
  send(type: string, object: any, opts?: { id?: string }): Promise<{ status: number; body: string; event: any }>;
  redeliver(eventId: string): Promise<{ status: number; body: string }>;
  sessionFor(orderId: string): any | undefined;
  /** Waits for the events still being delivered in the background (after an API answer). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

interface Reply {
  status: number;
  body: any;
  /** Injected failures are not stored under the idempotency key, so a retry with the same key can succeed. */
  transient?: boolean;
  /** Runs after the answer is sent (events Stripe emits once the request has completed). */
  after?: () => Promise<unknown>;
}

const now = () => Math.floor(Date.now() / 1000);
const newId = (prefix: string) => `${prefix}_${crypto.randomBytes(12).toString("base64url").replace(/[-_]/g, "0")}`;
const fail = (status: number, type: string, message: string, extra: { code?: string; param?: string } = {}): Reply => ({
  status,
  body: { error: { type, message, ...extra } },
});
const missing = (param: string) =>
  fail(400, "invalid_request_error", `Missing required param: ${param}.`, { code: "parameter_missing", param });
const invalid = (param: string) => fail(400, "invalid_request_error", `Invalid value for ${param}.`, { code: "parameter_invalid", param });
const noSuch = (kind: string, id: string) => fail(404, "invalid_request_error", `No such ${kind}: '${id}'`, { code: "resource_missing" });

/** Parses Stripe's form encoding (`a[b][0][c]=v`) into nested objects and arrays; all values stay strings. */
function parseForm(body: string): any {
  const root: any = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const parts = [key.replace(/\[.*$/, ""), ...[...key.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1])];
    if (parts.includes("__proto__")) continue;
    let node = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value;
      else node = Object.hasOwn(node, part) ? node[part] : (node[part] = /^\d+$/.test(parts[i + 1]) ? [] : {});
    });
  }
  return root;
}

/** Formats minor units as money, e.g. 1234 usd → "$12.34" (0-decimal currencies such as jpy too). */
function money(amount: number, currency: string): string {
  const format = new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

const escapeHtml = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const htmlPage = (heading: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>Pay Shopwright order</title></head><body><main><h1>${escapeHtml(heading)}</h1>${body}</main></body></html>`;

/** Starts the fake on a free loopback port; `stop()` it when done. */
export async function startFakeStripe(opts: { webhookSecret?: string } = {}): Promise<FakeStripe> {
  const idempotent = new Map<string, { fingerprint: string; reply: Reply }>();
  const events = new Map<string, any>();
  const pending = new Set<Promise<unknown>>();
  const failures: { count: number; pattern: RegExp }[] = [];
  /** PaymentIntent statuses by id: processing (a delayed method), succeeded, requires_payment_method (failed). */
  const intentStatus = new Map<string, string>();
  const refundFailures: { count: number; message: string } = { count: 0, message: "" };
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Signs and posts one event to the webhook URL, recording the delivery. */
  async function deliver(event: any): Promise<{ status: number; body: string }> {
    if (!fake.webhookUrl) throw new Error("fake-stripe: webhookUrl is not set");
    const payload = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: fake.webhookSecret });
    let result = { status: 0, body: "" };
    try {
      const res = await fetch(fake.webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": signature, "user-agent": "Stripe/1.0" },
        body: payload,
      });
      result = { status: res.status, body: await res.text() };
    } catch (err) {
      result.body = String(err);
    }
    fake.deliveries.push({ event, status: result.status });
    return result;
  }

  function makeEvent(type: string, object: any, id = newId("evt")): any {
    const data = { object: structuredClone(object) };
    const event = { id, object: "event", api_version: Stripe.API_VERSION, created: now(), data, livemode: false, type };
    events.set(id, event);
    return event;
  }

  /** What Stripe does when something happens: delivers an event, or records it as dropped. */
  async function emit(type: string, object: any): Promise<void> {
    const event = makeEvent(type, object);
    if (fake.dropWebhooks || !fake.webhookUrl) fake.dropped.push(event);
    else await deliver(event);
  }

  function background(work: Promise<unknown>): void {
    const tracked = work.catch(() => undefined).finally(() => pending.delete(tracked));
    pending.add(tracked);
  }

  /** POST /v1/checkout/sessions: a hosted, one-off payment for the given ad-hoc line items. */
  function createSession(p: any): Reply {
    if (p.mode !== "payment") return p.mode ? invalid("mode") : missing("mode");
    const items: any[] = Array.isArray(p.line_items) ? p.line_items : [];
    if (!items.length) return fail(400, "invalid_request_error", "You must provide at least one line item.", { param: "line_items" });
    let total = 0;
    for (const [i, item] of items.entries()) {
      const at = `line_items[${i}]`;
      if (!/^[1-9]\d*$/.test(item.quantity ?? "")) return invalid(`${at}[quantity]`);
      if (!/^\d+$/.test(item.price_data?.unit_amount ?? "")) return invalid(`${at}[price_data][unit_amount]`);
      if (!item.price_data.product_data?.name) return missing(`${at}[price_data][product_data][name]`);
      const currency = String(item.price_data.currency ?? "");
      if (!/^[a-z]{3}$/i.test(currency) || currency.toLowerCase() !== String(items[0].price_data.currency).toLowerCase()) {
        return invalid(`${at}[price_data][currency]`); // also: all line items must share one currency
      }
      total += Number(item.quantity) * Number(item.price_data.unit_amount);
    }
    if (!p.success_url) return missing("success_url");
    const created = now();
    const expiresAt = p.expires_at === undefined ? created + 24 * 3600 : Number(p.expires_at);
    if (!(expiresAt >= created + 30 * 60 - 5 && expiresAt <= created + 24 * 3600 + 5)) {
      const message = "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.";
      return fail(400, "invalid_request_error", message, { param: "expires_at" });
    }
    const id = `cs_test_${crypto.randomBytes(24).toString("hex")}`;
    const session = {
      id,
      object: "checkout.session",
      amount_subtotal: total,
      amount_total: total,
      cancel_url: p.cancel_url ?? null,
      client_reference_id: p.client_reference_id ?? null,
      created,
      currency: items[0].price_data.currency.toLowerCase(),
      customer_email: p.customer_email ?? null,
      expires_at: expiresAt,
      livemode: false,
      metadata: p.metadata ?? {},
      mode: "payment",
      payment_intent: null,
      payment_status: "unpaid",
      status: "open",
      success_url: p.success_url,
      url: `${base}/c/pay/${id}`,
    };
    fake.sessions.set(id, session);
    fake.sessionParams.set(id, p);
    return { status: 200, body: session };
  }

  /** POST /v1/refunds: refunds (part of) the payment of a paid session, identified by its payment_intent. */
  function createRefund(p: any): Reply {
    if (refundFailures.count > 0) {
      refundFailures.count--;
      return { ...fail(400, "invalid_request_error", refundFailures.message, { code: "balance_insufficient" }), transient: true };
    }
    if (!p.payment_intent) return missing("payment_intent");
    const session = [...fake.sessions.values()].find((s) => s.payment_intent === p.payment_intent);
    if (!session) return { ...noSuch("payment_intent", p.payment_intent), status: 400 };
    if (session.payment_status !== "paid") {
      return fail(400, "invalid_request_error", `This PaymentIntent (${p.payment_intent}) does not have a successful charge to refund.`);
    }
    const charge = `ch_${session.payment_intent.slice(3)}`;
    const refunded = [...fake.refunds.values()].filter((r) => r.payment_intent === p.payment_intent).reduce((sum, r) => sum + r.amount, 0);
    const left = session.amount_total - refunded;
    if (left <= 0)
      return fail(400, "invalid_request_error", `Charge ${charge} has already been refunded.`, { code: "charge_already_refunded" });
    const amount = p.amount === undefined ? left : Number(p.amount);
    if (!(amount > 0 && amount <= left)) {
      const message = `Refund amount (${money(amount, session.currency)}) is greater than unrefunded amount on charge (${money(left, session.currency)})`;
      return fail(400, "invalid_request_error", message, { param: "amount" });
    }
    const refund = {
      id: newId("re"),
      object: "refund",
      amount,
      balance_transaction: newId("txn"),
      charge,
      created: now(),
      currency: session.currency,
      metadata: p.metadata ?? {},
      payment_intent: p.payment_intent,
      reason: p.reason ?? null,
      status: "succeeded",
    };
    fake.refunds.set(refund.id, refund);
    return { status: 200, body: refund, after: () => emit("refund.updated", refund) };
  }

  /** Routes one authenticated /v1 request. */
  function route(method: string, path: string, params: any): Reply {
    let m: RegExpMatchArray | null;
    if (method === "POST" && path === "/v1/checkout/sessions") return createSession(params);
    if (method === "GET" && (m = path.match(/^\/v1\/checkout\/sessions\/([^/]+)$/))) {
      return fake.sessions.has(m[1]) ? { status: 200, body: fake.sessions.get(m[1]) } : noSuch("checkout.session", m[1]);
    }
    if (method === "POST" && (m = path.match(/^\/v1\/checkout\/sessions\/([^/]+)\/expire$/))) {
      const session = fake.sessions.get(m[1]);
      if (!session) return noSuch("checkout.session", m[1]);
      if (session.status !== "open") {
        const message = `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`;
        return fail(400, "invalid_request_error", message);
      }
      Object.assign(session, { status: "expired", url: null });
      return { status: 200, body: session, after: () => emit("checkout.session.expired", session) };
    }
    if (method === "POST" && path === "/v1/refunds") return createRefund(params);
    if (method === "GET" && (m = path.match(/^\/v1\/payment_intents\/([^/]+)$/))) {
      const session = [...fake.sessions.values()].find((s) => s.payment_intent === m![1]);
      if (!session) return noSuch("payment_intent", m[1]);
      const intent = {
        id: m[1],
        object: "payment_intent",
        amount: session.amount_total,
        currency: session.currency,
        status: intentStatus.get(m[1]),
      };
      return { status: 200, body: intent };
    }
    if (method === "GET" && (m = path.match(/^\/v1\/refunds\/([^/]+)$/))) {
      return fake.refunds.has(m[1]) ? { status: 200, body: fake.refunds.get(m[1]) } : noSuch("refund", m[1]);
    }
    return fail(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}).`);
  }

  /** The API: delay, authentication, injected failures and idempotency around `route`. */
  async function api(req: http.IncomingMessage, url: URL, raw: string): Promise<Reply & { replayed?: boolean }> {
    const method = req.method ?? "GET";
    fake.requests.push({ method, path: url.pathname });
    if (fake.delayMs > 0) await sleep(fake.delayMs);
    if (!/^Bearer sk_\S+$/.test(req.headers.authorization ?? "")) {
      return fail(401, "invalid_request_error", "Invalid API Key provided. Expected `Authorization: Bearer sk_...`.");
    }
    const rule = failures.find((f) => f.count > 0 && f.pattern.test(url.pathname));
    if (rule) {
      rule.count--;
      return { ...fail(500, "api_error", "Something went wrong on Stripe's end. (fake-stripe: injected failure)"), transient: true };
    }
    const key = method === "POST" ? req.headers["idempotency-key"]?.toString() : undefined;
    const fingerprint = `${method} ${url.pathname} ${raw}`;
    const prior = key ? idempotent.get(key) : undefined;
    if (prior && prior.fingerprint !== fingerprint) {
      const message = `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`;
      return fail(400, "idempotency_error", message);
    }
    if (prior) return { status: prior.reply.status, body: prior.reply.body, replayed: true };
    const reply = route(method, url.pathname, parseForm(raw));
    if (key && !reply.transient) idempotent.set(key, { fingerprint, reply: { status: reply.status, body: structuredClone(reply.body) } });
    return reply;
  }

  /** What the Pay button does: completes the session, sends checkout.session.completed, returns the success URL. */
  async function complete(id: string, o: { amountTotal?: number; currency?: string; async?: boolean } = {}): Promise<string> {
    const session = fake.sessions.get(id);
    if (!session) throw new Error(`fake-stripe: no session ${id}`);
    if (session.status !== "open") throw new Error(`This checkout session is ${session.status} and can no longer be paid.`);
    Object.assign(session, { status: "complete", payment_status: o.async ? "unpaid" : "paid", payment_intent: newId("pi"), url: null });
    intentStatus.set(session.payment_intent, o.async ? "processing" : "succeeded");
    const carried = { ...session };
    if (o.amountTotal !== undefined) Object.assign(carried, { amount_total: o.amountTotal, amount_subtotal: o.amountTotal });
    if (o.currency !== undefined) carried.currency = o.currency;
    await emit("checkout.session.completed", carried);
    return session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", id);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const url = new URL(req.url ?? "/", base);
      const html = (status: number, heading: string, body: string) =>
        res.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(htmlPage(heading, body));
      let m: RegExpMatchArray | null;
      if (url.pathname.startsWith("/v1/")) {
        const reply = await api(req, url, Buffer.concat(chunks).toString("utf8"));
        const headers: http.OutgoingHttpHeaders = {
          "content-type": "application/json",
          "request-id": newId("req"),
          "stripe-version": Stripe.API_VERSION,
        };
        if (reply.replayed) headers["idempotent-replayed"] = "true";
        res.writeHead(reply.status, headers).end(JSON.stringify(reply.body, null, 2));
        if (reply.after && !reply.replayed) background(reply.after());
      } else if (req.method === "GET" && (m = url.pathname.match(/^\/c\/pay\/([^/]+)$/))) {
        const session = fake.sessions.get(m[1]);
        if (!session) return void html(404, "Checkout session not found", "<p>This payment link is not valid.</p>");
        if (session.status !== "open")
          return void html(200, "Pay Shopwright order", `<p>This checkout session is ${escapeHtml(session.status)}.</p>`);
        const lines = fake.sessionParams.get(session.id).line_items.map((item: any) => {
          const price = money(Number(item.quantity) * Number(item.price_data.unit_amount), session.currency);
          return `<li>${escapeHtml(item.price_data.product_data.name)} × ${escapeHtml(item.quantity)}: ${price}</li>`;
        });
        const action = `/c/pay/${encodeURIComponent(session.id)}`;
        const body =
          `<p>Total: <strong>${money(session.amount_total, session.currency)}</strong></p><ul>${lines.join("")}</ul>` +
          `<form method="post" action="${action}/pay"><button type="submit">Pay</button></form>` +
          `<form method="post" action="${action}/cancel"><button type="submit">Cancel</button></form>`;
        html(200, "Pay Shopwright order", body);
      } else if (req.method === "POST" && (m = url.pathname.match(/^\/c\/pay\/([^/]+)\/(pay|cancel)$/))) {
        const session = fake.sessions.get(m[1]);
        if (!session) return void html(404, "Checkout session not found", "<p>This payment link is not valid.</p>");
        if (m[2] === "cancel") return void res.writeHead(303, { location: session.cancel_url ?? base }).end();
        if (session.status !== "open")
          return void html(
            400,
            "Payment failed",
            `<p>This checkout session is ${escapeHtml(session.status)} and can no longer be paid.</p>`,
          );
        res.writeHead(303, { location: await complete(session.id) }).end();
      } else {
        res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      }
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { type: "api_error", message: `fake-stripe: ${String(err)}` } }));
    }
  }

  const fake: FakeStripe = {
    url: base,
    secretKey: "sk_test_fake",
    webhookSecret: opts.webhookSecret ?? "whsec_fake_" + crypto.randomBytes(16).toString("hex"),
    webhookUrl: undefined,
    delayMs: 0,
    dropWebhooks: false,
    sessions: new Map(),
    sessionParams: new Map(),
    refunds: new Map(),
    deliveries: [],
    dropped: [],
    requests: [],
    // 0 clears every failure still pending.
    failNext: (count, pattern = /./) => void (count === 0 ? failures.splice(0) : failures.push({ count, pattern })),
    failRefunds: (count, message = "Insufficient funds in Stripe account to refund") =>
      void Object.assign(refundFailures, { count, message }),
    pay: (sessionId, o) => complete(sessionId, o),
    async asyncResult(sessionId, succeeded) {
      const session = fake.sessions.get(sessionId);
      if (session?.status !== "complete" || session.payment_status !== "unpaid")
        throw new Error(`fake-stripe: ${sessionId} is not awaiting payment`);
      if (succeeded) session.payment_status = "paid";
      // A failed delayed payment leaves the session complete and unpaid; its PaymentIntent says what happened.
      intentStatus.set(session.payment_intent, succeeded ? "succeeded" : "requires_payment_method");
      await emit(`checkout.session.async_payment_${succeeded ? "succeeded" : "failed"}`, session);
    },
    cancelUrl(sessionId) {
      const session = fake.sessions.get(sessionId);
      if (!session) throw new Error(`fake-stripe: no session ${sessionId}`);
      return session.cancel_url;
    },
    async send(type, object, o = {}) {
      const event = makeEvent(type, object, o.id);
      return { ...(await deliver(event)), event };
    },
    async redeliver(eventId) {
      const event = events.get(eventId);
      if (!event) throw new Error(`fake-stripe: no event ${eventId}`);
      return deliver(event);
    },
    sessionFor: (orderId) => [...fake.sessions.values()].filter((s) => s.client_reference_id === orderId).at(-1),
    async flush() {
      while (pending.size) await Promise.all(pending);
    },
    async stop() {
      await fake.flush();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
