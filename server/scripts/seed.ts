/**
 * npm run seed                         loads (or refreshes) the demo catalog
 * npm run seed -- --file catalog.json  upserts products by sku from a JSON array
 * Uses DATABASE_URL like the server. A file with any bad row writes nothing.
 */
import "reflect-metadata";
import fs from "node:fs";
import { validateCatalog } from "../catalog/catalog-import";
import { CatalogProblems } from "../catalog/catalog-io.service";
import { ConfigError, loadConfig } from "../config";
import { describeDatabase } from "../db/database";
import { createServices, openStoreDatabase } from "../modules";

function fileArg(argv: string[]): string | undefined {
  const i = argv.indexOf("--file");
  if (i === -1) return argv.find((a) => a.startsWith("--file="))?.slice("--file=".length);
  const value = argv[i + 1];
  if (!value) throw new ConfigError("--file needs a path, e.g. npm run seed -- --file catalog.json");
  return value;
}

async function main(): Promise<number> {
  const config = loadConfig();
  const file = fileArg(process.argv.slice(2));
  let rows;
  if (file) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
      console.error(`Cannot read ${file}: ${(e as Error).message}`);
      return 1;
    }
    const checked = validateCatalog(parsed, config.currency);
    if (checked.problems.length) {
      for (const p of checked.problems) {
        console.error(p.index < 0 ? `${file}: ${p.message}` : `row ${p.index}, ${p.field}: ${p.message}`);
      }
      console.error(`${checked.problems.length} problem(s) in ${file}; nothing was written.`);
      return 1;
    }
    rows = checked.rows;
  }
  const ds = await openStoreDatabase(config.database);
  try {
    const { catalogIo } = createServices(config, ds);
    let result;
    try {
      result = rows ? await catalogIo.importRows(rows, "npm run seed") : await catalogIo.loadDemo();
    } catch (error) {
      if (!(error instanceof CatalogProblems)) throw error;
      for (const p of error.problems) console.error(`row ${p.index}, ${p.field}: ${p.message}`);
      console.error(`${error.problems.length} problem(s) in ${file}; nothing was written.`);
      return 1;
    }
    const { created, updated } = result;
    console.log(`${file ?? "Demo catalog"} → ${describeDatabase(config.database)}: created ${created}, updated ${updated} products.`);
    return 0;
  } finally {
    await ds.destroy();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((e) => {
    console.error(e instanceof ConfigError ? `seed: ${e.message}` : e);
    process.exit(1);
  });
