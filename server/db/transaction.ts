import { AsyncLocalStorage } from "node:async_hooks";
import type { DataSource, EntityManager } from "typeorm";

const MAX_ATTEMPTS = 5;
/** Seconds a MySQL statement waits for a row lock before it fails and the transaction is retried (default 50). */
const LOCK_WAIT_SECONDS = 5;

/** Deadlocks, lock-wait timeouts and SQLite busy errors: the whole transaction may safely run again. */
export function isRetryable(error: unknown): boolean {
  const e = error as { driverError?: { errno?: number; code?: string }; errno?: number; code?: string };
  const errno = e?.driverError?.errno ?? e?.errno;
  const code = e?.driverError?.code ?? e?.code;
  // better-sqlite3 reports extended codes too, e.g. SQLITE_BUSY_SNAPSHOT when another process wrote first.
  return errno === 1213 || errno === 1205 || /^SQLITE_(BUSY|LOCKED)/.test(code ?? "");
}

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
 * Write transactions therefore run one after another through an in-process queue.
 * MySQL/MariaDB: READ COMMITTED, so a statement sees what others committed before it ran; rows are
 * locked with conditional UPDATEs or SELECT … FOR UPDATE (`lockForUpdate`) by the services.
 */
/** The transaction a piece of work runs in, as the AsyncLocalStorage carries it. */
interface OpenTransaction {
  manager: EntityManager;
  /** Set when `run` returns: code that outlives it (a timer, an unawaited promise) must not join it. */
  done: boolean;
  /** A deadlock or busy error some joined part met: the database has already undone the transaction. */
  failed?: unknown;
}

export class Transactions {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly open = new AsyncLocalStorage<OpenTransaction>();
  readonly engine: "sqlite" | "mysql";
  /** For reads outside a transaction: sees only committed data. */
  readonly reader: EntityManager;

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

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const joined = this.current();
    if (joined) {
      try {
        return await work(joined.manager);
      } catch (error) {
        // Even if a caller catches this, the outer transaction must not commit: it is gone (MySQL rolls a
        // deadlocked transaction back whole), so the outer unit is retried from the start.
        if (isRetryable(error)) joined.failed ??= error;
        throw error;
      }
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(work);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 20 * attempt));
      }
    }
  }

  private once<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const inside = async (m: EntityManager) => {
      const open: OpenTransaction = { manager: m, done: false };
      try {
        const result = await this.open.run(open, () => work(m));
        if (open.failed) throw open.failed;
        return result;
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
    const next = this.queue.then(() => this.dataSource.transaction(inside));
    this.queue = next.catch(() => undefined);
    return next;
  }
}
