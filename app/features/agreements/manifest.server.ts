// Agreements remind the desk and the partners 180, 90 and 30 days before an
// agreement ends or its objection deadline passes (in the daily run).
import type { FeatureManifest } from "~/lib/feature";
import { tokyoIsoDate } from "~/lib/wareki";
import { sendRenewalReminders } from "./reminders.internal.server";

export const agreementsFeature: FeatureManifest = {
  name: "agreements",
  dailyReminders: (ctx, now) => sendRenewalReminders(ctx.db, tokyoIsoDate(now), ctx.baseUrl, ctx.jobs),
};
