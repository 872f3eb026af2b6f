/** The gate's queue for one key, or the gate as a whole, is full: the caller should come back later. */
export class GateFull extends Error {}

/**
 * Runs costly work (password hashing) at most `max` at a time, at most one at a time per key (a client
 * address), and takes the keys in turn: whoever floods waits behind their own work, and another client's
 * work starts next, however many jobs the flooders have queued. A key may queue `perKeyQueue` jobs and the
 * gate `totalQueue` in all; past that `run` throws GateFull at once instead of queueing without end.
 */
export class Gate {
  private running = 0;
  private readonly busy = new Map<string, number>();
  /** Waiting work per key; the map's order is the turn order (a key goes to the back when served). */
  private readonly waiting = new Map<string, (() => void)[]>();
  private queued = 0;

  constructor(
    private readonly max: number,
    private readonly limits: { perKey?: number; perKeyQueue?: number; totalQueue?: number } = {},
  ) {}

  async run<T>(key: string | undefined, work: () => Promise<T>): Promise<T> {
    const k = key ?? "";
    const queue = this.waiting.get(k) ?? [];
    if (queue.length >= (this.limits.perKeyQueue ?? 8) || this.queued >= (this.limits.totalQueue ?? 256)) throw new GateFull();
    await new Promise<void>((start) => {
      queue.push(start);
      this.waiting.set(k, queue);
      this.queued++;
      this.next();
    });
    try {
      return await work();
    } finally {
      this.running--;
      const left = (this.busy.get(k) ?? 1) - 1;
      if (left) this.busy.set(k, left);
      else this.busy.delete(k);
      this.next();
    }
  }

  private next(): void {
    while (this.running < this.max) {
      const key = [...this.waiting.keys()].find((k) => (this.busy.get(k) ?? 0) < (this.limits.perKey ?? 1));
      if (key === undefined) return;
      const queue = this.waiting.get(key)!;
      const start = queue.shift()!;
      // Served: to the back of the turn order (or out of it, with nothing more waiting).
      this.waiting.delete(key);
      if (queue.length) this.waiting.set(key, queue);
      this.queued--;
      this.running++;
      this.busy.set(key, (this.busy.get(key) ?? 0) + 1);
      start();
    }
  }
}
