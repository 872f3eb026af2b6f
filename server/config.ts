import path from "node:path";

export type DatabaseConfig = { engine: "sqlite"; file: string } | { engine: "mysql"; url: string };

export interface Config {
  port: number;
  production: boolean;
  database: DatabaseConfig;
  /** ISO 4217 code of the store's single currency. */
  currency: string;
  /** Flat shipping fee in minor units, charged below the free-shipping threshold. */
  shippingFlat: number;
  /** Subtotal (minor units) at or above which shipping is free; 0 disables free shipping. */
  freeShippingThreshold: number;
  /** Tax rate in basis points (1/100 of a percent) applied to the subtotal. */
  taxRateBps: number;
  /** Whether the `test` payment provider is accepted. */
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
  /** Load the demo catalog into an empty database at start. */
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
  if (/^(mysql|mariadb):\/\//.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError(`DATABASE_URL is not a valid URL`);
    }
    if (!url.hostname || url.pathname.length <= 1) {
      throw new ConfigError(`DATABASE_URL must name a host and a database, e.g. mysql://user:pass@127.0.0.1:3306/shop`);
    }
    return { engine: "mysql", url: value.replace(/^mariadb:/, "mysql:") };
  }
  throw new ConfigError(`DATABASE_URL must start with sqlite: or mysql:// (or mariadb://)`);
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

export function loadConfig(env: Env = process.env, root = process.cwd()): Config {
  const production = env.NODE_ENV === "production";
  const manualInstructions = env.MANUAL_PAYMENT_INSTRUCTIONS?.trim();
  const currency = (env.STORE_CURRENCY ?? "USD").trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new ConfigError(`STORE_CURRENCY must be a 3-letter ISO 4217 code, got "${env.STORE_CURRENCY}"`);
  return {
    port: integer(env, "PORT", 4000, 0, 65535),
    production,
    database: parseDatabaseUrl(env.DATABASE_URL, root),
    currency,
    shippingFlat: integer(env, "SHIPPING_FLAT", 499, 0, 10_000_000),
    freeShippingThreshold: integer(env, "FREE_SHIPPING_THRESHOLD", 5000, 0, 1_000_000_000),
    taxRateBps: integer(env, "TAX_RATE_BPS", 0, 0, 10_000),
    testPayments: bool(env, "ENABLE_TEST_PAYMENTS", !production),
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
    seedDemo: bool(env, "SEED_DEMO", true),
    cookieSecure: bool(env, "COOKIE_SECURE", production),
    sessionDays: integer(env, "SESSION_DAYS", 30, 1, 3650),
    clientDist: path.resolve(root, env.CLIENT_DIST ?? path.join("client", "dist")),
    // Lower costs only outside production (the test suites use them to stay fast).
    scryptLogN: integer(env, "SCRYPT_LOG_N", 17, production ? 17 : 10, 20),
    loginMaxFailures: integer(env, "LOGIN_MAX_FAILURES", 5, 1, 1000),
    loginBlockMinutes: integer(env, "LOGIN_BLOCK_MINUTES", 15, 1, 1440),
    lowStockThreshold: integer(env, "LOW_STOCK_THRESHOLD", 5, 0, 1_000_000),
    uploadDir: path.resolve(root, env.UPLOAD_DIR ?? path.join("data", "uploads")),
    uploadMaxBytes: integer(env, "UPLOAD_MAX_BYTES", 5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  };
}
