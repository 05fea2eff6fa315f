// Meetings are announced a day ahead (every 15 minutes), and overdue action
// items are reminded of in the daily run.
import { defineJob, type FeatureManifest } from "~/lib/feature";
import { sendMeetingReminders, sendOverdueActionItemReminders } from "./reminders.internal.server";

export const meetingsFeature: FeatureManifest = {
  name: "meetings",
  jobs: [
    defineJob({
      name: "reminders.meetings",
      cron: "*/15 * * * *",
      run: (ctx) => sendMeetingReminders(ctx.db, new Date(), ctx.baseUrl, ctx.jobs),
    }),
  ],
  dailyReminders: (ctx, now) => sendOverdueActionItemReminders(ctx.db, now, ctx.baseUrl, ctx.jobs),
};
