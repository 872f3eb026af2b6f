import { createConnection, createPool, type Connection, type Pool, type PoolConnection, type PoolOptions } from "mysql2";
import type { DataSource } from "typeorm";
import type { Logger } from "../lib/logger";
import { CONNECTION_NODE, isNodeFault } from "./faults";

/**
 * Several nodes of one cluster (MariaDB Galera) behind the one pool TypeORM's MySQL driver asks for
 * connections: a mysql2 pool per node, and every connection handed out comes from the first node, in
 * DATABASE_URL's order, that is up. So writes go to one node at a time (two nodes writing the same rows would
 * only fail each other's commits, Galera's certification conflicts), and reads go there too: a read on the
 * node that just took a write sees it, where another node may apply it a moment later.
 *
 * A node is down when connecting to it fails (refused, reset, timed out), when it drops a connection, or when
 * it answers but isn't part of the working cluster (errno 1047, "WSREP has not yet prepared node for
 * application use"): connections are then taken from the next node, at once. A down node is asked every
 * PROBE_MS whether it is back and Synced with the others; then it is up again, and if it comes first in the
 * order, writes move back to it.
 */
const PROBE_MS = 1_000;
/** How long a probe waits for a node's answer. */
const PROBE_TIMEOUT_MS = 2_000;
/**
 * Connecting to one node: on a cluster a node that doesn't answer is skipped for the next, so this is shorter
 * than a single server's connect timeout (DB_LIMITS.connectTimeoutMs), and leaves the request time to get there.
 */
export const NODE_CONNECT_TIMEOUT_MS = 1_500;
/** One node's host and port, from its URL. */
export interface ClusterNode {
  host: string;
  port: number;
}

class Node {
  up = true;
  private probing?: NodeJS.Timeout;
  private probe?: Probe;

  constructor(
    readonly address: ClusterNode,
    readonly pool: Pool,
    private readonly owner: FailoverPool,
  ) {}

  get label(): string {
    return `${this.address.host}:${this.address.port}`;
  }

  /** Called with the error that showed the node is gone: stop using it, and ask again every PROBE_MS. */
  down(error: unknown): void {
    if (!this.up || this.owner.closed) return;
    this.up = false;
    this.owner.changed(this, error);
    this.scheduleProbe();
  }

  /** It answered after all (tried as a last resort, or its probe said so): use it again. */
  back(): void {
    this.stop();
    if (this.up || this.owner.closed) return;
    this.up = true;
    this.owner.changed(this);
  }

  /** Asks now whether the node is ready (at start); not ready, it is down and asked again every PROBE_MS. */
  async check(): Promise<void> {
    this.probe = new Probe(this.address, this.owner.options);
    const ready = await this.probe.ready;
    if (!ready) this.down(new Error("not Synced with a working cluster"));
  }

  private scheduleProbe(): void {
    clearTimeout(this.probing);
    this.probing = setTimeout(() => {
      if (this.up || this.owner.closed) return;
      this.probe = new Probe(this.address, this.owner.options);
      void this.probe.ready.then((ready) => {
        if (this.up || this.owner.closed) return;
        if (ready) this.back();
        else this.scheduleProbe();
      });
    }, PROBE_MS);
    this.probing.unref();
  }

  stop(): void {
    clearTimeout(this.probing);
    this.probe?.cancel();
  }
}

/**
 * One question to a node: does it answer, and is it Synced with a working cluster (a server without Galera:
 * does it answer)? Answered within PROBE_TIMEOUT_MS, connection and statement both, else "no".
 */
class Probe {
  readonly ready: Promise<boolean>;
  private readonly conn: Connection;

  constructor(address: ClusterNode, options: PoolOptions) {
    this.conn = createConnection({ ...options, ...address, connectTimeout: PROBE_TIMEOUT_MS });
    this.ready = new Promise((resolve) => {
      this.conn.on("error", () => resolve(false));
      this.conn.query(
        { sql: "SHOW STATUS WHERE Variable_name IN ('wsrep_ready', 'wsrep_local_state_comment')", timeout: PROBE_TIMEOUT_MS },
        (error, rows) => {
          this.conn.destroy();
          if (error) return resolve(false);
          const vars = Object.fromEntries((rows as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, r.Value]));
          resolve(vars.wsrep_ready === undefined || (vars.wsrep_ready === "ON" && vars.wsrep_local_state_comment === "Synced"));
        },
      );
    });
  }

  cancel(): void {
    this.conn.destroy();
  }
}

type Callback = (error: NodeJS.ErrnoException | null, connection?: PoolConnection) => void;

/** The part of a mysql2 Pool that TypeORM's MySQL driver uses: getConnection and end. */
export class FailoverPool {
  private readonly nodes: Node[];
  closed = false;

  constructor(
    addresses: ClusterNode[],
    readonly options: PoolOptions,
    private readonly log?: Logger,
  ) {
    this.nodes = addresses.map((a, i) => {
      const pool = createPool({
        ...options,
        ...a,
        connectTimeout: Math.min(options.connectTimeout ?? NODE_CONNECT_TIMEOUT_MS, NODE_CONNECT_TIMEOUT_MS),
      });
      // A node after the first is used once an earlier one went away, whose last writes it may not have applied
      // yet (Galera applies them a moment after they commit): its reads first wait until it has (causal reads).
      if (i > 0) pool.on("connection", (conn) => conn.query("SET SESSION wsrep_sync_wait = 1", () => {}));
      return new Node(a, pool, this);
    });
  }

  /** The node connections come from now (the first that is up), for logs and tests. */
  get current(): string | undefined {
    return this.nodes.find((n) => n.up)?.label;
  }

  /** Every node and whether it is up, in DATABASE_URL's order. */
  get health(): { node: string; up: boolean }[] {
    return this.nodes.map((n) => ({ node: n.label, up: n.up }));
  }

  /**
   * A connection from the first node that is up and gives one; a node that fails to is marked down and the
   * next is asked. When every node is down, each is tried once more in order (one may be back before its probe).
   */
  getConnection(callback: Callback): void {
    const order = [...this.nodes.filter((n) => n.up), ...this.nodes.filter((n) => !n.up)];
    let lastError: NodeJS.ErrnoException | null = null;
    const attempt = (i: number): void => {
      const node = order[i];
      if (!node) return callback(lastError ?? new Error("No database node answers"));
      node.pool.getConnection((error, connection) => {
        if (error) {
          if (!isNodeFault(error)) return callback(error);
          lastError = error;
          node.down(error);
          return attempt(i + 1);
        }
        (connection as PoolConnection & { [CONNECTION_NODE]?: Node })[CONNECTION_NODE] = node;
        // A node tried as a last resort answered after all: it is up again.
        if (!node.up) node.back();
        callback(null, connection);
      });
    };
    attempt(0);
  }

  /** Asks every node whether it is ready; those that aren't are down until a probe finds them Synced. */
  async check(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.check()));
  }

  end(callback?: (error?: Error | null) => void): void {
    this.closed = true;
    for (const n of this.nodes) n.stop();
    Promise.all(this.nodes.map((n) => n.pool.promise().end())).then(
      () => callback?.(null),
      (error: Error) => callback?.(error),
    );
  }

  changed(node: Node, error?: unknown): void {
    const reason = error instanceof Error ? error.message : (error as { code?: string })?.code;
    if (node.up) this.log?.info({ node: node.label, writesTo: this.current }, "Database node is back");
    else this.log?.warn({ node: node.label, reason, writesTo: this.current ?? "none" }, "Database node is down; using the next");
  }
}

/**
 * Makes a MySQL data source take its connections from a FailoverPool over `nodes` (called before it is
 * initialized). TypeORM checks the pool with one connection at start, as it does a single server's.
 */
export function useFailoverPool(ds: DataSource, nodes: ClusterNode[], log?: Logger): void {
  const driver = ds.driver as unknown as { createPool(options: PoolOptions): Promise<unknown> };
  driver.createPool = (options) =>
    new Promise((resolve, reject) => {
      const pool = new FailoverPool(nodes, options, log);
      // A node that answers but isn't Synced (joining, or cut off from the others) would take the first
      // connections and fail their statements: ask each first.
      void pool.check().then(() =>
        pool.getConnection((error, connection) => {
          if (error) return pool.end(() => reject(error));
          connection!.release();
          resolve(pool);
        }),
      );
    });
}

/** The data source's FailoverPool, when it has one. */
export function failoverPool(ds: DataSource): FailoverPool | undefined {
  const pool = (ds.driver as unknown as { pool?: unknown }).pool;
  return pool instanceof FailoverPool ? pool : undefined;
}
