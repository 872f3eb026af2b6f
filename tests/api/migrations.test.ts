import { connectStore, openStoreDatabase } from "../../server/modules";
import { pendingSchemaChanges } from "../../server/db/pending-schema";
import { engines, scratchDatabase } from "../helpers/test-server";

describe.each(engines)("migrations [%s]", (engine) => {
  test("create exactly the schema the entities describe (add a migration with `npm run migration:generate -- Name` when this fails)", async () => {
    const scratch = await scratchDatabase(engine);
    const ds = await openStoreDatabase(scratch.db);
    try {
      expect(await pendingSchemaChanges(ds)).toEqual({ up: [], down: [] });
    } finally {
      await ds.destroy();
      await scratch.drop();
    }
  });

  // MySQL/MariaDB migrations can be reverted. SQLite ones are forward-only: TypeORM rebuilds SQLite tables
  // to change them, and its generated down steps rename tables in a way that breaks other tables' foreign keys.
  if (engine === "mysql")
    test("run in order and can be reverted to an empty database", async () => {
      const scratch = await scratchDatabase(engine);
      const ds = await openStoreDatabase(scratch.db);
      try {
        const applied = await ds.query("SELECT name FROM `migrations`");
        expect(applied.length).toBe(ds.migrations.length);
        for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration();
        const check = await connectStore(scratch.db, { withoutMigrations: true });
        const { up } = await pendingSchemaChanges(check);
        expect(up.some((q) => /CREATE TABLE .?product.?\b/.test(q))).toBe(true); // the tables are gone again
        await check.destroy();
      } finally {
        if (ds.isInitialized) await ds.destroy();
        await scratch.drop();
      }
    });
});
