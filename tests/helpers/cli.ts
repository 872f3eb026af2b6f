import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "./test-server";
import { startFlags } from "../../server/scripts/start-flags";

/** Runs one of the built commands (dist/server/…) as a user would, with its own environment. */
export function runCli(
  script: string,
  args: string[],
  env: Record<string, string>,
  opts: { untilOutput?: RegExp; timeoutMs?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "dist/server", script), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    });
    let stdout = "";
    let stderr = "";
    let stopping = false;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} timed out; stdout: ${stdout}; stderr: ${stderr}`));
    }, opts.timeoutMs ?? 30_000);
    child.stdout.on("data", (d) => {
      stdout += d;
      if (!stopping && opts.untilOutput?.test(stdout)) {
        stopping = true;
        child.kill("SIGTERM");
      }
    });
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  output(): string;
  /** Resolves once the output so far contains `text` (rejects after `timeoutMs`). */
  printed(text: string, timeoutMs?: number): Promise<void>;
  /** Sends SIGTERM and waits for the exit; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

/**
 * Starts the built server (dist/server/main.js) as a separate process, as `npm start` does (with its Node
 * options), and resolves once it listens (its "running" log line names the port) and `ready` matches the output so far.
 */
export function startServerProcess(env: Record<string, string>, opts: { ready?: RegExp; timeoutMs?: number } = {}): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...startFlags(ROOT), path.join(ROOT, "dist/server/main.js")], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", ...env },
    });
    let out = "";
    let started = false;
    const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server did not start; output: ${out}`));
    }, opts.timeoutMs ?? 30_000);
    const check = () => {
      const port = runningLine(out)?.port as number | undefined;
      if (started || !port || (opts.ready && !opts.ready.test(out))) return;
      started = true;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${port}`,
        port: Number(port),
        output: () => out,
        printed: (text, timeoutMs = 10_000) =>
          new Promise<void>((done, fail) => {
            const started = Date.now();
            const poll = () => {
              if (out.includes(text)) return done();
              if (Date.now() - started > timeoutMs) return fail(new Error(`the server did not print "${text}"; output: ${out}`));
              setTimeout(poll, 2);
            };
            poll();
          }),
        exited,
        stop: (signal = "SIGTERM") => {
          child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout.on("data", (d) => {
      out += d;
      check();
    });
    child.stderr.on("data", (d) => (out += d));
    void exited.then((code) => {
      if (started) return;
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before it listened; output: ${out}`));
    });
  });
}

/** The server's "Shopwright is running" log line, parsed. */
export function runningLine(output: string): Record<string, unknown> | undefined {
  for (const line of output.split("\n")) {
    if (!line.startsWith("{") || !line.includes("Shopwright is running")) continue;
    try {
      return JSON.parse(line);
    } catch {
      // a line still being written
    }
  }
  return undefined;
}
