import { randomBytes } from "node:crypto";
import { createConnection } from "mysql2/promise";

/** Creates a throw-away database on the server of `serverUrl`, hands its URL to `work`, and drops it afterwards. */
export async function createScratchMysqlDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = await createConnection({ uri: serverUrl });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const conn = await createConnection({ uri: serverUrl });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

export async function withScratchMysqlDatabase<T>(serverUrl: string, prefix: string, work: (url: string) => Promise<T>): Promise<T> {
  const db = await createScratchMysqlDatabase(serverUrl, prefix);
  try {
    return await work(db.url);
  } finally {
    await db.drop();
  }
}
