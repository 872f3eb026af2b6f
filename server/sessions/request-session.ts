import type { Request, Response } from "express";
import type { Role } from "../accounts/customer.entity";
import type { Session } from "./session.entity";
import { SESSION_COOKIE, SESSION_HEADER, tokenFromRequest, type SessionService } from "./session.service";

/** Who is asking: a session (maybe none yet) and, when signed in, the customer and their role. */
export interface Viewer {
  sessionId?: string;
  customerId?: string;
  email?: string;
  role?: Role;
}

/** Whose cart and orders a request works on: the signed-in customer's, else the session's. */
export interface Owner {
  sessionId: string;
  customerId: string | null;
}

/** The caller's session for one request: looked up at most once, created only when a mutation needs it. */
export class RequestSession {
  private current?: Promise<Session | undefined>;

  constructor(
    private readonly service: SessionService,
    private readonly req: Request,
    private readonly res: Response,
    private readonly cookie: { secure: boolean; maxAgeSeconds: number },
  ) {}

  /** The client's address, for throttling sign-ins. */
  get address(): string | undefined {
    return this.req.ip;
  }

  private session(): Promise<Session | undefined> {
    this.current ??= this.service.find(tokenFromRequest(this.req.headers));
    return this.current;
  }

  async viewer(): Promise<Viewer> {
    const s = await this.session();
    if (!s) return {};
    return { sessionId: s.id, customerId: s.customer?.id, email: s.customer?.email, role: s.customer?.role };
  }

  /** The session id, or undefined for a caller without a (live) session. */
  async id(): Promise<string | undefined> {
    return (await this.session())?.id;
  }

  async owner(): Promise<Owner | undefined> {
    const s = await this.session();
    return s ? { sessionId: s.id, customerId: s.customerId } : undefined;
  }

  /** The owner, creating a guest session (and sending its cookie and header) when there is none. */
  async ensureOwner(): Promise<Owner> {
    const existing = await this.owner();
    if (existing) return existing;
    const { session, token } = await this.service.create();
    this.adopt(session, token);
    return { sessionId: session.id, customerId: null };
  }

  /** Makes a freshly stored session this request's and hands its token to the client. */
  adopt(session: Session, token: string): void {
    this.current = Promise.resolve(session);
    this.res.append("Set-Cookie", this.cookieHeader(token, this.cookie.maxAgeSeconds));
    this.res.setHeader(SESSION_HEADER, token);
  }

  /** Forgets the session on the client too. */
  clear(): void {
    this.current = Promise.resolve(undefined);
    this.res.append("Set-Cookie", this.cookieHeader("", 0));
  }

  private cookieHeader(token: string, maxAge: number): string {
    const attrs = [`Path=/`, `HttpOnly`, `SameSite=Lax`, `Max-Age=${maxAge}`];
    if (this.cookie.secure) attrs.push("Secure");
    return `${SESSION_COOKIE}=${token}; ${attrs.join("; ")}`;
  }
}
