import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

export interface LoggerOptions {
  /** pino's level (LOG_LEVEL). */
  level: string;
  /** Human-readable lines (pino-pretty) instead of JSON, when pino-pretty is installed (a development tree). */
  pretty?: boolean;
  /** Where the lines go; standard output by default. */
  destination?: DestinationStream;
}

/**
 * Anything that could carry a secret, wherever a log call puts it: the logger drops these keys (as
 * "[redacted]") so a password, a session token, a cookie or a card token never reaches a log line.
 */
const REDACT = [
  "password",
  "*.password",
  "token",
  "*.token",
  "cookie",
  "*.cookie",
  "authorization",
  "*.authorization",
  "headers",
  "*.headers",
  "variables",
  "*.variables",
  "secretKey",
  "*.secretKey",
];

/**
 * An error as the log shows it: its kind, message, code and stack, never its other properties (a query error
 * carries the SQL with its parameters: emails, password hashes, tokens).
 */
export function errorForLog(err: unknown): Record<string, unknown> {
  if (typeof err !== "object" || err === null) return { message: String(err) };
  // An Error, or pino's serialized form of one (pino-http hands its error serializer that).
  const e = err as { name?: unknown; type?: unknown; message?: unknown; stack?: unknown; code?: unknown; driverError?: { code?: unknown } };
  const code = e.code ?? e.driverError?.code;
  return {
    type: err instanceof Error ? e.name : e.type,
    message: e.message,
    ...(typeof code === "string" ? { code } : {}),
    stack: e.stack,
  };
}

/** The server's logger: one JSON line per event (pretty in development), secrets redacted. */
export function createLogger(options: LoggerOptions): Logger {
  const base = {
    level: options.level,
    base: { service: "shopwright" },
    redact: { paths: REDACT, censor: "[redacted]" },
    serializers: { err: errorForLog },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty) {
    const pretty = loadPretty();
    if (pretty) return pino(base, pretty({ colorize: true, sync: true, translateTime: "HH:MM:ss", ignore: "pid,hostname,service" }));
  }
  return pino(base);
}

type PrettyFactory = (opts: Record<string, unknown>) => DestinationStream;

/** pino-pretty is a dev dependency: a production tree (npm prune --omit=dev) logs JSON. */
function loadPretty(): PrettyFactory | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("pino-pretty") as PrettyFactory;
  } catch {
    return undefined;
  }
}

/** A logger that writes nothing (tools and tests that don't read the log). */
export const silentLogger = (): Logger => pino({ level: "silent" });
