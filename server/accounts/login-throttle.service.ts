import { In } from "typeorm";
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
    const blocked = rows.filter((r) => r.blockedUntil && r.blockedUntil > now);
    if (blocked.length) {
      const until = Math.max(...blocked.map((r) => r.blockedUntil!.getTime()));
      const retryAfterSeconds = Math.ceil((until - now.getTime()) / 1000);
      throw new AppError(ErrorCode.RATE_LIMITED, `${this.message} Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, {
        retryAfterSeconds,
      });
    }
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

  /** A successful login forgets the email's failures (the address keeps its count). */
  async succeeded(email: string): Promise<void> {
    await this.tx.run((m) => m.delete(LoginThrottle, { key: `email:${email}` }));
  }
}
