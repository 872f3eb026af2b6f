import type { DataSource } from "typeorm";
import type { DatabaseConfig } from "../config";
import { createDataSource, isMariaDb, type CreateDataSourceOptions } from "./data-source";
import { DB_LIMITS, limitPoolWait } from "./faults";

/**
 * Applies pending migrations, then connects for serving (`serving`: every wait on the database bounded).
 * The migrations run on a connection of their own without those limits: an ALTER of a big table may take
 * minutes, and at start SQLite may wait for the write lock in place.
 */
export async function openDatabase(db: DatabaseConfig, opts: CreateDataSourceOptions): Promise<DataSource> {
  const migrator = await connect(db, { ...opts, serving: false });
  try {
    await migrator.runMigrations({ transaction: "each" });
  } finally {
    await migrator.destroy();
  }
  return connect(db, { ...opts, serving: true });
}

/** Initializes a data source for the database, telling MariaDB from MySQL first (on a cluster, from the first node that answers). */
export async function connect(db: DatabaseConfig, opts: CreateDataSourceOptions): Promise<DataSource> {
  const mariadb = db.engine === "mysql" && (await firstAnswer(db.nodes ?? [db.url], isMariaDb));
  const ds = createDataSource(db, { ...opts, mariadb });
  await ds.initialize();
  if (opts.serving) limitPoolWait(ds, DB_LIMITS.acquireTimeoutMs);
  return ds;
}

async function firstAnswer<T>(urls: string[], ask: (url: string) => Promise<T>): Promise<T> {
  let lastError: unknown;
  for (const url of urls) {
    try {
      return await ask(url);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** Where the data lives, for log lines: never prints a password. */
export function describeDatabase(db: DatabaseConfig): string {
  if (db.engine === "sqlite") return `SQLite ${db.file}`;
  const hosts = (db.nodes ?? [db.url]).map((u) => {
    const url = new URL(u);
    return `${url.hostname}:${url.port || 3306}`;
  });
  return `MySQL ${hosts.join(",")}${new URL(db.url).pathname}${db.nodes ? ` (a cluster of ${db.nodes.length} nodes)` : ""}`;
}
