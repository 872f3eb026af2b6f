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
      demo: true,
      host: "127.0.0.1",
      trustProxy: ["loopback"],
    });
  });

  test("demo mode is the zero-configuration start or DEMO=true; any DATABASE_URL or production leaves it", () => {
    const closed = { demo: false, testPayments: false, seedDemo: false, host: undefined, trustProxy: false };
    expect(loadConfig({ DATABASE_URL: "mysql://root@127.0.0.1:3306/shop" })).toMatchObject(closed);
    expect(loadConfig({ DATABASE_URL: "sqlite:shop.sqlite" })).toMatchObject(closed);
    expect(loadConfig({ NODE_ENV: "production" })).toMatchObject(closed);
    expect(loadConfig({ DATABASE_URL: "mysql://root@127.0.0.1:3306/shop", DEMO: "true" })).toMatchObject({
      demo: true,
      testPayments: true,
      seedDemo: true,
      host: "127.0.0.1",
    });
    expect(loadConfig({ DEMO: "false" })).toMatchObject({ demo: false, testPayments: false });
    // Listening where told: HOST wins in either mode.
    expect(loadConfig({ HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(loadConfig({ NODE_ENV: "production", HOST: "10.0.0.5" }).host).toBe("10.0.0.5");
  });

  test("TRUST_PROXY takes a hop count or proxy addresses; outside demo mode no proxy is trusted by default", () => {
    const prod = { NODE_ENV: "production" };
    expect(loadConfig({ ...prod, TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ ...prod, TRUST_PROXY: "10.0.0.0/8, 172.16.0.1,loopback" }).trustProxy).toEqual([
      "10.0.0.0/8",
      "172.16.0.1",
      "loopback",
    ]);
    expect(loadConfig({ ...prod, TRUST_PROXY: "fd00::/8" }).trustProxy).toEqual(["fd00::/8"]);
    expect(loadConfig({ TRUST_PROXY: "none" }).trustProxy).toBe(false);
    for (const bad of ["true", "everything", "99", "10.0.0.0/8;rm"]) expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
  });

  test("RATE_LIMITS overrides the default request limits by name; REDIS_URL shares them", () => {
    expect(loadConfig({}).rateLimits).toEqual({
      api: { points: 600, seconds: 60 },
      mutation: { points: 120, seconds: 60 },
      login: { points: 10, seconds: 60 },
      signup: { points: 10, seconds: 3600 },
      checkout: { points: 20, seconds: 600 },
    });
    expect(loadConfig({ RATE_LIMITS: "login=3/60, checkout=5/300" }).rateLimits).toMatchObject({
      api: { points: 600, seconds: 60 },
      login: { points: 3, seconds: 60 },
      checkout: { points: 5, seconds: 300 },
    });
    for (const bad of ["login=3", "logins=3/60", "login=0/60", "login=3/0"])
      expect(() => loadConfig({ RATE_LIMITS: bad })).toThrow(/RATE_LIMITS/);
    expect(loadConfig({}).redisUrl).toBeNull();
    expect(loadConfig({ REDIS_URL: "redis://127.0.0.1:6379" }).redisUrl).toBe("redis://127.0.0.1:6379");
    expect(() => loadConfig({ REDIS_URL: "127.0.0.1:6379" })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });

  test("DATABASE_URL picks MySQL/MariaDB or another SQLite file", () => {
    expect(loadConfig({ DATABASE_URL: "mysql://root@127.0.0.1:3306/test" }).database).toEqual({
      engine: "mysql",
      url: "mysql://root@127.0.0.1:3306/test",
    });
    expect(loadConfig({ DATABASE_URL: "mariadb://u:p@db/shop" }).database).toEqual({ engine: "mysql", url: "mysql://u:p@db/shop" });
    expect(loadConfig({ DATABASE_URL: "sqlite:store.db" }, "/srv").database).toEqual({ engine: "sqlite", file: "/srv/store.db" });
    // A Galera cluster: every node, in the order writes prefer them; each node's URL keeps the user and options.
    expect(loadConfig({ DATABASE_URL: "mysql://shop:s3cret@db1:3306,db2,10.0.0.3:3307/shop?ssl=true" }).database).toEqual({
      engine: "mysql",
      url: "mysql://shop:s3cret@db1:3306/shop?ssl=true",
      nodes: [
        "mysql://shop:s3cret@db1:3306/shop?ssl=true",
        "mysql://shop:s3cret@db2/shop?ssl=true",
        "mysql://shop:s3cret@10.0.0.3:3307/shop?ssl=true",
      ],
    });
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
    // Test cards take no money: a production shop never offers them, unless it is a demo.
    expect(() => loadConfig({ NODE_ENV: "production", ENABLE_TEST_PAYMENTS: "true" })).toThrow(/ENABLE_TEST_PAYMENTS/);
    expect(loadConfig({ NODE_ENV: "production", ENABLE_TEST_PAYMENTS: "true", DEMO: "true" }).testPayments).toBe(true);
    expect(loadConfig({ DATABASE_URL: "mysql://root@127.0.0.1:3306/staging", ENABLE_TEST_PAYMENTS: "true" }).testPayments).toBe(true);
  });

  test.each([
    [{ PORT: "70000" }, /PORT/],
    [{ PORT: "12ab" }, /PORT/],
    [{ DATABASE_URL: "mysql://" }, /DATABASE_URL/],
    [{ DATABASE_URL: "mysql://host-without-db" }, /DATABASE_URL/],
    [{ DATABASE_URL: "mysql://u@db1,,db3/shop" }, /DATABASE_URL/],
    [{ DATABASE_URL: "mysql://u@db1:3306,db1:3306/shop" }, /DATABASE_URL names a host twice/],
    [{ DATABASE_URL: "mysql://u@db1:99999,db2/shop" }, /DATABASE_URL/],
    [{ STORE_CURRENCY: "dollars" }, /STORE_CURRENCY/],
    [{ TAX_RATE_BPS: "20000" }, /TAX_RATE_BPS/],
    [{ SEED_DEMO: "perhaps" }, /SEED_DEMO/],
  ])("%j is refused with a message naming the variable", (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
