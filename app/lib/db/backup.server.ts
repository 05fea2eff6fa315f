// Backup and restore of either database (npm run backup / npm run restore).
// PostgreSQL: pg_dump -Fc / pg_restore, consistent while the app runs.
// PGlite: PGlite's own dump of its folder, taken by the one process allowed to
// hold the folder's lock — so with the server stopped; never a copy of files
// another process is writing (see docs/decisions/0012-data-safety.md).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createPgliteClient } from "./client.server";
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE, type DataDirLock } from "./data-dir-lock.server";
import { OperatorError } from "../operator-error";

/** A failure the operator can act on; the scripts print `operatorMessage` without a stack. */
export class BackupError extends OperatorError {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
const PGDMP_MAGIC = Buffer.from("PGDMP");

function startsWith(file: string, magic: Buffer): boolean {
  return readFileSync(file).subarray(0, magic.length).equals(magic);
}

/** Writes through a temporary file, so a failed backup never leaves a truncated file under the final name. */
function writeAtomically(file: string, write: (temp: string) => Promise<void>): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.partial`;
  return write(temp).then(
    () => renameSync(temp, file),
    (error: unknown) => {
      rmSync(temp, { force: true });
      throw error;
    },
  );
}

function lockForMaintenance(dataDir: string, purpose: string): DataDirLock {
  try {
    return acquireDataDirLock(dataDir, purpose);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new BackupError(
      `${error.operatorMessage}\n` +
        `組み込みデータベース (PGlite) のバックアップ・復元は、サーバーを停止してから行います（npm start を止めてから、もう一度実行してください）。\n` +
        `The embedded database (PGlite) is backed up and restored with the server stopped: stop it, then run this again.`,
      error,
    );
  }
}

function entriesBesidesLock(dataDir: string): string[] {
  return existsSync(dataDir) ? readdirSync(dataDir).filter((name) => name !== LOCK_FILE && !name.startsWith(`${LOCK_FILE}.`)) : [];
}

// --- PGlite -------------------------------------------------------------------

export async function backupPglite(dataDir: string, outFile: string): Promise<{ bytes: number }> {
  if (!existsSync(path.join(dataDir, "PG_VERSION")))
    throw new BackupError(`${dataDir} にデータベースがありません。 / There is no database in ${dataDir}.`);
  const lock = lockForMaintenance(dataDir, "backup");
  try {
    const client = await createPgliteClient(dataDir);
    try {
      await client.exec("CHECKPOINT");
      const dump = await client.dumpDataDir("gzip");
      const bytes = Buffer.from(await dump.arrayBuffer());
      await writeAtomically(outFile, async (temp) => writeFileSync(temp, bytes, { mode: 0o600 }));
      return { bytes: bytes.length };
    } finally {
      await client.close();
    }
  } finally {
    lock.release();
  }
}

/**
 * Loads a PGlite backup into `dataDir`. A folder that already holds data is
 * refused unless `force`; then its contents are moved to `<dataDir>.before-restore-<time>`
 * (kept, not deleted) and put back if the restore fails.
 */
export async function restorePglite(file: string, dataDir: string, options: { force?: boolean } = {}): Promise<{ keptAside?: string }> {
  if (!startsWith(file, GZIP_MAGIC)) {
    throw new BackupError(
      `${file} は組み込みデータベース (PGlite) のバックアップではありません。 / ${file} is not a PGlite backup (.tar.gz from npm run backup).`,
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const lock = lockForMaintenance(dataDir, "restore");
  let aside: string | undefined;
  try {
    const existing = entriesBesidesLock(dataDir);
    if (existing.length > 0) {
      if (!options.force) {
        throw new BackupError(
          `${dataDir} にはすでにデータがあります。上書きするには --force を付けてください（今のデータは別のフォルダに残します）。\n` +
            `${dataDir} is not empty: add --force to replace it (its current contents are kept in a folder beside it).`,
        );
      }
      aside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      mkdirSync(aside);
      for (const name of existing) renameSync(path.join(dataDir, name), path.join(aside, name));
    }
    try {
      const client = await createPgliteClient(dataDir, new Blob([readFileSync(file)]));
      lock.reassert(); // the tarball carries the lock file of the process that dumped it
      try {
        await client.query("select 1");
      } finally {
        await client.close();
      }
    } catch (error) {
      for (const name of entriesBesidesLock(dataDir)) rmSync(path.join(dataDir, name), { recursive: true, force: true });
      if (aside) for (const name of readdirSync(aside)) renameSync(path.join(aside, name), path.join(dataDir, name));
      if (aside) rmSync(aside, { recursive: true, force: true });
      throw new BackupError(
        `復元できませんでした（元のデータは戻しました）。 / The restore failed (the previous data was put back): ${(error as Error).message}`,
        error,
      );
    }
    return { keptAside: aside };
  } finally {
    lock.reassert();
    lock.release();
  }
}

// --- PostgreSQL ---------------------------------------------------------------

/** The URL without its password, and the password for PGPASSWORD (kept off the command line, which `ps` shows). */
function connectionFor(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  return { url: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", (error) =>
      reject(
        new BackupError(
          `${command} が見つかりません。PostgreSQL のクライアント（postgresql-client）を入れてください。 / ${command} not found: install the PostgreSQL client tools.`,
          error,
        ),
      ),
    );
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new BackupError(`${command} failed (exit ${code}):\n${err.trim()}`))));
  });
}

async function withClient<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** pg_dump refuses a server newer than itself; say so before it does, in plain words. */
async function checkToolVersion(tool: string, databaseUrl: string): Promise<void> {
  const version = await run(tool, ["--version"], process.env);
  const toolMajor = Number(/\) (\d+)/.exec(version)?.[1]);
  const serverMajor = await withClient(databaseUrl, async (c) =>
    Math.floor(Number((await c.query("show server_version_num")).rows[0].server_version_num) / 10000),
  );
  if (toolMajor < serverMajor) {
    throw new BackupError(
      `${tool} ${toolMajor} ではサーバー PostgreSQL ${serverMajor} を扱えません。メジャーバージョン ${serverMajor} のクライアントを入れてください。\n` +
        `${tool} ${toolMajor} cannot handle a PostgreSQL ${serverMajor} server: install client tools of major version ${serverMajor}.`,
    );
  }
}

export async function backupPostgres(databaseUrl: string, outFile: string): Promise<{ bytes: number }> {
  await checkToolVersion("pg_dump", databaseUrl);
  const { url, env } = connectionFor(databaseUrl);
  await writeAtomically(outFile, async (temp) => {
    await run("pg_dump", ["--format=custom", "--file", temp, "--dbname", url], env);
  });
  return { bytes: readFileSync(outFile).length };
}

/** Tables outside the system schemas: what "not empty" and the round-trip test look at. */
export const USER_TABLES_SQL = `select table_schema, table_name from information_schema.tables
  where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`;

export async function restorePostgres(file: string, databaseUrl: string, options: { force?: boolean } = {}): Promise<void> {
  if (!startsWith(file, PGDMP_MAGIC)) {
    throw new BackupError(
      `${file} は PostgreSQL のバックアップ（pg_dump -Fc）ではありません。 / ${file} is not a PostgreSQL backup (pg_dump -Fc).`,
    );
  }
  await checkToolVersion("pg_restore", databaseUrl);
  const tables = await withClient(databaseUrl, async (c) => (await c.query(USER_TABLES_SQL)).rowCount ?? 0);
  if (tables > 0 && !options.force) {
    throw new BackupError(
      `復元先のデータベースにはすでに ${tables} 個の表があります。上書きするには --force を付けてください（アプリを止めてから）。\n` +
        `The target database already has ${tables} tables: add --force to replace them (with the app stopped).`,
    );
  }
  const { url, env } = connectionFor(databaseUrl);
  // One transaction: a failed restore leaves the target as it was.
  const args = ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", "--dbname", url];
  if (tables > 0) args.unshift("--clean", "--if-exists");
  await run("pg_restore", [...args, file], env);
}
