/**
 * npm run dev: the server, recompiled and restarted on every change (tsc --watch + node --watch),
 * and the storefront on Vite's dev server with live reload, proxying /graphql and /media to the server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "../../..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const children: ChildProcess[] = [];

function run(name: string, command: string, args: string[]): void {
  const child = spawn(command, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: process.env });
  const prefix = (data: Buffer) =>
    data
      .toString()
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => `[${name}] ${line}`)
      .join("\n") + "\n";
  child.stdout!.on("data", (d) => process.stdout.write(prefix(d)));
  child.stderr!.on("data", (d) => process.stderr.write(prefix(d)));
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`[${name}] exited with ${code}; stopping the rest`);
      stop(1);
    }
  });
  children.push(child);
}

let stopping = false;
function stop(code = 0): void {
  stopping = true;
  for (const c of children) c.kill("SIGTERM");
  process.exit(code);
}
process.on("SIGINT", () => stop());
process.on("SIGTERM", () => stop());

run("tsc", bin("tsc"), ["-w", "-p", "tsconfig.build.json", "--preserveWatchOutput"]);
run("api", process.execPath, ["--watch-path=dist/server", "dist/server/main.js"]);
run("web", bin("vite"), ["-c", "client/vite.config.mts", "--strictPort", "--port", process.env.DEV_PORT ?? "5173"]);
console.log(`Storefront with live reload: http://localhost:${process.env.DEV_PORT ?? "5173"}  (API on PORT, default 4000)`);
