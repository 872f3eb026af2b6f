import type { DataSource, EntityManager } from "typeorm";

const MAX_ATTEMPTS = 5;
/** Seconds a MySQL statement waits for a row lock before it fails and the transaction is retried (default 50). */
const LOCK_WAIT_SECONDS = 5;

/** Deadlocks, lock-wait timeouts and SQLite busy errors: the whole transaction may safely run again. */
export function isRetryable(error: unknown): boolean {
  const e = error as { driverError?: { errno?: number; code?: string }; errno?: number; code?: string };
  const errno = e?.driverError?.errno ?? e?.errno;
  const code = e?.driverError?.code ?? e?.code;
  return errno === 1213 || errno === 1205 || code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
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

  constructor(readonly dataSource: DataSource) {
    this.engine = dataSource.options.type === "mysql" ? "mysql" : "sqlite";
  }

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
