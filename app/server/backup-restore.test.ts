// Backup → restore round trip on each database, with the demo data set (rows
// in most tables): every table's rows must come back identical.
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { sql } from "drizzle-orm";
import { backupPglite, backupPostgres, BackupError, restorePglite, restorePostgres, USER_TABLES_SQL } from "~/lib/db/backup.server";
import { acquireDataDirLock } from "~/lib/db/data-dir-lock.server";
import { openPglite, openPostgres, type Database } from "~/lib/db/client.server";
import { connectionStringOf, freshDatabase, postgresReachable, serverUrl } from "~/test/database";
import { readConfig } from "./config.server";
import { createRuntime } from "./runtime.server";

const work = mkdtempSync(path.join(tmpdir(), "renkei-backup-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const testConfig = (dataDir: string) => ({
  ...readConfig({ RENKEI_DATA_DIR: dataDir, RENKEI_SECRET: "test-secret-test-secret-test-secret-00" } as NodeJS.ProcessEnv),
  seedDemo: true,
  runJobs: false,
});

/** Every user table's rows as sorted JSON text: equal snapshots mean equal data. */
async function snapshot(database: Database): Promise<Map<string, string[]>> {
  const tables = (await database.db.execute<{ table_schema: string; table_name: string }>(sql.raw(USER_TABLES_SQL))).rows;
  const result = new Map<string, string[]>();
  for (const { table_schema, table_name } of tables) {
    const name = `"${table_schema}"."${table_name}"`;
    const rows = await database.db.execute<{ row: string }>(sql.raw(`select to_jsonb(t)::text as row from ${name} t order by 1`));
    result.set(
      name,
      rows.rows.map((r) => r.row),
    );
  }
  return result;
}

function expectSameData(before: Map<string, string[]>, after: Map<string, string[]>) {
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [table, rows] of before) expect(after.get(table), table).toEqual(rows);
  // The demo data fills many tables: the comparison is not vacuous.
  expect([...before.values()].filter((rows) => rows.length > 0).length).toBeGreaterThan(20);
}

describe("backup and restore on PGlite", () => {
  it("round-trips every table, refuses a running server's folder and a non-empty target without --force", async () => {
    const source = path.join(work, "source");
    const runtime = await createRuntime(testConfig(source), { log: () => undefined });
    const before = await snapshot(runtime.database);

    // While a server holds the folder, the backup refuses and says to stop it.
    await expect(backupPglite(source, path.join(work, "refused.tar.gz"))).rejects.toThrow(/サーバーを停止してから|stop it/);
    await runtime.close();

    const file = path.join(work, "pglite.tar.gz");
    await backupPglite(source, file);
    const target = path.join(work, "target");
    await restorePglite(file, target);
    const restored = await openPglite({ dataDir: target });
    expectSameData(before, await snapshot(restored));
    await restored.close();
    expect(existsSync(path.join(target, "renkei.lock"))).toBe(false);

    await expect(restorePglite(file, target)).rejects.toThrow(/--force/);
    const lock = acquireDataDirLock(target, "server");
    await expect(restorePglite(file, target, { force: true })).rejects.toBeInstanceOf(BackupError);
    lock.release();
    const { keptAside } = await restorePglite(file, target, { force: true });
    expect(readdirSync(keptAside!)).toContain("PG_VERSION"); // the replaced data is kept, not deleted
    const again = await openPglite({ dataDir: target });
    expectSameData(before, await snapshot(again));
    await again.close();
  }, 180_000);
});

describe.runIf(await postgresReachable())("backup and restore on PostgreSQL", () => {
  it("round-trips every table with pg_dump -Fc / pg_restore and refuses a non-empty target without --force", async () => {
    const database = await freshDatabase("postgresql");
    const runtime = await createRuntime(testConfig(path.join(work, "unused")), { database, migrate: false, log: () => undefined });
    const before = await snapshot(database);
    const file = path.join(work, "postgres.dump");
    await backupPostgres(connectionStringOf(database)!, file);
    await runtime.close();

    const name = `renkei_t_restore_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' TEMPLATE template0`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    try {
      await restorePostgres(file, url.toString());
      const restored = openPostgres(url.toString(), { max: 2 });
      expectSameData(before, await snapshot(restored));

      await expect(restorePostgres(file, url.toString())).rejects.toThrow(/--force/);
      await restored.db.execute(sql`delete from audit_log`); // something to be replaced
      await restorePostgres(file, url.toString(), { force: true });
      expectSameData(before, await snapshot(restored));
      await restored.close();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 180_000);
});
