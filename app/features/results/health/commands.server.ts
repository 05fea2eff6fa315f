// The owning desk sets how often an agreement's meetings are expected (the
// health score measures the time since the last ones against it).
import { sql } from "drizzle-orm";
import { forbidden } from "~/lib/errors";
import type { ScopedContext } from "~/lib/tenancy";
import { parseInput } from "~/lib/validation";
import { runCommand } from "~/features/audit/run-command.internal.server";
import { visibleAgreement } from "~/features/agreements/data.internal.server";
import { isOwningDesk } from "~/features/agreements/policy";
import { agreementCadences } from "../tables";
import { cadenceInput } from "../schema";
import { healthMayHaveChanged } from "./trigger.internal.server";

export async function setMeetingCadence(ctx: ScopedContext, agreementId: string, rawInput: unknown): Promise<void> {
  const { agreement } = await visibleAgreement(ctx.db, ctx.scope, agreementId);
  if (!isOwningDesk(ctx.scope, agreement)) throw forbidden();
  const input = parseInput(cadenceInput, rawInput);
  await runCommand(ctx, { action: "agreement.cadence", targetType: "agreement", targetId: agreement.id, after: input }, async (tx) => {
    await tx
      .insert(agreementCadences)
      .values({ agreementId: agreement.id, ...input, updatedBy: ctx.scope.userId })
      .onConflictDoUpdate({ target: agreementCadences.agreementId, set: { ...input, updatedBy: ctx.scope.userId, updatedAt: sql`now()` } });
  });
  await healthMayHaveChanged(ctx, agreement.id);
}
