import type { GuestOrders } from "./account.port";
import { randomBytes, randomUUID } from "node:crypto";
import { In, IsNull, MoreThan } from "typeorm";
import type { EmailService } from "../email/email.service";
import type { PasswordResetMail, PasswordResetRequest } from "../email/email.types";
import type { Logger } from "../lib/logger";
import { sleep } from "../lib/time";
import { hashToken } from "../sessions/session.service";
import { badInput } from "../graphql/errors";
import { checkPassword } from "./password-policy";
import { PasswordReset } from "./password-reset.entity";
import type { CartService } from "../cart/cart.service";
import { isUniqueViolation, type Transactions } from "../db/transaction";
import { AppError, ErrorCode } from "../graphql/errors";
import type { RequestSessionPort } from "../graphql/context";
import type { SessionService } from "../sessions/session.service";
import { Customer, Role } from "./customer.entity";
import { normalizeEmail, type RegisterInput } from "./account.inputs";
import type { LoginThrottleService } from "./login-throttle.service";
import { hashPassword, verifyPassword } from "./password";
import { GateFull, type Gate } from "../lib/gate";

const invalidCredentials = () => new AppError(ErrorCode.INVALID_CREDENTIALS, "The email or password is not right");
/** Sign-up's answer for an email it can't use; the same for every such email, whatever the reason. */
const signUpRefused = () =>
  new AppError(
    ErrorCode.INVALID_CREDENTIALS,
    "We couldn't create an account with this email and password. If you already have one, sign in with its password.",
  );

/** How long a "forgot your password" link works. */
export const RESET_LINK_MINUTES = 60;
/** requestPasswordReset answers no sooner than this, so its time doesn't tell whether the email has an account. */
const RESET_ANSWER_MS = 200;
/** Reset emails one account gets per hour at most: more requests are answered the same, and send nothing. */
const RESETS_PER_HOUR = 3;

const resetLinkInvalid = (reason: "UNKNOWN" | "USED" | "EXPIRED") =>
  new AppError(
    ErrorCode.RESET_LINK_INVALID,
    reason === "EXPIRED"
      ? "This link to reset your password has expired. Ask for a new one."
      : "This link to reset your password has already been used or is not valid. Ask for a new one.",
    { reason },
  );

export class AccountService {
  /** Verified against when the email is unknown, so a wrong email costs as long as a wrong password. */
  private decoyHash?: Promise<string>;

  constructor(
    private readonly tx: Transactions,
    private readonly sessions: SessionService,
    private readonly carts: CartService,
    private readonly throttle: LoginThrottleService,
    private readonly guestOrders: GuestOrders,
    private readonly opts: { scryptLogN: number; demo: boolean },
    /** Bounds concurrent password hashing, per client address too: a flood of guesses can't slow everyone's sign-in. */
    private readonly hashing: Gate,
    private readonly email: EmailService,
    /** The shop's public address for links in emails (PUBLIC_URL); see linkBase. */
    private readonly publicUrl: string | null,
    private readonly log: Logger,
  ) {}

  byId(id: string): Promise<Customer | null> {
    return this.tx.manager.findOneBy(Customer, { id });
  }

  /** Many customers in one query (for lists). */
  byIds(ids: readonly string[]): Promise<Customer[]> {
    return ids.length ? this.tx.manager.findBy(Customer, { id: In([...ids]) }) : Promise.resolve([]);
  }

  /**
   * Signs up. The answer never tells whether the email already has an account: for a taken email it is
   * sign-in's answer (signed in with the account's own password; INVALID_CREDENTIALS otherwise, counted by
   * the sign-in throttle), with one password hash either way, as for a new account.
   */
  async register(input: RegisterInput, session: RequestSessionPort): Promise<Customer> {
    const emailNormalized = normalizeEmail(input.email);
    if (await this.tx.manager.existsBy(Customer, { emailNormalized }))
      return this.login(input.email, input.password, session, signUpRefused);
    const customer = this.tx.reader.create(Customer, {
      id: randomUUID(),
      email: input.email.trim(),
      emailNormalized,
      name: input.name.trim(),
      passwordHash: await this.hashed(session.address, () => hashPassword(input.password, this.opts.scryptLogN)),
      role: Role.CUSTOMER,
      isDemo: false,
    });
    try {
      await this.tx.run((m) => m.insert(Customer, customer));
    } catch (error) {
      // Signed up a moment ago by a parallel request: answered as above.
      if (isUniqueViolation(error)) return this.login(input.email, input.password, session, signUpRefused);
      throw error;
    }
    await this.startSession(customer, session);
    return customer;
  }

  /**
   * Signs in: throttled per email and per client address, the same answer and about the same time for a
   * wrong email as for a wrong password. Starts a new session (the old id is dropped: no fixation) and
   * brings the guest cart along.
   */
  async login(email: string, password: string, session: RequestSessionPort, refused = invalidCredentials): Promise<Customer> {
    const normalized = normalizeEmail(email);
    const keys = this.throttle.keys(normalized, session.address);
    // Counted before the password is checked, so parallel guesses can't slip past the limit.
    await this.throttle.attempt(keys);
    const customer = await this.tx.manager.findOneBy(Customer, { emailNormalized: normalized });
    this.decoyHash ??= hashPassword(randomUUID(), this.opts.scryptLogN);
    const stored = customer?.passwordHash ?? (await this.decoyHash);
    const ok = await this.hashed(session.address, () => verifyPassword(password, stored));
    // The demo owner signs in only in demo mode (main.ts also refuses to start outside it while one exists).
    if (!customer || !ok || (customer.isDemo && !this.opts.demo)) throw refused();
    await this.throttle.succeeded(normalized, session.address);
    await this.startSession(customer, session);
    return customer;
  }

  /** Ends the session on the server and on the client. The customer's cart stays with the customer. */
  async logout(session: RequestSessionPort): Promise<boolean> {
    const id = await session.id();
    if (id) await this.sessions.end(id);
    session.clear();
    return true;
  }

  /** Creates or promotes an admin (npm run create-admin). */
  async upsertAdmin(email: string, password: string, name = "Shop owner", isDemo = false): Promise<{ created: boolean }> {
    const passwordHash = await hashPassword(password, this.opts.scryptLogN);
    return this.tx.run(async (m) => {
      const existing = await m.findOneBy(Customer, { emailNormalized: normalizeEmail(email) });
      if (existing) {
        await m.update(Customer, { id: existing.id }, { role: Role.ADMIN, passwordHash, isDemo });
        return { created: false };
      }
      await m.insert(Customer, {
        id: randomUUID(),
        email: email.trim(),
        emailNormalized: normalizeEmail(email),
        name,
        passwordHash,
        role: Role.ADMIN,
        isDemo,
      });
      return { created: true };
    });
  }

  /**
   * Demo mode: the demo owner account, created or given a new password (printed at start). An account of
   * that email that isn't the demo's is left alone (false).
   */
  async ensureDemoOwner(email: string, password: string): Promise<boolean> {
    const existing = await this.tx.manager.findOneBy(Customer, { emailNormalized: normalizeEmail(email) });
    if (existing && !existing.isDemo) return false;
    await this.upsertAdmin(email, password, "Demo owner", true);
    return true;
  }

  /** Whether the demo owner account can still sign in as an admin (a store started in demo mode once). */
  async demoOwnerPresent(): Promise<boolean> {
    return (await this.tx.manager.countBy(Customer, { isDemo: true, role: Role.ADMIN })) > 0;
  }

  /**
   * Retires the demo owner: no longer an admin, its password unusable, its sessions ended. Kept as a row
   * (not deleted) so orders placed while testing the demo keep their customer.
   */
  async retireDemoOwners(): Promise<number> {
    return this.tx.run(async (m) => {
      const demo = await m.findBy(Customer, { isDemo: true, role: Role.ADMIN });
      for (const c of demo) {
        await m.update(Customer, { id: c.id }, { role: Role.CUSTOMER, passwordHash: "retired" });
        await m.update(PasswordReset, { customerId: c.id, usedAt: IsNull() }, { usedAt: new Date() });
        await this.sessions.endAllOf(c.id);
      }
      return demo.length;
    });
  }

  /**
   * "Forgot your password?": always answers the same, whether the email has an account or not. For an account,
   * a single-use link valid for RESET_LINK_MINUTES goes out (its token stored only as a hash), at most
   * RESETS_PER_HOUR an hour.
   */
  async requestPasswordReset(email: string, origin: string): Promise<true> {
    // As long for an email without an account as for one with (whose request is written in a transaction), and
    // the same answer even when writing it fails (logged): the answer never tells.
    const answerAt = Date.now() + RESET_ANSWER_MS;
    await this.writeResetRequest(email, origin).catch((error) =>
      this.log.error({ err: error }, "A password reset request could not be stored"),
    );
    await sleep(Math.max(0, answerAt - Date.now()));
    return true;
  }

  private async writeResetRequest(email: string, origin: string): Promise<void> {
    const customer = await this.tx.manager.findOneBy(Customer, { emailNormalized: normalizeEmail(email) });
    if (!customer || !this.canSignIn(customer)) return;
    const base = this.linkBase(origin);
    if (!base) {
      this.log.error("A password reset was asked for, but PUBLIC_URL is not set, so no link can be sent: set PUBLIC_URL");
      return;
    }
    const expiresAt = new Date(Date.now() + RESET_LINK_MINUTES * 60_000);
    await this.tx.run(async (m) => {
      // The customer's row, locked: parallel requests count one after another.
      await this.tx.lockForUpdate(m.createQueryBuilder(Customer, "c").where("c.id = :id", { id: customer.id })).getOne();
      // Requests of the last hour are those that haven't expired yet (both times are this server's).
      const recent = await m.countBy(PasswordReset, {
        customerId: customer.id,
        expiresAt: MoreThan(new Date(expiresAt.getTime() - 3600_000)),
      });
      if (recent >= RESETS_PER_HOUR) return;
      const resetId = randomUUID();
      await m.insert(PasswordReset, { id: resetId, tokenHash: null, customerId: customer.id, expiresAt, usedAt: null });
      await this.email.passwordReset(customer.email, { name: customer.name, resetId, base, expiresAt: expiresAt.toISOString() });
    });
  }

  /**
   * A reset email's link, made as the email is sent (EmailService.prepareResetLinks): a new random token whose
   * hash replaces the request's (so only the link last sent works), or null when the request can't be used.
   */
  async resetLinkFor(request: PasswordResetRequest): Promise<PasswordResetMail | null> {
    const token = randomBytes(32).toString("base64url");
    const made = await this.tx.run((m) =>
      m.update(PasswordReset, { id: request.resetId, usedAt: IsNull(), expiresAt: MoreThan(new Date()) }, { tokenHash: hashToken(token) }),
    );
    // In the fragment: never sent to a server, nor in a Referer.
    return made.affected ? { ...request, link: `${request.base}/reset-password#token=${token}` } : null;
  }

  /**
   * Sets a new password from a reset link: the link is used up, every session of the customer ends (and every
   * other link of theirs stops working), they get a "password changed" email, and this browser is signed in.
   */
  async resetPassword(token: string, password: string, session: RequestSessionPort, origin: string): Promise<Customer> {
    const reset = await this.tx.manager.findOneBy(PasswordReset, { tokenHash: hashToken(token) });
    if (!reset) throw resetLinkInvalid("UNKNOWN");
    const id = reset.id;
    if (reset.usedAt) throw resetLinkInvalid("USED");
    if (reset.expiresAt.getTime() <= Date.now()) throw resetLinkInvalid("EXPIRED");
    const customer = await this.byId(reset.customerId);
    if (!customer || !this.canSignIn(customer)) throw resetLinkInvalid("UNKNOWN");
    this.judge(password, customer, "password");
    const passwordHash = await this.hashed(session.address, () => hashPassword(password, this.opts.scryptLogN));
    await this.tx.run(async (m) => {
      // Used once: of two requests with the same link, one sets the password.
      const used = await m.update(PasswordReset, { id, usedAt: IsNull(), expiresAt: MoreThan(new Date()) }, { usedAt: new Date() });
      if (!used.affected) throw resetLinkInvalid("USED");
      await m.update(PasswordReset, { customerId: customer.id, usedAt: IsNull() }, { usedAt: new Date() });
      await m.update(Customer, { id: customer.id }, { passwordHash });
      await this.sessions.endAllOf(customer.id);
      await this.passwordChangedEmail(customer, origin);
    });
    await this.startSession(customer, session);
    return customer;
  }

  /**
   * A signed-in customer changes their password: the current one is checked (throttled as sign-in is), every
   * other session of theirs ends, this one stays, and they get a "password changed" email.
   */
  async changePassword(current: string, next: string, session: RequestSessionPort, origin: string): Promise<Customer> {
    const viewer = await session.viewer();
    const customer = viewer.customerId ? await this.byId(viewer.customerId) : null;
    const sessionId = await session.id();
    if (!customer || !sessionId) throw new AppError(ErrorCode.UNAUTHENTICATED, "Sign in to do this");
    const keys = this.throttle.keys(customer.emailNormalized, session.address);
    await this.throttle.attempt(keys);
    if (!(await this.hashed(session.address, () => verifyPassword(current, customer.passwordHash))))
      throw badInput("currentPassword", "That is not your current password");
    await this.throttle.succeeded(customer.emailNormalized, session.address);
    if (next === current) throw badInput("newPassword", "Choose a password different from your current one");
    this.judge(next, customer, "newPassword");
    const passwordHash = await this.hashed(session.address, () => hashPassword(next, this.opts.scryptLogN));
    await this.tx.run(async (m) => {
      await m.update(Customer, { id: customer.id }, { passwordHash });
      await m.update(PasswordReset, { customerId: customer.id, usedAt: IsNull() }, { usedAt: new Date() });
      await this.sessions.endAllOf(customer.id, sessionId);
      await this.passwordChangedEmail(customer, origin);
    });
    return customer;
  }

  /** Whether the account may sign in at all here (not a retired account, nor the demo owner outside demo mode). */
  private canSignIn(customer: Customer): boolean {
    return customer.passwordHash !== "retired" && (!customer.isDemo || this.opts.demo);
  }

  /**
   * Where links in emails start: PUBLIC_URL; in demo mode without it, the address the request came to. Never
   * the request's address otherwise: its Host header is the client's to choose, and a reset link must not
   * lead to another site.
   */
  private linkBase(origin: string): string | null {
    return this.publicUrl ?? (this.opts.demo ? origin : null);
  }

  /** The password policy (as at sign-up), reported at `field`. */
  private judge(password: string, customer: Customer, field: string): void {
    const verdict = checkPassword(password, { email: customer.email, name: customer.name });
    if (!verdict.ok) throw badInput(field, verdict.message);
  }

  private passwordChangedEmail(customer: Customer, origin: string): Promise<void> {
    const base = this.linkBase(origin);
    return this.email.passwordChanged(customer.email, {
      name: customer.name,
      changedAt: new Date().toISOString(),
      resetLink: base ? `${base}/forgot-password` : null,
    });
  }

  /** Password hashing through the gate; a flood that fills the gate's queue is told to come back. */
  private async hashed<T>(address: string | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await this.hashing.run(address, work);
    } catch (error) {
      if (!(error instanceof GateFull)) throw error;
      throw new AppError(ErrorCode.RATE_LIMITED, "Too many sign-ins at once from your address. Try again in a few seconds.", {
        retryAfterSeconds: 5,
      });
    }
  }

  private async startSession(customer: Customer, session: RequestSessionPort): Promise<void> {
    const old = await session.id();
    const started = await this.tx.run(async () => {
      if (old) {
        await this.carts.mergeGuestCart(old, customer.id);
        // An order placed as a guest a moment ago (maybe still on the payment page) stays theirs.
        await this.guestOrders.adoptGuestOrders(old, customer.id);
      }
      return this.sessions.start(customer, old);
    });
    session.adopt(started);
  }
}
