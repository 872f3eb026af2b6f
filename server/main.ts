import "reflect-metadata";
import { createApp } from "./app";
import { seedDemoIfEmpty } from "./catalog/demo-seed";
import { ConfigError, loadConfig } from "./config";
import { describeDatabase, openDatabase } from "./db/database";

async function main() {
  const config = loadConfig();
  const where = describeDatabase(config.database);
  const dataSource = await openDatabase(config.database).catch((e: Error) => {
    throw new ConfigError(`Cannot open the database (${where}): ${e.message.split("\n")[0]}`);
  });
  const { services, listen, stop } = await createApp(config, dataSource);
  if (config.seedDemo) {
    const added = await seedDemoIfEmpty(services.tx, config.currency);
    if (added) console.log(`Loaded the demo catalog: ${added} products.`);
  }
  const server = await listen(config.port);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  console.log(`Shopwright is running on ${where}`);
  console.log(`  Store API and GraphQL IDE: http://localhost:${port}/graphql`);
  console.log(`  Health check:              http://localhost:${port}/healthz`);

  const shutdown = async () => {
    await stop();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(`shopwright: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
