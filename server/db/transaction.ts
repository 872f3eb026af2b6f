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
 * The one way services write. It commits when `work` returns and rolls back when it throws,
 * and retries the whole unit on deadlock or busy errors.
 *
 * SQLite: TypeORM shares one connection, so two transactions at once would interleave on it.
 * Write transactions therefore run one after another through an in-process queue.
 * MySQL/MariaDB: READ COMMITTED, so a statement sees what others committed before it ran; rows are
 * locked with conditional UPDATEs or SELECT … FOR UPDATE by the services.
 */
export class Transactions {
  private queue: Promise<unknown> = Promise.resolve();
  readonly engine: "sqlite" | "mysql";

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

  /** For reads outside a transaction: sees only committed data. */
  readonly reader: EntityManager;

  /** Whether `SELECT … FOR UPDATE` is available (SQLite serializes writers instead). */
  get rowLocks(): boolean {
    return this.engine === "mysql";
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
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
    if (this.engine === "mysql") {
      return this.dataSource.transaction("READ COMMITTED", async (m) => {
        await m.query(`SET SESSION innodb_lock_wait_timeout = ${LOCK_WAIT_SECONDS}`);
        return work(m);
      });
    }
    const next = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = next.catch(() => undefined);
    return next;
  }
}
