/**
 * A LIKE pattern that matches `term` anywhere, with LIKE's wildcards (% and _) in the term taken literally.
 * Use it with `ESCAPE '!'` (LIKE_ESCAPE), which both SQLite and MySQL/MariaDB understand.
 */
export function containsPattern(term: string): string {
  return `%${term.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

export const LIKE_ESCAPE = "ESCAPE '!'";
