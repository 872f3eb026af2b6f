import { describeEachEngine } from "../helpers/test-server";

/** Fails the test instead of hanging when a nested transaction waits on its outer one. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms))]);
}

describeEachEngine("transactions", (server) => {
  let productId: number;
  // The variant's stock: the rows these tests lock and change.
  const stock = async () =>
    Number((await server().app.services.tx.reader.query("SELECT stock FROM product_variant WHERE product_id = ?", [productId]))[0].stock);

  beforeAll(async () => {
    const ids = await server().seed([{ sku: "NESTED", stock: 10 }]);
    productId = Number(ids.NESTED);
  });

  test("a transaction inside a transaction joins it: same manager, sees the outer's writes, takes the outer's row locks without waiting", async () => {
    const { tx } = server().app.services;
    const before = await stock();
    await within(
      3000,
      tx.run(async (outer) => {
        // The outer transaction holds the row (MySQL: X lock; SQLite: the one writer).
        await outer.query("UPDATE product_variant SET stock = stock - 1 WHERE product_id = ?", [productId]);
        await tx.run(async (inner) => {
          expect(inner).toBe(outer);
          expect(tx.active).toBe(true);
          const [row] = await inner.query("SELECT stock FROM product_variant WHERE product_id = ?", [productId]);
          expect(Number(row.stock)).toBe(before - 1);
          await inner.query("UPDATE product_variant SET stock = stock - 1 WHERE product_id = ?", [productId]);
        });
      }),
    );
    expect(await stock()).toBe(before - 2);
    expect(tx.active).toBe(false);
  });

  test("services nest too: the ledger joins the caller's transaction, and a failure after it rolls both back", async () => {
    const { tx, inventory, catalog } = server().app.services;
    const before = await stock();
    const attempt = tx.run(async () => {
      const variantId = await server().variantOf(productId);
      const result = await inventory.move({ variantId, delta: -3, reason: "Nested test", actor: "test" });
      expect(result).toEqual({ applied: true, stock: before - 3 });
      // Read through the open transaction, the catalog sees the change before it commits…
      expect((await catalog.variantsByIds([variantId]))[0].stock).toBe(before - 3);
      throw new Error("payment declined");
    });
    await expect(within(3000, attempt)).rejects.toThrow("payment declined");
    // …and nothing of it is left: neither the stock change nor its movement.
    expect(await stock()).toBe(before);
    const moves = await server().dataSource.query("SELECT COUNT(*) AS n FROM stock_movement WHERE reason = 'Nested test'");
    expect(Number(moves[0].n)).toBe(0);
  });

  test("an inner failure the outer catches is still one transaction: what the outer then commits includes the inner's writes", async () => {
    const { tx } = server().app.services;
    const before = await stock();
    await within(
      3000,
      tx.run(async (m) => {
        await tx
          .run(async (inner) => {
            await inner.query("UPDATE product_variant SET stock = stock + 5 WHERE product_id = ?", [productId]);
            throw new Error("inner gave up");
          })
          .catch(() => undefined);
        await m.query("UPDATE product_variant SET stock = stock + 1 WHERE product_id = ?", [productId]);
      }),
    );
    // No savepoints: the inner part is not undone on its own (callers throw to roll back the whole unit).
    expect(await stock()).toBe(before + 6);
  });

  test("a deadlock a joined part met fails the whole unit even if the caller catches it: the outer transaction is retried", async () => {
    const { tx } = server().app.services;
    const before = await stock();
    let attempts = 0;
    await within(
      3000,
      tx.run(async (m) => {
        attempts++;
        await tx
          .run(async () => {
            if (attempts === 1)
              throw Object.assign(new Error("Deadlock found"), { driverError: { errno: 1213, code: "ER_LOCK_DEADLOCK" } });
          })
          .catch(() => undefined);
        await m.query("UPDATE product_variant SET stock = stock + 1 WHERE product_id = ?", [productId]);
      }),
    );
    expect(attempts).toBe(2);
    expect(await stock()).toBe(before + 1);
  });

  test("work that outlives its transaction (a timer) can't join it: it runs in a transaction of its own", async () => {
    const { tx } = server().app.services;
    const before = await stock();
    let later!: Promise<{ active: boolean }>;
    await tx.run(async () => {
      later = new Promise((resolve, reject) =>
        setTimeout(() => {
          const active = tx.active;
          tx.run((m) => m.query("UPDATE product_variant SET stock = stock + 1 WHERE product_id = ?", [productId])).then(
            () => resolve({ active }),
            reject,
          );
        }, 20),
      );
    });
    // Another transaction is open, and rolls back, while the timer fires.
    const other = tx
      .run(async (m) => {
        await m.query("UPDATE product_variant SET stock = stock + 100 WHERE product_id = ?", [productId]);
        await new Promise((r) => setTimeout(r, 80));
        throw new Error("declined");
      })
      .catch(() => "rolled back");
    expect(await within(5000, later)).toEqual({ active: false });
    expect(await other).toBe("rolled back");
    expect(await stock()).toBe(before + 1);
  });

  test("separate transactions still run one after another, and outside a transaction reads see only committed data", async () => {
    const { tx } = server().app.services;
    const before = await stock();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let wrote!: () => void;
    const written = new Promise<void>((r) => (wrote = r));
    const first = tx.run(async (m) => {
      await m.query("UPDATE product_variant SET stock = stock + 1 WHERE product_id = ?", [productId]);
      wrote();
      await held;
    });
    await written;
    expect(tx.active).toBe(false); // this test's own context is outside the transaction
    expect(await stock()).toBe(before);
    const second = tx.run(async (m) => m.query("UPDATE product_variant SET stock = stock + 1 WHERE product_id = ?", [productId]));
    release();
    await within(6000, Promise.all([first, second]));
    expect(await stock()).toBe(before + 2);
  });
});
