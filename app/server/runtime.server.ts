// The composition root: opens the database, migrates, loads reference and
// demo data, configures auth and starts the job workers. One per process.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createAdmission, type Admission } from "./admission.server";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import { createAuth, type Auth } from "~/lib/auth/auth.server";
import {
  describeDatabaseUrl,
  migrateDatabase,
  openPglite,
  openPostgres,
  waitForDatabase,
  type Database,
  type Db,
} from "~/lib/db/client.server";
import { createMailTransport, type MailTransport } from "~/lib/mail.server";
import { syncLocalGovernments } from "~/features/directory/commands.internal.server";
import { queuePasswordResetMail, revokeAllApiTokens } from "~/features/identity/commands.internal.server";
import { readConfig, type Config } from "./config.server";
import { startJobQueue, type JobQueue } from "./jobs.server";
import { seedDemoData } from "~/demo";
import { allJobs } from "./features.server";
import { createFlashStorage, type FlashStorage } from "./flash.server";

export interface Runtime {
  config: Config;
  database: Database;
  db: Db;
  auth: Auth;
  jobs: JobQueue | undefined;
  mail: MailTransport | null;
  /** Signs the flash cookie with this runtime's secret. */
  flash: FlashStorage;
  /** Bounds the requests in flight (the embedded database), or null. */
  admission: Admission | null;
  close(): Promise<void>;
}

/** The embedded demo keeps its session secret in the data directory so restarts keep people signed in. */
function embeddedSecret(dataDir: string): string {
  const file = path.join(dataDir, ".secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export interface RuntimeOptions {
  /** An already-open database (tests); otherwise chosen from the config. */
  database?: Database;
  migrate?: boolean;
  log?: (message: string) => void;
}

async function migrateAndLoadDirectory(database: Database, log: (message: string) => void): Promise<void> {
  await migrateDatabase(database);
  const directory = await syncLocalGovernments(database.db);
  if (directory.changed) log(`national directory loaded: ${directory.total} local governments`);
}

/**
 * A PostgreSQL session lock held on a one-connection pool while `work` runs:
 * several processes (RENKEI_PROCESSES) or machines starting at once take turns
 * to migrate and to create the job queues (pg-boss deadlocks when two create
 * them together); the later ones find the work done.
 */
async function withStartupLock<T>(lockHolder: Database, work: () => Promise<T>): Promise<T> {
  await lockHolder.executeSql("select pg_advisory_lock(hashtext('renkei:startup'))");
  try {
    return await work();
  } finally {
    await lockHolder.executeSql("select pg_advisory_unlock(hashtext('renkei:startup'))");
  }
}

/** The same for a server database named by URL (a pool of its own, closed after); nothing to share on PGlite. */
async function withServerStartupLock<T>(config: Config, work: () => Promise<T>): Promise<T> {
  if (!config.databaseUrl) return work();
  const holder = openPostgres(config.databaseUrl, { max: 1, connectTimeoutMs: config.databaseTimeouts.connectTimeoutMs });
  try {
    return await withStartupLock(holder, work);
  } finally {
    await holder.close();
  }
}

/**
 * PGlite: the locked folder. PostgreSQL: waits for the server (bounded
 * backoff), migrates over one connection without a statement limit (a
 * migration may take long at national scale), then opens the request pool
 * with connect and statement timeouts.
 */
async function openConfiguredDatabase(config: Config, migrate: boolean, log: (message: string) => void): Promise<Database> {
  if (!config.databaseUrl) {
    const database = await openPglite({ dataDir: config.dataDir, purpose: "server" });
    try {
      if (migrate) await migrateAndLoadDirectory(database, log);
    } catch (error) {
      await database.close();
      throw error;
    }
    return database;
  }
  const timeouts = config.databaseTimeouts;
  const setup = openPostgres(config.databaseUrl, { max: 1, connectTimeoutMs: timeouts.connectTimeoutMs });
  try {
    await waitForDatabase(setup, { waitMs: timeouts.startupWaitMs, label: describeDatabaseUrl(config.databaseUrl), log });
    // Several processes (RENKEI_PROCESSES) or machines may start at once: one migrates, the others wait and find it done.
    if (migrate) await withStartupLock(setup, () => migrateAndLoadDirectory(setup, log));
  } finally {
    await setup.close();
  }
  return openPostgres(config.databaseUrl, { connectTimeoutMs: timeouts.connectTimeoutMs, statementTimeoutMs: timeouts.statementTimeoutMs });
}

export async function createRuntime(config: Config = readConfig(), options: RuntimeOptions = {}): Promise<Runtime> {
  const log = options.log ?? ((m: string) => console.log(`[renkei] ${m}`));
  const migrate = options.migrate !== false;
  let database: Database;
  if (options.database) {
    database = options.database;
    if (migrate) await migrateAndLoadDirectory(database, log);
  } else {
    database = await openConfiguredDatabase(config, migrate, log);
  }
  // Without RENKEI_SECRET: the embedded demo keeps one in its data dir; a server
  // database without it (only outside production) gets one per process.
  const secret = config.secret ?? (config.databaseUrl ? randomBytes(32).toString("hex") : embeddedSecret(config.dataDir));
  const baseContext = { db: database.db, baseUrl: config.baseUrl };
  let jobs: JobQueue | undefined;
  const auth = createAuth(database.db, {
    baseUrl: config.baseUrl,
    secret,
    secureCookies: config.secureCookies,
    onPasswordReset: (input) => queuePasswordResetMail({ ...baseContext, requestId: randomUUID(), jobs }, input),
    onPasswordChanged: async ({ userId, reason }) => {
      await revokeAllApiTokens(
        database.db,
        { requestId: randomUUID(), actor: { userId, userName: null, organizationId: null } },
        userId,
        reason,
      );
    },
  });
  if (config.seedDemo) {
    const seeded = await seedDemoData({ db: database.db, auth, baseUrl: config.baseUrl });
    if (seeded) log("demo data loaded (password for every demo account: renkei-demo-2026)");
  }
  const mail = createMailTransport(config.smtpUrl, config.mailFrom);
  if (config.runJobs) {
    const features = allJobs();
    const queue = await withServerStartupLock(config, async () => {
      const started = await startJobQueue(database, { connectionString: config.databaseUrl, queues: features.map((job) => job.name) });
      for (const job of features) if (job.cron) await started.schedule(job.name, job.cron, {} as never);
      return started;
    });
    jobs = queue;
    const jobContext = { db: database.db, baseUrl: config.baseUrl, jobs: queue, mail };
    for (const job of features) {
      await queue.work(job.name, async (data) => {
        await job.run(jobContext, data);
      });
    }
  }
  return {
    config,
    database,
    db: database.db,
    auth,
    get jobs() {
      return jobs;
    },
    mail,
    flash: createFlashStorage(secret, config.secureCookies),
    admission: config.admission ? createAdmission(config.admission) : null,
    async close() {
      await jobs?.stop();
      await database.close();
    },
  };
}

// Kept on globalThis: the dev server re-evaluates this module on edits, and a
// second runtime would open the locked data folder a second time.
const holder = globalThis as typeof globalThis & { __renkeiRuntime?: Promise<Runtime> };

/** The process-wide runtime, created on first use (dev server) or at start-up (server.mjs). */
export function getRuntime(): Promise<Runtime> {
  holder.__renkeiRuntime ??= createRuntime().catch((error) => {
    holder.__renkeiRuntime = undefined;
    throw error;
  });
  return holder.__renkeiRuntime;
}
