// Agreement health: every agreement in force scored each morning before the
// 08:00 reminders, and one agreement again after a change that moves its score;
// on Mondays the desks get a mail about the agreements going quiet.
import { defineJob, type FeatureManifest } from "~/lib/feature";
import { recomputeHealth } from "./health/compute.internal.server";
import { sendWeeklyHealthDigests } from "./health/digest.internal.server";

export const resultsFeature: FeatureManifest = {
  name: "results",
  jobs: [
    defineJob({ name: "health.daily", cron: "30 7 * * *", run: (ctx) => recomputeHealth(ctx.db) }),
    defineJob({ name: "health.agreement", run: (ctx, data) => recomputeHealth(ctx.db, new Date(), [data.agreementId]) }),
  ],
  // Mondays: each desk hears of its agreements going quiet.
  dailyReminders: (ctx, now) => sendWeeklyHealthDigests(ctx.db, now, ctx.baseUrl, ctx.jobs),
};
