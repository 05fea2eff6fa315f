// What a feature registers with the server, in one object per feature
// (features/<name>/manifest.server.ts), composed in app/server/features.server.ts.
// Its routes are listed beside it in features/<name>/routes.ts (composed in
// app/routes.ts) and its tables in features/<name>/tables.ts (gathered in
// lib/db/schema.ts); app/server/features.test.ts fails when one is left out.
import type { Db } from "./db/client.server";
import type { JobName, JobPayloads, JobSender } from "./jobs/types";
import type { MailTransport } from "./mail.server";

/** What a job's worker receives besides its payload. */
export interface JobContext {
  db: Db;
  baseUrl: string;
  jobs: JobSender;
  mail: MailTransport | null;
}

export interface FeatureJob<N extends JobName = JobName> {
  name: N;
  /** When it runs by itself: cron in Japan time (Asia/Tokyo). */
  cron?: string;
  run(ctx: JobContext, data: JobPayloads[N]): Promise<unknown>;
}

export interface FeatureManifest {
  name: string;
  /** Queue workers; any number of app nodes may run them (jobs are claimed). */
  jobs?: FeatureJob[];
  /** Part of the daily 08:00 reminder run; returns how many reminders were sent. */
  dailyReminders?: (ctx: JobContext, now: Date) => Promise<number>;
}

/** Keeps a job's payload type tied to its name. */
export const defineJob = <N extends JobName>(job: FeatureJob<N>): FeatureJob => job as unknown as FeatureJob;
