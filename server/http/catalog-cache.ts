import zlib from "node:zlib";
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import type { RequestHandler } from "express";

/** Root fields whose answer is the same for every shopper: the public catalog. */
const PUBLIC_ROOTS = new Set(["products", "product", "categories", "category", "shop", "__typename"]);
/** Query texts longer than this are never cached (the storefront's are a few hundred bytes). */
const MAX_QUERY_LENGTH = 10_000;
/** An answer larger than this is not kept. */
const MAX_ANSWER_BYTES = 512 * 1024;

interface Answer {
  at: number;
  body: Buffer;
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

/** The brotli quality app.ts gives the compression middleware. */
const BROTLI_QUALITY = 5;

/**
 * The public catalog's GraphQL answers, kept for `ttlMs` (a few seconds): a catalog page asked for again
 * within that time is sent as it was, without running the query. Only queries whose root fields are all
 * public catalog fields; only answers without errors, produced for a request without a session (so no
 * viewer can shape them), and served to anyone asking the same query with the same variables. Mutations,
 * the cart, checkout, accounts and admin never go through it. A shopper sees prices and stock at most
 * `ttlMs` old; two server processes each keep their own, so they agree again within `ttlMs`.
 */
export function catalogCache(options: {
  ttlMs: number;
  maxEntries: number;
  /** The session cookie's name, and the header a client without cookies asks for a session token with. */
  sessionCookie: string;
  sessionHeader: string;
}): RequestHandler {
  const answers = new Map<string, Answer>();
  const cacheable = new Map<string, boolean>();
  let bytes = 0;
  const maxBytes = options.maxEntries * 64 * 1024;

  const isPublicQuery = (query: string, operationName: string | undefined): boolean => {
    const known = cacheable.get(query);
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
    if (cacheable.size >= 1000) cacheable.clear();
    cacheable.set(query, ok);
    return ok;
  };

  // A session (cookie or bearer token), or a client asking for one (its token comes back in a header).
  const hasSession = (headers: Record<string, string | string[] | undefined>) =>
    Boolean(headers.authorization || headers[options.sessionHeader.toLowerCase()]) ||
    String(headers.cookie ?? "").includes(`${options.sessionCookie}=`);

  return (req, res, next) => {
    const body = req.body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
    if (options.ttlMs <= 0 || req.method !== "POST" || typeof body?.query !== "string" || body.query.length > MAX_QUERY_LENGTH)
      return next();
    const operationName = typeof body.operationName === "string" ? body.operationName : undefined;
    if (!isPublicQuery(body.query, operationName)) return next();
    const key = `${operationName ?? ""}\n${body.query}\n${JSON.stringify(body.variables ?? null)}`;
    const now = Date.now();
    const hit = answers.get(key);
    if (hit && now - hit.at < options.ttlMs) {
      // Sent as it is kept, compressed once for every hit: no query, no serialising, no compressing per request.
      const encoding = hit.body.length < 1024 ? "identity" : encodingFor(req.headers["accept-encoding"]);
      let bytes = hit.body;
      if (encoding === "br")
        bytes = hit.br ??= zlib.brotliCompressSync(hit.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } });
      if (encoding === "gzip") bytes = hit.gzip ??= zlib.gzipSync(hit.body);
      res.status(200);
      res.setHeader("Content-Type", "application/json; charset=utf-8");
      res.vary("Accept-Encoding");
      if (encoding !== "identity") res.setHeader("Content-Encoding", encoding);
      res.setHeader("Content-Length", bytes.length);
      res.end(bytes);
      return;
    }
    if (hasSession(req.headers)) return next(); // answered for this viewer, not kept for everyone

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
      if (res.statusCode === 200 && answer.length <= MAX_ANSWER_BYTES && isWholeAnswer(answer)) {
        const old = answers.get(key);
        if (old) bytes -= old.body.length;
        if (answers.size >= options.maxEntries || bytes + answer.length > maxBytes) {
          answers.clear();
          bytes = 0;
        }
        answers.set(key, { at: now, body: answer });
        bytes += answer.length;
      }
      return end(chunk, ...rest);
    }) as typeof res.end;
    next();
  };
}

function isWholeAnswer(body: Buffer): boolean {
  try {
    const parsed = JSON.parse(body.toString("utf8")) as { data?: unknown; errors?: unknown };
    return parsed.data !== null && typeof parsed.data === "object" && parsed.errors === undefined;
  } catch {
    return false;
  }
}
