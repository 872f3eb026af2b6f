import { createConnection, createPool, type Pool, type PoolConnection, type PoolOptions } from "mysql2";
import type { DataSource } from "typeorm";
import type { Logger } from "../lib/logger";

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
/** mysql2's and Node's codes for a node that can't be reached or dropped the connection. */
const NODE_GONE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "PROTOCOL_CONNECTION_LOST",
  "ER_SERVER_SHUTDOWN",
  "ER_CON_COUNT_ERROR",
]);
/** Galera's "this node is not in the working cluster (not synced, or cut off from the majority)". */
const ER_UNKNOWN_COM_ERROR = 1047;

const NODE = Symbol("the cluster node a connection belongs to");

interface DriverErrorShape {
  errno?: number;
  code?: string;
  fatal?: boolean;
}

/**
 * Whether an error says the node itself is gone or out of the cluster (not a statement's own failure): the codes
 * above, or a connection mysql2 found closed ("Can't add new command when connection is in closed state" is
 * fatal and has no code). A statement that timed out is fatal too, but says the node is slow, not gone.
 */
export function isNodeFault(error: unknown): boolean {
  const e = error as (DriverErrorShape & { driverError?: DriverErrorShape }) | undefined;
  const d = e?.driverError ?? e;
  if (NODE_GONE.has(d?.code ?? "") || d?.errno === ER_UNKNOWN_COM_ERROR) return true;
  return d?.fatal === true && d.code !== "PROTOCOL_SEQUENCE_TIMEOUT";
}

/** One node's host and port, from its URL. */
export interface ClusterNode {
  host: string;
  port: number;
}

class Node {
  up = true;
  private probing?: NodeJS.Timeout;

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

  private scheduleProbe(): void {
    this.probing = setTimeout(() => {
      void probe(this.address, this.owner.options).then((ready) => {
        if (this.owner.closed) return;
        if (!ready) return this.scheduleProbe();
        this.up = true;
        this.owner.changed(this);
      });
    }, PROBE_MS);
    this.probing.unref();
  }

  stop(): void {
    clearTimeout(this.probing);
  }
}

/** Whether a node answers and is Synced with a working cluster (a server without Galera: whether it answers). */
function probe(address: ClusterNode, options: PoolOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const conn = createConnection({ ...options, ...address, connectTimeout: Math.min(options.connectTimeout ?? 5000, 2000) });
    conn.on("error", () => resolve(false));
    conn.query("SHOW STATUS WHERE Variable_name IN ('wsrep_ready', 'wsrep_local_state_comment')", (error, rows) => {
      conn.destroy();
      if (error) return resolve(false);
      const vars = Object.fromEntries((rows as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, r.Value]));
      resolve(vars.wsrep_ready === undefined || (vars.wsrep_ready === "ON" && vars.wsrep_local_state_comment === "Synced"));
    });
  });
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
    this.nodes = addresses.map((a) => new Node(a, createPool({ ...options, ...a }), this));
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
        (connection as PoolConnection & { [NODE]?: Node })[NODE] = node;
        if (!node.up) {
          // A node tried as a last resort answered after all: use it, and it is up again.
          node.up = true;
          this.changed(node);
        }
        callback(null, connection);
      });
    };
    attempt(0);
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
      pool.getConnection((error, connection) => {
        if (error) return pool.end(() => reject(error));
        connection!.release();
        resolve(pool);
      });
    });
}

/** The data source's FailoverPool, when it has one. */
export function failoverPool(ds: DataSource): FailoverPool | undefined {
  const pool = (ds.driver as unknown as { pool?: unknown }).pool;
  return pool instanceof FailoverPool ? pool : undefined;
}

/** Tells the node a connection came from that an error showed it gone (see DiscardTimedOutConnections). */
export function reportNodeFault(connection: unknown, error: unknown): void {
  if (isNodeFault(error)) (connection as { [NODE]?: Node } | undefined)?.[NODE]?.down(error);
}
