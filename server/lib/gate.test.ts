import { Gate, GateFull } from "./gate";

const tick = () => new Promise((r) => setTimeout(r, 5));

/** A job that finishes when told to, recording the order jobs finish in. */
function jobs() {
  const finished: string[] = [];
  const releases: (() => void)[] = [];
  const job = (name: string) => () =>
    new Promise<void>((resolve) => {
      releases.push(() => {
        finished.push(name);
        resolve();
      });
    });
  const releaseAll = async () => {
    while (releases.length) {
      releases.shift()!();
      await tick();
    }
  };
  return { finished, job, releaseAll, running: () => releases.length };
}

describe("the hashing gate", () => {
  test("at most `max` at a time, and one at a time per key", async () => {
    const { job, running, releaseAll } = jobs();
    const gate = new Gate(2);
    const all = ["a1", "a2", "a3"].map((n) => gate.run("a", job(n)));
    await tick();
    expect(running()).toBe(1); // a's second waits for its first, though a slot is free
    all.push(gate.run("b", job("b1")));
    await tick();
    expect(running()).toBe(2);
    await releaseAll();
    await Promise.all(all);
  });

  test("keys take turns: a shopper arriving behind two floods waits one turn of each, not their backlog", async () => {
    const { finished, job, releaseAll } = jobs();
    const gate = new Gate(2);
    const all = [...Array(6)].flatMap((_, i) => [gate.run("flood-1", job(`f1-${i}`)), gate.run("flood-2", job(`f2-${i}`))]);
    await tick();
    all.push(gate.run("shopper", job("shopper")));
    await releaseAll();
    await Promise.all(all);
    // Before it: the two jobs running when it came, and one turn of each flood; not their 10 queued jobs.
    expect(finished.indexOf("shopper")).toBe(4);
  });

  test("a key's queue and the whole queue are bounded: past them GateFull at once", async () => {
    const { job, releaseAll } = jobs();
    const gate = new Gate(1, { perKeyQueue: 2, totalQueue: 3 });
    const accepted = [gate.run("a", job("a1")), gate.run("a", job("a2")), gate.run("a", job("a3"))];
    await tick();
    await expect(gate.run("a", job("a4"))).rejects.toBeInstanceOf(GateFull); // a1 runs, a2 and a3 wait
    accepted.push(gate.run("b", job("b1")));
    await expect(gate.run("c", job("c1"))).rejects.toBeInstanceOf(GateFull); // three waiting in all
    await releaseAll();
    await Promise.all(accepted);
  });
});
