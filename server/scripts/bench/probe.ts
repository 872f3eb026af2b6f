/**
 * Loaded only by `npm run bench`, into the server it starts (`node --require …/probe.js dist/server/main.js`):
 * counts the SQL statements of every data source (the QueryCounter each one logs to) and, on SIGUSR2, writes
 * the count so far to BENCH_PROBE_FILE. Nothing of it is in the server itself; a server started without
 * it has no SIGUSR2 handler and writes no file.
 */
import "reflect-metadata";
import fs from "node:fs";
import { QueryCounter } from "../../db/data-source";

const file = process.env.BENCH_PROBE_FILE;
if (!file) throw new Error("bench probe: BENCH_PROBE_FILE is not set");

let statements = 0;
let asked = 0;
const logQuery = QueryCounter.prototype.logQuery;
QueryCounter.prototype.logQuery = function (this: QueryCounter, ...args: Parameters<QueryCounter["logQuery"]>) {
  statements++;
  return logQuery.apply(this, args);
};
process.on("SIGUSR2", () => {
  asked++;
  // Written whole and then renamed, so the bench never reads half a file.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify({ asked, statements }));
  fs.renameSync(`${file}.tmp`, file);
});
