import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { countLater, toPage } from "../graphql/connection";
import { decodeUuidCursor, encodeCursor } from "../graphql/cursor";

/**
 * A newest-first page (ORDER BY created_at DESC, id DESC) of what `qb` selects, by keyset: the rows after the
 * one whose id the cursor names, found through its own created_at, so the comparison uses the stored value at
 * its full precision and no page scans past the ones before it (a row that is gone ends the list). The total
 * is counted only if asked for, over the whole list.
 */
export async function newestFirstPage<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  kind: string,
  first: number,
  after?: string | null,
) {
  const alias = qb.alias;
  const table = qb.expressionMap.mainAlias!.metadata.tableName;
  const count = countLater(qb);
  if (after) {
    const at = `(SELECT k.created_at FROM ${table} k WHERE k.id = :afterId)`;
    qb.andWhere(`${alias}.created_at <= ${at} AND (${alias}.created_at < ${at} OR ${alias}.id < :afterId)`, {
      afterId: decodeUuidCursor(kind, after),
    });
  }
  const rows = await qb
    .orderBy(`${alias}.created_at`, "DESC")
    .addOrderBy(`${alias}.id`, "DESC")
    .limit(first + 1)
    .getMany();
  return toPage(rows, first, count, (last) => encodeCursor(kind, last.id));
}
