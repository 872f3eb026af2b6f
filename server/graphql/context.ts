import type { Logger } from "../lib/logger";
import type { LoaderCache } from "./loaders";

/** Who is asking: a session (maybe none yet) and, when signed in, the customer and their role. */
export interface Viewer {
  sessionId?: string;
  customerId?: string;
  email?: string;
  role?: string;
}

/** Whose cart and orders a request works on: the signed-in customer's, else the session's. */
export interface Owner {
  sessionId: string;
  customerId: string | null;
}

/** A session just stored for this request: the token the client keeps, and who it belongs to. */
export interface StartedSession {
  token: string;
  viewer: Viewer & { sessionId: string };
}

/** The caller's session for one request, as resolvers see it (implemented by sessions/request-session.ts). */
export interface RequestSessionPort {
  /** The client's address, for throttling. */
  readonly address: string | undefined;
  viewer(): Promise<Viewer>;
  /** The session id, or undefined for a caller without a (live) session. */
  id(): Promise<string | undefined>;
  owner(): Promise<Owner | undefined>;
  /** The owner, creating a guest session (and handing its token to the client) when there is none. */
  ensureOwner(): Promise<Owner>;
  /** Makes a freshly stored session this request's and hands its token to the client. */
  adopt(started: StartedSession): void;
  /** Forgets the session on the client too. */
  clear(): void;
}

/** What every resolver gets for the request it serves. */
export interface Context {
  session: RequestSessionPort;
  /** The address the client reached this server at (scheme and host), for links back to the store. */
  origin: string;
  loaders: LoaderCache;
  /** What the request's log line should say about it (the GraphQL operation's name). */
  notes: { operation?: string };
  /** The request's logger: its lines carry the request id. */
  log: Logger;
}
