#!/usr/bin/env node
// Builds the store (`npm run build`) only when the build is missing or older than its sources, so `npm start`
// serves what was built without rebuilding, and still works on a fresh clone. Plain JavaScript: it runs
// before anything is compiled, and in a production tree without the dev dependencies.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const root = path.resolve(__dirname, "..", "..");
const SOURCES = [
  "server",
  "common",
  "client/src",
  "client/index.html",
  "client/graphiql.html",
  "client/vite.config.mts",
  "package-lock.json",
  "tsconfig.json",
  "tsconfig.build.json",
];
const OUTPUTS = ["dist/server/main.js", "client/dist/index.html", "client/dist/graphiql.html"];

/** The newest modification time under `p` (ms), ignoring tests. */
function newest(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(p) ? 0 : stat.mtimeMs;
  return fs.readdirSync(p).reduce((max, name) => Math.max(max, newest(path.join(p, name))), 0);
}

/** Written at the end of every `npm run build` (`--stamp`): the compiler leaves unchanged outputs' times alone. */
const STAMP = path.join(root, "dist", ".build-stamp");
if (process.argv.includes("--stamp")) {
  fs.mkdirSync(path.dirname(STAMP), { recursive: true });
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  process.exit(0);
}

const outputs = OUTPUTS.map((o) => path.join(root, o));
const missing = [...outputs, STAMP].filter((o) => !fs.existsSync(o));
const built = missing.length ? 0 : fs.statSync(STAMP).mtimeMs;
const changed = Math.max(...SOURCES.map((s) => newest(path.join(root, s))));
if (!missing.length && built >= changed) process.exit(0);

console.log(
  missing.length
    ? "No build yet: building the store (npm run build)…"
    : "Sources changed since the last build: rebuilding (npm run build)…",
);
if (!fs.existsSync(path.join(root, "node_modules", "typescript"))) {
  console.error("shopwright: the build is missing or stale, and building needs the dev dependencies (npm ci, then npm run build).");
  process.exit(1);
}
const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);
