/**
 * npm run migrate [-- --show | --revert]: applies the pending migrations to the configured database (the
 * server also does at start), lists them, or (MySQL/MariaDB only) reverts the last one.
 */
import "reflect-metadata";
import { ConfigError, loadConfig } from "../config";
import { describeDatabase } from "../db/database";
import { connectStore } from "../modules";

async function main() {
  const mode = process.argv.includes("--revert") ? "revert" : process.argv.includes("--show") ? "show" : "run";
  const config = loadConfig();
  const where = describeDatabase(config.database);
  const ds = await connectStore(config.database).catch((e: Error) => {
    throw new ConfigError(`Cannot open the database (${where}): ${e.message.split("\n")[0]}`);
  });
  try {
    const applied = new Set<string>((await ds.query(`SELECT name FROM migrations`).catch(() => [])).map((r: { name: string }) => r.name));
    if (mode === "show") {
      console.log(`Migrations of ${where}:`);
      for (const m of ds.migrations) console.log(`  [${applied.has(m.name!) ? "x" : " "}] ${m.name}`);
      const pending = ds.migrations.filter((m) => !applied.has(m.name!)).length;
      console.log(pending ? `${pending} pending: npm run migrate applies them.` : "Up to date.");
    } else if (mode === "revert") {
      if (config.database.engine !== "mysql") {
        throw new ConfigError("SQLite migrations are forward-only; restore a backup of the SQLite file instead");
      }
      const last = ds.migrations.filter((m) => applied.has(m.name!)).at(-1);
      if (!last) throw new ConfigError(`Nothing to revert on ${where}`);
      await ds.undoLastMigration({ transaction: "each" });
      console.log(`Reverted ${last.name} on ${where}.`);
    } else {
      const done = await ds.runMigrations({ transaction: "each" });
      console.log(done.length ? `Applied ${done.map((m) => m.name).join(", ")} to ${where}.` : `${where} is up to date.`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `shopwright: ${error.message}` : error);
  process.exit(1);
});
