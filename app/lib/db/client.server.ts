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

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob | File } = {}): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm },
  });
  return wrapPglite(client);
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

export function openPostgres(connectionString: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
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
