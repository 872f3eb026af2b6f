import path from "node:path";
import { ConfigError, loadConfig } from "../../server/config";

describe("configuration from the environment", () => {
  test("with nothing set, the store runs on an SQLite file under data/ on port 4000, in USD", () => {
    const config = loadConfig({}, "/srv/shop");
    expect(config).toMatchObject({
      port: 4000,
      database: { engine: "sqlite", file: path.join("/srv/shop", "data", "shopwright.sqlite") },
      currency: "USD",
      shippingFlat: 499,
      freeShippingThreshold: 5000,
      taxRateBps: 0,
      testPayments: true,
      seedDemo: true,
    });
  });

  test("DATABASE_URL picks MySQL/MariaDB or another SQLite file", () => {
    expect(loadConfig({ DATABASE_URL: "mysql://root@127.0.0.1:3306/test" }).database).toEqual({
      engine: "mysql",
      url: "mysql://root@127.0.0.1:3306/test",
    });
    expect(loadConfig({ DATABASE_URL: "mariadb://u:p@db/shop" }).database).toEqual({ engine: "mysql", url: "mysql://u:p@db/shop" });
    expect(loadConfig({ DATABASE_URL: "sqlite:store.db" }, "/srv").database).toEqual({ engine: "sqlite", file: "/srv/store.db" });
    expect(loadConfig({ DATABASE_URL: "sqlite:///var/lib/shop.db" }).database).toEqual({ engine: "sqlite", file: "/var/lib/shop.db" });
  });

  test("payment methods come from the environment: Stripe needs its webhook secret, manual its instructions", () => {
    expect(loadConfig({})).toMatchObject({ stripe: null, manualPayment: null, checkoutHoldMinutes: 30, paymentDeclineLimit: 5 });
    expect(
      loadConfig({ STRIPE_SECRET_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1", STRIPE_API_URL: "http://127.0.0.1:12111" }).stripe,
    ).toEqual({
      secretKey: "sk_test_1",
      webhookSecret: "whsec_1",
      apiUrl: "http://127.0.0.1:12111",
    });
    // A key without the signing secret would take payments it could never confirm.
    expect(() => loadConfig({ STRIPE_SECRET_KEY: "sk_test_1" })).toThrow(/STRIPE_WEBHOOK_SECRET must be set/);
    expect(() => loadConfig({ STRIPE_SECRET_KEY: "sk_1", STRIPE_WEBHOOK_SECRET: "w", STRIPE_API_URL: "localhost" })).toThrow(ConfigError);
    expect(loadConfig({ MANUAL_PAYMENT_INSTRUCTIONS: " Pay at the counter. " }).manualPayment).toEqual({
      name: "Bank transfer",
      instructions: "Pay at the counter.",
    });
    expect(() => loadConfig({ CHECKOUT_HOLD_MINUTES: "0" })).toThrow(/CHECKOUT_HOLD_MINUTES must be between 1 and 1440/);
    // The benchmark's slow test provider is not for production.
    expect(() => loadConfig({ NODE_ENV: "production", TEST_PAYMENT_DELAY_MS: "2000" })).toThrow(/TEST_PAYMENT_DELAY_MS/);
    expect(loadConfig({ PUBLIC_URL: "https://shop.example.com/" }).publicUrl).toBe("https://shop.example.com");
  });

  test("production turns the test payment provider off and secure cookies on, unless told otherwise", () => {
    expect(loadConfig({ NODE_ENV: "production" })).toMatchObject({ testPayments: false, cookieSecure: true });
    expect(loadConfig({ NODE_ENV: "production", ENABLE_TEST_PAYMENTS: "true" }).testPayments).toBe(true);
  });

  test.each([
    [{ PORT: "70000" }, /PORT/],
    [{ PORT: "12ab" }, /PORT/],
    [{ DATABASE_URL: "mysql://" }, /DATABASE_URL/],
    [{ DATABASE_URL: "mysql://host-without-db" }, /DATABASE_URL/],
    [{ STORE_CURRENCY: "dollars" }, /STORE_CURRENCY/],
    [{ TAX_RATE_BPS: "20000" }, /TAX_RATE_BPS/],
    [{ SEED_DEMO: "perhaps" }, /SEED_DEMO/],
  ])("%j is refused with a message naming the variable", (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
