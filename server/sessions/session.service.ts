import { createHash, randomBytes } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { Transactions } from "../db/transaction";
import { Session } from "./session.entity";

export const SESSION_COOKIE = "sw_session";
export const SESSION_HEADER = "Shopwright-Session";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Reads the session token from the request: the cookie first, else `Authorization: Bearer <token>`. */
export function tokenFromRequest(headers: { cookie?: string; authorization?: string }): string | undefined {
  const cookie = headers.cookie
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === SESSION_COOKIE)?.[1];
  // Tokens are base64url and need no decoding; anything else is simply not a token of ours.
  if (cookie) return /^[\w-]{1,200}$/.test(cookie) ? cookie : undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? "")?.[1];
  return bearer || undefined;
}

export class SessionService {
  constructor(
    private readonly tx: Transactions,
    private readonly sessionDays: number,
  ) {}

  /** The live session for a token, with its signed-in customer; undefined when unknown or expired. */
  async find(token: string | undefined): Promise<Session | undefined> {
    if (!token || token.length > 200) return undefined;
    const session = await this.tx.reader.findOne(Session, { where: { id: hashToken(token) }, relations: { customer: true } });
    if (!session || session.expiresAt.getTime() <= Date.now()) return undefined;
    return session;
  }

  /** A new session (not yet stored) and the token the client must keep; only its hash is stored. */
  draft(customerId: string | null = null): { session: Session; token: string } {
    const token = randomBytes(32).toString("base64url");
    const session = this.tx.dataSource.manager.create(Session, {
      id: hashToken(token),
      expiresAt: new Date(Date.now() + this.sessionDays * 86_400_000),
      customerId,
    });
    return { session, token };
  }

  async create(): Promise<{ session: Session; token: string }> {
    const drafted = this.draft();
    await this.tx.run((m) => m.insert(Session, drafted.session));
    return drafted;
  }

  async insert(m: EntityManager, session: Session): Promise<void> {
    await m.insert(Session, session);
  }

  async remove(m: EntityManager, id: string): Promise<void> {
    await m.delete(Session, { id });
  }
}
