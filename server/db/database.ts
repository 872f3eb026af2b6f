import type { DataSource } from "typeorm";
import type { DatabaseConfig } from "../config";
import { createDataSource, isMariaDb, type CreateDataSourceOptions } from "./data-source";

/** Connects and applies pending migrations. */
export async function openDatabase(db: DatabaseConfig, opts: CreateDataSourceOptions): Promise<DataSource> {
  const ds = await connect(db, opts);
  await ds.runMigrations({ transaction: "each" });
  return ds;
}

/** Initializes a data source for the database, telling MariaDB from MySQL first. */
export async function connect(db: DatabaseConfig, opts: CreateDataSourceOptions): Promise<DataSource> {
  const mariadb = db.engine === "mysql" && (await isMariaDb(db.url));
  const ds = createDataSource(db, { ...opts, mariadb });
  await ds.initialize();
  return ds;
}

/** Where the data lives, for log lines: never prints a password. */
export function describeDatabase(db: DatabaseConfig): string {
  if (db.engine === "sqlite") return `SQLite ${db.file}`;
  const url = new URL(db.url);
  return `MySQL ${url.hostname}:${url.port || 3306}${url.pathname}`;
}
