import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "./test-server";

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
