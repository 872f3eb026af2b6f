import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { pinoHttp } from "pino-http";
import { errorForLog, type Logger } from "../lib/logger";

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

/**
 * One JSON line per request (pino-http): request id (also sent back as X-Request-Id; a trusted proxy's own
 * X-Request-Id is kept), method, path without
 * the query string, client address, status, duration and the GraphQL operation. Never headers, cookies,
 * bodies or query strings, so no password, token or card data reaches the log.
 */
export function requestLog(logger: Logger, fromTrustedProxy: (req: IncomingMessage) => boolean): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      // A proxy's id links its log to ours; a client's own id is not taken (it could reuse or forge ids).
      const incoming = fromTrustedProxy(req) ? req.headers["x-request-id"] : undefined;
      const id = typeof incoming === "string" && SANE_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    quietReqLogger: true,
    customAttributeKeys: { reqId: "requestId", responseTime: "durationMs" },
    serializers: {
      req: (req: { method: string; url: string; raw?: { ip?: string } }) => ({
        method: req.method,
        path: req.url.split("?")[0],
        address: req.raw?.ip,
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      err: errorForLog,
    },
    wrapSerializers: true,
    customProps: (_req, res) => {
      const { operation } = notesOf(res as unknown as { locals?: Record<string, unknown> });
      return operation ? { operation } : {};
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : "info"),
    customSuccessMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    // Health probes every few seconds would drown the log.
    autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/readyz" },
  }) as unknown as RequestHandler;
}
