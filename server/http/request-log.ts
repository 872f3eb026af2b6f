import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../lib/logger";

export const REQUEST_ID_HEADER = "X-Request-Id";

/** What a request handler learned that the request's log line should carry (the GraphQL operation). */
export interface RequestNotes {
  operation?: string;
}

/** The notes of a response, kept on Express's res.locals. */
export const notesOf = (res: { locals?: Record<string, unknown> }): RequestNotes => ((res.locals ??= {}).notes ??= {}) as RequestNotes;

/** The path as the client asked for it (Express rewrites req.url inside mounted routers), without the query. */
const pathOf = (req: IncomingMessage & { originalUrl?: string }) => (req.originalUrl ?? req.url ?? "").split("?")[0];

/** A proxy's request id is kept when it looks like one; otherwise a new one. */
const SANE_ID = /^[\w.:-]{8,128}$/;

/** Health probes every few seconds would drown the log. */
const UNLOGGED = new Set(["/healthz", "/readyz"]);

/** A request as the log sees it: Express's, or one answered before Express (the catalog cache's fast path). */
type LoggedRequest = IncomingMessage & { originalUrl?: string; id?: string; log?: Logger };

export interface RequestLog {
  /**
   * Starts a request's log: gives it an id (sent back as X-Request-Id; a trusted proxy's own X-Request-Id is
   * kept), a `req.log` that writes under that id, and writes its line when the response ends.
   */
  (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void): void;
}

/**
 * One JSON line per request: request id, method, path without the query string, client address, status,
 * duration and the GraphQL operation. Never headers, cookies, bodies or query strings, so no password, token
 * or card data reaches the log. Usable as Express middleware and on a bare request (`next` left out).
 *
 * @param addressOf the client's address as the rate limits count it (Express's req.ip: through trusted proxies only)
 */
export function requestLog(
  logger: Logger,
  fromTrustedProxy: (req: IncomingMessage) => boolean,
  addressOf: (req: IncomingMessage) => string | undefined,
): RequestLog {
  return (request, res, next) => {
    const req = request as LoggedRequest;
    // Already started (by the catalog cache, which read the body before handing the request to Express).
    if (req.id !== undefined) return void next?.();
    const started = performance.now();
    // A proxy's id links its log to ours; a client's own id is not taken (it could reuse or forge ids).
    const incoming = req.headers["x-request-id"];
    const id = typeof incoming === "string" && SANE_ID.test(incoming) && fromTrustedProxy(req) ? incoming : randomUUID();
    req.id = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    // A logger under the request's id, made only when something logs (an error in a resolver).
    let child: Logger | undefined;
    Object.defineProperty(req, "log", { configurable: true, get: () => (child ??= logger.child({ requestId: id })) });
    const path = pathOf(req);
    if (!UNLOGGED.has(path)) {
      const done = () => {
        res.off("finish", done);
        res.off("close", done);
        const status = res.statusCode;
        const aborted = !res.writableFinished;
        const { operation } = notesOf(res as unknown as { locals?: Record<string, unknown> });
        const line = {
          requestId: id,
          req: { method: req.method, path, address: addressOf(req) },
          res: { status },
          durationMs: Math.round(performance.now() - started),
          ...(operation ? { operation } : {}),
        };
        const message = `${req.method} ${path} ${status}`;
        // A connection closed before its answer was sent whole: the client went away, or the server cut it.
        if (status >= 500 || aborted) logger.error(aborted ? { ...line, aborted: true } : line, message);
        else logger.info(line, message);
      };
      res.on("finish", done);
      res.on("close", done);
    }
    next?.();
  };
}
