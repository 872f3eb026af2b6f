import { AsyncLocalStorage } from "node:async_hooks";
import type { DataSource, EntityManager } from "typeorm";
import { sleep } from "../lib/time";
import { failoverPool } from "./failover";
import { DB_LIMITS, isDeadlock, isLockWaitTimeout, isNodeFault, isRetryable, isSqliteBusy } from "./faults";

const MAX_ATTEMPTS = 5;
/**
 * Deadlocks, and on a Galera cluster certification conflicts (reported as deadlocks), are retried for as long
 * as the lock wait allows, up to this many times: checkouts of one popular product on two nodes can lose the
 * race to the other node several times running, and each loss costs only the transaction's own time.
 */
const MAX_DEADLOCK_ATTEMPTS = 25;
/** Seconds a MySQL statement waits for a row lock before it fails and the transaction is retried (default 50). */
const LOCK_WAIT_SECONDS = DB_LIMITS.lockWaitMs / 1000;

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { driverError?: { errno?: number; code?: string } };
  return e?.driverError?.errno === 1062 || e?.driverError?.code === "SQLITE_CONSTRAINT_UNIQUE";
}

/**
 * The one way services write. `run` commits when `work` returns and rolls back when it throws, and retries
 * the whole unit on deadlock or busy errors. A `run` inside another `run` (a service calling a service)
 * joins the open transaction: the manager travels in an AsyncLocalStorage, so nested calls neither wait
 * for the outer transaction (SQLite) nor block on its row locks (MySQL), and all of it commits or rolls
 * back as one (there are no savepoints: a caller that catches a joined part's error still commits what that
 * part wrote, except after a deadlock or busy error, which always fails and retries the whole unit). Work
 * that outlives its `run` (a timer) never joins it. Services read through `manager`: the open
 * transaction's, else the committed-only reader.
 *
 * SQLite: TypeORM shares one connection, so two transactions at once would interleave on it.
 * Write transactions therefore run one after another through an in-process queue, each taking the write
 * lock at BEGIN; while another process holds it, the BEGIN is tried again (see sqliteTransaction).
 * MySQL/MariaDB: READ COMMITTED, so a statement sees what others committed before it ran; rows are
 * locked with conditional UPDATEs or SELECT … FOR UPDATE (`lockForUpdate`) by the services.
 *
 * A Galera cluster reports a certification conflict (another node committed a change to the same rows first)
 * as a deadlock at COMMIT: retried like any deadlock. And when the node a transaction runs on goes away before
 * its COMMIT was sent, nothing of it was written: it is run again from the start, on the next node (see
 * FailoverPool). A COMMIT whose answer was lost may have been written, so that one is never run again.
 *
 * Waiting for locks others hold (SQLite's write lock, a MySQL row lock) stops after DB_LIMITS.lockWaitMs
 * (5 s) in all, retries included: then the lock error goes to the client as DATABASE_BUSY (formatError), and
 * nothing of the transaction is written.
 */
/** The transaction a piece of work runs in, as the AsyncLocalStorage carries it. */
interface OpenTransaction {
  manager: EntityManager;
  /** Set when `run` returns: code that outlives it (a timer, an unawaited promise) must not join it. */
  done: boolean;
  /** A deadlock or busy error some joined part met: the database has already undone the transaction. */
  failed?: unknown;
  /** What to do once it has committed (see afterCommit). */
  committed: (() => void)[];
}

export class Transactions {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly open = new AsyncLocalStorage<OpenTransaction>();
  readonly engine: "sqlite" | "mysql";
  /** For reads outside a transaction: sees only committed data. */
  readonly reader: EntityManager;
  /** The database is a cluster with nodes to fail over to (see FailoverPool). */
  private readonly cluster: boolean;

  /**
   * @param readSource where reads outside a transaction go. On SQLite it must be a second connection
   *   (see openReader): on TypeORM's one shared connection a read would see another request's
   *   uncommitted writes, e.g. stock taken by a checkout whose payment is about to be declined.
   */
  constructor(
    readonly dataSource: DataSource,
    readSource: DataSource = dataSource,
  ) {
    this.engine = dataSource.options.type === "better-sqlite3" ? "sqlite" : "mysql";
    this.reader = readSource.manager;
    this.cluster = failoverPool(dataSource) !== undefined;
  }

  private current(): OpenTransaction | undefined {
    const open = this.open.getStore();
    return open && !open.done ? open : undefined;
  }

  /** The open transaction's manager, or the committed-only reader outside a transaction. */
  get manager(): EntityManager {
    return this.current()?.manager ?? this.reader;
  }

  /** Whether the caller runs inside a transaction. */
  get active(): boolean {
    return this.current() !== undefined;
  }

  /** `SELECT … FOR UPDATE` where the engine has row locks; SQLite needs none (one writer at a time). */
  lockForUpdate<T extends { setLock(mode: "pessimistic_write"): unknown }>(qb: T): T {
    if (this.engine === "mysql") qb.setLock("pessimistic_write");
    return qb;
  }

  /**
   * Runs `then` once the caller's transaction has committed (at once outside one); never when it rolls back,
   * and once only when it is retried. For work that must see the commit, e.g. waking the email sender.
   */
  afterCommit(then: () => void): void {
    const open = this.current();
    if (open) open.committed.push(then);
    else then();
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const joined = this.current();
    if (joined) {
      try {
        return await work(joined.manager);
      } catch (error) {
        // Even if a caller catches this, the outer transaction must not commit: it is gone (MySQL rolls a
        // deadlocked transaction back whole), so the outer unit is retried from the start.
        if (isRetryable(error) || this.nodeLost(error)) joined.failed ??= error;
        throw error;
      }
    }
    const deadline = Date.now() + DB_LIMITS.lockWaitMs;
    for (let attempt = 1; ; attempt++) {
      try {
        const { result, committed } = await this.once(work, deadline);
        for (const then of committed) then();
        return result;
      } catch (error) {
        // A deadlock is found at once and retried; a lock waited for until it timed out is retried only while
        // the wait so far is under the limit (on MySQL one 5 s wait uses it up: not 5 attempts × 5 s).
        const waited = this.engine === "mysql" ? isLockWaitTimeout(error) : isSqliteBusy(error);
        const again = isRetryable(error) || this.nodeLost(error);
        const attempts = isDeadlock(error) ? MAX_DEADLOCK_ATTEMPTS : MAX_ATTEMPTS;
        if (attempt >= attempts || !again || ((waited || attempt >= MAX_ATTEMPTS) && Date.now() >= deadline)) throw error;
        // Growing waits with jitter, so the transactions that met stop meeting; never more than 250 ms at a time.
        await sleep(Math.min(10 * attempt + Math.random() * 20 * attempt, 250));
      }
    }
  }

  /** On a cluster: the node went away before the COMMIT was sent, so nothing of the transaction was written. */
  private nodeLost(error: unknown): boolean {
    return this.cluster && isNodeFault(error) && (error as { query?: string }).query !== "COMMIT";
  }

  private once<T>(work: (manager: EntityManager) => Promise<T>, deadline: number): Promise<{ result: T; committed: (() => void)[] }> {
    const inside = async (m: EntityManager) => {
      const open: OpenTransaction = { manager: m, done: false, committed: [] };
      try {
        const result = await this.open.run(open, () => work(m));
        if (open.failed) throw open.failed;
        return { result, committed: open.committed };
      } finally {
        open.done = true;
      }
    };
    if (this.engine === "mysql") {
      return this.dataSource.transaction("READ COMMITTED", async (m) => {
        await m.query(`SET SESSION innodb_lock_wait_timeout = ${LOCK_WAIT_SECONDS}`);
        return inside(m);
      });
    }
    const next = this.queue.then(() => this.sqliteTransaction(inside, deadline));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * One SQLite transaction, begun IMMEDIATE (see createDataSource): it takes the write lock before anything
   * else. While another process holds it (`npm run seed`, `create-admin`), the BEGIN fails at once (the
   * serving connection has no busy timeout) and is tried again, a little later each time, until the
   * deadline. The event loop stays free meanwhile: SQLite's own busy wait would stop every request of this
   * process, reads included, for as long. Writes of this process queue behind (one writer at a time anyway).
   */
  private async sqliteTransaction<T>(inside: (m: EntityManager) => Promise<T>, deadline: number): Promise<T> {
    for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
      try {
        return await this.dataSource.transaction(inside);
      } catch (error) {
        if (!isSqliteBusy(error) || Date.now() + pause > deadline) throw error;
        await sleep(pause);
      }
    }
  }
}
