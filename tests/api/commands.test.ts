import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startFlags } from "../../server/scripts/start-flags";
import { runCli } from "../helpers/cli";
import { ROOT, engines, scratchDatabase } from "../helpers/test-server";

describe("deployment commands", () => {
  test("npm start's build check: a fresh build (jest's setup just made one) is served as it is, not rebuilt", () => {
    const check = spawnSync(process.execPath, [path.join(ROOT, "server/scripts/ensure-build.cjs")], { cwd: ROOT, encoding: "utf8" });
    expect({ status: check.status, output: check.stdout + check.stderr }).toEqual({ status: 0, output: "" });
  });

  test("the Docker image starts the server with npm start's Node options (its young generation of 4 MB)", () => {
    const flags = startFlags(ROOT);
    expect(flags).toContain("--max-semi-space-size=4");
    const cmd = /^CMD (\[.*\])$/m.exec(fs.readFileSync(path.join(ROOT, "docker/Dockerfile"), "utf8"))?.[1];
    expect(JSON.parse(cmd ?? "null")).toEqual(["node", ...flags, "dist/server/main.js"]);
    // CI's production smoke run starts it the same way.
    expect(fs.readFileSync(path.join(ROOT, ".ci/smoke-production.sh"), "utf8")).toContain(`node ${flags.join(" ")} dist/server/main.js`);
  });

  describe.each(engines)("npm run migrate [%s]", (engine) => {
    test("shows what is pending, applies it, and reverts the last one only where the engine can", async () => {
      const scratch = await scratchDatabase(engine);
      const env = { DATABASE_URL: scratch.url };
      try {
        const before = await runCli("scripts/migrate.js", ["--show"], env);
        expect(before.stdout).toMatch(/\[ \] Init\d+/);
        expect(before.stdout).toMatch(/\d+ pending: npm run migrate applies them\./);
        const applied = await runCli("scripts/migrate.js", [], env);
        expect(applied.code).toBe(0);
        expect(applied.stdout).toMatch(/^Applied Init\d+, .*ShippingNote\d+ to /);
        expect((await runCli("scripts/migrate.js", ["--show"], env)).stdout).toMatch(/Up to date\./);
        const reverted = await runCli("scripts/migrate.js", ["--revert"], env);
        if (engine === "mysql") {
          expect(reverted.stdout).toMatch(/^Reverted ShippingNote\d+ on MySQL/);
          expect((await runCli("scripts/migrate.js", ["--show"], env)).stdout).toMatch(/\[ \] ShippingNote\d+\n1 pending/);
        } else {
          expect({ code: reverted.code, stderr: reverted.stderr.trim() }).toEqual({
            code: 1,
            stderr: "shopwright: SQLite migrations are forward-only; restore a backup of the SQLite file instead",
          });
        }
      } finally {
        await scratch.drop();
      }
    });
  });
});
