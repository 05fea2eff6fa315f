// Mail leaves through the queue: each new mail is a delivery job, and the
// sweeper queues what a crash or an outage left in the outbox. In the daily
// run, the digest gathers what each person takes once a day.
import { defineJob, type FeatureManifest } from "~/lib/feature";
import { deliverOutboxMail, sweepOutbox } from "./delivery.internal.server";
import { sendDailyDigests } from "./digest.internal.server";

export const notificationsFeature: FeatureManifest = {
  name: "notifications",
  jobs: [
    defineJob({ name: "outbox.deliver", run: (ctx, { outboxId }) => deliverOutboxMail(ctx.db, outboxId, ctx.mail) }),
    defineJob({ name: "outbox.sweep", cron: "* * * * *", run: (ctx) => sweepOutbox(ctx.db, ctx.jobs) }),
  ],
  dailyReminders: (ctx, now) => sendDailyDigests(ctx.db, now, ctx.baseUrl, ctx.jobs),
};
