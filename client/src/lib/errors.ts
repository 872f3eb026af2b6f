import { CombinedGraphQLErrors } from "@apollo/client";

/** The first GraphQL error's code, message and field, or a network failure. */
export function apiError(error: unknown): { code: string; message: string; field?: string; retryAfterSeconds?: number } | undefined {
  if (!error) return undefined;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    return {
      code: String(first?.extensions?.code ?? "UNKNOWN"),
      message: first?.message ?? "Something went wrong",
      field: first?.extensions?.field as string | undefined,
      retryAfterSeconds: typeof first?.extensions?.retryAfterSeconds === "number" ? first.extensions.retryAfterSeconds : undefined,
    };
  }
  return { code: "NETWORK", message: "We couldn't reach the shop. Check your connection and try again." };
}
