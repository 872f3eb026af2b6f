import "reflect-metadata";
import { randomBytes } from "node:crypto";
import v8 from "node:v8";
import { createApp } from "./app";
import { ConfigError, loadConfig, type Config } from "./config";
import { describeDatabase } from "./db/database";
import { createLogger, type Logger } from "./lib/logger";
import { openStoreDatabase } from "./modules";

/**
 * V8 lets its heap grow to up to 4 times what a full collection left alive before collecting again: under a
 * load of checkouts that is about 150 MB of heap for some 35 MB alive, and the process's memory stays there
 * (nothing is handed back while the shop is busy). Growing by at most half what is alive takes 55–80 MB off a
 * busy shop's RSS, for a few per cent more CPU on the GraphQL requests (`npm run bench` measures both; the
 * README's *Memory* has the figures); it sets no ceiling, so a big import still gets all the memory it needs. Set once started
 * (Node doesn't take this flag in NODE_OPTIONS): V8 reads it at every collection, which the bench confirms.
 * The young generation's size V8 takes only at start: it is in the start command (`npm start`, the
 * Dockerfile's CMD: `--max-semi-space-size=4`).
 */
v8.setFlagsFromString("--heap-growing-percent=50");

/** The demo store's owner; it exists only in demo mode, with a new password printed at every start. */
const DEMO_OWNER_EMAIL = "owner@example.com";

/** What to close on SIGINT/SIGTERM, in reverse order of opening; filled in as start-up opens things. */
const closers: (() => Promise<unknown>)[] = [];
let log: Logger | undefined;
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    // A second signal (Ctrl-C again): stop now, requests under way or not.
    log?.warn({ signal }, "Stopping at once");
    process.exit(1);
  }
  stopping = true;
  log?.info({ signal }, "Shutting down: no new connections; finishing the requests under way");
  for (const close of closers.reverse())
    await close().catch((e) => (log ? log.error({ err: e }, "shutdown step failed") : console.error(e)));
  log?.info("Stopped");
  log?.flush?.();
  process.exit(0);
}
// Installed before anything starts, so a signal at any moment shuts down cleanly.
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

async function main() {
  const config = loadConfig();
  log = createLogger({ level: config.logLevel, pretty: !config.production && process.stdout.isTTY });
  const where = describeDatabase(config.database);
  const dataSource = await openStoreDatabase(config.database, { log }).catch((e: Error) => {
    throw new ConfigError(`Cannot open the database (${where}): ${e.message.split("\n")[0]}`);
  });
  closers.push(() => dataSource.destroy());
  const { services, listen, stop } = await createApp(config, dataSource, { logger: log });
  closers.push(() => stop(config.shutdownTimeoutMs));
  if (!config.demo && (await services.accounts.demoOwnerPresent())) {
    throw new ConfigError(
      `the demo owner account (${DEMO_OWNER_EMAIL}) is in this database, and this start is not in demo mode. ` +
        `Create your own owner account with \`npm run create-admin -- --email you@example.com\` (it retires the demo owner), ` +
        `or start with DEMO=true to keep trying the demo.`,
    );
  }
  if (config.seedDemo) {
    const added = await services.catalogIo.seedDemoIfEmpty();
    if (added) log.info(`Loaded the demo catalog: ${added} products.`);
  }
  let demoPassword: string | undefined;
  if (config.demo) {
    demoPassword = randomBytes(12).toString("base64url");
    if (!(await services.accounts.ensureDemoOwner(DEMO_OWNER_EMAIL, demoPassword))) demoPassword = undefined;
  }
  const server = await listen(config.port, config.host);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  await announce(log, config, where, port, demoPassword, (await services.email.state()).pending);
}

/** One structured line for the log, and (demo mode or a terminal) the addresses for a person to open. */
async function announce(
  log: Logger,
  config: Config,
  where: string,
  port: number,
  demoPassword: string | undefined,
  waitingEmails: number,
): Promise<void> {
  const loopback = !config.host || ["127.0.0.1", "::1", "0.0.0.0", "::"].includes(config.host);
  const base = `http://${loopback ? "localhost" : config.host!.includes(":") ? `[${config.host}]` : config.host}:${port}`;
  log.info({ database: where, host: config.host ?? "all interfaces", port, demo: config.demo }, `Shopwright is running on ${where}`);
  if (config.testPayments && !config.demo) {
    log.warn("Test payments are on (ENABLE_TEST_PAYMENTS): anyone can place PAID orders with the test card pm_card_visa.");
  }
  if (!config.testPayments && !config.stripe && !config.manualPayment) {
    log.warn("No payment method is configured: checkout will say so. Set STRIPE_SECRET_KEY or MANUAL_PAYMENT_INSTRUCTIONS.");
  }
  announceMail(log, config, waitingEmails);
  if (!config.demo && !process.stdout.isTTY) return;
  await new Promise<void>((resolve) => log.flush(() => resolve()));
  // Printed, not logged: the demo password never goes into the log.
  const lines = [
    `  Store:                     ${base}/`,
    `  Store API${config.graphqlIde ? " and GraphQL IDE:" : ":" + " ".repeat(16)} ${base}/graphql`,
    `  Health check:              ${base}/healthz`,
  ];
  if (config.demo) {
    lines.push(`  Demo mode: test payments (card pm_card_visa), listening on ${config.host ?? "all interfaces"} only.`);
    lines.push(`             A real shop: DATABASE_URL=mysql://… and NODE_ENV=production (see README, Deploying).`);
    if (demoPassword)
      lines.push(`  Admin:                     ${base}/admin  (demo sign-in: ${DEMO_OWNER_EMAIL} / ${demoPassword}; new at every start)`);
    lines.push(`                             your own owner account: npm run create-admin -- --email you@example.com`);
    if (config.mail.outboxDir) lines.push(`  Emails:                    written to ${config.mail.outboxDir} as .eml files (no SMTP_URL)`);
  }
  console.log(lines.join("\n"));
}

/** Where the store's email goes, and what is missing for it to go out as it should. */
function announceMail(log: Logger, config: Config, waiting: number): void {
  const { mail } = config;
  if (mail.smtpUrl) log.info({ smtp: new URL(mail.smtpUrl).host, from: mail.from }, "Email goes out through SMTP");
  else if (mail.outboxDir) log.info({ outbox: mail.outboxDir }, `Emails are written to ${mail.outboxDir} as .eml files (no SMTP_URL)`);
  else
    log.warn(
      { waiting },
      "Email is not configured (SMTP_URL, MAIL_FROM): order confirmations, alerts and password resets wait in the outbox until it is",
    );
  if (!mail.ownerEmails.length) log.info("STORE_OWNER_EMAIL is not set: no new-order alerts are sent");
  if (!config.publicUrl && !config.demo)
    log.warn("PUBLIC_URL is not set: password reset emails can't be sent, and order emails go without links to the order");
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(`shopwright: ${error.message}`);
  } else if (log) {
    log.fatal({ err: error }, "Start-up failed");
  } else {
    console.error(error);
  }
  // Whatever start-up opened (the database, the port) is closed by exiting.
  process.exit(1);
});
