// A fresh, migrated database for every test. PGlite: one migrated template per
// worker, cloned per test. PostgreSQL (when TEST_DATABASE_URL or DATABASE_URL
// answers): a template database per worker, copied with CREATE DATABASE …
// TEMPLATE per test and dropped afterwards.
import pg from "pg";
import { randomBytes } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import { migrateDatabase, openPglite, openPostgres, wrapPglite, type Database, type DatabaseKind } from "~/lib/db/client.server";
import { syncLocalGovernments } from "~/features/directory/commands.internal.server";

let pgliteTemplate: Promise<PGlite> | undefined;

async function pgliteTemplateInstance(): Promise<PGlite> {
  pgliteTemplate ??= (async () => {
    const database = await openPglite();
    await migrateDatabase(database);
    await syncLocalGovernments(database.db);
    return database.pglite!;
  })();
  return pgliteTemplate;
}

async function freshPglite(): Promise<Database> {
  const template = await pgliteTemplateInstance();
  return wrapPglite((await template.clone()) as PGlite);
}

export const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

let serverReachable: Promise<boolean> | undefined;
export function postgresReachable(): Promise<boolean> {
  if (!serverUrl) return Promise.resolve(false);
  serverReachable ??= (async () => {
    const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query("select 1");
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return serverReachable;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

let pgTemplateName: Promise<string> | undefined;

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function postgresTemplate(): Promise<string> {
  pgTemplateName ??= (async () => {
    const name = `renkei_tmpl_${process.pid}_${randomBytes(3).toString("hex")}`;
    await admin((c) => c.query(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' TEMPLATE template0`));
    const database = openPostgres(withDatabase(serverUrl!, name), { max: 2 });
    await migrateDatabase(database);
    await syncLocalGovernments(database.db);
    await database.close();
    process.once("beforeExit", () => void admin((c) => c.query(`DROP DATABASE IF EXISTS ${name}`)).catch(() => undefined));
    return name;
  })();
  return pgTemplateName;
}

async function freshPostgres(): Promise<Database> {
  const template = await postgresTemplate();
  const name = `renkei_t_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = withDatabase(serverUrl!, name);
  const database = openPostgres(url, { max: 4 });
  const fresh: Database = {
    ...database,
    close: async () => {
      await database.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name}`));
    },
  };
  connectionStrings.set(fresh, url);
  return fresh;
}

const connectionStrings = new WeakMap<Database, string>();

/** The URL of a fresh PostgreSQL test database (for clients with their own pool, e.g. pg-boss); undefined on PGlite. */
export function connectionStringOf(database: Database): string | undefined {
  return connectionStrings.get(database);
}

export async function freshDatabase(kind: DatabaseKind): Promise<Database> {
  return kind === "pglite" ? freshPglite() : freshPostgres();
}

/** The drivers to test on: PGlite always, PostgreSQL when a server answers. */
export async function testDrivers(): Promise<DatabaseKind[]> {
  return (await postgresReachable()) ? ["pglite", "postgresql"] : ["pglite"];
}
