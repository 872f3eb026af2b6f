import type { AfterQueryEvent, DataSource, EntitySubscriberInterface } from "typeorm";

/**
 * How long a request may wait on the database before it gets an answer anyway (DATABASE_BUSY or
 * DATABASE_UNAVAILABLE, see graphql/errors.ts) instead of hanging. Together they keep every request under
 * about 10 s when the database hangs or the network to it drops.
 */
export const DB_LIMITS = {
  /**
   * How long a write waits for locks others hold: SQLite's write lock (another process writing, e.g. `npm run
   * seed`), or on MySQL/MariaDB a row lock (innodb_lock_wait_timeout), retries included.
   */
  lockWaitMs: 5_000,
  /** MySQL/MariaDB: opening a connection, TCP and the protocol's handshake. */
  connectTimeoutMs: 5_000,
  /** MySQL/MariaDB: the longest a statement may go unanswered; above the row-lock wait, which must fail first. */
  queryTimeoutMs: 8_000,
  /** MySQL/MariaDB: the longest a request waits for a free connection of the pool (mysql2 has no such limit). */
  acquireTimeoutMs: 5_000,
} as const;

/** A database fault the client can do something about (try again later), as opposed to a bug. */
export type DatabaseFault = "busy" | "unavailable";

interface DriverErrorShape {
  errno?: number;
  code?: string;
  fatal?: boolean;
}
const driverError = (error: unknown): DriverErrorShape | undefined => {
  const e = error as (DriverErrorShape & { driverError?: DriverErrorShape }) | undefined;
  return e?.driverError ?? e;
};

/** Deadlocks, lock-wait timeouts and SQLite busy errors: the whole transaction may safely run again. */
export function isRetryable(error: unknown): boolean {
  const e = driverError(error);
  // better-sqlite3 reports extended codes too, e.g. SQLITE_BUSY_SNAPSHOT when another process wrote first.
  return e?.errno === 1213 || e?.errno === 1205 || /^SQLITE_(BUSY|LOCKED)/.test(e?.code ?? "");
}

/** MySQL/MariaDB's deadlock (1213), which is also how Galera reports a certification conflict at COMMIT. */
export function isDeadlock(error: unknown): boolean {
  return driverError(error)?.errno === 1213;
}

/** MySQL/MariaDB's "a row lock was held longer than innodb_lock_wait_timeout" (1205). */
export function isLockWaitTimeout(error: unknown): boolean {
  return driverError(error)?.errno === 1205;
}

/** SQLite's "another connection holds the lock" (SQLITE_BUSY and its extended codes). */
export function isSqliteBusy(error: unknown): boolean {
  return /^SQLITE_BUSY/.test(driverError(error)?.code ?? "");
}

/** The acquire timeout's error (see limitPoolWait). */
const POOL_ACQUIRE_TIMEOUT = "POOL_ACQUIRE_TIMEOUT";
/**
 * Marks the errors of getting a connection, which reach callers as mysql2 or Node made them (a statement's
 * error comes wrapped in TypeORM's QueryFailedError, with the driver's as `driverError`).
 */
const CONNECTION_ERROR = Symbol("an error of getting a database connection");

/** mysql2's and Node's codes for a server that can't be reached or dropped the connection. */
const SERVER_GONE = new Set([
  "PROTOCOL_CONNECTION_LOST",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT", // connectTimeoutMs
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ER_CON_COUNT_ERROR",
  "ER_SERVER_SHUTDOWN",
]);

/** mysql2's and Node's codes for a database that doesn't answer or can't be reached. */
const UNAVAILABLE = new Set([
  ...SERVER_GONE,
  "PROTOCOL_SEQUENCE_TIMEOUT", // a statement unanswered for queryTimeoutMs
  POOL_ACQUIRE_TIMEOUT,
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** Galera's "this node is not in the working cluster (not synced, or cut off from the majority)". */
const ER_UNKNOWN_COM_ERROR = 1047;

/**
 * Whether an error says the server (on a cluster, the node) itself is gone or out of the cluster, not that a
 * statement failed: SERVER_GONE's codes, 1047, or a connection mysql2 found closed ("Can't add new command
 * when connection is in closed state" is fatal and has no code). A statement that timed out is fatal too, but
 * says the node is slow, not gone.
 */
export function isNodeFault(error: unknown): boolean {
  const d = driverError(error);
  if (SERVER_GONE.has(d?.code ?? "") || d?.errno === ER_UNKNOWN_COM_ERROR) return true;
  return d?.fatal === true && d.code !== "PROTOCOL_SEQUENCE_TIMEOUT";
}

/** Set by FailoverPool on each connection it hands out: the node it came from, told when that node is seen gone. */
export const CONNECTION_NODE = Symbol("the cluster node a connection belongs to");
export interface WatchedNode {
  down(error: unknown): void;
}

/**
 * Tells a database fault from a bug, for the one place errors reach clients (formatError): lock contention
 * that outlasted the retries is "busy"; a database that hangs, refuses or dropped the connection is
 * "unavailable". Anything else is not a fault of the database and stays an internal error.
 */
export function databaseFault(error: unknown): DatabaseFault | undefined {
  // Only the database's errors: an ECONNRESET of the payment provider is not the database's fault.
  const e = error as { driverError?: DriverErrorShape; [CONNECTION_ERROR]?: true } | undefined;
  const driver = e?.driverError ?? (e?.[CONNECTION_ERROR] ? (e as DriverErrorShape) : undefined);
  if (!driver) return undefined;
  if (isRetryable(driver)) return "busy";
  // mysql2 marks errors that leave the connection unusable as fatal (e.g. "Can't add new command when
  // connection is in closed state", which has no code).
  if (UNAVAILABLE.has(driver.code ?? "") || driver.fatal === true) return "unavailable";
  return undefined;
}

/** The part of a mysql2 pool connection used here. */
interface PooledConnection {
  destroy(): void;
  release(): void;
}

/**
 * Throws away a MySQL connection whose statement timed out. mysql2 reports the timeout but keeps the
 * connection, still waiting for that statement's answer: back in the pool, every statement queued behind it
 * on that connection would wait with no timeout of its own (they start their clocks only when they run).
 * Closing it also makes the server roll back what its transaction did. Connections that fail fatally
 * (lost, reset) leave the pool by themselves. On a cluster, an error that shows the connection's node gone
 * (or out of the cluster) also moves the pool to the next node (see FailoverPool).
 */
export class ConnectionFaults implements EntitySubscriberInterface {
  async afterQuery(event: AfterQueryEvent): Promise<void> {
    if (event.success) return;
    if (isNodeFault(event.error)) {
      const connection = (event.queryRunner as { databaseConnection?: { [CONNECTION_NODE]?: WatchedNode } }).databaseConnection;
      connection?.[CONNECTION_NODE]?.down(event.error);
    }
    if (driverError(event.error)?.code !== "PROTOCOL_SEQUENCE_TIMEOUT") return;
    const connection = (await event.queryRunner.connect()) as PooledConnection;
    connection.destroy();
  }
}

type GetConnection = (callback: (error: Error | null, connection?: PooledConnection) => void) => void;
const limited = Symbol("limited by limitPoolWait");

/**
 * Gives the pool of a MySQL data source an acquire timeout: a request that gets no connection within `ms`
 * (every connection busy, e.g. stuck on a hung database) fails with POOL_ACQUIRE_TIMEOUT instead of waiting in
 * mysql2's queue without end (mysql2 has no `acquireTimeout`; the one TypeORM passes it is ignored with a warning).
 * Its errors, and the pool's own (connect timeout, refused), are marked as the database's (see databaseFault).
 */
export function limitPoolWait(ds: DataSource, ms: number): void {
  const pool = (ds.driver as unknown as { pool?: { getConnection: GetConnection } }).pool;
  if (!pool) return;
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (callback) => {
    // mysql2 hands a queued callback back to getConnection when a connection leaves the pool: time it once.
    if ((callback as { [limited]?: true })[limited]) return getConnection(callback);
    let answered = false;
    const timer = setTimeout(() => {
      answered = true;
      const error = Object.assign(new Error(`No database connection free within ${ms} ms`), { code: POOL_ACQUIRE_TIMEOUT });
      callback(Object.assign(error, { [CONNECTION_ERROR]: true }));
    }, ms);
    const once: Parameters<GetConnection>[0] = (error, connection) => {
      if (answered) {
        // Came too late: the request has had its answer. Back to the pool with it.
        connection?.release();
        return;
      }
      answered = true;
      clearTimeout(timer);
      callback(error && Object.assign(error, { [CONNECTION_ERROR]: true }), connection);
    };
    getConnection(Object.assign(once, { [limited]: true as const }));
  };
}
