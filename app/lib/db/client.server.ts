// The single place that chooses the database driver: PGlite (embedded, the
// default) or node-postgres when DATABASE_URL is set. Both speak PostgreSQL,
// so the schema, migrations and queries are the same.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { sql } from "drizzle-orm";
import * as schema from "./schema";
import { acquireDataDirLock } from "./data-dir-lock.server";
import { CLIENT_TIMEOUT_MARGIN_MS } from "./options";
import { isDatabaseUnavailable, reasonOf } from "./unavailable";
import { OperatorError } from "../operator-error";

export type Schema = typeof schema;
/** Both drivers expose the same query builder; we type against node-postgres. */
export type Db = NodePgDatabase<Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Reads that may run inside a command's transaction or outside it. */
export type Queryable = Db | Tx;
export type DatabaseKind = "pglite" | "postgresql";

/** Runs one SQL statement with positional parameters; used by pg-boss. */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export interface Database {
  db: Db;
  kind: DatabaseKind;
  executeSql: ExecuteSql;
  close(): Promise<void>;
  /** Present on PGlite only: lets tests snapshot and clone a migrated database. */
  pglite?: PGlite;
}

export const migrationsFolder = path.resolve(process.env.RENKEI_MIGRATIONS_DIR ?? "db/migrations");

/**
 * Opens PGlite in memory or on a folder. A folder is locked first (one process
 * per folder, see data-dir-lock.server.ts) and unlocked when closed.
 */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob | File; purpose?: string } = {}): Promise<Database> {
  if (!options.dataDir) return wrapPglite(await createPgliteClient(undefined, options.loadDataDir));
  mkdirSync(options.dataDir, { recursive: true });
  const lock = acquireDataDirLock(options.dataDir, options.purpose);
  try {
    const client = await createPgliteClient(options.dataDir, options.loadDataDir);
    // A tarball being loaded may carry the lock file of the process that dumped it.
    if (options.loadDataDir) lock.reassert();
    const database = wrapPglite(client);
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** The bare PGlite client with our extensions. Callers that name a folder must hold its lock. */
export function createPgliteClient(dataDir?: string, loadDataDir?: Blob | File): Promise<PGlite> {
  return PGlite.create({ dataDir, loadDataDir, extensions: { pg_trgm } });
}

/** A Database over an open PGlite instance (also used for test clones). */
export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    pglite: client,
    executeSql: async (text, values) => {
      // pg-boss sends multi-statement scripts without parameters: those need exec().
      if (!values || values.length === 0) {
        try {
          const results = await client.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        } catch (error) {
          // A failed script leaves PGlite's only connection in an aborted transaction.
          await client.exec("ROLLBACK").catch(() => undefined);
          throw error;
        }
      }
      const result = await client.query(text, values);
      return { rows: result.rows };
    },
    close: () => client.close(),
  };
}

export interface PostgresOptions {
  max?: number;
  /** Connect (and wait-for-a-free-connection) limit; 0 or absent: none. */
  connectTimeoutMs?: number;
  /** statement_timeout on every connection, and a client-side limit a little longer; 0 or absent: none. */
  statementTimeoutMs?: number;
}

export function openPostgres(connectionString: string, options: PostgresOptions = {}): Database {
  const statement = options.statementTimeoutMs || undefined;
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs || undefined,
    statement_timeout: statement,
    query_timeout: statement && statement + CLIENT_TIMEOUT_MARGIN_MS,
  });
  // An idle client losing its connection must not crash the process.
  pool.on("error", (error) => console.error("[db] idle client error", error.message));
  const db = drizzlePg({ client: pool, schema });
  return {
    db,
    kind: "postgresql",
    executeSql: async (text, values) => {
      const result = await pool.query(text, values as unknown[] | undefined);
      return { rows: result.rows };
    },
    close: () => pool.end(),
  };
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as never, { migrationsFolder });
  } else {
    await migratePg(database.db, { migrationsFolder });
  }
}

/** A round trip to the database, for health checks. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

export interface DatabaseCheck {
  kind: DatabaseKind;
  reachable: boolean;
  latencyMs: number;
}

/** A timed ping for /api/v1/health: any failure counts as not reachable (and is logged once). */
export async function checkDatabase(database: Database): Promise<DatabaseCheck> {
  const started = performance.now();
  let reachable = true;
  try {
    await pingDatabase(database.db);
  } catch (error) {
    reachable = false;
    console.error(`[db] health check failed: ${reasonOf(error)}`);
  }
  return { kind: database.kind, reachable, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
}

/** The operator's view of a connection string: no password. */
export function describeDatabaseUrl(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    url.password = "";
    url.search = "";
    return url.toString();
  } catch {
    return "DATABASE_URL";
  }
}

/**
 * At start: waits for a PostgreSQL server that is not reachable yet (restarting,
 * still booting next to us), retrying with backoff for at most `waitMs`. Errors
 * that waiting cannot fix (wrong password, no such database) fail at once.
 */
export async function waitForDatabase(
  database: Database,
  options: { waitMs: number; label: string; log: (message: string) => void; sleep?: (ms: number) => Promise<void> },
): Promise<void> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = Date.now() + options.waitMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await pingDatabase(database.db);
      if (attempt > 1) options.log(`database reachable again after ${attempt - 1} retries / データベースに接続しました`);
      return;
    } catch (error) {
      const reason = reasonOf(error);
      if (!isDatabaseUnavailable(error)) {
        throw new DatabaseStartError(
          `データベース ${options.label} を使えません（${reason}）。接続先・ユーザー・パスワード・データベース名を確認してください。\n` +
            `Cannot use the database ${options.label} (${reason}). Check DATABASE_URL: host, user, password and database name.`,
          error,
        );
      }
      const delay = Math.min(500 * 2 ** (attempt - 1), 10_000);
      if (Date.now() + delay > deadline) {
        throw new DatabaseStartError(
          `データベース ${options.label} に接続できません（${reason}）。${Math.round(options.waitMs / 1000)} 秒待ちましたが応答がないため、起動を中止します。\n` +
            `Cannot reach the database ${options.label} (${reason}); gave up after ${Math.round(options.waitMs / 1000)} s (RENKEI_DB_STARTUP_WAIT_MS).`,
          error,
        );
      }
      options.log(
        `データベース ${options.label} に接続できません（${reason}）。${(delay / 1000).toFixed(1)} 秒後に再試行します / ` +
          `cannot reach the database (${reason}), retry ${attempt} in ${(delay / 1000).toFixed(1)} s`,
      );
      await sleep(delay);
    }
  }
}

/** A start-up failure with a message for the operator's console (server.mjs prints it without a stack). */
export class DatabaseStartError extends OperatorError {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
  }
}
