// Each party's contacts for an agreement, and the handover when one leaves.
// Every command runs through runCommand.
import { and, eq, sql } from "drizzle-orm";
import { fieldError, forbidden } from "~/lib/errors";
import type { ScopedContext } from "~/lib/tenancy";
import { parseInput } from "~/lib/validation";
import { runCommand } from "~/features/audit/run-command.internal.server";
import { healthMayHaveChanged } from "~/features/results/health/trigger.internal.server";
import { agreementContacts, agreementHandovers } from "../tables";
import { contactablePartyIds } from "../policy";
import { contactInput, handoverInput } from "../schema";
import { visibleAgreement } from "../data.internal.server";
import { notifyParties } from "../commands.internal.server";

/** Names (or renames) a party's primary or secondary contact. */
export async function setContact(ctx: ScopedContext, id: string, rawInput: unknown): Promise<void> {
  const { agreement: a, partyOrgIds } = await visibleAgreement(ctx.db, ctx.scope, id);
  const input = parseInput(contactInput, rawInput);
  if (!contactablePartyIds(ctx.scope, a, partyOrgIds).includes(input.organizationId)) throw forbidden();
  await runCommand(ctx, { action: "agreement.contact", targetType: "agreement", targetId: id }, async (tx, command) => {
    const [previous] = await tx
      .update(agreementContacts)
      .set({ active: false, endedAt: sql`now()` })
      .where(
        and(
          eq(agreementContacts.agreementId, id),
          eq(agreementContacts.organizationId, input.organizationId),
          eq(agreementContacts.rank, input.rank),
          eq(agreementContacts.active, true),
        ),
      )
      .returning();
    const [row] = await tx
      .insert(agreementContacts)
      .values({
        agreementId: id,
        organizationId: input.organizationId,
        rank: input.rank,
        personName: input.personName,
        unit: input.unit ?? "",
        email: input.email ?? "",
        phone: input.phone ?? "",
      })
      .returning();
    command.trace({ before: previous ?? null, after: row });
  });
  await healthMayHaveChanged(ctx, id);
}

/**
 * A contact leaves: the successor takes the same place, and the handover
 * (notes, open items, the joint handover meeting) is recorded for both sides.
 */
export async function handOver(ctx: ScopedContext, id: string, rawInput: unknown): Promise<void> {
  const { agreement: a, partyOrgIds } = await visibleAgreement(ctx.db, ctx.scope, id);
  const input = parseInput(handoverInput, rawInput);
  const [current] = await ctx.db
    .select()
    .from(agreementContacts)
    .where(and(eq(agreementContacts.id, input.contactId), eq(agreementContacts.agreementId, id), eq(agreementContacts.active, true)));
  if (!current) throw fieldError("contactId", "validation.invalidChoice");
  if (!contactablePartyIds(ctx.scope, a, partyOrgIds).includes(current.organizationId)) throw forbidden();
  await runCommand(ctx, { action: "agreement.handover", targetType: "agreement", targetId: id, before: current }, async (tx, command) => {
    await tx
      .update(agreementContacts)
      .set({ active: false, endedAt: sql`now()` })
      .where(eq(agreementContacts.id, current.id));
    const [successor] = await tx
      .insert(agreementContacts)
      .values({
        agreementId: id,
        organizationId: current.organizationId,
        rank: current.rank,
        personName: input.personName,
        unit: input.unit ?? current.unit,
        email: input.email ?? "",
        phone: input.phone ?? "",
      })
      .returning();
    const [handover] = await tx
      .insert(agreementHandovers)
      .values({
        agreementId: id,
        organizationId: current.organizationId,
        rank: current.rank,
        fromName: current.personName,
        toName: input.personName,
        notes: input.notes,
        openItems: input.openItems ?? "",
        meetingOn: input.meetingOn ?? null,
        createdBy: ctx.scope.userId,
      })
      .returning();
    command.trace({ after: { successor, handover } });
    await notifyParties(tx, command, ctx, a, partyOrgIds, {
      title: "notify.agreementHandover.title",
      body: "notify.agreementHandover.body",
      params: { title: a.title, from: current.personName, to: input.personName },
    });
  });
  await healthMayHaveChanged(ctx, id);
}
