// A real pg-boss queue on a test app's database, picked the way production
// picks it (app/server/jobs.server.ts): its own pool on PostgreSQL, the shared
// connection on PGlite. Feature tests reach the composition root only here.
import type { Database } from "~/lib/db/client.server";
import { startJobQueue, type JobQueue } from "~/server/jobs.server";
import { allJobs } from "~/server/features.server";
import { connectionStringOf } from "./database";

export type { JobQueue };

export function startTestQueue(database: Database): Promise<JobQueue> {
  return startJobQueue(database, { connectionString: connectionStringOf(database), queues: allJobs().map((job) => job.name) });
}

/** Polls `check` until it returns a truthy value (default: up to 20 s). */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  { timeoutMs = 20_000, intervalMs = 200 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
