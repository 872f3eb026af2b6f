import type { MigrationInterface } from "typeorm";
import * as mysql from "./mysql";
import * as sqlite from "./sqlite";

type MigrationClass = new () => MigrationInterface;

const stamp = (className: string) => Number(/(\d+)$/.exec(className)?.[1] ?? 0);
const ordered = (mod: Record<string, unknown>): MigrationClass[] =>
  Object.entries(mod)
    .sort(([a], [b]) => stamp(a) - stamp(b))
    .map(([, cls]) => cls as MigrationClass);

/** Migrations per engine (their SQL differs), ordered by the timestamp that ends each class name. */
export const sqliteMigrations = ordered(sqlite);
export const mysqlMigrations = ordered(mysql);
