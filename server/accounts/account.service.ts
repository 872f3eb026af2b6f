import type { GuestOrders } from "./account.port";
import { randomUUID } from "node:crypto";
import type { CartService } from "../cart/cart.service";
import { isUniqueViolation, type Transactions } from "../db/transaction";
import { AppError, ErrorCode, badInput } from "../graphql/errors";
import type { RequestSessionPort } from "../graphql/context";
import type { SessionService } from "../sessions/session.service";
import { Customer, Role } from "./customer.entity";
import { normalizeEmail, type RegisterInput } from "./account.inputs";
import type { LoginThrottleService } from "./login-throttle.service";
import { hashPassword, verifyPassword } from "./password";

const invalidCredentials = () => new AppError(ErrorCode.INVALID_CREDENTIALS, "The email or password is not right");

export class AccountService {
  /** Verified against when the email is unknown, so a wrong email costs as long as a wrong password. */
  private decoyHash?: Promise<string>;

  constructor(
    private readonly tx: Transactions,
    private readonly sessions: SessionService,
    private readonly carts: CartService,
    private readonly throttle: LoginThrottleService,
    private readonly guestOrders: GuestOrders,
    private readonly opts: { scryptLogN: number; production: boolean },
  ) {}

  byId(id: string): Promise<Customer | null> {
    return this.tx.manager.findOneBy(Customer, { id });
  }

  async register(input: RegisterInput, session: RequestSessionPort): Promise<Customer> {
    const customer = this.tx.reader.create(Customer, {
      id: randomUUID(),
      email: input.email.trim(),
      emailNormalized: normalizeEmail(input.email),
      name: input.name.trim(),
      passwordHash: await hashPassword(input.password, this.opts.scryptLogN),
      role: Role.CUSTOMER,
      isDemo: false,
    });
    try {
      await this.tx.run((m) => m.insert(Customer, customer));
    } catch (error) {
      if (isUniqueViolation(error)) throw badInput("email", "An account with this email already exists; sign in instead");
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
  async login(email: string, password: string, session: RequestSessionPort): Promise<Customer> {
    const normalized = normalizeEmail(email);
    const keys = this.throttle.keys(normalized, session.address);
    // Counted before the password is checked, so parallel guesses can't slip past the limit.
    await this.throttle.attempt(keys);
    const customer = await this.tx.manager.findOneBy(Customer, { emailNormalized: normalized });
    this.decoyHash ??= hashPassword(randomUUID(), this.opts.scryptLogN);
    const ok = await verifyPassword(password, customer?.passwordHash ?? (await this.decoyHash));
    if (!customer || !ok || (customer.isDemo && this.opts.production)) throw invalidCredentials();
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
