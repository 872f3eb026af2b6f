import { execFileSync } from "node:child_process";
import path from "node:path";

/**
 * Builds the server (for the CLI tests) and the client bundle (for the GraphQL IDE and browser tests) when the
 * build is missing or older than the sources, as `npm start` does (server/scripts/ensure-build.cjs).
 */
export default function globalSetup(): void {
  // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
  execFileSync(process.execPath, ["server/scripts/ensure-build.cjs"], {
    cwd: path.resolve(__dirname, ".."),
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
}
