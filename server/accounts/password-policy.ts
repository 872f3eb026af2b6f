import type { ZxcvbnFactory, ZxcvbnResult } from "@zxcvbn-ts/core";

/**
 * What a new password must be: 8 to 128 characters, and not easy to guess. "Easy to guess" is zxcvbn's
 * estimate (@zxcvbn-ts/core with its common-password list, the English dictionaries and keyboard layouts):
 * a score below MIN_SCORE, or containing the person's own email name or full name, is refused with a
 * message written for the shopper. Only where a password is set (sign-up, create-admin): signing in with
 * an older, weaker password still works.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * zxcvbn's score 3 ("safely unguessable"): an estimated 10^8 guesses or more. Score 2 (10^6 to 10^8) is
 * "protection from unthrottled online attacks" only: zxcvbn's own model has it found in under 3 hours from a
 * copy of the hashes (10^4 slow-hash guesses a second); scores 0 and 1 are the top lists and their simple
 * variants that credential stuffing tries first. Two uncommon words ("cobol forever") still pass.
 */
export const MIN_SCORE = 3;

/**
 * zxcvbn's cost grows with the length and the look-alike characters of the password, and it runs on the
 * event loop: 128 random characters take over a second with the library's defaults. It scores the first 64
 * characters (a strong start makes a strong password; a weak start is weak enough to refuse), and tries 20
 * look-alike readings ("p@$$w0rd" as "password") instead of 100: about 100 ms at worst instead of 1.5 s,
 * and the same verdict for all but 3 of 3,000 look-alike spellings of common passwords.
 */
const CHECKED_LENGTH = 64;
const LOOK_ALIKE_READINGS = 20;

/** User inputs shorter than this are not checked for (every "al" in a password is not Al's name). */
const MIN_PERSONAL_LENGTH = 4;

export interface PasswordOwner {
  email?: string;
  name?: string;
}

export type PasswordVerdict =
  { ok: true; score: number } | { ok: false; reason: "length" | "personal" | "guessable"; message: string; score?: number };

let factory: ZxcvbnFactory | undefined;

/**
 * The dictionaries are decompressed when their modules load (about 0.25 s, 24 MB of heap kept), so they are
 * loaded on the first check, not when the server or a command that never sets a password starts.
 */
function zxcvbn(): ZxcvbnFactory {
  if (!factory) {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
    const { ZxcvbnFactory } = require("@zxcvbn-ts/core") as typeof import("@zxcvbn-ts/core");
    const common = require("@zxcvbn-ts/language-common") as typeof import("@zxcvbn-ts/language-common");
    const en = require("@zxcvbn-ts/language-en") as typeof import("@zxcvbn-ts/language-en");
    /* eslint-enable @typescript-eslint/no-require-imports */
    factory = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      // No `translations`: feedback comes back as keys ("topTen", "keyPattern"), worded below for shoppers.
      maxLength: CHECKED_LENGTH,
      l33tMaxSubstitutions: LOOK_ALIKE_READINGS,
    });
  }
  return factory;
}

/** Why zxcvbn found it guessable (its warning keys), in words for the person choosing the password. */
const REASONS: Record<string, string> = {
  topTen: "it is one of the most used passwords",
  topHundred: "it is one of the most used passwords",
  common: "it is a very common password",
  similarToCommon: "it is too close to a very common password",
  straightRow: "it is a row of keys on the keyboard",
  keyPattern: "it is a short keyboard pattern",
  simpleRepeat: 'it repeats a character, like "aaa"',
  extendedRepeat: 'it repeats a pattern, like "abcabc"',
  sequences: 'it is a sequence, like "abcd" or "1234"',
  recentYears: "it relies on a recent year",
  dates: "it relies on a date",
  wordByItself: "it is a single word",
  namesByThemselves: "it is a single name",
  commonNames: "it is made of common names",
  userInputs: "it contains your name or email address",
  pwned: "it has appeared in data breaches",
};

const ADVICE = "Add more words or characters; a few unrelated words make a strong password.";
const LOOK_ALIKES = 'Swapping letters for look-alikes (like "@" for "a") doesn\'t make it harder to guess.';

const compact = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");

/** The words of the person's own that a password should not be built from: the email's name part and the name. */
function personalWords({ email, name }: PasswordOwner): { whole: string[]; inputs: string[] } {
  const local = (email ?? "").trim().split("@")[0] ?? "";
  const fullName = (name ?? "").trim();
  const whole = [compact(local), compact(fullName)].filter((w) => w.length >= MIN_PERSONAL_LENGTH);
  const pieces = [local, fullName, ...local.split(/[^\p{L}\p{N}]+/u), ...fullName.split(/[^\p{L}\p{N}]+/u)]
    .map((w) => w.normalize("NFKC").toLowerCase().slice(0, 32))
    .filter((w) => w.length >= 3);
  return { whole, inputs: [...new Set([...whole.map((w) => w.slice(0, 32)), ...pieces])] };
}

function guessableMessage(result: ZxcvbnResult): string {
  const reason = result.feedback.warning ? REASONS[result.feedback.warning] : undefined;
  const lookAlikes = result.feedback.suggestions.includes("l33t") ? ` ${LOOK_ALIKES}` : "";
  return `This password is too easy to guess${reason ? `: ${reason}` : ""}.${lookAlikes} ${ADVICE}`;
}

/** Judges a new password for the person setting it; `message` is what to show them at the password field. */
export function checkPassword(password: string, owner: PasswordOwner = {}): PasswordVerdict {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    return {
      ok: false,
      reason: "length",
      message: `The password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long.`,
    };
  }
  const normalized = password.normalize("NFKC"); // as it is hashed (password.ts)
  const { whole, inputs } = personalWords(owner);
  const compacted = compact(normalized);
  if (whole.some((w) => compacted.includes(w))) {
    return { ok: false, reason: "personal", message: `This password is too easy to guess: ${REASONS.userInputs}. ${ADVICE}` };
  }
  const result = zxcvbn().check(normalized, inputs);
  if (result.score < MIN_SCORE) return { ok: false, reason: "guessable", message: guessableMessage(result), score: result.score };
  return { ok: true, score: result.score };
}
