import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startFlags } from "../start-flags";

/** Clock ticks per second of /proc/<pid>/stat's CPU times (`getconf CLK_TCK`, 100 on Linux almost always). */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** What the bench reads of the server process it started. */
export interface Snapshot {
  /** CPU time of the whole process (every thread, user and system), ms. */
  cpuMs: number;
  /** SQL statements its data sources have run. */
  statements: number;
}

export interface ServerProcess {
  pid: number;
  url: string;
  snapshot(): Promise<Snapshot>;
  /** Resident memory now (VmRSS) and at its highest (VmHWM), MB. */
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
  /** The server's output (its log), for a failure's message. */
  output(): string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every server started and not yet exited. */
const children = new Set<ChildProcess>();

/** Stops every server still running (SIGTERM, then SIGKILL after 15 s); for an interrupted bench. */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...children].map((child) => stopChild(child)));
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((r) => child.once("exit", () => r()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await gone;
  clearTimeout(timer);
}

/**
 * Starts the built server as `npm start` does (`node <its options> dist/server/main.js`), with the bench's probe
 * preloaded (probe.ts: the SQL count on SIGUSR2), its output going to a file in `dir` as a production log
 * would, and resolves once its "Shopwright is running" line names the port.
 */
export async function startServer(root: string, dir: string, env: Record<string, string>): Promise<ServerProcess> {
  const logFile = path.join(dir, "server.log");
  const probeFile = path.join(dir, "probe.json");
  fs.rmSync(probeFile, { force: true });
  const out = fs.openSync(logFile, "w");
  const child: ChildProcess = spawn(
    process.execPath,
    [...startFlags(root), "--require", path.join(root, "dist/server/scripts/bench/probe.js"), path.join(root, "dist/server/main.js")],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        PORT: "0",
        BENCH_PROBE_FILE: probeFile,
        // Node's options for the server only (a V8 heap setting to compare, --cpu-prof to profile it).
        ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
        ...env,
      },
      stdio: ["ignore", out, out],
    },
  );
  fs.closeSync(out);
  children.add(child);
  let exit: number | null | undefined;
  child.on("exit", (code, signal) => {
    exit = code ?? (signal ? -1 : null);
    children.delete(child);
  });
  const output = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "");

  const started = Date.now();
  let port: number | undefined;
  while (port === undefined) {
    if (exit !== undefined) throw new Error(`the server exited (${exit}) before it listened:\n${output()}`);
    if (Date.now() - started > 60_000) {
      child.kill("SIGKILL");
      throw new Error(`the server did not start within a minute:\n${output()}`);
    }
    await sleep(25);
    port = runningPort(output());
  }
  const pid = child.pid!;

  let asked = 0;
  return {
    pid,
    url: `http://127.0.0.1:${port}`,
    output,
    async snapshot() {
      const cpuMs = cpuTimeMs(pid);
      asked++;
      child.kill("SIGUSR2");
      for (let waited = 0; ; waited += 5) {
        const answer = readProbe(probeFile);
        if (answer && answer.asked >= asked) return { cpuMs, statements: answer.statements };
        if (waited > 5000 || exit !== undefined) throw new Error(`the server's bench probe did not answer:\n${output()}`);
        await sleep(5);
      }
    },
    memory() {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
      return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
    },
    stop: () => stopChild(child),
  };
}

/** utime + stime of /proc/<pid>/stat (fields 14 and 15, after the parenthesised command name), in ms. */
function cpuTimeMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state): utime is field 14, stime field 15.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

function readProbe(file: string): { asked: number; statements: number } | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as { asked: number; statements: number };
  } catch {
    return undefined;
  }
}

function runningPort(output: string): number | undefined {
  for (const line of output.split("\n")) {
    if (!line.startsWith("{") || !line.includes("Shopwright is running")) continue;
    try {
      const port = (JSON.parse(line) as { port?: unknown }).port;
      if (typeof port === "number") return port;
    } catch {
      // a line still being written
    }
  }
  return undefined;
}
