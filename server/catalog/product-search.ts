/**
 * Full-text search of the catalog (name, SKU and description), ranked by relevance, with prefix matching
 * for what a shopper types ("teap" finds teapots; every word must match).
 *
 * - SQLite: an FTS5 index, `product_search`, over the product table (external content), kept in step by
 *   triggers on product in the writing transaction.
 * - MySQL/MariaDB: an InnoDB FULLTEXT index, `ft_product_search`, built without stopwords. InnoDB indexes
 *   words of 3 characters and more, so a shorter word ("xl") is matched with LIKE instead.
 * Both are created by the migration `ProductSearch`. A later SQLite migration that rebuilds the product
 * table (TypeORM's way of changing a column) drops the triggers with it: it must create them again and
 * `INSERT INTO product_search(product_search) VALUES ('rebuild')`.
 */
import type { SelectQueryBuilder } from "typeorm";
import { LIKE_ESCAPE, containsPattern } from "../db/like";

/** Words (letters and digits, any script) a search is made of; more than this are ignored. */
const MAX_WORDS = 8;
/** innodb_ft_min_token_size's default: shorter words are not in a FULLTEXT index. */
const MYSQL_MIN_WORD = 3;

export function searchWords(term: string): string[] {
  return (term.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
}

/** FTS5 query: each word as a quoted prefix, all required. */
export function ftsQuery(words: string[]): string {
  return words.map((w) => `"${w}"*`).join(" ");
}

/** InnoDB boolean-mode query: each word required, as a prefix. */
export function booleanQuery(words: string[]): string {
  return words.map((w) => `+${w}*`).join(" ");
}

/**
 * MySQL/MariaDB: narrows `qb` (product alias `p`) to the products matching `term`, and selects their
 * relevance as `score`, better first when ordered by `order`. Returns null for a term without any word (then
 * nothing matches: punctuation alone finds no product). SQLite's search is ftsSearch.
 */
export function matchProducts<T extends object>(qb: SelectQueryBuilder<T>, term: string): { score: string; order: "ASC" | "DESC" } | null {
  const words = searchWords(term);
  if (!words.length) return null;
  const long = words.filter((w) => w.length >= MYSQL_MIN_WORD);
  const short = words.filter((w) => w.length < MYSQL_MIN_WORD);
  short.forEach((w, i) =>
    qb.andWhere(
      ["name", "sku", "description"]
        .map((c) => `LOWER(p.${c}) LIKE :short${i} ${LIKE_ESCAPE}`)
        .join(" OR ")
        .replace(/^(.*)$/, "($1)"),
      { [`short${i}`]: containsPattern(w) },
    ),
  );
  if (!long.length) return { score: "0", order: "DESC" };
  const match = "MATCH(p.name, p.sku, p.description) AGAINST (:ft IN BOOLEAN MODE)";
  qb.andWhere(match, { ft: booleanQuery(long) });
  return { score: match, order: "DESC" };
}

/** What a search is narrowed to besides its words (the storefront: not drafts or archived, maybe some categories). */
export interface SearchFilter {
  /** Products of these statuses are left out (a status filter as "none of the others": see ftsSearch). */
  excludeStatuses: readonly string[];
  categoryIds?: number[];
}

/**
 * SQLite: a page of the products matching `words`, best first, and their count, from the FTS5 index alone.
 * Filters are sets of ids, never a look at each match's product row: a status is "not one of the other
 * statuses" (the few products not on sale, through the status index), a category the ids in it. Joining
 * every match to its product to read its status cost 3 ms per search and 2 ms per count at 100,000
 * products (4,000 matches for "teapot"); this costs neither.
 */
export function ftsSearch(
  words: string[],
  filter: SearchFilter,
): {
  page(limit: number, offset: number): [string, unknown[]];
  /** The count alone, for a page past the last match (which has no row to carry `total`). */
  count: [string, unknown[]];
} {
  const where = ["product_search MATCH ?"];
  const params: unknown[] = [ftsQuery(words)];
  if (filter.excludeStatuses.length) {
    where.push(`rowid NOT IN (SELECT id FROM product WHERE status IN (${filter.excludeStatuses.map(() => "?").join(", ")}))`);
    params.push(...filter.excludeStatuses);
  }
  if (filter.categoryIds) {
    const ids = filter.categoryIds.length ? filter.categoryIds : [0];
    where.push(`rowid IN (SELECT product_id FROM product_category WHERE category_id IN (${ids.map(() => "?").join(", ")}))`);
    params.push(...ids);
  }
  const from = `FROM product_search WHERE ${where.join(" AND ")}`;
  return {
    // bm25: lower is better; a word in the name counts more than one in the SKU, and both more than the description.
    // Every match is read to rank them, so their count comes with the page (`total`, on each row).
    page: (limit, offset) => [
      // (FTS5 won't compute bm25 in a query with a window function: it is ranked in a subquery.)
      `SELECT id, COUNT(*) OVER () AS total FROM (SELECT rowid AS id, bm25(product_search, 10.0, 5.0, 1.0) AS rank ${from}) ORDER BY rank ASC, id ASC LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    ],
    count: [`SELECT COUNT(*) AS n ${from}`, params],
  };
}
