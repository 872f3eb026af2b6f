/**
 * Runs costly work (password hashing) at most `max` at a time, and at most one at a time per key (a client
 * address): a flood from one address queues behind its own work and never takes every slot, so others'
 * work still starts at once. Waiting work starts in arrival order among the keys that may run.
 */
export class Gate {
  private running = 0;
  private readonly busyKeys = new Map<string, number>();
  private readonly waiting: { key: string; start: () => void }[] = [];

  constructor(
    private readonly max: number,
    private readonly perKey = 1,
  ) {}

  async run<T>(key: string | undefined, work: () => Promise<T>): Promise<T> {
    const k = key ?? "";
    await new Promise<void>((start) => {
      this.waiting.push({ key: k, start });
      this.next();
    });
    try {
      return await work();
    } finally {
      this.running--;
      const left = (this.busyKeys.get(k) ?? 1) - 1;
      if (left) this.busyKeys.set(k, left);
      else this.busyKeys.delete(k);
      this.next();
    }
  }

  /** How many are waiting (for tests and the log). */
  get queued(): number {
    return this.waiting.length;
  }

  private next(): void {
    while (this.running < this.max) {
      const i = this.waiting.findIndex((w) => (this.busyKeys.get(w.key) ?? 0) < this.perKey);
      if (i < 0) return;
      const [entry] = this.waiting.splice(i, 1);
      this.running++;
      this.busyKeys.set(entry.key, (this.busyKeys.get(entry.key) ?? 0) + 1);
      entry.start();
    }
  }
}
