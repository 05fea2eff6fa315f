// Time limits and the start-up wait of the PostgreSQL client.
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { DatabaseStartError, describeDatabaseUrl, openPostgres, waitForDatabase } from "./client.server";
import { isDatabaseUnavailable } from "./unavailable";
import { postgresReachable, serverUrl } from "~/test/database";

const reachable = await postgresReachable();

describe("waitForDatabase", () => {
  it("retries an unreachable server with growing pauses, then gives up with a clear bilingual message", async () => {
    const database = openPostgres("postgres://renkei:secret@127.0.0.1:1/renkei", { connectTimeoutMs: 1_000 });
    const pauses: number[] = [];
    const logs: string[] = [];
    let error: unknown;
    try {
      await waitForDatabase(database, {
        waitMs: 8_000,
        label: describeDatabaseUrl("postgres://renkei:secret@127.0.0.1:1/renkei"),
        log: (m) => logs.push(m),
        sleep: async (ms) => void pauses.push(ms),
      });
    } catch (e) {
      error = e;
    } finally {
      await database.close();
    }
    expect(pauses).toEqual([500, 1_000, 2_000, 4_000]); // the next (8 s) would pass the 8 s budget
    expect(logs[0]).toContain("ECONNREFUSED");
    expect(error).toBeInstanceOf(DatabaseStartError);
    const message = (error as DatabaseStartError).operatorMessage;
    expect(message).toContain("接続できません");
    expect(message).toContain("Cannot reach the database postgres://renkei@127.0.0.1:1/renkei");
    expect(message).not.toContain("secret");
  });

  it.runIf(reachable)("fails at once on what waiting cannot fix (a database that does not exist)", async () => {
    const url = new URL(serverUrl!);
    url.pathname = "/renkei_safety_no_such_database";
    const database = openPostgres(url.toString(), { connectTimeoutMs: 2_000 });
    const pauses: number[] = [];
    await expect(
      waitForDatabase(database, { waitMs: 60_000, label: "x", log: () => undefined, sleep: async (ms) => void pauses.push(ms) }),
    ).rejects.toThrow(/3D000/);
    expect(pauses).toEqual([]);
    await database.close();
  });
});

describe.runIf(reachable)("statement timeout on PostgreSQL", () => {
  it("cancels a statement that runs too long, as 'unavailable' (57014), not a hang", async () => {
    const database = openPostgres(serverUrl!, { connectTimeoutMs: 2_000, statementTimeoutMs: 300 });
    const started = Date.now();
    const error = await database.db.execute(sql`select pg_sleep(5)`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(JSON.stringify((error as { cause?: { code?: string } }).cause?.code)).toBe('"57014"');
    // The pool still works afterwards.
    expect((await database.db.execute(sql`select 1 as one`)).rows).toEqual([{ one: 1 }]);
    await database.close();
  });
});
