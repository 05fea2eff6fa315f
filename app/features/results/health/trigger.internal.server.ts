// Asks the job queue to score an agreement again after a change the health
// score reads (a meeting, an action item, a contact, a project, a KPI or a
// figure). Without a queue (a test, a one-off script) nothing is sent: the
// daily run catches up.
import type { JobSender } from "~/lib/jobs/types";

export async function healthMayHaveChanged(ctx: { jobs?: JobSender }, agreementId: string): Promise<void> {
  await ctx.jobs?.send("health.agreement", { agreementId }, { singletonKey: `health-${agreementId}` });
}
