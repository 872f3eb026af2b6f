import path from "node:path";

/**
 * Where the data lives. MySQL/MariaDB: `url` names one server; `nodes`, when DATABASE_URL names several hosts of one
 * cluster (MariaDB Galera), is each node's own URL in the order writes prefer them, `url` being the first's.
 */
export type DatabaseConfig = { engine: "sqlite"; file: string } | { engine: "mysql"; url: string; nodes?: string[] };

/** A limit of `points` requests per `seconds`, per client address. */
export interface RateLimit {
  points: number;
  seconds: number;
}

/** The request limits per client address (RATE_LIMITS): the whole API, mutations, and the costly operations. */
export interface RateLimits {
  api: RateLimit;
  mutation: RateLimit;
  login: RateLimit;
  signup: RateLimit;
  checkout: RateLimit;
}

/** Email: how messages leave (SMTP, or .eml files in demo mode) and who gets the owner's alerts. */
export interface MailConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465; null: no SMTP. */
  smtpUrl: string | null;
  /** The From of every message, e.g. "Tea Shop <orders@teashop.example>". */
  from: string;
  /** Who gets the new-order alerts (STORE_OWNER_EMAIL, comma-separated); none: no alerts. */
  ownerEmails: string[];
  /** Demo mode without SMTP_URL: each message is written here as an .eml file; null otherwise. */
  outboxDir: string | null;
  /** How often the sender looks for messages due (messages written by this process go at once). */
  pollMs: number;
  /** The wait after a first failed attempt; it doubles with each further one, up to an hour. */
  retryBaseMs: number;
  /** Attempts before a message is given up as FAILED (the owner can resend it). */
  maxAttempts: number;
  /** How long a sender holds a message it is sending before another process may take it (a send gets half). */
  claimMs: number;
}

export interface Config {
  port: number;
  /** The store's name and postal address, as its emails sign off. */
  store: { name: string; address: string | null };
  mail: MailConfig;
  /** The address to listen on; undefined: every interface. Demo mode listens on 127.0.0.1 unless HOST is set. */
  host: string | undefined;
  production: boolean;
  /**
   * Demo mode: the zero-configuration start (embedded SQLite, no DATABASE_URL, not production) or DEMO=true.
   * Only here do the demo owner account and the test payment method exist.
   */
  demo: boolean;
  /**
   * Which proxies in front of the server are trusted to say the client's address (X-Forwarded-For), as
   * Express's "trust proxy" takes it: a hop count or a list of addresses/CIDRs; false: none.
   */
  trustProxy: number | string[] | false;
  rateLimits: RateLimits;
  /** Redis for the rate limits' counts, shared by several server processes; null: counted in memory. */
  redisUrl: string | null;
  /** pino's level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  /** Concurrent password hashes (sign-in, sign-up): each takes about 128 MiB and a third of a second. */
  maxConcurrentHashes: number;
  /** On SIGTERM, how long requests under way may take to finish before their connections are cut. */
  shutdownTimeoutMs: number;
  database: DatabaseConfig;
  /** ISO 4217 code of the store's single currency. */
  currency: string;
  /** Flat shipping fee in minor units, charged below the free-shipping threshold. */
  shippingFlat: number;
  /** Subtotal (minor units) at or above which shipping is free; 0 disables free shipping. */
  freeShippingThreshold: number;
  /** Tax rate in basis points (1/100 of a percent) applied to the subtotal. */
  taxRateBps: number;
  /** Prices include tax (PRICES_INCLUDE_TAX=true, usual in the EU): tax is shown as the part of them it is, not added. */
  pricesIncludeTax: boolean;
  /** Whether the `test` payment provider is accepted: in demo mode, or with ENABLE_TEST_PAYMENTS. */
  testPayments: boolean;
  /** Milliseconds every test-provider call waits (a slow provider, for the benchmark); never in production. */
  testPaymentDelayMs: number;
  /** Stripe Checkout, when a secret key is set. */
  stripe: { secretKey: string; webhookSecret: string; apiUrl?: string } | null;
  /** The manual method (bank transfer, cash on delivery), when instructions are set. */
  manualPayment: { name: string; instructions: string } | null;
  /** How long an unpaid order holds its stock. */
  checkoutHoldMinutes: number;
  /** Declined payments from one session or address within the window before RATE_LIMITED (card testing). */
  paymentDeclineLimit: number;
  paymentDeclineWindowMinutes: number;
  /** The in-browser GraphQL IDE at GET /graphql, and introspection with it (integrators use both). */
  graphqlIde: boolean;
  /** The store's public address (https://shop.example.com), for links sent elsewhere; unset: taken from each request. */
  publicUrl: string | null;
  /** Load the demo catalog into an empty database at start (demo mode, or SEED_DEMO). */
  seedDemo: boolean;
  /** Mark the session cookie `Secure` (serve over HTTPS). */
  cookieSecure: boolean;
  sessionDays: number;
  /** Where the built client (GraphQL IDE, storefront) lives. */
  clientDist: string;
  /** log2 of scrypt's N for new password hashes; OWASP's 17 and up in production. */
  scryptLogN: number;
  /** Failed sign-ins within the window that block an email (an address gets four times as many). */
  loginMaxFailures: number;
  loginBlockMinutes: number;
  /** A product at or below this stock shows in the admin's low-stock list. */
  lowStockThreshold: number;
  /** How long a public catalog answer may be sent again without running its query (0: never); see http/catalog-cache.ts. */
  catalogCacheMs: number;
  /** Where uploaded product images are stored; served under /media/uploads/. */
  uploadDir: string;
  uploadMaxBytes: number;
}

/** A configuration problem; main prints its message as one line and exits. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const v = raw.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(v)) return true;
  if (["0", "false", "no", "off"].includes(v)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

export function parseDatabaseUrl(raw: string | undefined, root: string): DatabaseConfig {
  if (raw === undefined || raw.trim() === "") return { engine: "sqlite", file: path.join(root, "data", "shopwright.sqlite") };
  const value = raw.trim();
  if (value.startsWith("sqlite:")) {
    const file = value.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (!file) throw new ConfigError(`DATABASE_URL sqlite: needs a file path, e.g. sqlite:data/store.sqlite`);
    return { engine: "sqlite", file: path.resolve(root, file) };
  }
  if (/^(mysql|mariadb):\/\//.test(value)) return parseMysqlUrl(value.replace(/^mariadb:/, "mysql:"));
  throw new ConfigError(`DATABASE_URL must start with sqlite: or mysql:// (or mariadb://)`);
}

/**
 * mysql://user:pass@host:3306/db, or for a cluster several hosts: mysql://user:pass@host1:3306,host2:3306,host3/db
 * (each node's URL is then the same with its one host).
 */
function parseMysqlUrl(value: string): DatabaseConfig {
  const form = "e.g. mysql://user:pass@127.0.0.1:3306/shop, or mysql://user:pass@db1:3306,db2:3306,db3:3306/shop for a cluster";
  const parts = /^mysql:\/\/(?:([^@/]*)@)?([^/?#]*)(\/[^?#]*)?(\?[^#]*)?$/.exec(value);
  if (!parts) throw new ConfigError(`DATABASE_URL is not a valid URL (${form})`);
  const [, userinfo, hostList, pathname = "", query = ""] = parts;
  const hosts = hostList.split(",").map((h) => h.trim());
  const nodes = hosts.map((host) => {
    const url = `mysql://${userinfo === undefined ? "" : `${userinfo}@`}${host}${pathname}${query}`;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError(`DATABASE_URL's host "${host}" is not a valid host[:port] (${form})`);
    }
    if (!parsed.hostname || pathname.length <= 1) throw new ConfigError(`DATABASE_URL must name a host and a database, ${form}`);
    return url;
  });
  if (new Set(nodes).size !== nodes.length) throw new ConfigError(`DATABASE_URL names a host twice`);
  return nodes.length === 1 ? { engine: "mysql", url: nodes[0] } : { engine: "mysql", url: nodes[0], nodes };
}

function stripeSettings(env: Env): Config["stripe"] {
  const secretKey = env.STRIPE_SECRET_KEY?.trim();
  if (!secretKey) return null;
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET?.trim();
  if (!webhookSecret)
    throw new ConfigError("STRIPE_WEBHOOK_SECRET must be set with STRIPE_SECRET_KEY (the endpoint's whsec_… signing secret)");
  const apiUrl = env.STRIPE_API_URL?.trim() || undefined;
  if (apiUrl && !/^https?:\/\/[^/]+\/?$/.test(apiUrl)) throw new ConfigError(`STRIPE_API_URL must be an http(s) origin, got "${apiUrl}"`);
  return { secretKey, webhookSecret, apiUrl };
}

function publicUrl(env: Env): string | null {
  const raw = env.PUBLIC_URL?.trim();
  if (!raw) return null;
  if (!/^https?:\/\/[^/]+/.test(raw))
    throw new ConfigError(`PUBLIC_URL must be the store's address, e.g. https://shop.example.com, got "${raw}"`);
  return raw.replace(/\/+$/, "");
}

const DEFAULT_RATE_LIMITS = "api=600/60,mutation=120/60,login=10/60,signup=10/3600,checkout=20/600";

/** RATE_LIMITS: "name=points/seconds,…", each overriding the default of that name. */
export function parseRateLimits(raw: string | undefined): RateLimits {
  const limits = {} as Record<string, RateLimit>;
  const entries = [DEFAULT_RATE_LIMITS, raw ?? ""]
    .join(",")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const m = /^(api|mutation|login|signup|checkout)=(\d{1,9})\/(\d{1,7})$/.exec(entry);
    if (!m || Number(m[2]) < 1 || Number(m[3]) < 1) {
      throw new ConfigError(`RATE_LIMITS must be a list like "login=10/60,signup=10/3600" (name=requests/seconds), got "${entry}"`);
    }
    limits[m[1]] = { points: Number(m[2]), seconds: Number(m[3]) };
  }
  return limits as unknown as RateLimits;
}

const IPV4_CIDR = /^(\d{1,3})(\.\d{1,3}){3}(\/\d{1,2})?$/;
const IPV6_CIDR = /^[0-9a-f:.]+(\/\d{1,3})?$/i;

/** TRUST_PROXY: a hop count, or addresses/CIDRs (and Express's names loopback, linklocal, uniquelocal). */
export function parseTrustProxy(raw: string | undefined, fallback: Config["trustProxy"]): Config["trustProxy"] {
  const value = raw?.trim();
  if (value === undefined || value === "") return fallback;
  if (["false", "none", "0"].includes(value.toLowerCase())) return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new ConfigError(`TRUST_PROXY must be a hop count from 0 to 10 or a list of addresses, got "${value}"`);
    return hops;
  }
  const list = value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  for (const item of list) {
    if (!["loopback", "linklocal", "uniquelocal"].includes(item) && !IPV4_CIDR.test(item) && !(item.includes(":") && IPV6_CIDR.test(item)))
      throw new ConfigError(`TRUST_PROXY must be a hop count or a list of proxy addresses/CIDRs (e.g. 10.0.0.0/8,loopback), got "${item}"`);
  }
  return list;
}

function redisUrl(env: Env): string | null {
  const raw = env.REDIS_URL?.trim();
  if (!raw) return null;
  if (!/^rediss?:\/\/[^/]+/.test(raw)) throw new ConfigError(`REDIS_URL must look like redis://host:6379, got "${raw}"`);
  return raw;
}

/** The test provider (free PAID orders with pm_card_visa): demo mode, or asked for on a store that isn't production. */
function testPayments(env: Env, demo: boolean, production: boolean): boolean {
  const on = bool(env, "ENABLE_TEST_PAYMENTS", demo);
  if (on && production && !demo) {
    throw new ConfigError(
      "ENABLE_TEST_PAYMENTS=true with NODE_ENV=production would let anyone place paid orders with test cards; " +
        "use it on a staging store (without NODE_ENV=production), or DEMO=true",
    );
  }
  return on;
}

const EMAIL = /^[^\s@<>",]+@[^\s@<>",]+\.[^\s@<>",]+$/;

function mailConfig(env: Env, demo: boolean, root: string, storeName: string): MailConfig {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^/]+/.test(smtpUrl))
    throw new ConfigError(
      `SMTP_URL must look like smtp://user:password@smtp.example.com:587 (or smtps://…:465), got "${smtpUrl.replace(/\/\/[^@/]*@/, "//…@")}"`,
    );
  const from = env.MAIL_FROM?.trim();
  if (smtpUrl && !from)
    throw new ConfigError(`MAIL_FROM must be set with SMTP_URL, e.g. MAIL_FROM="${storeName} <orders@yourshop.example>"`);
  const owners = (env.STORE_OWNER_EMAIL ?? (demo ? "owner@example.com" : ""))
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = owners.find((e) => !EMAIL.test(e));
  if (bad) throw new ConfigError(`STORE_OWNER_EMAIL must be email addresses separated by commas, got "${bad}"`);
  return {
    smtpUrl,
    from: from || `${storeName.replace(/["<>]/g, "")} <shop@example.com>`,
    ownerEmails: owners,
    outboxDir: !smtpUrl && demo ? path.resolve(root, env.MAIL_OUTBOX_DIR ?? path.join("data", "outbox")) : null,
    pollMs: integer(env, "MAIL_POLL_MS", 10_000, 50, 3_600_000),
    retryBaseMs: integer(env, "MAIL_RETRY_BASE_MS", 60_000, 10, 3_600_000),
    maxAttempts: integer(env, "MAIL_MAX_ATTEMPTS", 8, 1, 100),
    claimMs: integer(env, "MAIL_CLAIM_MS", 120_000, 1000, 3_600_000),
  };
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export function loadConfig(env: Env = process.env, root = process.cwd()): Config {
  const production = env.NODE_ENV === "production";
  const demo = bool(env, "DEMO", !production && !env.DATABASE_URL?.trim());
  const logLevel = (env.LOG_LEVEL ?? "info").trim().toLowerCase();
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${env.LOG_LEVEL}"`);
  const manualInstructions = env.MANUAL_PAYMENT_INSTRUCTIONS?.trim();
  const currency = (env.STORE_CURRENCY ?? "USD").trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new ConfigError(`STORE_CURRENCY must be a 3-letter ISO 4217 code, got "${env.STORE_CURRENCY}"`);
  const storeName = env.STORE_NAME?.trim().slice(0, 100) || (demo ? "Shopwright demo store" : "Shopwright");
  return {
    port: integer(env, "PORT", 4000, 0, 65535),
    store: { name: storeName, address: env.STORE_ADDRESS?.trim().slice(0, 300) || null },
    mail: mailConfig(env, demo, root, storeName),
    host: env.HOST?.trim() || (demo ? "127.0.0.1" : undefined),
    production,
    demo,
    trustProxy: parseTrustProxy(env.TRUST_PROXY, demo ? ["loopback"] : false),
    rateLimits: parseRateLimits(env.RATE_LIMITS),
    redisUrl: redisUrl(env),
    logLevel,
    maxConcurrentHashes: integer(env, "MAX_CONCURRENT_HASHES", 2, 1, 64),
    shutdownTimeoutMs: integer(env, "SHUTDOWN_TIMEOUT_MS", 10_000, 0, 600_000),
    database: parseDatabaseUrl(env.DATABASE_URL, root),
    currency,
    shippingFlat: integer(env, "SHIPPING_FLAT", 499, 0, 10_000_000),
    freeShippingThreshold: integer(env, "FREE_SHIPPING_THRESHOLD", 5000, 0, 1_000_000_000),
    taxRateBps: integer(env, "TAX_RATE_BPS", 0, 0, 10_000),
    pricesIncludeTax: bool(env, "PRICES_INCLUDE_TAX", false),
    testPayments: testPayments(env, demo, production),
    testPaymentDelayMs: integer(env, "TEST_PAYMENT_DELAY_MS", 0, 0, production ? 0 : 60_000),
    stripe: stripeSettings(env),
    manualPayment: manualInstructions
      ? { name: env.MANUAL_PAYMENT_NAME?.trim() || "Bank transfer", instructions: manualInstructions.slice(0, 2000) }
      : null,
    checkoutHoldMinutes: integer(env, "CHECKOUT_HOLD_MINUTES", 30, 1, 1440),
    paymentDeclineLimit: integer(env, "PAYMENT_DECLINE_LIMIT", 5, 1, 1000),
    paymentDeclineWindowMinutes: integer(env, "PAYMENT_DECLINE_WINDOW_MINUTES", 15, 1, 1440),
    publicUrl: publicUrl(env),
    graphqlIde: bool(env, "GRAPHQL_IDE", true),
    seedDemo: bool(env, "SEED_DEMO", demo),
    cookieSecure: bool(env, "COOKIE_SECURE", production),
    sessionDays: integer(env, "SESSION_DAYS", 30, 1, 3650),
    clientDist: path.resolve(root, env.CLIENT_DIST ?? path.join("client", "dist")),
    // Lower costs only outside production (the test suites use them to stay fast).
    scryptLogN: integer(env, "SCRYPT_LOG_N", 17, production ? 17 : 10, 20),
    loginMaxFailures: integer(env, "LOGIN_MAX_FAILURES", 5, 1, 1000),
    loginBlockMinutes: integer(env, "LOGIN_BLOCK_MINUTES", 15, 1, 1440),
    lowStockThreshold: integer(env, "LOW_STOCK_THRESHOLD", 5, 0, 1_000_000),
    catalogCacheMs: integer(env, "CATALOG_CACHE_SECONDS", 2, 0, 30) * 1000,
    uploadDir: path.resolve(root, env.UPLOAD_DIR ?? path.join("data", "uploads")),
    uploadMaxBytes: integer(env, "UPLOAD_MAX_BYTES", 5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  };
}
