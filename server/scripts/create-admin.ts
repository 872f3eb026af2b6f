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
    password = await ask("Password for the admin (8 to 128 characters): ");
    if ((await ask("Once more: ")) !== password) throw new ConfigError("the two passwords differ");
  }
  if (password.length < 8 || password.length > 128) throw new ConfigError("the password must be 8 to 128 characters long");
  const ds = await openStoreDatabase(config.database);
  try {
    const { created } = await createServices(config, ds).accounts.upsertAdmin(email, password);
    console.log(
      `${created ? "Created" : "Promoted"} admin ${email} in ${describeDatabase(config.database)}. Sign in at /login, then open /admin.`,
    );
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
