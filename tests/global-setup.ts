import { execSync } from "node:child_process";
import path from "node:path";

/** Builds the server (for the CLI tests) and the client bundle (for the GraphQL IDE test) once per run. */
export default function globalSetup(): void {
  // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
  execSync("npm run build --silent", {
    cwd: path.resolve(__dirname, ".."),
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
}
