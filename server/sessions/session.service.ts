import { createHash, randomBytes } from "node:crypto";
import { Not } from "typeorm";
import type { Transactions } from "../db/transaction";
import type { StartedSession } from "../graphql/context";
import { Session } from "./session.entity";

/** The session cookie's name; `__Host-sw_session` when the cookie is Secure (see app.ts). */
export const SESSION_COOKIE = "sw_session";
/**
 * A client without cookies sends `Shopwright-Session: bearer` to ask for its token, which comes back in this
 * response header; it then sends `Authorization: Bearer <token>`. Browsers (cookies) never get the token.
 */
export const SESSION_HEADER = "Shopwright-Session";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Reads the session token from the request: the cookie first, else `Authorization: Bearer <token>`. */
export function tokenFromRequest(headers: { cookie?: string; authorization?: string }, cookieName = SESSION_COOKIE): string | undefined {
  const cookie = headers.cookie
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === cookieName)?.[1];
  // Tokens are base64url and need no decoding; anything else is simply not a token of ours.
  if (cookie) return /^[\w-]{1,200}$/.test(cookie) ? cookie : undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? "")?.[1];
  return bearer || undefined;
}

/** Whether the client uses bearer tokens: it asks for one (`Shopwright-Session: bearer`) or sends one. */
export function wantsBearerToken(headers: { authorization?: string; [name: string]: string | string[] | undefined }): boolean {
  const ask = headers[SESSION_HEADER.toLowerCase()];
  return (typeof ask === "string" && ask.trim().toLowerCase() === "bearer") || /^Bearer\s+\S+$/i.test(headers.authorization ?? "");
}

export class SessionService {
  constructor(
    private readonly tx: Transactions,
    private readonly sessionDays: number,
  ) {}

  /** The live session for a token, with its signed-in customer; undefined when unknown or expired. */
  async find(token: string | undefined): Promise<Session | undefined> {
    if (!token || token.length > 200) return undefined;
    const session = await this.tx.manager.findOne(Session, { where: { id: hashToken(token) }, relations: { customer: true } });
    if (!session || session.expiresAt.getTime() <= Date.now()) return undefined;
    return session;
  }

  /**
   * Stores a new session, for a guest or a signed-in customer, in the caller's transaction if there is one;
   * `replaces` is dropped at the same time (a sign-in never keeps the old id: no fixation). Only the token's
   * hash is stored; the token goes to the client.
   */
  async start(customer?: { id: string; email: string; role: string }, replaces?: string): Promise<StartedSession> {
    const token = randomBytes(32).toString("base64url");
    const id = hashToken(token);
    await this.tx.run(async (m) => {
      if (replaces) await m.delete(Session, { id: replaces });
      await m.insert(Session, { id, expiresAt: new Date(Date.now() + this.sessionDays * 86_400_000), customerId: customer?.id ?? null });
    });
    return { token, viewer: { sessionId: id, customerId: customer?.id, email: customer?.email, role: customer?.role } };
  }

  async end(id: string): Promise<void> {
    await this.tx.run((m) => m.delete(Session, { id }));
  }

  /** Signs a customer out everywhere (but on the session `except`, when given). */
  async endAllOf(customerId: string, except?: string): Promise<void> {
    await this.tx.run((m) => m.delete(Session, except ? { customerId, id: Not(except) } : { customerId }));
  }
}
