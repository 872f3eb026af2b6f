/**
 * A three-node MariaDB Galera cluster on loopback, for tests, the benchmark and local trials (`npm run cluster`).
 * Each node is Debian's `mariadbd` with the `galera-4` provider, its own data folder under one directory
 * (CLUSTER_DIR, default <tmp>/shopwright-cluster) and its own ports from a base (CLUSTER_PORT, default 13300):
 * node N answers SQL on base+N, speaks Galera's group protocol on base+10+N, receives incremental state
 * transfers (IST) on base+20+N and full ones (SST) on base+30+N.
 *
 * State transfer is by rsync (wsrep_sst_rsync), which needs only rsync and socat from Debian. Its rsync daemon
 * drops privileges when started as root and then can't write the data folder, so as root the nodes run as the
 * `mysql` user (mariadbd --user=mysql) and their folders belong to it; as anyone else, as that user.
 * mariabackup, the other non-blocking method, needs Debian's mariadb-backup, which this machine lacks, and
 * gains nothing on a data set this small.
 *
 * Everything is bounded in time: a node that doesn't reach Synced within NODE_READY_MS fails the command,
 * with the end of its error log. Every command is safe to run twice.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createConnection } from "mysql2/promise";
import { sleep } from "../../lib/time";

export const NODES = [1, 2, 3] as const;
export type NodeNumber = (typeof NODES)[number];

const PROVIDER = "/usr/lib/galera/libgalera_smm.so";
const MARIADBD = "/usr/sbin/mariadbd";
/** A joiner's state transfer and start-up take 5–10 s here; a node that needs longer has failed. */
const NODE_READY_MS = 90_000;
const NODE_STOP_MS = 30_000;
/** How long a question to a node may take (its state, making the database). */
const ASK_MS = 2_000;
/** The file that marks a folder as this tool's: `up` and `down` remove no other. */
const MARKER = ".shopwright-cluster";
/** The database the store uses on the cluster. */
export const CLUSTER_DATABASE = "shopwright";

export interface NodeStatus {
  node: NodeNumber;
  port: number;
  pid: number | null;
  /** wsrep_local_state_comment (Synced, Joining, Donor/Desynced…), or why it can't be asked. */
  state: string;
  clusterSize: number | null;
}

export class GaleraCluster {
  readonly dir: string;
  readonly basePort: number;
  private readonly asRoot = process.getuid?.() === 0;

  constructor(opts: { dir?: string; basePort?: number } = {}) {
    this.dir = path.resolve(opts.dir ?? process.env.CLUSTER_DIR ?? path.join(os.tmpdir(), "shopwright-cluster"));
    this.basePort = opts.basePort ?? Number(process.env.CLUSTER_PORT ?? 13300);
    if (!Number.isInteger(this.basePort) || this.basePort < 1024 || this.basePort > 65000)
      throw new Error(`CLUSTER_PORT must be a port between 1024 and 65000, got "${process.env.CLUSTER_PORT}"`);
  }

  port(node: NodeNumber): number {
    return this.basePort + node;
  }

  /** The store's DATABASE_URL: every node, the first one the store writes to. */
  databaseUrl(order: readonly NodeNumber[] = NODES, database = CLUSTER_DATABASE): string {
    return `mysql://root@${order.map((n) => `127.0.0.1:${this.port(n)}`).join(",")}/${database}`;
  }

  /** One node's own URL (for checking what it holds). */
  nodeUrl(node: NodeNumber, database = CLUSTER_DATABASE): string {
    return `mysql://root@127.0.0.1:${this.port(node)}/${database}`;
  }

  /** Starts every node that isn't running (the first with a new cluster when none is) and waits until all are Synced. */
  async up(log: (line: string) => void = () => {}): Promise<void> {
    requireGalera();
    const running = NODES.filter((n) => this.pid(n) !== null);
    if (running.length === 0) {
      // Nothing runs: whatever is left is from a cluster that was killed outright. Start clean.
      this.removeDir();
    }
    this.makeDir();
    try {
      for (const node of NODES) {
        if (this.pid(node) !== null) continue;
        log(`starting node ${node} on port ${this.port(node)}…`);
        await this.start(node);
      }
      await this.createDatabase();
    } catch (error) {
      // `up` either leaves a working cluster or nothing that it started.
      if (running.length === 0) await this.down();
      throw error;
    }
  }

  /** Makes the store's database (CLUSTER_DATABASE) on the cluster, through the first running node. */
  async createDatabase(): Promise<void> {
    const node = NODES.find((n) => this.pid(n) !== null);
    if (!node) throw new Error("no node of the cluster runs");
    const admin = await createConnection({ uri: this.nodeUrl(node, "mysql"), connectTimeout: ASK_MS });
    try {
      await admin.query({
        timeout: 10_000,
        sql: `CREATE DATABASE IF NOT EXISTS \`${CLUSTER_DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      });
    } finally {
      admin.destroy();
    }
  }

  /**
   * Starts one node and waits until it is Synced: it joins the running nodes (an IST of what it missed, or a
   * full SST), or, when none runs, starts a new cluster from its own data.
   */
  async start(node: NodeNumber): Promise<void> {
    requireGalera();
    if (this.pid(node) !== null) return;
    const datadir = this.datadir(node);
    const others = NODES.filter((n) => n !== node && this.pid(n) !== null);
    const bootstrap = others.length === 0;
    this.makeDir();
    if (!fs.existsSync(path.join(datadir, "mysql"))) {
      fs.mkdirSync(datadir, { recursive: true });
      if (this.asRoot) {
        reachableByOthers(this.dir);
        fs.chownSync(this.dir, ...mysqlIds());
        fs.chownSync(datadir, ...mysqlIds());
      }
      // A joiner's data comes whole from its donor; only the first node needs the system tables.
      if (bootstrap) await this.installSystemTables(datadir);
    }
    if (bootstrap) markSafeToBootstrap(datadir);
    // Another server on one of its ports (a cluster of another folder, say) would answer in its place.
    const b = this.basePort;
    for (const port of [b + node, b + 10 + node, b + 20 + node, b + 30 + node]) {
      if (!(await portFree(port)))
        throw new Error(`port ${port} of node ${node} is taken: stop what uses it, or move the cluster (CLUSTER_PORT)`);
    }
    if (this.asRoot) fs.chownSync(this.dir, ...mysqlIds());
    if (this.asRoot) chownTree(datadir, ...mysqlIds());

    const child = spawn(MARIADBD, [...this.nodeArgs(node), ...(bootstrap ? ["--wsrep-new-cluster"] : [])], {
      detached: true,
      stdio: "ignore",
    });
    fs.writeFileSync(this.pidFile(node), String(child.pid));
    let exited: number | null | undefined;
    child.once("exit", (code) => (exited = code));
    child.unref();

    const deadline = Date.now() + NODE_READY_MS;
    for (;;) {
      if (exited !== undefined) throw new Error(`node ${node} stopped while starting (exit ${exited}):\n${this.logTail(node)}`);
      const status = await this.ask(node);
      if (status.state === "Synced") return;
      if (Date.now() > deadline) {
        await this.kill(node);
        throw new Error(`node ${node} did not reach Synced within ${NODE_READY_MS / 1000} s (${status.state}):\n${this.logTail(node)}`);
      }
      await sleep(250);
    }
  }

  /** Stops one node at once, as a crash or a pulled plug would (SIGKILL); the others carry on. */
  async kill(node: NodeNumber): Promise<void> {
    const pid = this.pid(node);
    if (pid === null) return;
    signal(pid, "SIGKILL");
    await waitForExit(pid, NODE_STOP_MS);
    fs.rmSync(this.pidFile(node), { force: true });
  }

  /** Stops every node (SIGTERM, then SIGKILL after NODE_STOP_MS) and removes the directory. */
  async down(): Promise<void> {
    await Promise.all(
      NODES.map(async (node) => {
        const pid = this.pid(node);
        if (pid === null) return;
        signal(pid, "SIGTERM");
        if (!(await waitForExit(pid, NODE_STOP_MS))) {
          signal(pid, "SIGKILL");
          await waitForExit(pid, 5_000);
        }
      }),
    );
    this.removeDir();
  }

  /** Makes the cluster's folder (if need be) and marks it as this tool's, for `down` to remove. */
  private makeDir(): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o755 });
    const marker = path.join(this.dir, MARKER);
    if (!fs.existsSync(marker)) fs.writeFileSync(marker, "a Galera cluster of npm run cluster; `down` removes this folder\n");
  }

  /** Removes the cluster's folder, if it is one this tool made (it holds MARKER): never another folder. */
  private removeDir(): void {
    if (!fs.existsSync(this.dir)) return;
    if (!fs.existsSync(path.join(this.dir, MARKER)) && fs.readdirSync(this.dir).length > 0)
      throw new Error(`${this.dir} is not a folder npm run cluster made: not touching it (CLUSTER_DIR moves the cluster)`);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  async status(): Promise<NodeStatus[]> {
    return Promise.all(NODES.map((node) => this.ask(node)));
  }

  /** The running node's process id, from its pid file (null when it isn't running). */
  pid(node: NodeNumber): number | null {
    let pid: number;
    try {
      pid = Number(fs.readFileSync(this.pidFile(node), "utf8"));
    } catch {
      return null;
    }
    return pid > 0 && isAlive(pid) ? pid : null;
  }

  private async ask(node: NodeNumber): Promise<NodeStatus> {
    const base = { node, port: this.port(node), pid: this.pid(node) };
    if (base.pid === null) return { ...base, state: "stopped", clusterSize: null };
    let conn;
    try {
      conn = await createConnection({ host: "127.0.0.1", port: this.port(node), user: "root", connectTimeout: ASK_MS });
    } catch (error) {
      return { ...base, state: `not answering (${(error as { code?: string }).code ?? String(error)})`, clusterSize: null };
    }
    try {
      const [rows] = await conn.query({
        sql: "SHOW STATUS WHERE Variable_name IN ('wsrep_local_state_comment', 'wsrep_cluster_size', 'wsrep_ready')",
        timeout: ASK_MS,
      });
      const vars = Object.fromEntries((rows as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, r.Value]));
      const state = vars.wsrep_ready === "ON" ? vars.wsrep_local_state_comment : `${vars.wsrep_local_state_comment} (not ready)`;
      return { ...base, state, clusterSize: Number(vars.wsrep_cluster_size) };
    } catch (error) {
      return { ...base, state: `not answering (${(error as Error).message})`, clusterSize: null };
    } finally {
      conn.destroy();
    }
  }

  private datadir(node: NodeNumber): string {
    return path.join(this.dir, `node${node}`);
  }

  private pidFile(node: NodeNumber): string {
    return path.join(this.dir, `node${node}.pid`);
  }

  private logTail(node: NodeNumber): string {
    try {
      return fs
        .readFileSync(path.join(this.dir, `node${node}.err`), "utf8")
        .split("\n")
        .slice(-15)
        .join("\n");
    } catch {
      return "(no error log)";
    }
  }

  private nodeArgs(node: NodeNumber): string[] {
    const b = this.basePort;
    const gcomm = NODES.map((n) => `127.0.0.1:${b + 10 + n}`).join(",");
    return [
      "--no-defaults",
      ...(this.asRoot ? ["--user=mysql"] : []),
      `--datadir=${this.datadir(node)}`,
      `--socket=${path.join(this.dir, `node${node}.sock`)}`,
      `--pid-file=${path.join(this.dir, `node${node}.mariadbd.pid`)}`,
      `--log-error=${path.join(this.dir, `node${node}.err`)}`,
      "--bind-address=127.0.0.1",
      `--port=${this.port(node)}`,
      "--skip-name-resolve",
      "--character-set-server=utf8mb4",
      "--collation-server=utf8mb4_unicode_ci",
      // Galera's requirements: row-based replication, InnoDB, interleaved auto-increment locks.
      "--binlog-format=ROW",
      "--default-storage-engine=InnoDB",
      "--innodb-autoinc-lock-mode=2",
      // Small and quick for loopback trials: durability comes from the other nodes holding every commit.
      "--innodb-buffer-pool-size=64M",
      "--innodb-flush-log-at-trx-commit=2",
      "--performance-schema=OFF",
      "--max-connections=300",
      "--wsrep-on=ON",
      `--wsrep-provider=${PROVIDER}`,
      "--wsrep-cluster-name=shopwright",
      `--wsrep-cluster-address=gcomm://${gcomm}`,
      `--wsrep-node-name=node${node}`,
      "--wsrep-node-address=127.0.0.1",
      `--wsrep-provider-options=${[
        `gmcast.listen_addr=tcp://127.0.0.1:${b + 10 + node}`,
        `ist.recv_addr=127.0.0.1:${b + 20 + node}`,
        "gcache.size=128M",
        // Until the others give a silent node up, no commit completes anywhere (each waits for every member of
        // the group). Galera's default is 5 s, as long as the store's whole wait for a lock (DB_LIMITS): every
        // checkout caught in it would fail DATABASE_BUSY. On loopback 1.5 s is safe from false alarms.
        "evs.keepalive_period=PT0.5S",
        "evs.inactive_check_period=PT0.5S",
        "evs.suspect_timeout=PT1.5S",
        "evs.inactive_timeout=PT3S",
      ].join(";")}`,
      `--wsrep-sst-receive-address=127.0.0.1:${b + 30 + node}`,
      "--wsrep-sst-method=rsync",
    ];
  }

  private async installSystemTables(datadir: string): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        "mariadb-install-db",
        [
          "--no-defaults",
          `--datadir=${datadir}`,
          ...(this.asRoot ? ["--user=mysql"] : []),
          "--auth-root-authentication-method=normal",
          "--skip-test-db",
        ],
        { stdio: ["ignore", "ignore", "pipe"] },
      );
      let err = "";
      child.stderr.on("data", (d) => (err += d));
      const timer = setTimeout(() => child.kill("SIGKILL"), NODE_READY_MS);
      child.once("error", reject);
      child.once("exit", (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error(`mariadb-install-db failed (exit ${code}): ${err.slice(-2000)}`));
      });
    });
  }
}

function requireGalera(): void {
  for (const file of [PROVIDER, MARIADBD]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: install Debian's mariadb-server and galera-4`);
  }
}

/** A node that was killed has left `safe_to_bootstrap: 0`; starting a cluster again from it needs 1. */
function markSafeToBootstrap(datadir: string): void {
  const file = path.join(datadir, "grastate.dat");
  if (!fs.existsSync(file)) return;
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/safe_to_bootstrap:\s*0/, "safe_to_bootstrap: 1"));
}

let ids: [number, number] | undefined;
function mysqlIds(): [number, number] {
  if (ids) return ids;
  const line = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("mysql:"));
  if (!line) throw new Error("there is no mysql user to run the nodes as (Debian's mariadb-server makes it)");
  const [, , uid, gid] = line.split(":");
  return (ids = [Number(uid), Number(gid)]);
}

/** The nodes run as the mysql user: every folder above the cluster's must let it through. */
function reachableByOthers(dir: string): void {
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    if ((fs.statSync(d).mode & 0o001) === 0)
      throw new Error(`the mysql user can't reach ${dir}: ${d} is not open to others (CLUSTER_DIR moves it)`);
  }
}

function chownTree(dir: string, uid: number, gid: number): void {
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, uid, gid);
    else fs.chownSync(p, uid, gid);
  }
}

/** Signals a node and what it started (its state transfer's rsync and socat): it leads its own process group. */
function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig);
  } catch {
    process.kill(pid, sig);
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A killed child of this process stays a zombie until reaped: alive to kill(0), but gone.
  try {
    return !/^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}
