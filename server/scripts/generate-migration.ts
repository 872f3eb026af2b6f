/**
 * Writes a migration for each engine from the difference between the entities and a database
 * migrated to the latest migration. Usage: npm run migration:generate -- Name
 * Needs TEST_MYSQL_URL (a server where it may create and drop a scratch database) for MySQL.
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pendingSchemaChanges } from "../db/pending-schema";
import { withScratchMysqlDatabase } from "../db/scratch-mysql";
import { connectStore } from "../modules";

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
  console.error("Usage: npm run migration:generate -- PascalCaseName");
  process.exit(2);
}
const stamp = Date.now();
const root = path.resolve(__dirname, "../../../server/db/migrations");

/**
 * TypeORM (MySQL) adds an anonymous unique index next to a named single-column @Index({ unique: true })
 * when it adds the column to an existing table; the named one is enough, and the extra one makes the
 * entities and migrations disagree.
 */
function dropAnonymousDuplicates(up: string[], down: string[]): { up: string[]; down: string[] } {
  const named = new Set(
    up.flatMap((q) => /^CREATE UNIQUE INDEX `(?!IDX_)\w+` ON `(\w+)` \(`(\w+)`\)$/.exec(q)?.slice(1, 3).join(".") ?? []),
  );
  const anonymous = (q: string) => {
    const m = /^ALTER TABLE `(\w+)` (?:ADD UNIQUE INDEX `IDX_\w+` \(`(\w+)`\)|DROP INDEX `IDX_\w+`)$/.exec(q);
    return m !== null && [...named].some((n) => n.startsWith(`${m[1]}.`) && (m[2] === undefined || n === `${m[1]}.${m[2]}`));
  };
  return { up: up.filter((q) => !anonymous(q)), down: down.filter((q) => !anonymous(q)) };
}

function render(className: string, up: string[], down: string[]): string {
  const lines = (qs: string[]) => qs.map((q) => `    await q.query(${JSON.stringify(q)});`).join("\n");
  return `import type { MigrationInterface, QueryRunner } from "typeorm";

export class ${className} implements MigrationInterface {
  name = "${className}";

  async up(q: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(q: QueryRunner): Promise<void> {
${lines(down.slice().reverse())}
  }
}
`;
}

async function generate(engine: "sqlite" | "mysql", url: string) {
  const ds = await connectStore(engine === "sqlite" ? { engine, file: url } : { engine, url });
  try {
    await ds.runMigrations();
    const pending = await pendingSchemaChanges(ds);
    const { up, down } = engine === "mysql" ? dropAnonymousDuplicates(pending.up, pending.down) : pending;
    if (up.length === 0) return console.log(`${engine}: entities and migrations agree, nothing to write`);
    const className = `${name}${stamp}`;
    const file = path.join(root, engine, `${stamp}-${name}.ts`);
    fs.writeFileSync(file, render(className, up, down));
    fs.appendFileSync(path.join(root, engine, "index.ts"), `export { ${className} } from "./${stamp}-${name}";\n`);
    console.log(`${engine}: wrote ${path.relative(process.cwd(), file)} (${up.length} statements)`);
  } finally {
    await ds.destroy();
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sw-migrate-"));
  await generate("sqlite", path.join(dir, "scratch.sqlite"));
  fs.rmSync(dir, { recursive: true, force: true });
  const mysqlUrl = process.env.TEST_MYSQL_URL;
  if (!mysqlUrl) return console.log("mysql: skipped (set TEST_MYSQL_URL)");
  await withScratchMysqlDatabase(mysqlUrl, "sw_migrate", (url) => generate("mysql", url));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
