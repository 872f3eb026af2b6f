import fs from "node:fs";
import path from "node:path";
import { DataSource, type DataSourceOptions, type Logger } from "typeorm";
import type { DatabaseConfig } from "../config";
import { mysqlMigrations, sqliteMigrations } from "./migrations";

/** Counts the SQL statements a data source runs, so tests and the benchmark can spot N+1 queries. */
export class QueryCounter implements Logger {
  count = 0;
  logQuery() {
    this.count++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

/** Entity classes, as the composition root (server/modules.ts) lists them. */
export type EntityList = NonNullable<DataSourceOptions["entities"]>;

export interface CreateDataSourceOptions {
  /** Every entity of the store; db/ knows none of them itself. */
  entities: EntityList;
  /** The MySQL-protocol server is MariaDB (TypeORM reads its column defaults differently). */
  mariadb?: boolean;
  /** Build the schema from the entities instead of running migrations (only for checking the migrations). */
  synchronize?: boolean;
  withoutMigrations?: boolean;
}

export function createDataSource(db: DatabaseConfig, opts: CreateDataSourceOptions): DataSource {
  const common = {
    entities: opts.entities,
    synchronize: opts.synchronize ?? false,
    migrationsRun: false,
    logging: ["query", "error"],
    logger: new QueryCounter(),
  } satisfies Partial<DataSourceOptions>;

  if (db.engine === "sqlite") {
    fs.mkdirSync(path.dirname(db.file), { recursive: true });
    return new DataSource({
      ...common,
      type: "better-sqlite3",
      database: db.file,
      migrations: opts.withoutMigrations ? [] : sqliteMigrations,
      enableWAL: true,
      timeout: 10_000,
      prepareDatabase: (raw: { pragma(sql: string): unknown }) => {
        raw.pragma("foreign_keys = ON");
        raw.pragma("synchronous = NORMAL");
      },
    });
  }
  return new DataSource({
    ...common,
    type: opts.mariadb ? "mariadb" : "mysql",
    url: db.url,
    charset: "utf8mb4_unicode_ci",
    timezone: "Z",
    dateStrings: false,
    migrations: opts.withoutMigrations ? [] : mysqlMigrations,
    poolSize: 10,
  });
}

/** Asks a MySQL-protocol server whether it is MariaDB. */
export async function isMariaDb(url: string): Promise<boolean> {
  const { createConnection } = await import("mysql2/promise");
  const conn = await createConnection({ uri: url });
  try {
    const [rows] = await conn.query("SELECT VERSION() AS v");
    return /mariadb/i.test((rows as { v: string }[])[0].v);
  } finally {
    await conn.end();
  }
}

/**
 * A second, read-only connection to an SQLite file, for reads outside transactions; in WAL mode it sees
 * only committed data and never waits for the writer. Shares the query counter of `main`.
 */
export async function openReader(main: DataSource): Promise<DataSource> {
  if (main.options.type !== "better-sqlite3") return main;
  const reader = new DataSource({
    type: "better-sqlite3",
    database: main.options.database as string,
    readonly: true,
    entities: main.options.entities,
    logging: ["query", "error"],
    logger: main.logger,
  });
  await reader.initialize();
  return reader;
}

export function queryCounter(ds: DataSource): QueryCounter {
  return ds.logger as QueryCounter;
}
