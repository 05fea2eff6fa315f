// The 協定書's commands: an amendment (a new version of the document) and the
// municipality's wording of it (the template). Every command runs through runCommand.
import { eq, sql } from "drizzle-orm";
import { forbidden } from "~/lib/errors";
import type { ScopedContext } from "~/lib/tenancy";
import { parseInput } from "~/lib/validation";
import { runCommand } from "~/features/audit/run-command.internal.server";
import { agreementTemplates } from "../tables";
import { canAmendAgreement, canEditAgreementTemplate, isOwningDesk } from "../policy";
import { agreementTemplateInput, amendInput } from "../schema";
import { getAgreementTemplate, visibleAgreement } from "../data.internal.server";
import { conflict, lockAgreement } from "../commands.internal.server";
import { recordDocumentVersion } from "./versions.internal.server";

/**
 * An amendment of an agreement in force: the owning desk records a new
 * version of the document, with the reason; earlier versions stay as they were.
 */
export async function amendAgreement(ctx: ScopedContext, id: string, rawInput: unknown): Promise<{ version: number }> {
  const { agreement: a } = await visibleAgreement(ctx.db, ctx.scope, id);
  if (!isOwningDesk(ctx.scope, a)) throw forbidden();
  if (!canAmendAgreement(ctx.scope, a)) throw conflict();
  const input = parseInput(amendInput, rawInput);
  return runCommand(ctx, { action: "agreement.amend", targetType: "agreement", targetId: id }, async (tx, command) => {
    const current = await lockAgreement(tx, id);
    if (!canAmendAgreement(ctx.scope, current)) throw conflict();
    const version = await recordDocumentVersion(tx, ctx, current, input.reason);
    command.trace({ after: { version, reason: input.reason } });
    return { version };
  });
}

/** The desk admin words the preamble, the amendment and the dispute clauses for the municipality. */
export async function updateAgreementTemplate(ctx: ScopedContext, rawInput: unknown): Promise<void> {
  if (!canEditAgreementTemplate(ctx.scope)) throw forbidden();
  const input = parseInput(agreementTemplateInput, rawInput);
  const before = await getAgreementTemplate(ctx.db, ctx.scope.organizationId);
  await runCommand(
    ctx,
    { action: "agreementTemplate.update", targetType: "agreement_template", targetId: ctx.scope.organizationId, before, after: input },
    async (tx) => {
      await tx
        .insert(agreementTemplates)
        .values({ municipalityId: ctx.scope.organizationId, ...input })
        .onConflictDoUpdate({ target: agreementTemplates.municipalityId, set: { ...input, updatedAt: sql`now()` } });
    },
  );
}

/** Back to the standard wording (and to its later improvements). */
export async function resetAgreementTemplate(ctx: ScopedContext): Promise<void> {
  if (!canEditAgreementTemplate(ctx.scope)) throw forbidden();
  const before = await getAgreementTemplate(ctx.db, ctx.scope.organizationId);
  await runCommand(
    ctx,
    { action: "agreementTemplate.reset", targetType: "agreement_template", targetId: ctx.scope.organizationId, before, after: null },
    async (tx) => {
      await tx.delete(agreementTemplates).where(eq(agreementTemplates.municipalityId, ctx.scope.organizationId));
    },
  );
}
