import { In, type EntityManager, type EntityTarget, type FindOptionsSelect, type FindOptionsWhere, type ObjectLiteral } from "typeorm";

/**
 * Values one statement binds at most. SQLite refuses more than 32,766 ("too many SQL variables") and MySQL
 * 65,535; big lists (an import's SKUs, an export's ids) are cut into statements of at most this many.
 */
export const MAX_PARAMS = 1000;

/** `items` in runs of `size` (the last may be shorter). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const runs: T[][] = [];
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  return runs;
}

/** Rows whose `column` is one of `values`, one `IN (…)` of at most MAX_PARAMS values per statement. */
export async function findIn<T extends ObjectLiteral, V>(
  m: EntityManager,
  entity: EntityTarget<T>,
  column: keyof T & string,
  values: readonly V[],
  select?: (keyof T & string)[],
): Promise<T[]> {
  const found: T[] = [];
  for (const run of chunk([...new Set(values)], MAX_PARAMS)) {
    const where = { [column]: In(run) } as FindOptionsWhere<T>;
    const columns = select ? (Object.fromEntries(select.map((c) => [c, true])) as FindOptionsSelect<T>) : undefined;
    found.push(...(await m.find(entity, { where, select: columns })));
  }
  return found;
}

/**
 * Inserts rows with multi-row INSERTs of at most MAX_PARAMS values each, without reading anything back
 * (callers that need the new ids look them up by a unique column). The columns are the first row's properties
 * (every row gives the same ones); those left out take their database defaults. Plain SQL rather than
 * TypeORM's insert builder, whose parameter handling grows with the square of a statement's values.
 */
export async function insertMany<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly Partial<T>[],
): Promise<void> {
  if (!rows.length) return;
  const metadata = m.connection.getMetadata(entity);
  const driver = m.connection.driver;
  const columns = Object.keys(rows[0]).map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    return column;
  });
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const head = `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(", ")}) VALUES `;
  for (const run of chunk(rows, Math.max(1, Math.floor(MAX_PARAMS / columns.length)))) {
    const values = run.flatMap((row) => columns.map((c) => driver.preparePersistentValue(row[c.propertyName as keyof T], c) as unknown));
    await m.query(head + run.map(() => tuple).join(", "), values);
  }
}
