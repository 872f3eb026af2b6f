import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { databaseFault } from "../db/faults";
import { flattenValidation } from "./validation";

/** The stable error codes of Shopwright's API. Clients switch on `extensions.code`. */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  OUT_OF_STOCK: "OUT_OF_STOCK",
  CART_EMPTY: "CART_EMPTY",
  VARIANT_REQUIRED: "VARIANT_REQUIRED",
  DISCOUNT_INVALID: "DISCOUNT_INVALID",
  NO_SHIPPING: "NO_SHIPPING",
  PAYMENT_DECLINED: "PAYMENT_DECLINED",
  PAYMENT_UNAVAILABLE: "PAYMENT_UNAVAILABLE",
  IDEMPOTENCY_KEY_REUSED: "IDEMPOTENCY_KEY_REUSED",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  INVALID_CREDENTIALS: "INVALID_CREDENTIALS",
  RESET_LINK_INVALID: "RESET_LINK_INVALID",
  RATE_LIMITED: "RATE_LIMITED",
  DATABASE_BUSY: "DATABASE_BUSY",
  DATABASE_UNAVAILABLE: "DATABASE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const HTTP_STATUS: Partial<Record<string, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.DATABASE_BUSY]: 503,
  [ErrorCode.DATABASE_UNAVAILABLE]: 503,
};

/** A business error whose message and extensions are safe to show to the client. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
    Object.setPrototypeOf(this, new.target.prototype);
  }

  /** The status a plain HTTP route (not GraphQL) answers this error with. */
  get httpStatus(): number {
    return HTTP_STATUS[String(this.extensions.code)] ?? 400;
  }
}

export const badInput = (field: string, message: string) => new AppError(ErrorCode.BAD_USER_INPUT, message, { field });
export const notFound = (what: string, id?: string) =>
  new AppError(ErrorCode.NOT_FOUND, `${what} not found`, id === undefined ? {} : { id });
export const outOfStock = (productId: string, available: number, message?: string) =>
  new AppError(ErrorCode.OUT_OF_STOCK, message ?? `Only ${available} in stock`, { productId, available });
export const cartEmpty = () => new AppError(ErrorCode.CART_EMPTY, "The cart is empty");
export const unauthenticated = () => new AppError(ErrorCode.UNAUTHENTICATED, "Sign in to do this");
export const forbidden = () => new AppError(ErrorCode.FORBIDDEN, "Your account may not do this");
export const paymentDeclined = (reason: string) => new AppError(ErrorCode.PAYMENT_DECLINED, `The payment was declined: ${reason}`);

/** The request limits on a query's shape (graphql-armor and our token count): each refusal has its own code. */
export const QueryLimitCode = {
  QUERY_TOO_LARGE: "QUERY_TOO_LARGE",
  QUERY_TOO_DEEP: "QUERY_TOO_DEEP",
  TOO_MANY_ALIASES: "TOO_MANY_ALIASES",
  TOO_MANY_DIRECTIVES: "TOO_MANY_DIRECTIVES",
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
} as const;
export type QueryLimitCode = (typeof QueryLimitCode)[keyof typeof QueryLimitCode];

/**
 * A query refused for its shape before it runs. Apollo reports validation failures as
 * GRAPHQL_VALIDATION_FAILED (HTTP 400) and keeps this as the error's originalError; formatError gives the
 * client this code instead.
 */
export class QueryLimitError extends Error {
  constructor(
    readonly code: QueryLimitCode,
    message: string,
  ) {
    super(message);
  }
}

/** Codes Apollo Server and graphql-js produce for malformed requests; their messages are safe. */
const PASS_THROUGH = new Set<string>([
  ...Object.values(ErrorCode),
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/** Validation problems TypeGraphQL attached to an argument error, if any. */
function validationErrorsOf(error: unknown, formatted?: GraphQLFormattedError) {
  const original = unwrapResolverError(error);
  return (formatted?.extensions?.validationErrors ??
    (error as { extensions?: { validationErrors?: unknown } })?.extensions?.validationErrors ??
    (original as { extensions?: { validationErrors?: unknown } })?.extensions?.validationErrors) as
    Parameters<typeof flattenValidation>[0] | undefined;
}

/**
 * Whether an error is one the client may see as it is: our own codes, Apollo's request errors, argument
 * validation and query limits. Anything else is a bug or an outage: masked for the client, logged with its
 * stack (see unexpectedErrors).
 */
export function isExpectedError(error: unknown, code: string | undefined): boolean {
  if ((error as { originalError?: unknown })?.originalError instanceof QueryLimitError) return true;
  if (Array.isArray(validationErrorsOf(error))) return true;
  const original = unwrapResolverError(error);
  return !!code && PASS_THROUGH.has(code) && (original instanceof AppError || code !== ErrorCode.INTERNAL_SERVER_ERROR);
}

/** The errors of a response that are unexpected, unwrapped to what was thrown (for the log). */
export function unexpectedErrors(errors: readonly GraphQLError[]): unknown[] {
  return errors
    .filter((e) => !isExpectedError(e, (e.extensions?.code as string | undefined) ?? ErrorCode.INTERNAL_SERVER_ERROR))
    .map((e) => unwrapResolverError(e));
}

const DATABASE_FAULTS = {
  busy: {
    message: "The store is busy: nothing was changed. Try again in a moment",
    extensions: { code: ErrorCode.DATABASE_BUSY, retryAfterSeconds: 2 },
  },
  unavailable: {
    message: "The store's database is not answering. Try again in a moment",
    extensions: { code: ErrorCode.DATABASE_UNAVAILABLE, retryAfterSeconds: 5 },
  },
};

/** A database fault (db/faults.ts) as the error the client gets, for plain HTTP routes; undefined for anything else. */
export function databaseFaultError(error: unknown): AppError | undefined {
  const fault = databaseFault(error);
  if (!fault) return undefined;
  const { message, extensions } = DATABASE_FAULTS[fault];
  const { code, ...extra } = extensions;
  return new AppError(code, message, extra);
}

/**
 * Apollo's formatError: keeps our codes and Apollo's request errors, turns TypeGraphQL's
 * argument validation into BAD_USER_INPUT with the field, gives query-limit refusals their own code, and
 * masks everything else (which the app logs, see unexpectedErrors).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;

  const limit = (error as { originalError?: unknown })?.originalError;
  if (limit instanceof QueryLimitError) return { message: limit.message, extensions: { code: limit.code } };
  // graphql-js's own token limit (parseOptions.maxTokens) is reported as a syntax error.
  if (code === "GRAPHQL_PARSE_FAILED" && /Document contains more th(?:an|at|en) \d+ tokens/.test(formatted.message)) {
    return { message: "The query is too large: at most 1000 tokens", extensions: { code: QueryLimitCode.QUERY_TOO_LARGE } };
  }

  const validationErrors = validationErrorsOf(error, formatted);
  if (Array.isArray(validationErrors)) {
    const problems = flattenValidation(validationErrors);
    const first = problems[0] ?? { field: "input", message: "is invalid" };
    return {
      message: `Invalid ${first.field}: ${first.message}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.BAD_USER_INPUT, field: first.field, problems },
    };
  }

  if (isExpectedError(error, code)) {
    // Only our own errors and Apollo's request errors reach here; strip anything like a stack.
    const {
      stacktrace: _stack,
      exception: _exception,
      http: _http,
      ...extensions
    } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  }

  // The database is locked by another writer or doesn't answer (db/faults.ts): worth trying again, unlike a bug.
  const fault = databaseFaultError(unwrapResolverError(error));
  if (fault) return { message: fault.message, locations: formatted.locations, path: formatted.path, extensions: { ...fault.extensions } };

  return {
    message: "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
