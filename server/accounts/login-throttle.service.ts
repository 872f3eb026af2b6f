import { In } from "typeorm";
import { waitWords } from "../../common/plural";
import type { Transactions } from "../db/transaction";
import { AppError, ErrorCode } from "../graphql/errors";
import { LoginThrottle } from "./login-throttle.entity";

export interface ThrottleRules {
  /** Failures within the window that block an email for `blockMinutes`. */
  maxFailuresPerEmail: number;
  /** The same for one client address, higher: many people may share one. */
  maxFailuresPerAddress: number;
  windowMinutes: number;
  blockMinutes: number;
}

/**
 * Slows down password guessing: too many failed logins for one email or from one address within a
 * window block further attempts for a while — never for good, so a real customer can always get back in.
 */
export class LoginThrottleService {
  constructor(
    private readonly tx: Transactions,
    private readonly rules: ThrottleRules,
    /** What a blocked caller is told, before "Try again in N minute(s)". */
    private readonly message = "Too many failed sign-ins.",
  ) {}

  keys(email: string, address: string | undefined): string[] {
    return [`email:${email}`, ...(address ? [`ip:${address}`] : [])];
  }

  /** Throws RATE_LIMITED while any of the keys is blocked. */
  async check(keys: string[], now = new Date()): Promise<void> {
    const rows = await this.tx.manager.findBy(LoginThrottle, { key: In(keys) });
    this.refuseIfBlocked(rows, now);
  }

  private refuseIfBlocked(rows: LoginThrottle[], now: Date): void {
    const blocked = rows.filter((r) => r.blockedUntil && r.blockedUntil > now);
    if (blocked.length) {
      const until = Math.max(...blocked.map((r) => r.blockedUntil!.getTime()));
      const retryAfterSeconds = Math.ceil((until - now.getTime()) / 1000);
      throw new AppError(ErrorCode.RATE_LIMITED, `${this.message} Try again in ${waitWords(retryAfterSeconds)}.`, {
        retryAfterSeconds,
      });
    }
  }

  /**
   * Counts an attempt before it is judged, atomically (rows locked; SQLite has one writer), so parallel
   * guesses can't all pass a check made before any of them failed: past the limit, the attempt is refused
   * with RATE_LIMITED and the keys are blocked. A successful attempt is given back by `succeeded`.
   */
  async attempt(keys: string[], now = new Date()): Promise<void> {
    const windowStart = new Date(now.getTime() - this.rules.windowMinutes * 60_000);
    const blockedUntil = new Date(now.getTime() + this.rules.blockMinutes * 60_000);
    // The rows first, in their own short transaction (an existing one is left alone): locking rows that exist
    // queues parallel attempts, where inserting them in the locking transaction deadlocks them (MySQL's shared
    // lock on a duplicate key).
    await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .insert()
        .into(LoginThrottle)
        .values(keys.map((key) => ({ key, failures: 0, windowStartedAt: now, blockedUntil: null })))
        .orIgnore()
        .execute(),
    );
    const refused = await this.tx.run(async (m) => {
      const rows = await this.tx.lockForUpdate(m.createQueryBuilder(LoginThrottle, "t").where("t.key IN (:...keys)", { keys })).getMany();
      this.refuseIfBlocked(rows, now);
      let over = false;
      for (const key of keys) {
        const row = rows.find((r) => r.key === key);
        const fresh = !row || row.windowStartedAt < windowStart;
        const failures = fresh ? 1 : row.failures + 1;
        const limit = key.startsWith("ip:") ? this.rules.maxFailuresPerAddress : this.rules.maxFailuresPerEmail;
        over ||= failures > limit;
        const values = {
          failures,
          windowStartedAt: fresh ? now : row.windowStartedAt,
          blockedUntil: failures > limit ? blockedUntil : null,
        };
        if (row) await m.update(LoginThrottle, { key }, values);
        else await m.insert(LoginThrottle, { key, ...values });
      }
      return over;
    });
    if (refused) await this.check(keys, now);
  }

  async failed(keys: string[], now = new Date()): Promise<void> {
    const windowStart = new Date(now.getTime() - this.rules.windowMinutes * 60_000);
    await this.tx.run(async (m) => {
      for (const key of keys) {
        const limit = key.startsWith("ip:") ? this.rules.maxFailuresPerAddress : this.rules.maxFailuresPerEmail;
        const row = await m.findOneBy(LoginThrottle, { key });
        const fresh = !row || row.windowStartedAt < windowStart;
        const failures = fresh ? 1 : row.failures + 1;
        const blockedUntil = failures >= limit ? new Date(now.getTime() + this.rules.blockMinutes * 60_000) : null;
        const values = { failures, windowStartedAt: fresh ? now : row.windowStartedAt, blockedUntil };
        if (row) await m.update(LoginThrottle, { key }, values);
        else await m.insert(LoginThrottle, { key, ...values });
      }
    });
  }

  /** A successful login forgets the email's failures; the address's count gives back the attempt `attempt` took. */
  async succeeded(email: string, address?: string): Promise<void> {
    await this.tx.run(async (m) => {
      await m.delete(LoginThrottle, { key: `email:${email}` });
      if (address) await m.decrement(LoginThrottle, { key: `ip:${address}` }, "failures", 1);
    });
  }
}
