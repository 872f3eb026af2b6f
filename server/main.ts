import "reflect-metadata";
import { createApp } from "./app";
import { ConfigError, loadConfig } from "./config";
import { describeDatabase } from "./db/database";
import { openStoreDatabase } from "./modules";

/** The demo store's owner account; it only works outside production. */
const DEMO_ADMIN = { email: "owner@example.com", password: "demo-owner-password" };

/** What to close on SIGINT/SIGTERM; filled in as start-up opens things. */
const closers: (() => Promise<unknown>)[] = [];
let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const close of closers.reverse()) await close().catch((e) => console.error(e));
  process.exit(0);
}
// Installed before anything starts, so a signal at any moment shuts down cleanly.
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

async function main() {
  const config = loadConfig();
  const where = describeDatabase(config.database);
  const dataSource = await openStoreDatabase(config.database).catch((e: Error) => {
    throw new ConfigError(`Cannot open the database (${where}): ${e.message.split("\n")[0]}`);
  });
  closers.push(() => dataSource.destroy());
  const { services, listen, stop } = await createApp(config, dataSource);
  closers.push(stop);
  if (config.seedDemo) {
    const added = await services.catalogIo.seedDemoIfEmpty();
    if (added) console.log(`Loaded the demo catalog: ${added} products.`);
    // The demo admin's well-known password is refused in production (see AccountService.login).
    if (added && !config.production) await services.accounts.upsertAdmin(DEMO_ADMIN.email, DEMO_ADMIN.password, "Demo owner", true);
  }
  const server = await listen(config.port);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  console.log(`Shopwright is running on ${where}`);
  console.log(`  Store API and GraphQL IDE: http://localhost:${port}/graphql`);
  console.log(`  Health check:              http://localhost:${port}/healthz`);
  if (config.seedDemo && !config.production) {
    console.log(
      `  Admin:                     http://localhost:${port}/admin  (demo sign-in: ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password};`,
    );
    console.log(`                             your own: npm run create-admin -- --email you@example.com)`);
  }
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(`shopwright: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
