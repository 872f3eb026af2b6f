import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";

/**
 * Newest-first pages (ORDER BY created_at DESC, id DESC) by keyset: the rows after the one whose id the
 * cursor names, found through its own created_at, so the comparison uses the stored value at its full
 * precision and no page scans past the ones before it. A row that is gone ends the list.
 */
export function olderThan<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, table: string, afterId: string) {
  const at = `(SELECT k.created_at FROM ${table} k WHERE k.id = :afterId)`;
  return qb.andWhere(`${alias}.created_at <= ${at} AND (${alias}.created_at < ${at} OR ${alias}.id < :afterId)`, { afterId });
}
