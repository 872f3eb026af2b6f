import type { DataSource } from "typeorm";
import type { DatabaseConfig } from "../config";
import { createDataSource } from "./data-source";

/** Connects and applies pending migrations. */
export async function openDatabase(db: DatabaseConfig): Promise<DataSource> {
  const ds = createDataSource(db);
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  return ds;
}

/** Where the data lives, for log lines: never prints a password. */
export function describeDatabase(db: DatabaseConfig): string {
  if (db.engine === "sqlite") return `SQLite ${db.file}`;
  const url = new URL(db.url);
  return `MySQL ${url.hostname}:${url.port || 3306}${url.pathname}`;
}
