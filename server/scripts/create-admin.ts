/**
 * npm run create-admin -- --email owner@example.com
 * Creates the owner's account, or promotes an existing one, and sets its password: from ADMIN_PASSWORD,
 * or asked for at the prompt (not echoed). Uses DATABASE_URL like the server.
 */
import "reflect-metadata";
import readline from "node:readline";
import { createServices, openStoreDatabase } from "../modules";
import { ConfigError, loadConfig } from "../config";
import { describeDatabase } from "../db/database";
import { checkPassword } from "../accounts/password-policy";

function ask(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => write(s.startsWith(question) ? s : "");
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

async function main(): Promise<number> {
  const config = loadConfig();
  const args = process.argv.slice(2);
  const email = args[args.indexOf("--email") + 1];
  if (!args.includes("--email") || !email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new ConfigError("usage: npm run create-admin -- --email owner@example.com  (password from ADMIN_PASSWORD or the prompt)");
  }
  let password = process.env.ADMIN_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) throw new ConfigError("set ADMIN_PASSWORD, or run this in a terminal to type the password");
    password = await ask("Password for the admin (8 to 128 characters, not easy to guess): ");
    if ((await ask("Once more: ")) !== password) throw new ConfigError("the two passwords differ");
  }
  // The same rule as sign-up: 8 to 128 characters and not easy to guess (common passwords, the email's name).
  const verdict = checkPassword(password, { email });
  if (!verdict.ok) throw new ConfigError(verdict.message);
  const ds = await openStoreDatabase(config.database);
  try {
    const { accounts } = createServices(config, ds);
    const { created } = await accounts.upsertAdmin(email, password);
    console.log(
      `${created ? "Created" : "Promoted"} admin ${email} in ${describeDatabase(config.database)}. Sign in at /login, then open /admin.`,
    );
    // A real owner now exists: the demo owner (a store that started in demo mode) can no longer sign in.
    if (await accounts.retireDemoOwners()) console.log("Retired the demo owner account: it can no longer sign in.");
    return 0;
  } finally {
    await ds.destroy();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((e) => {
    console.error(e instanceof ConfigError ? `create-admin: ${e.message}` : e);
    process.exit(1);
  });
