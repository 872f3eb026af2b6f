import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { flattenValidation } from "./validation";

/** The stable error codes of Shopwright's API. Clients switch on `extensions.code`. */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  OUT_OF_STOCK: "OUT_OF_STOCK",
  CART_EMPTY: "CART_EMPTY",
  PAYMENT_DECLINED: "PAYMENT_DECLINED",
  PAYMENT_UNAVAILABLE: "PAYMENT_UNAVAILABLE",
  IDEMPOTENCY_KEY_REUSED: "IDEMPOTENCY_KEY_REUSED",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  INVALID_CREDENTIALS: "INVALID_CREDENTIALS",
  RATE_LIMITED: "RATE_LIMITED",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const HTTP_STATUS: Partial<Record<string, number>> = { [ErrorCode.UNAUTHENTICATED]: 401, [ErrorCode.FORBIDDEN]: 403 };

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

/**
 * Apollo's formatError: keeps our codes and Apollo's request errors, turns TypeGraphQL's
 * argument validation into BAD_USER_INPUT with the field, and masks everything else.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code as string | undefined;

  const validationErrors = (formatted.extensions?.validationErrors ??
    (original as { extensions?: { validationErrors?: unknown } })?.extensions?.validationErrors) as
    Parameters<typeof flattenValidation>[0] | undefined;
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

  if (code && PASS_THROUGH.has(code) && (original instanceof AppError || code !== ErrorCode.INTERNAL_SERVER_ERROR)) {
    // Only our own errors and Apollo's request errors reach here; strip anything like a stack.
    const { stacktrace: _stack, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  }

  console.error("Unexpected error:", original instanceof Error ? original.stack : original);
  return {
    message: "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
