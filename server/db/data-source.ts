import fs from "node:fs";
import path from "node:path";
import type { Database as SqliteConnection } from "better-sqlite3";
import { DataSource, type DataSourceOptions, type Logger } from "typeorm";
import type { DatabaseConfig } from "../config";
import type { Logger as AppLogger } from "../lib/logger";
import { useFailoverPool } from "./failover";
import { DB_LIMITS, ConnectionFaults } from "./faults";
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
  /**
   * The data source answers requests (openDatabase's): every wait on the database is bounded (DB_LIMITS).
   * MySQL/MariaDB: statements time out, timed-out connections are discarded, and the pool's wait is limited
   * (see connect). SQLite: no busy timeout, because Transactions waits for the write lock itself, without
   * blocking the process. Otherwise (migrations, tools) statements may run as long as they need and SQLite
   * waits for the write lock in place.
   */
  serving?: boolean;
  /** Where a cluster's node changes are told (a node down, a node back). */
  log?: AppLogger;
}

/**
 * SQLite's page cache per connection, in KiB (SQLite's unit when negative): SQLite's own default of 2 MB.
 * better-sqlite3 builds SQLite with 16 MB, malloc'd page by page as it fills and never handed back: with the
 * writer and the reader, up to 32 MB more memory once a large catalog has been browsed. The file's pages stay
 * in the operating system's cache either way, so a page this cache misses is a read() from memory.
 */
const SQLITE_CACHE_KIB = 2000;

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
    return bindIntegers(
      new DataSource({
        ...common,
        type: "better-sqlite3",
        database: db.file,
        migrations: opts.withoutMigrations ? [] : sqliteMigrations,
        enableWAL: true,
        // SQLite's busy timeout, how long a statement waits for a lock another connection holds. It waits
        // synchronously, and better-sqlite3 runs on the event loop: while it waits, the whole process stands
        // still. So a serving data source never does; Transactions polls for the lock instead.
        timeout: opts.serving ? 0 : DB_LIMITS.lockWaitMs,
        prepareDatabase: (raw: SqliteConnection) => {
          raw.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
          raw.pragma("foreign_keys = ON");
          raw.pragma("synchronous = NORMAL");
          beginImmediate(raw);
        },
      }),
    );
  }
  const ds = new DataSource({
    ...common,
    type: opts.mariadb ? "mariadb" : "mysql",
    url: db.url,
    charset: "utf8mb4_unicode_ci",
    timezone: "Z",
    dateStrings: false,
    migrations: opts.withoutMigrations ? [] : mysqlMigrations,
    poolSize: 10,
    connectTimeout: DB_LIMITS.connectTimeoutMs,
    // mysql2's per-statement timeout (TypeORM passes maxQueryExecutionTime as it with enableQueryTimeout).
    ...(opts.serving ? { maxQueryExecutionTime: DB_LIMITS.queryTimeoutMs, enableQueryTimeout: true } : {}),
    subscribers: opts.serving ? [ConnectionFaults] : [],
  });
  if (db.nodes) {
    useFailoverPool(
      ds,
      db.nodes.map((url) => {
        const { hostname, port } = new URL(url);
        return { host: hostname.replace(/^\[(.*)\]$/, "$1"), port: Number(port || 3306) };
      }),
      opts.log,
    );
  }
  return ds;
}

/**
 * Makes every transaction on an SQLite connection take the write lock at BEGIN (BEGIN IMMEDIATE).
 * TypeORM begins with a plain, deferred BEGIN, which takes the lock only at the transaction's first write.
 * By then the transaction has usually read, and SQLite can't let a reader wait for the write lock (another
 * writer may commit meanwhile, and its snapshot would be stale): it answers SQLITE_BUSY at once, without the
 * busy handler, however long the busy timeout. At BEGIN nothing has been read, so the lock can be waited for.
 * Only the writing connection: reads outside transactions go to the reader (openReader).
 */
function beginImmediate(raw: SqliteConnection): void {
  const prepare = raw.prepare.bind(raw);
  raw.prepare = ((sql: string) => prepare(sql === "BEGIN TRANSACTION" ? "BEGIN IMMEDIATE TRANSACTION" : sql)) as typeof raw.prepare;
}

/**
 * Makes TypeORM's SQLite driver bind whole numbers as parameters instead of writing them into the SQL.
 * The driver writes every number parameter into the statement's text (`WHERE "Product"."id" = 3`), because
 * better-sqlite3 would bind a JavaScript number as a REAL. So every product page, every cart line, every
 * cursor was a statement SQLite had never seen: parsed and planned again (about half of a product
 * request's CPU), and kept as a prepared statement until the FIFO cache of 100 pushed it out and a garbage
 * collection freed it, some 30 MB of memory at a few hundred requests a second. Bound as a BigInt, a whole
 * number is an SQLite INTEGER exactly as the literal was, and the statement's text is the same for every id:
 * prepared once and reused. Other values go through the driver as before.
 */
function bindIntegers(ds: DataSource): DataSource {
  const driver = ds.driver;
  const escape = driver.escapeQueryWithParameters.bind(driver);
  driver.escapeQueryWithParameters = (sql, parameters) => {
    let bound: typeof parameters | undefined;
    for (const key in parameters) {
      const value: unknown = parameters[key];
      if (typeof value === "number" && Number.isSafeInteger(value)) (bound ??= { ...parameters })[key] = BigInt(value);
    }
    return escape(sql, bound ?? parameters);
  };
  return ds;
}

/** Asks a MySQL-protocol server whether it is MariaDB. */
export async function isMariaDb(url: string): Promise<boolean> {
  const { createConnection } = await import("mysql2/promise");
  const conn = await createConnection({ uri: url, connectTimeout: DB_LIMITS.connectTimeoutMs });
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
  const reader = bindIntegers(
    new DataSource({
      type: "better-sqlite3",
      database: main.options.database as string,
      readonly: true,
      prepareDatabase: (raw: SqliteConnection) => {
        raw.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
      },
      entities: main.options.entities,
      logging: ["query", "error"],
      logger: main.logger,
    }),
  );
  await reader.initialize();
  return reader;
}

export function queryCounter(ds: DataSource): QueryCounter {
  return ds.logger as QueryCounter;
}
