/**
 * npm run seed                         loads (or refreshes) the demo catalog
 * npm run seed -- --file catalog.json  upserts products by sku from a JSON array
 * Uses DATABASE_URL like the server. A file with any bad row writes nothing. A big file is written in
 * batches (one transaction) with its progress on stderr: one line rewritten in place on a terminal, else a
 * line every PROGRESS_EVERY products. The last line on stdout says the time and the peak memory (RSS).
 */
import "reflect-metadata";
import fs from "node:fs";
import { countOf } from "../../common/plural";
import { validateCatalog } from "../catalog/catalog-import";
import { CatalogProblems } from "../catalog/catalog-io.service";
import { ConfigError, loadConfig } from "../config";
import { describeDatabase } from "../db/database";
import { createServices, openStoreDatabase } from "../modules";

const PROBLEMS = { one: "problem", other: "problems" };

/** Products between two progress lines when stderr is not a terminal (a log file, CI). */
const PROGRESS_EVERY = 10_000;

/** "Imported 40,000 / 100,000 products" on stderr as the import goes. */
function progressLine(stream: NodeJS.WriteStream = process.stderr): { update(done: number, total: number): void; end(): void } {
  let shown = 0;
  let open = false;
  const text = (done: number, total: number) => `Imported ${done.toLocaleString("en")} / ${total.toLocaleString("en")} products`;
  return {
    update(done, total) {
      if (stream.isTTY) {
        stream.write(`\r${text(done, total)}`);
        open = true;
      } else if (total >= PROGRESS_EVERY && (done - shown >= PROGRESS_EVERY || (done === total && shown !== total))) {
        stream.write(`${text(done, total)}\n`);
        shown = done;
      }
    },
    end() {
      if (open) stream.write("\n");
      open = false;
    },
  };
}

function fileArg(argv: string[]): string | undefined {
  const i = argv.indexOf("--file");
  if (i === -1) return argv.find((a) => a.startsWith("--file="))?.slice("--file=".length);
  const value = argv[i + 1];
  if (!value) throw new ConfigError("--file needs a path, e.g. npm run seed -- --file catalog.json");
  return value;
}

async function main(): Promise<number> {
  const started = performance.now();
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
      console.error(`${countOf(checked.problems.length, PROBLEMS)} in ${file}; nothing was written.`);
      return 1;
    }
    rows = checked.rows;
  }
  const ds = await openStoreDatabase(config.database);
  try {
    const { catalogIo } = createServices(config, ds);
    let result;
    const progress = progressLine();
    try {
      result = rows
        ? await catalogIo.importRows(rows, "npm run seed", { onProgress: (done, total) => progress.update(done, total) })
        : await catalogIo.loadDemo();
      progress.end();
    } catch (error) {
      progress.end();
      if (!(error instanceof CatalogProblems)) throw error;
      for (const p of error.problems) console.error(`row ${p.index}, ${p.field}: ${p.message}`);
      console.error(`${countOf(error.problems.length, PROBLEMS)} in ${file}; nothing was written.`);
      return 1;
    }
    const { created, updated } = result;
    console.log(`${file ?? "Demo catalog"} → ${describeDatabase(config.database)}: created ${created}, updated ${updated} products.`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const peak = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(`Took ${seconds} s; peak memory ${peak} MB.`);
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
