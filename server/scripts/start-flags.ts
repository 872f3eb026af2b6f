import fs from "node:fs";
import path from "node:path";

/**
 * The Node options `npm start` runs the server with: package.json's "start" is `… node <options>
 * dist/server/main.js`. The bench and the tests that start the built server start it with the same ones,
 * and the Dockerfile's CMD carries them too (commands.test.ts checks it).
 */
export function startFlags(root: string): string[] {
  const start = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
  const match = /\bnode((?:\s+--\S+)*)\s+dist\/server\/main\.js\b/.exec(start);
  if (!match) throw new Error(`package.json's start script doesn't run node [options] dist/server/main.js: ${start}`);
  return match[1].split(/\s+/).filter(Boolean);
}
