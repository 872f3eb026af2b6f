import type { Request, Response } from "express";
import type { Session } from "./session.entity";
import { SESSION_COOKIE, SESSION_HEADER, tokenFromRequest, type SessionService } from "./session.service";

/** The caller's session for one request: looked up at most once, created only when a mutation needs it. */
export class RequestSession {
  private current?: Promise<Session | undefined>;

  constructor(
    private readonly service: SessionService,
    private readonly req: Request,
    private readonly res: Response,
    private readonly cookie: { secure: boolean; maxAgeSeconds: number },
  ) {}

  /** The session id, or undefined for a caller without a (live) session. */
  async id(): Promise<string | undefined> {
    this.current ??= this.service.find(tokenFromRequest(this.req.headers));
    return (await this.current)?.id;
  }

  /** The session id, creating the session (and sending its cookie and header) when there is none. */
  async ensure(): Promise<string> {
    const existing = await this.id();
    if (existing) return existing;
    const { session, token } = await this.service.create();
    this.current = Promise.resolve(session);
    const attrs = [`Path=/`, `HttpOnly`, `SameSite=Lax`, `Max-Age=${this.cookie.maxAgeSeconds}`];
    if (this.cookie.secure) attrs.push("Secure");
    this.res.append("Set-Cookie", `${SESSION_COOKIE}=${token}; ${attrs.join("; ")}`);
    this.res.setHeader(SESSION_HEADER, token);
    return session.id;
  }
}
