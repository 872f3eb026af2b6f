import http from "node:http";
import { PasswordReset } from "../../server/accounts/password-reset.entity";
import type { ShopperClient } from "../helpers/client";
import { TestSmtp, resetLinkIn } from "../helpers/smtp";
import { engines, startTestServer, type TestServer } from "../helpers/test-server";

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { id } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;
const ME = `query { me { email } }`;
const REQUEST = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { email } }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { email } }`;

const FIRST = "violet kettle umbrella 7";
const SECOND = "orange piano lighthouse 42";
const THIRD = "silent marble harbour 93";

const tokenOf = (link: string) => new URL(link).hash.replace(/^#token=/, "");

describe.each(engines)("password reset and change [%s]", (engine) => {
  let smtp: TestSmtp;
  let server: TestServer;

  beforeAll(async () => {
    smtp = await TestSmtp.start();
    server = await startTestServer(engine, smtp.env());
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
  });

  async function customer(email: string): Promise<ShopperClient> {
    const client = server.client();
    await client.ok(REGISTER, { input: { email, name: "Ada Lovelace", password: FIRST } });
    return client;
  }

  async function resetMail(email: string, count = 1) {
    await smtp.waitFor((all) => all.filter((m) => m.to.includes(email) && m.subject.startsWith("Reset your password")).length >= count);
    return smtp.to(email).filter((m) => m.subject.startsWith("Reset your password"))[count - 1];
  }

  test("the answer is the same for an unknown email, and only an account gets a link", async () => {
    await customer("known@example.com");
    const guest = server.client();
    // The same answer, and never sooner than 200 ms, so its time doesn't tell either.
    for (const email of ["nobody@example.com", "KNOWN@example.com"]) {
      const started = Date.now();
      expect(await guest.ok(REQUEST, { email })).toEqual({ requestPasswordReset: true });
      expect(Date.now() - started).toBeGreaterThanOrEqual(195);
    }
    const mail = await resetMail("known@example.com");
    expect(mail.subject).toBe("Reset your password at Tea & Co");
    const link = resetLinkIn(mail)!;
    expect(link).toMatch(/^http:\/\/shop\.test\/reset-password#token=[\w-]{43}$/);
    expect(mail.html).toContain(link);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.to("nobody@example.com")).toHaveLength(0);
    // Neither the outbox nor the reset table ever holds the token: it is made as the email goes out.
    const token = tokenOf(link);
    const dump =
      JSON.stringify(await server.dataSource.query(`SELECT * FROM password_reset`)) +
      JSON.stringify(await server.dataSource.query(`SELECT payload FROM email_message`));
    expect(dump).not.toContain(token);
  });

  test("the link sets a new password once, signs every other session out and signs this one in; the customer is told", async () => {
    const laptop = await customer("ada@example.com");
    await server.client().ok(REQUEST, { email: "ada@example.com" });
    const token = tokenOf(resetLinkIn(await resetMail("ada@example.com"))!);

    const phone = server.client();
    // A password the policy refuses changes nothing, and leaves the link usable.
    expect(await phone.fails(RESET, { input: { token, password: "password123" } })).toMatchObject({
      code: "BAD_USER_INPUT",
      extensions: { field: "password" },
    });
    expect(await phone.ok(RESET, { input: { token, password: SECOND } })).toEqual({ resetPassword: { email: "ada@example.com" } });
    expect((await phone.ok(ME)).me).toEqual({ email: "ada@example.com" });
    expect((await laptop.ok(ME)).me).toBeNull();

    // Once only.
    const again = await server.client().fails(RESET, { input: { token, password: THIRD } });
    expect(again).toMatchObject({ code: "RESET_LINK_INVALID", extensions: { reason: "USED" } });
    expect(again.message).toMatch(/already been used/);
    expect((await server.client().fails(LOGIN, { email: "ada@example.com", password: FIRST })).code).toBe("INVALID_CREDENTIALS");
    await server.client().ok(LOGIN, { email: "ada@example.com", password: SECOND });

    await smtp.waitFor((all) => all.some((m) => m.to.includes("ada@example.com") && m.subject === "Your password at Tea & Co was changed"));
    const changed = smtp.to("ada@example.com").find((m) => m.subject.includes("was changed"))!;
    expect(changed.text).toContain("every other device was signed out");
  });

  test("two uses of one link at once: one sets the password, the other is refused", async () => {
    await customer("twice@example.com");
    await server.client().ok(REQUEST, { email: "twice@example.com" });
    const token = tokenOf(resetLinkIn(await resetMail("twice@example.com"))!);
    const results = await Promise.all([SECOND, THIRD].map((password) => server.client().gql(RESET, { input: { token, password } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === "RESET_LINK_INVALID")).toHaveLength(1);
  });

  test("an expired link, an unknown one, and a link asked for before a newer change don't work", async () => {
    await customer("late@example.com");
    await server.client().ok(REQUEST, { email: "late@example.com" });
    const token = tokenOf(resetLinkIn(await resetMail("late@example.com"))!);
    await server.dataSource.manager
      .createQueryBuilder()
      .update(PasswordReset)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where("customer_id = (SELECT id FROM customer WHERE email = :email)", { email: "late@example.com" })
      .execute();
    const expired = await server.client().fails(RESET, { input: { token, password: SECOND } });
    expect(expired).toMatchObject({ code: "RESET_LINK_INVALID", extensions: { reason: "EXPIRED" } });
    expect(expired.message).toMatch(/expired/);
    expect((await server.client().fails(RESET, { input: { token: "not-a-real-token", password: SECOND } })).extensions.reason).toBe(
      "UNKNOWN",
    );
    await server.client().ok(LOGIN, { email: "late@example.com", password: FIRST });

    // A link sent before the password was changed on the account page stops working.
    const signedIn = server.client();
    await signedIn.ok(LOGIN, { email: "late@example.com", password: FIRST });
    await server.client().ok(REQUEST, { email: "late@example.com" });
    const newer = tokenOf(resetLinkIn(await resetMail("late@example.com", 2))!);
    await signedIn.ok(CHANGE, { input: { currentPassword: FIRST, newPassword: SECOND } });
    expect((await server.client().fails(RESET, { input: { token: newer, password: THIRD } })).code).toBe("RESET_LINK_INVALID");
  });

  test("changing the password needs the current one, keeps this session and ends the others", async () => {
    const here = await customer("grace@example.com");
    const elsewhere = server.client();
    await elsewhere.ok(LOGIN, { email: "grace@example.com", password: FIRST });

    const wrong = await here.fails(CHANGE, { input: { currentPassword: "not my password", newPassword: SECOND } });
    expect(wrong).toMatchObject({ code: "BAD_USER_INPUT", extensions: { field: "currentPassword" } });
    const weak = await here.fails(CHANGE, { input: { currentPassword: FIRST, newPassword: "grace@example.com1" } });
    expect(weak).toMatchObject({ code: "BAD_USER_INPUT", extensions: { field: "newPassword" } });
    expect((await server.client().fails(CHANGE, { input: { currentPassword: FIRST, newPassword: SECOND } })).code).toBe("UNAUTHENTICATED");

    await here.ok(CHANGE, { input: { currentPassword: FIRST, newPassword: SECOND } });
    expect((await here.ok(ME)).me).toEqual({ email: "grace@example.com" });
    expect((await elsewhere.ok(ME)).me).toBeNull();
    await server.client().ok(LOGIN, { email: "grace@example.com", password: SECOND });
    await smtp.waitFor((all) => all.some((m) => m.to.includes("grace@example.com") && m.subject.includes("was changed")));
  });

  test("a forged Host header can't send a reset link to another site: links start with PUBLIC_URL", async () => {
    await customer("host@example.com");
    const body = JSON.stringify({ query: REQUEST, variables: { email: "host@example.com" } });
    const answer = await new Promise<number>((resolve, reject) => {
      const target = new URL(`${server.url}/graphql`);
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: "/graphql",
          method: "POST",
          headers: { host: "evil.example", "content-type": "application/json" },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
    expect(answer).toBe(200);
    expect(resetLinkIn(await resetMail("host@example.com"))).toMatch(/^http:\/\/shop\.test\/reset-password#token=/);
  });

  test("reset requests are throttled per account: a flood sends three emails an hour, and answers the same", async () => {
    await customer("flood@example.com");
    for (let i = 0; i < 6; i++)
      expect(await server.client().ok(REQUEST, { email: "flood@example.com" })).toEqual({ requestPasswordReset: true });
    await resetMail("flood@example.com", 3);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.to("flood@example.com")).toHaveLength(3);
  });
});

describe.each(engines)("password reset without PUBLIC_URL [%s]", (engine) => {
  test("outside demo mode no link is sent (its address would come from the request), and the answer is the same", async () => {
    const smtp = await TestSmtp.start();
    const { PUBLIC_URL: _none, ...env } = smtp.env();
    const server = await startTestServer(engine, env);
    try {
      await server.client().ok(REGISTER, { input: { email: "nolink@example.com", name: "Ada Lovelace", password: FIRST } });
      expect(await server.client().ok(REQUEST, { email: "nolink@example.com" })).toEqual({ requestPasswordReset: true });
      await new Promise((r) => setTimeout(r, 500));
      expect(smtp.to("nolink@example.com")).toHaveLength(0);
    } finally {
      await server.stop();
      await smtp.stop();
    }
  });
});

describe.each(engines)("password reset rate limit [%s]", (engine) => {
  test("reset and change count against the sign-in limit per address", async () => {
    const smtp = await TestSmtp.start();
    const server = await startTestServer(engine, smtp.env({ RATE_LIMITS: "api=1000/60,mutation=1000/60,login=3/60" }));
    try {
      const client = server.client();
      const attempts: [string, Record<string, unknown>][] = [
        [REQUEST, { email: "someone@example.com" }],
        [RESET, { input: { token: "not-a-real-token", password: SECOND } }],
        [CHANGE, { input: { currentPassword: FIRST, newPassword: SECOND } }],
        [REQUEST, { email: "someone@example.com" }],
        [RESET, { input: { token: "not-a-real-token", password: SECOND } }],
        [CHANGE, { input: { currentPassword: FIRST, newPassword: SECOND } }],
      ];
      const codes: string[] = [];
      for (const [query, variables] of attempts) codes.push((await client.gql(query, variables)).errors?.[0]?.extensions?.code ?? "OK");
      // Three within the sign-in limit (each answered as it would be), then refused whichever it is.
      expect(codes).toEqual(["OK", "RESET_LINK_INVALID", "UNAUTHENTICATED", "RATE_LIMITED", "RATE_LIMITED", "RATE_LIMITED"]);
    } finally {
      await server.stop();
      await smtp.stop();
    }
  });
});
