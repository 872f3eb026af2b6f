/**
 * npm run cluster -- up | down | kill N | start N | status
 *
 * A three-node MariaDB Galera cluster on loopback (see cluster/galera.ts). `up` starts it (a new, empty cluster
 * when no node runs) and prints, as its last line, the DATABASE_URL that names all three nodes; `kill N` stops
 * node N with SIGKILL; `start N` brings it back (it catches up on what it missed); `status` shows each node;
 * `down` stops them all and removes their data. CLUSTER_DIR and CLUSTER_PORT move it.
 */
import { GaleraCluster, NODES, type NodeNumber } from "./cluster/galera";

const USAGE = "usage: npm run cluster -- up | down | kill N | start N | status";

function nodeArg(raw: string | undefined): NodeNumber {
  const n = Number(raw);
  if (!NODES.includes(n as NodeNumber)) throw new Error(`name a node: 1, 2 or 3 (${USAGE})`);
  return n as NodeNumber;
}

async function printStatus(cluster: GaleraCluster): Promise<void> {
  for (const s of await cluster.status()) {
    const size = s.clusterSize === null ? "" : `, cluster of ${s.clusterSize}`;
    console.log(`node ${s.node}  127.0.0.1:${s.port}  ${s.pid === null ? "stopped" : `pid ${s.pid}, ${s.state}${size}`}`);
  }
}

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  const cluster = new GaleraCluster();
  switch (command) {
    case "up":
      await cluster.up((line) => console.log(line));
      await printStatus(cluster);
      console.log(cluster.databaseUrl());
      return;
    case "down":
      await cluster.down();
      console.log(`stopped; ${cluster.dir} removed`);
      return;
    case "kill":
      await cluster.kill(nodeArg(arg));
      await printStatus(cluster);
      return;
    case "start":
      await cluster.start(nodeArg(arg));
      await printStatus(cluster);
      return;
    case "status":
      await printStatus(cluster);
      return;
    default:
      throw new Error(USAGE);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
