import { createHash, randomBytes } from "node:crypto";
import type { Repository } from "typeorm";
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

  private get sessions(): Repository<Session> {
    return this.tx.reader.getRepository(Session);
  }

  /** The live session for a token, or undefined when the token is unknown or expired. */
  async find(token: string | undefined): Promise<Session | undefined> {
    if (!token || token.length > 200) return undefined;
    const session = await this.sessions.findOneBy({ id: hashToken(token) });
    if (!session || session.expiresAt.getTime() <= Date.now()) return undefined;
    return session;
  }

  /** Creates a session; returns the token the client must keep (only its hash is stored). */
  async create(): Promise<{ session: Session; token: string }> {
    const token = randomBytes(32).toString("base64url");
    const session = this.tx.dataSource.manager.create(Session, {
      id: hashToken(token),
      expiresAt: new Date(Date.now() + this.sessionDays * 86_400_000),
    });
    await this.tx.run((m) => m.insert(Session, session));
    return { session, token };
  }
}
