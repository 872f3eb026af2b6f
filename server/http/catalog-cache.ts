import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from "node:http";
import zlib from "node:zlib";
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import type { RequestHandler } from "express";
import { notesOf, type RequestLog } from "./request-log";

/** Root fields whose answer is the same for every shopper: the public catalog. */
const PUBLIC_ROOTS = new Set(["products", "product", "categories", "category", "shop", "__typename"]);
/** Query texts longer than this are never cached (the storefront's are a few hundred bytes). */
const MAX_QUERY_LENGTH = 10_000;
/** Request bodies the fast path reads itself (a query and its variables); larger ones go to Express whole. */
const MAX_FRONT_BODY = 16 * 1024;
/** The request bodies known at most (their text and their answer's key), before starting again. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** An answer larger than this is not kept. */
const MAX_ANSWER_BYTES = 512 * 1024;
/** Brotli as the shop compresses what it sends: the compression middleware (app.ts) and the kept answers. */
export const BROTLI_OPTIONS = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } };

/**
 * Response headers that are the request's own, or that a hit sets itself: everything else the first answer
 * carried (the security headers, its content type) is sent again with every hit.
 */
const OWN_HEADERS = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "etag",
  "date",
  "connection",
  "keep-alive",
  "vary",
  "x-request-id",
]);

interface Answer {
  at: number;
  body: Buffer;
  /** The operation's name, for the request's log line. */
  operation?: string;
  /** The headers of the response that made it, but its own (OWN_HEADERS): what the fast path sends. */
  headers: [string, OutgoingHttpHeader][];
  /** The body compressed, made at its first hit that accepts the encoding. */
  br?: Buffer;
  gzip?: Buffer;
}

/** What the compression middleware would pick (it leaves a response that says its encoding as it is). */
function encodingFor(accept: string | undefined): "br" | "gzip" | "identity" {
  const offered = (accept ?? "").toLowerCase();
  if (/\bbr\b/.test(offered)) return "br";
  if (/\bgzip\b/.test(offered)) return "gzip";
  return "identity";
}

/** The body of a request the fast path read (a miss goes on to Express with it), or why it isn't JSON. */
const FRONT_BODY = Symbol("catalogCache.body");
type ReadRequest = IncomingMessage & { [FRONT_BODY]?: { raw: string; error?: Error } };

/** What the fast path needs of the app around it. */
export interface FrontOptions {
  /** Shutting down: Express answers, and closes the connection. */
  draining(): boolean;
  /** The client's address as Express's req.ip has it (through trusted proxies only). */
  addressOf(req: IncomingMessage): string | undefined;
  /** The request comes from a proxy the shop trusts (a request through an untrusted one goes to Express, which warns). */
  fromTrustedProxy(req: IncomingMessage): boolean;
  /** Counts a request against the whole API's limit of the address; rejects when it is used up. */
  take(address: string | undefined): Promise<void>;
  /** The request log (request-log.ts): an id, and a line when the response ends. */
  log: RequestLog;
}

/**
 * The public catalog's GraphQL answers, kept for `ttlMs` (a few seconds): a catalog page asked for again
 * within that time is sent as it was, without running the query. Only queries whose root fields are all
 * public catalog fields; only answers without errors, produced for a request without a session (so no
 * viewer can shape them), and served to anyone asking the same query with the same variables. Mutations,
 * the cart, checkout, accounts and admin never go through it. A shopper sees prices and stock at most
 * `ttlMs` old; two server processes each keep their own, so they agree again within `ttlMs`.
 *
 * Two ways in: `middleware` in the Express chain (it keeps answers, and serves a hit that reaches it), and
 * `front`, the server's request listener, which answers a hit before Express — with the first answer's own
 * headers, counted by the rate limit and logged as any request — and hands everything else to Express.
 */
export class CatalogCache {
  private readonly answers = new Map<string, Answer>();
  /** Request bodies as sent, to the answer's key: a hit needs no JSON parsing. */
  private readonly bodies = new Map<string, { key: string; at: number }>();
  private bodyBytes = 0;
  private readonly cacheable = new Map<string, boolean>();
  /**
   * When answers not kept were first asked for, by a hash of their key, oldest first. An answer is kept the
   * second time it is asked for within `ttlMs`: a page asked for once (one shopper's product out of 100,000,
   * a crawler's walk) is not copied and held for nothing; a page shoppers ask for is a hit from its third ask.
   */
  private readonly asked = new Map<number, number>();
  private bytes = 0;
  private readonly maxBytes: number;

  constructor(
    private readonly options: {
      ttlMs: number;
      maxEntries: number;
      /** The session cookie's name, and the header a client without cookies asks for a session token with. */
      sessionCookie: string;
      sessionHeader: string;
    },
  ) {
    this.maxBytes = options.maxEntries * 64 * 1024;
  }

  /** Express middleware after the JSON body parser: serves a hit, or keeps the answer Apollo sends. */
  readonly middleware: RequestHandler = (req, res, next) => {
    const body = req.body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
    if (this.options.ttlMs <= 0 || req.method !== "POST" || typeof body?.query !== "string" || body.query.length > MAX_QUERY_LENGTH)
      return next();
    const operationName = typeof body.operationName === "string" ? body.operationName : undefined;
    if (!this.isPublicQuery(body.query, operationName)) return next();
    const key = `${operationName ?? ""}\n${body.query}\n${JSON.stringify(body.variables ?? null)}`;
    const now = Date.now();
    const raw = (req as ReadRequest)[FRONT_BODY]?.raw;
    const hit = this.fresh(key, now);
    if (hit) {
      if (raw !== undefined) this.learn(raw, key, now);
      this.send(hit, req, res);
      return;
    }
    if (this.hasSession(req.headers)) return next(); // answered for this viewer, not kept for everyone
    if (!this.askedBefore(key, now)) return next();

    // Keep what Apollo sends, if it is a whole answer without errors.
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
    const take = (chunk: unknown) => {
      if (typeof chunk === "string") chunks.push(Buffer.from(chunk));
      else if (Buffer.isBuffer(chunk)) chunks.push(chunk);
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      take(chunk);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk !== undefined && typeof chunk !== "function") take(chunk);
      const answer = Buffer.concat(chunks);
      const headers = Object.entries(res.getHeaders()).filter(([name]) => !OWN_HEADERS.has(name)) as [string, OutgoingHttpHeader][];
      if (res.statusCode === 200 && answer.length <= MAX_ANSWER_BYTES && !res.hasHeader("set-cookie") && isWholeAnswer(answer))
        // The operation as Apollo named it for the log (an anonymous one too).
        this.keep(key, raw, { at: now, body: answer, operation: notesOf(res).operation, headers });
      return end(chunk, ...rest);
    }) as typeof res.end;
    next();
  };

  /**
   * Express's JSON body parser, for a request whose body the fast path has already read (a miss): that body,
   * or the error the parser gives a malformed one. Any other request goes to `parser`.
   */
  json(parser: RequestHandler): RequestHandler {
    return (req, res, next) => {
      const read = (req as ReadRequest)[FRONT_BODY];
      if (!read) return parser(req, res, next);
      next(read.error);
    };
  }

  /**
   * The server's request listener: a catalog query whose answer is kept is answered here, before Express
   * (its routing, body parser, compression and security middleware cost more than the answer); any other
   * request goes to `app` untouched, or, once its small JSON body is read, with that body (see `json`).
   */
  front(app: (req: IncomingMessage, res: ServerResponse) => void, options: FrontOptions) {
    return (req: IncomingMessage, res: ServerResponse): void => {
      const headers = req.headers;
      const length = Number(headers["content-length"]);
      if (
        this.options.ttlMs <= 0 ||
        this.answers.size === 0 ||
        req.method !== "POST" ||
        req.url !== "/graphql" ||
        !(length > 0 && length <= MAX_FRONT_BODY) ||
        headers["transfer-encoding"] !== undefined ||
        (headers["content-encoding"] !== undefined && headers["content-encoding"] !== "identity") ||
        !/^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(headers["content-type"] ?? "") ||
        (headers["x-forwarded-for"] !== undefined && !options.fromTrustedProxy(req)) ||
        options.draining()
      )
        return app(req, res);
      // Its log line starts now (the time to read the body counts), whoever answers it.
      options.log(req, res);
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("error", () => res.destroy());
      req.on("end", () => {
        // As Express's parser reads it: UTF-8, without a byte order mark.
        const raw = Buffer.concat(chunks)
          .toString("utf8")
          .replace(/^\uFEFF/, "");
        const key = this.bodies.get(raw)?.key;
        const hit = key === undefined ? undefined : this.fresh(key, Date.now());
        const onward = () => {
          const read = parseBody(raw);
          (req as ReadRequest)[FRONT_BODY] = { raw, error: read.error };
          if (!read.error) (req as { body?: unknown }).body = read.value;
          app(req, res);
        };
        if (!hit) return onward();
        const address = options.addressOf(req);
        options
          .take(address)
          .then(() => {
            // Shutting down meanwhile: the connection closes after this answer, as Express's would.
            if (options.draining()) res.shouldKeepAlive = false;
            for (const [name, value] of hit.headers) res.setHeader(name, value);
            this.send(hit, req, res);
          }, onward) // refused (or the limiter failed): Express answers, as it would have
          .catch(() => res.destroy()); // a response that could not be sent: never an unhandled rejection
      });
    };
  }

  /** Whether `key` was asked for within `ttlMs` (then it is forgotten here: its answer is kept); else notes it. */
  private askedBefore(key: string, now: number): boolean {
    this.prune(now);
    const hash = fnv1a(key);
    if (this.asked.delete(hash)) return true;
    if (this.asked.size >= this.options.maxEntries * 4) this.asked.clear();
    this.asked.set(hash, now);
    return false;
  }

  private fresh(key: string, now: number): Answer | undefined {
    const hit = this.answers.get(key);
    return hit && now - hit.at < this.options.ttlMs ? hit : undefined;
  }

  /** Sends a kept answer as it is kept, compressed once for every hit: no query, no serialising, no compressing per request. */
  private send(hit: Answer, req: IncomingMessage, res: ServerResponse): void {
    notesOf(res as unknown as { locals?: Record<string, unknown> }).operation = hit.operation;
    const encoding = hit.body.length < 1024 ? "identity" : encodingFor(req.headers["accept-encoding"]);
    let bytes = hit.body;
    if (encoding === "br") bytes = hit.br ??= zlib.brotliCompressSync(hit.body, BROTLI_OPTIONS);
    if (encoding === "gzip") bytes = hit.gzip ??= zlib.gzipSync(hit.body);
    res.statusCode = 200;
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    const vary = res.getHeader("vary");
    if (!vary) res.setHeader("Vary", "Accept-Encoding");
    else if (!/accept-encoding/i.test(String(vary))) res.setHeader("Vary", `${String(vary)}, Accept-Encoding`);
    if (encoding !== "identity") res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", bytes.length);
    res.end(bytes);
  }

  private keep(key: string, raw: string | undefined, answer: Answer): void {
    const old = this.answers.get(key);
    if (old) {
      this.bytes -= old.body.length;
      this.answers.delete(key); // kept again: to the end, with the newest
    }
    if (this.answers.size >= this.options.maxEntries || this.bytes + answer.body.length > this.maxBytes) {
      this.answers.clear();
      this.bodies.clear();
      this.bytes = 0;
      this.bodyBytes = 0;
    }
    this.answers.set(key, answer);
    this.bytes += answer.body.length;
    if (raw !== undefined) this.learn(raw, key, answer.at);
  }

  /** A request body, as sent, that asks for the answer kept under `key`. */
  private learn(raw: string, key: string, now: number): void {
    const known = this.bodies.get(raw);
    if (known) {
      this.bodies.delete(raw); // learned again: to the end, with the newest
      this.bodyBytes -= raw.length + known.key.length;
    }
    if (this.bodies.size >= this.options.maxEntries * 4 || this.bodyBytes + raw.length + key.length > MAX_BODY_BYTES) {
      this.bodies.clear();
      this.bodyBytes = 0;
    }
    this.bodies.set(raw, { key, at: now });
    this.bodyBytes += raw.length + key.length;
  }

  /**
   * Lets go of the answers, bodies and first asks past their time (at every miss, before an answer is kept),
   * so the cache holds what the last `ttlMs` asked for, not the whole catalog a crawler walked through.
   */
  private prune(now: number): void {
    const stale = (at: number) => now - at >= this.options.ttlMs;
    dropOldest(
      this.answers,
      (answer) => stale(answer.at),
      (_key, answer) => (this.bytes -= answer.body.length),
    );
    dropOldest(
      this.bodies,
      (body) => stale(body.at),
      (raw, body) => (this.bodyBytes -= raw.length + body.key.length),
    );
    dropOldest(this.asked, stale);
  }

  private isPublicQuery(query: string, operationName: string | undefined): boolean {
    const known = this.cacheable.get(query);
    if (known !== undefined) return known;
    let ok: boolean;
    try {
      const doc = parse(query, { noLocation: true });
      const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
      ok = op?.operation === "query" && op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && PUBLIC_ROOTS.has(s.name.value));
    } catch {
      ok = false; // not GraphQL: Apollo answers it
    }
    if (this.cacheable.size >= 1000) this.cacheable.clear();
    this.cacheable.set(query, ok);
    return ok;
  }

  /** A session (cookie or bearer token), or a client asking for one (its token comes back in a header). */
  private hasSession(headers: IncomingMessage["headers"]): boolean {
    return (
      Boolean(headers.authorization || headers[this.options.sessionHeader.toLowerCase()]) ||
      String(headers.cookie ?? "").includes(`${this.options.sessionCookie}=`)
    );
  }
}

/**
 * A JSON body as Express's parser takes it (strict: an object or an array), or the error it gives a
 * malformed one (400, answered as BAD_REQUEST by app.ts's error handler).
 */
function parseBody(raw: string): { value?: unknown; error?: Error } {
  const first = /^[ \t\n\r]*(.)/.exec(raw)?.[1];
  try {
    if (first !== "{" && first !== "[") throw new SyntaxError(`Unexpected token ${JSON.stringify(first ?? "")} in JSON at position 0`);
    return { value: JSON.parse(raw) };
  } catch (e) {
    return { error: Object.assign(e as Error, { status: 400, statusCode: 400, expose: true, type: "entity.parse.failed" }) };
  }
}

/**
 * Deletes a map's entries from its front (the oldest kept: a Map keeps insertion order) while `drop` says so,
 * telling `dropped` of each.
 */
function dropOldest<K, V>(map: Map<K, V>, drop: (value: V) => boolean, dropped?: (key: K, value: V) => void): void {
  for (const [key, value] of map) {
    if (!drop(value)) break;
    map.delete(key);
    dropped?.(key, value);
  }
}

/** A 32-bit FNV-1a hash of a string's UTF-16 code units: two keys that collide only get kept one ask early. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function isWholeAnswer(body: Buffer): boolean {
  try {
    const parsed = JSON.parse(body.toString("utf8")) as { data?: unknown; errors?: unknown };
    return parsed.data !== null && typeof parsed.data === "object" && parsed.errors === undefined;
  } catch {
    return false;
  }
}
