import type { Request, Response } from "express";
import { clientKey } from "../http/client-address";
import type { Owner, RequestSessionPort, StartedSession, Viewer } from "../graphql/context";
import type { Session } from "./session.entity";
import { SESSION_HEADER, tokenFromRequest, wantsBearerToken, type SessionService } from "./session.service";

const viewerOf = (s: Session): Viewer => ({
  sessionId: s.id,
  customerId: s.customer?.id,
  email: s.customer?.email,
  role: s.customer?.role,
});

/** The caller's session for one request: looked up at most once, created only when a mutation needs it. */
export class RequestSession implements RequestSessionPort {
  private current?: Promise<Viewer>;

  constructor(
    private readonly service: SessionService,
    private readonly req: Request,
    private readonly res: Response,
    private readonly cookie: { name: string; secure: boolean; maxAgeSeconds: number },
  ) {}

  /** The client's address as limits count it (an IPv6 /64 is one client; see clientKey). */
  get address(): string | undefined {
    return this.req.ip === undefined ? undefined : clientKey(this.req.ip);
  }

  viewer(): Promise<Viewer> {
    this.current ??= this.service.find(tokenFromRequest(this.req.headers, this.cookie.name)).then((s) => (s ? viewerOf(s) : {}));
    return this.current;
  }

  async id(): Promise<string | undefined> {
    return (await this.viewer()).sessionId;
  }

  async owner(): Promise<Owner | undefined> {
    const v = await this.viewer();
    return v.sessionId ? { sessionId: v.sessionId, customerId: v.customerId ?? null } : undefined;
  }

  async ensureOwner(): Promise<Owner> {
    const existing = await this.owner();
    if (existing) return existing;
    const started = await this.service.start();
    this.adopt(started);
    return { sessionId: started.viewer.sessionId, customerId: null };
  }

  adopt(started: StartedSession): void {
    this.current = Promise.resolve(started.viewer);
    this.res.append("Set-Cookie", this.cookieHeader(started.token, this.cookie.maxAgeSeconds));
    // Only to a client that keeps bearer tokens: a browser's token stays in its HttpOnly cookie, out of scripts' reach.
    if (wantsBearerToken(this.req.headers)) this.res.setHeader(SESSION_HEADER, started.token);
  }

  clear(): void {
    this.current = Promise.resolve({});
    this.res.append("Set-Cookie", this.cookieHeader("", 0));
  }

  private cookieHeader(token: string, maxAge: number): string {
    const attrs = [`Path=/`, `HttpOnly`, `SameSite=Lax`, `Max-Age=${maxAge}`];
    if (this.cookie.secure) attrs.push("Secure");
    return `${this.cookie.name}=${token}; ${attrs.join("; ")}`;
  }
}
