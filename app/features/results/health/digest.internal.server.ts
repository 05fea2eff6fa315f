// The weekly mail to each desk about its agreements going quiet (issue 21):
// on Mondays, in the daily run, through the outbox (remindOnce: once per
// municipality and week, however often the job runs and on however many nodes).
import { asc, lt, sql } from "drizzle-orm";
import type { Db } from "~/lib/db/client.server";
import type { JobSender } from "~/lib/jobs/types";
import { tokyoIsoDate } from "~/lib/wareki";
import { remindOnce, systemContext } from "~/features/audit/run-command.internal.server";
import { agreementTitleOf } from "~/features/agreements/data.internal.server";
import { findDeskRecipients } from "~/features/identity/data.internal.server";
import { agreementHealth, healthDigests } from "../tables";
import { QUIET_BELOW, topReason } from "./factors";

const MONDAY = 1;

export async function sendWeeklyHealthDigests(db: Db, now: Date, baseUrl: string, jobs?: JobSender): Promise<number> {
  const today = tokyoIsoDate(now);
  if (new Date(`${today}T00:00:00Z`).getUTCDay() !== MONDAY) return 0;
  // The worst agreement of each municipality with any going quiet, and how many there are.
  const worst = await db
    .selectDistinctOn([agreementHealth.municipalityId], {
      municipalityId: agreementHealth.municipalityId,
      agreementId: agreementHealth.agreementId,
      title: agreementTitleOf(agreementHealth.agreementId),
      score: agreementHealth.score,
      factors: agreementHealth.factors,
      count: sql<number>`count(*) over (partition by ${agreementHealth.municipalityId})`.mapWith(Number),
    })
    .from(agreementHealth)
    .where(lt(agreementHealth.score, QUIET_BELOW))
    .orderBy(agreementHealth.municipalityId, asc(agreementHealth.score));
  let sent = 0;
  for (const w of worst) {
    const ctx = systemContext({ db, requestId: `health-digest-${today}`, baseUrl, jobs }, w.municipalityId);
    const reason = topReason(w.factors)?.code ?? "steering";
    const reminded = await remindOnce(
      ctx,
      {
        action: "agreement.healthDigest",
        targetType: "organization",
        targetId: w.municipalityId,
        after: { weekOf: today, count: w.count },
      },
      {
        claim: async (tx) =>
          (await tx.insert(healthDigests).values({ municipalityId: w.municipalityId, weekOf: today }).onConflictDoNothing().returning())
            .length > 0,
        notice: async (tx) => ({
          recipients: await findDeskRecipients(tx, w.municipalityId),
          kind: "health_digest",
          title: "notify.healthDigest.title",
          body: "notify.healthDigest.body",
          params: {
            count: w.count,
            title: w.title ?? "",
            score: w.score,
            reason: { key: `results.health.${reason}.label` },
          },
          link: `/agreements?health=below:${QUIET_BELOW}`,
        }),
      },
    );
    if (reminded) sent++;
  }
  return sent;
}
