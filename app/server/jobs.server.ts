// pg-boss on either driver. On PostgreSQL it uses its own pool; on PGlite it
// runs through the same single connection via `db.executeSql`. Jobs are
// claimed with FOR UPDATE SKIP LOCKED, so any number of app nodes can work.
import PgBoss from "pg-boss";
import type { Database } from "~/lib/db/client.server";
import type { JobName, JobPayloads, JobSender, SendOptions } from "~/lib/jobs/types";

export interface JobQueue extends JobSender {
  work<N extends JobName>(name: N, handler: (data: JobPayloads[N]) => Promise<void>): Promise<void>;
  schedule<N extends JobName>(name: N, cron: string, data: JobPayloads[N]): Promise<void>;
  stop(): Promise<void>;
}

/** Starts pg-boss with one queue per job the features declare (app/server/features.server.ts). */
export async function startJobQueue(database: Database, options: { connectionString?: string; queues: JobName[] }): Promise<JobQueue> {
  // PGlite has one connection shared with every request: poll gently there.
  const embedded = database.kind === "pglite";
  const common = {
    schema: "pgboss",
    pollingIntervalSeconds: embedded ? 5 : 2,
    cronWorkerIntervalSeconds: embedded ? 30 : 5,
    cronMonitorIntervalSeconds: 45,
    maintenanceIntervalSeconds: 300,
  } as const;
  const boss =
    database.kind === "postgresql" && options.connectionString
      ? new PgBoss({ ...common, connectionString: options.connectionString, max: 4 })
      : new PgBoss({ ...common, db: { executeSql: database.executeSql } });
  boss.on("error", (error) => console.error("[jobs]", error.message));
  await boss.start();
  for (const name of options.queues) {
    // "short": at most one waiting job per singletonKey, so re-sends are harmless.
    await boss.createQueue(name, { name, policy: "short", retryLimit: 8, retryDelay: 15, retryBackoff: true });
  }
  return {
    async send(name, data, opts?: SendOptions) {
      return boss.send(name, data as object, {
        singletonKey: opts?.singletonKey,
        startAfter: opts?.startAfter,
        retryLimit: 8,
        retryDelay: 15,
        retryBackoff: true,
      });
    },
    async work(name, handler) {
      // Take a batch per poll (pg-boss 10 waits a polling interval after each
      // fetch); a failing job is failed on its own so the others complete.
      await boss.work(name, { batchSize: 20 }, async (jobs) => {
        for (const job of jobs) {
          try {
            await handler(job.data as never);
          } catch (error) {
            await boss.fail(name, job.id, { message: String((error as Error).message) });
          }
        }
      });
    },
    async schedule(name, cron, data) {
      await boss.schedule(name, cron, data as object, { tz: "Asia/Tokyo" });
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5000, wait: true });
    },
  };
}
