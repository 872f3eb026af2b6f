import { countOf, pluralForm, waitWords, type PluralForms } from "../../../common/plural";
import type { apiError } from "./errors";

/**
 * The words the shop and the admin say about counts and problems, in one place: English today, each count by
 * Intl.PluralRules (common/plural.ts), so a translation replaces this file's strings and keeps its callers.
 */
const NOUNS = {
  order: { one: "order", other: "orders" },
  product: { one: "product", other: "products" },
  item: { one: "item", other: "items" },
  email: { one: "email", other: "emails" },
  problem: { one: "problem", other: "problems" },
  use: { one: "use", other: "uses" },
} satisfies Record<string, PluralForms>;

/** "1 order", "3 orders". */
export const count = (n: number, noun: keyof typeof NOUNS): string => countOf(n, NOUNS[noun]);
/** The word alone, for `n`: "item", "items". */
export const noun = (n: number, word: keyof typeof NOUNS): string => pluralForm(n, NOUNS[word]);

type Problem = NonNullable<ReturnType<typeof apiError>>;

/** Checks done in the browser before anything is sent, said at their field. */
export const fieldMessages = {
  required: (label: string) => `Enter your ${label.replace(/^your /i, "").toLowerCase()}.`,
  email: "Enter an email address like name@example.com.",
  passwordTooShort: "Use at least 8 characters.",
  passwordTooLong: "Use at most 128 characters.",
};

/**
 * What to tell a person for a server error that no page explains its own way: never the server's raw text for
 * a code the shop can say better (a rate limit's wait is said from its retryAfterSeconds).
 */
export function problemMessage(problem: Problem): string {
  switch (problem.code) {
    case "RATE_LIMITED":
      return problem.retryAfterSeconds
        ? `Too many tries from your connection. Please wait ${waitWords(problem.retryAfterSeconds)} and try again.`
        : "Too many tries from your connection. Please wait a moment and try again.";
    case "DATABASE_BUSY":
    case "DATABASE_UNAVAILABLE":
      return "The shop is very busy just now. Please try again in a moment.";
    case "NETWORK":
      return "We couldn't reach the shop. Check your connection and try again.";
    case "UNAUTHENTICATED":
      return "You're signed out. Sign in again to do this.";
    case "FORBIDDEN":
      return "Your account can't do this. Sign in as the shop's owner.";
    case "INVALID_CREDENTIALS":
      return "That email and password don't match an account.";
    // Written for people by the server, about the thing asked for ("Only 3 of Teapot left; …").
    case "BAD_USER_INPUT":
    case "NOT_FOUND":
    case "OUT_OF_STOCK":
    case "CART_EMPTY":
    case "VARIANT_REQUIRED":
    case "DISCOUNT_INVALID":
    case "NO_SHIPPING":
    case "PAYMENT_DECLINED":
    case "PAYMENT_UNAVAILABLE":
      return problem.message;
    default:
      return "Something went wrong on our side. Please try again.";
  }
}
