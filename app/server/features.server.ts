// The one list of features' server registrations (lib/feature.ts): their queue
// workers and schedules, and their part of the daily reminder run. A feature
// with a manifest.server.ts is added here; app/server/features.test.ts checks.
import { defineJob, type FeatureManifest, type JobContext } from "~/lib/feature";
import { notificationsFeature } from "~/features/notifications/manifest.server";
import { agreementsFeature } from "~/features/agreements/manifest.server";
import { meetingsFeature } from "~/features/meetings/manifest.server";
import { resultsFeature } from "~/features/results/manifest.server";

// Notifications last: its daily digest gathers the reminders the others have just written.
export const featureManifests: FeatureManifest[] = [agreementsFeature, meetingsFeature, resultsFeature, notificationsFeature];

/**
 * The daily reminder run (08:00 Japan time): every feature's reminders, one
 * after another. Each goes through remindOnce, so a rerun or a second node
 * sends nothing twice. Returns the count per feature.
 */
export async function runDailyReminders(
  ctx: JobContext,
  now: Date = new Date(),
  manifests = featureManifests,
): Promise<Record<string, number>> {
  const sent: Record<string, number> = {};
  for (const feature of manifests) if (feature.dailyReminders) sent[feature.name] = await feature.dailyReminders(ctx, now);
  return sent;
}

const dailyReminders = defineJob({ name: "reminders.daily", cron: "0 8 * * *", run: (ctx) => runDailyReminders(ctx) });

/** Every job the queue runs: the features' and the daily reminder run. */
export const allJobs = () => [...featureManifests.flatMap((f) => f.jobs ?? []), dailyReminders];
