import net from "node:net";
import os from "node:os";
import { runCli, startServerProcess, runningLine } from "../helpers/cli";
import { ShopperClient } from "../helpers/client";
import { ADD, PLACE_ORDER, orderInput } from "../helpers/operations";
import { engines, scratchDatabase } from "../helpers/test-server";

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { email role } }`;
const METHODS = `{ paymentMethods { id } }`;
const PRODUCTS = `{ products(first: 1) { totalCount nodes { id } } }`;
const OWNER = "owner@example.com";
const REAL_OWNER = { email: "me@example.com", password: "copper kettle on the morning train" };

/** An address of this machine that isn't loopback (a LAN or container address), if it has one. */
const outsideAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

/** Whether a TCP connection to host:port is accepted. */
const reachable = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

describe.each(engines)("demo mode and safe defaults [%s]", (engine) => {
  test("only demo mode has the demo owner and test payments; outside it the shop is closed to both", async () => {
    const scratch = await scratchDatabase(engine);
    const base = { DATABASE_URL: scratch.url, SCRYPT_LOG_N: "12" };
    try {
      // Demo mode (DEMO=true; with no DATABASE_URL it is the default): demo catalog, owner, test cards, loopback only.
      const demo = await startServerProcess({ ...base, DEMO: "true" }, { ready: /Admin:/ });
      let printed: string;
      try {
        printed = /demo sign-in: owner@example\.com \/ (\S+);/.exec(demo.output())![1];
        expect(printed).toMatch(/^[\w-]{16}$/); // a new random password, not a published one
        expect(runningLine(demo.output())).toMatchObject({ demo: true, host: "127.0.0.1" });
        const shopper = new ShopperClient(demo.url);
        expect((await shopper.ok(LOGIN, { email: OWNER, password: printed })).login).toEqual({ email: OWNER, role: "ADMIN" });
        expect((await shopper.ok(METHODS)).paymentMethods.map((m: { id: string }) => m.id)).toEqual(["test"]);
        expect((await shopper.ok(PRODUCTS)).products.totalCount).toBeGreaterThanOrEqual(24);
        if (outsideAddress) expect(await reachable(outsideAddress, demo.port)).toBe(false);
        // The password is printed for the person at the terminal, never written into the JSON log.
        expect(
          demo
            .output()
            .split("\n")
            .filter((l) => l.startsWith("{") && l.includes(printed)),
        ).toEqual([]);
      } finally {
        await demo.stop();
      }

      // The README's `npm start` against a real database (no NODE_ENV): not demo mode. With the demo owner
      // still there it refuses to start, and says how to make a real owner.
      const refused = await runCli("main.js", [], base);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim().split("\n")).toHaveLength(1);
      expect(refused.stderr).toMatch(/demo owner account \(owner@example\.com\).*npm run create-admin -- --email/);

      const admin = await runCli("scripts/create-admin.js", ["--email", REAL_OWNER.email], {
        ...base,
        ADMIN_PASSWORD: REAL_OWNER.password,
      });
      expect(admin.code).toBe(0);
      expect(admin.stdout).toMatch(/Retired the demo owner account/);

      const real = await startServerProcess(base);
      try {
        expect(runningLine(real.output())).toMatchObject({ demo: false, host: "all interfaces" });
        expect(real.output()).not.toMatch(/demo sign-in|Admin:/);
        const shopper = new ShopperClient(real.url);
        // Before: the demo owner signed in as ADMIN with the published password, and pm_card_visa paid orders.
        expect((await shopper.fails(LOGIN, { email: OWNER, password: printed })).code).toBe("INVALID_CREDENTIALS");
        expect((await shopper.ok(LOGIN, REAL_OWNER)).login.role).toBe("ADMIN");
        expect((await shopper.ok(METHODS)).paymentMethods).toEqual([]);
        const productId = (await shopper.ok(PRODUCTS)).products.nodes[0].id;
        await shopper.ok(ADD, { productId });
        const paid = await shopper.fails(PLACE_ORDER, { input: orderInput() });
        expect(paid).toMatchObject({ code: "BAD_USER_INPUT", extensions: { field: "payment.provider" } });
        if (outsideAddress) expect(await reachable(outsideAddress, real.port)).toBe(true); // production listens where configured
      } finally {
        await real.stop();
      }
    } finally {
      await scratch.drop();
    }
  });

  test("a store started on a new database outside demo mode has no demo catalog, no demo owner and no test cards", async () => {
    const scratch = await scratchDatabase(engine);
    try {
      const server = await startServerProcess({ DATABASE_URL: scratch.url, SCRYPT_LOG_N: "12" });
      try {
        const shopper = new ShopperClient(server.url);
        expect((await shopper.ok(PRODUCTS)).products.totalCount).toBe(0);
        expect((await shopper.fails(LOGIN, { email: OWNER, password: "demo-owner-password" })).code).toBe("INVALID_CREDENTIALS");
        expect((await shopper.ok(METHODS)).paymentMethods).toEqual([]);
        expect(server.output()).toMatch(/No payment method is configured/);
      } finally {
        await server.stop();
      }
    } finally {
      await scratch.drop();
    }
  });
});
