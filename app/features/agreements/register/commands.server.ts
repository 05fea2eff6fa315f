// The register's commands: an agreement entered (directly or from a
// proposal), edited while a draft, and moved on through its life (submitted
// for approval, signed, renewed, ended). Every command runs through
// runCommand: its change, timeline event and audit entry in one transaction.
import { and, eq } from "drizzle-orm";
import type { Tx } from "~/lib/db/client.server";
import { AppError, fieldError, forbidden, notFound } from "~/lib/errors";
import { normalizeForSearch } from "~/lib/japanese-text";
import type { ScopedContext } from "~/lib/tenancy";
import { parseInput } from "~/lib/validation";
import { runCommand } from "~/features/audit/run-command.internal.server";
import { healthMayHaveChanged } from "~/features/results/health/trigger.internal.server";
import { departmentOf, organizationsByIds } from "~/features/identity/data.internal.server";
import { proposalForAgreement } from "~/features/proposals/data.server";
import { agreementEvents, agreementItems, agreementParties, agreements, approvalSteps } from "../tables";
import {
  agreementTransitions,
  approvalsComplete,
  isPublicBodyDesk,
  availableAgreementTransitions,
  canEditAgreement,
  isOwningDesk,
  type AgreementTransition,
} from "../policy";
import {
  agreementInput,
  endInput,
  renewInput,
  signInput,
  submitForApprovalInput,
  transitionNoteInput,
  type AgreementInput,
} from "../schema";
import { getApprovalChain, visibleAgreement } from "../data.internal.server";
import { conflict, lockAgreement, notifyStatus } from "../commands.internal.server";
import type { AgreementStatus } from "../constants";
import { recordDocumentVersion } from "../documents/versions.internal.server";
import { renewedTerm } from "./term";

async function checkedPartners(ctx: ScopedContext, input: AgreementInput): Promise<string[]> {
  const ids = [...new Set(input.partnerIds)].filter((id) => id !== ctx.scope.organizationId);
  const found = await organizationsByIds(ctx.db, ids);
  if (found.length !== ids.length || found.some((o) => o.kind === "department")) throw fieldError("partnerIds", "validation.invalidChoice");
  if (ids.length === 0) throw fieldError("partnerIds", "validation.partnersRequired");
  for (const [i, item] of input.items.entries()) {
    if (item.departmentId && !(await departmentOf(ctx.db, ctx.scope.organizationId, item.departmentId)))
      throw fieldError(`items.${i}.departmentId`, "validation.invalidChoice");
  }
  return ids;
}

/** The agreement row's columns from a checked input (also used by the register import). */
export const columnsOf = (input: AgreementInput) => ({
  title: input.title,
  method: input.method,
  purpose: input.purpose,
  roles: input.roles ?? "",
  consultationBody: input.consultationBody ?? "",
  costSharing: input.costSharing ?? "",
  confidentiality: input.confidentiality ?? "",
  startsOn: input.startsOn ?? null,
  endsOn: input.endsOn ?? null,
  renewalRule: input.renewalRule,
  renewalYears: input.renewalYears ?? null,
  objectionDeadline: input.objectionDeadline ?? null,
  searchText: normalizeForSearch(`${input.title} ${input.purpose} ${input.items.map((i) => i.title).join(" ")}`),
});

async function writePartiesAndItems(tx: Tx, agreementId: string, municipalityId: string, partnerIds: string[], input: AgreementInput) {
  await tx.delete(agreementParties).where(eq(agreementParties.agreementId, agreementId));
  await tx
    .insert(agreementParties)
    .values([municipalityId, ...partnerIds].map((organizationId, position) => ({ agreementId, organizationId, position })));
  await tx.delete(agreementItems).where(eq(agreementItems.agreementId, agreementId));
  if (input.items.length) {
    await tx.insert(agreementItems).values(
      input.items.map((item, position) => ({
        agreementId,
        position,
        title: item.title,
        description: item.description ?? "",
        field: item.field,
        priority: item.priority,
        horizon: item.horizon,
        departmentId: item.departmentId ?? null,
        partnerOwner: item.partnerOwner ?? "",
      })),
    );
  }
}

/** The desk enters an agreement (a new one, or an existing one from before Renkei). */
export async function createAgreement(
  ctx: ScopedContext,
  rawInput: unknown,
  options: { proposalId?: string } = {},
): Promise<{ id: string }> {
  if (!isPublicBodyDesk(ctx.scope)) throw forbidden();
  const input = parseInput(agreementInput, rawInput);
  const partnerIds = await checkedPartners(ctx, input);
  if (options.proposalId) {
    // Only the proposal's own desk, and only once the desk decided on an agreement.
    const proposal = await proposalForAgreement(ctx, options.proposalId);
    if (proposal.status !== "agreement_preparation") throw new AppError("conflict", { message: "error.invalidTransition" });
    const [existing] = await ctx.db
      .select({ id: agreements.id })
      .from(agreements)
      .where(eq(agreements.proposalId, options.proposalId))
      .limit(1);
    if (existing) throw new AppError("conflict", { message: "error.agreementExists" });
  }
  try {
    return await runCommand(ctx, { action: "agreement.create", targetType: "agreement" }, async (tx, command) => {
      const [row] = await tx
        .insert(agreements)
        .values({
          ...columnsOf(input),
          municipalityId: ctx.scope.organizationId,
          localGovCode: ctx.scope.localGovCode!,
          proposalId: options.proposalId ?? null,
          createdBy: ctx.scope.userId,
        })
        .returning();
      await writePartiesAndItems(tx, row!.id, ctx.scope.organizationId, partnerIds, input);
      await tx.insert(agreementEvents).values({
        agreementId: row!.id,
        fromStatus: null,
        toStatus: "draft",
        actorUserId: ctx.scope.userId,
        actorName: ctx.scope.userName,
      });
      const { searchText: _s, ...after } = row!;
      command.trace({ targetId: row!.id, after: { ...after, partnerIds, items: input.items } });
      return { id: row!.id };
    });
  } catch (error) {
    if (
      options.proposalId &&
      String((error as { cause?: { constraint?: string } }).cause?.constraint ?? error).includes("agreements_proposal")
    ) {
      throw new AppError("conflict", { message: "error.agreementExists" });
    }
    throw error;
  }
}

/**
 * What a new agreement from a proposal starts with: the municipality and the
 * proposer as parties, its fields as cooperation items carried by the department
 * it was shared with, its summary as purpose.
 */
export async function agreementDraftFromProposal(ctx: ScopedContext, proposalId: string) {
  if (!isPublicBodyDesk(ctx.scope)) throw forbidden();
  const p = await proposalForAgreement(ctx, proposalId);
  if (p.status !== "agreement_preparation") throw new AppError("conflict", { message: "error.invalidTransition" });
  return {
    proposalId: p.id,
    title: `${p.title}に関する連携協定`,
    method: p.method === "comprehensive" ? "comprehensive" : "project",
    partnerIds: [p.proposerOrgId],
    purpose: p.summary,
    roles: p.plan,
    startsOn: p.periodStart ?? undefined,
    endsOn: p.periodEnd ?? undefined,
    // The department the desk shared the proposal with (the first, of several) carries the items on.
    items: p.fields.map((field) => ({
      title: p.title,
      field,
      priority: "medium",
      horizon: "short",
      departmentId: p.sharedDepartmentIds[0] ?? null,
    })),
  };
}

export async function createAgreementFromProposal(ctx: ScopedContext, proposalId: string, rawInput?: unknown): Promise<{ id: string }> {
  const draft = await agreementDraftFromProposal(ctx, proposalId);
  return createAgreement(ctx, rawInput ?? draft, { proposalId: draft.proposalId });
}

export async function updateAgreement(ctx: ScopedContext, id: string, rawInput: unknown): Promise<void> {
  const { agreement: a } = await visibleAgreement(ctx.db, ctx.scope, id);
  if (!isOwningDesk(ctx.scope, a)) throw forbidden();
  if (!canEditAgreement(ctx.scope, a)) throw new AppError("conflict", { message: "error.invalidTransition" });
  const input = parseInput(agreementInput, rawInput);
  const partnerIds = await checkedPartners(ctx, input);
  const { searchText: _s, ...before } = a;
  await runCommand(
    ctx,
    {
      action: "agreement.update",
      targetType: "agreement",
      targetId: id,
      before,
      after: { ...columnsOf(input), partnerIds, items: input.items },
    },
    async (tx) => {
      const [row] = await tx
        .update(agreements)
        .set(columnsOf(input))
        .where(and(eq(agreements.id, id), eq(agreements.status, "draft")))
        .returning({ id: agreements.id });
      if (!row) throw new AppError("conflict", { message: "error.invalidTransition" });
      await writePartiesAndItems(tx, id, a.municipalityId, partnerIds, input);
    },
  );
}

/** What a transition writes besides the status, from its input and the agreement as it stands under the lock. */
function transitionChanges(name: AgreementTransition, rawInput: unknown, a: typeof agreements.$inferSelect) {
  const set: Partial<typeof agreements.$inferSelect> = { status: agreementTransitions[name].to };
  let note: string | null = null;
  let includeSteps: string[] = [];
  if (name === "sign") {
    const input = parseInput(signInput, rawInput);
    Object.assign(set, {
      signedOn: input.signedOn,
      ceremony: input.ceremony ?? "",
      pressRelease: input.pressRelease ?? "",
      publicSummary: input.publicSummary ?? "",
      isPublic: input.isPublic,
    });
  } else if (name === "renew") {
    const input = parseInput(renewInput, rawInput);
    // The renewed term runs on from the current end: a new end must come after it.
    if (input.endsOn && ((a.endsOn && input.endsOn <= a.endsOn) || (a.startsOn && input.endsOn <= a.startsOn)))
      throw fieldError("endsOn", "validation.renewedEndsOn");
    const term = renewedTerm(a, input.endsOn);
    Object.assign(set, { evaluation: input.evaluation }, term ?? {});
    note = input.evaluation;
  } else if (name === "end" || name === "terminate") {
    set.endReason = parseInput(endInput, rawInput).reason;
    note = set.endReason;
  } else if (name === "submitForApproval") {
    const input = parseInput(submitForApprovalInput, rawInput);
    note = input.note ?? null;
    includeSteps = input.includeSteps;
  } else {
    note = parseInput(transitionNoteInput, rawInput).note ?? null;
  }
  return { set, note, includeSteps };
}

/** Moves the agreement on; signing needs every approval step approved. */
export async function transitionAgreement(
  ctx: ScopedContext,
  id: string,
  name: AgreementTransition,
  rawInput: unknown = {},
): Promise<AgreementStatus> {
  if (!Object.hasOwn(agreementTransitions, name)) throw notFound();
  const { agreement: seen, partyOrgIds } = await visibleAgreement(ctx.db, ctx.scope, id);
  if (!isOwningDesk(ctx.scope, seen)) throw forbidden();
  // A quick answer from what the caller saw; the transaction checks again under the lock.
  if (!availableAgreementTransitions(ctx.scope, seen).includes(name)) throw conflict();
  const to = agreementTransitions[name].to;
  // The chain as it stands now (read before the transaction: PGlite has one connection).
  const chainSteps = name === "submitForApproval" ? (await getApprovalChain(ctx.db, seen.municipalityId)).steps : [];
  await runCommand(ctx, { action: `agreement.${name}`, targetType: "agreement", targetId: id }, async (tx, command) => {
    const a = await lockAgreement(tx, id);
    if (!availableAgreementTransitions(ctx.scope, a).includes(name)) throw conflict();
    const { set, note, includeSteps } = transitionChanges(name, rawInput, a);
    if (name === "sign") {
      const steps = await tx.select({ status: approvalSteps.status }).from(approvalSteps).where(eq(approvalSteps.agreementId, id));
      if (!approvalsComplete(steps)) throw conflict("error.approvalsIncomplete");
    }
    await tx.update(agreements).set(set).where(eq(agreements.id, id));
    if (name === "submitForApproval") {
      // With the optional steps (a council report …) this agreement needs; every step starts pending.
      const chain = chainSteps.filter((s) => !s.optional || includeSteps.includes(s.label)).map((s) => s.label);
      const partners = partyOrgIds.filter((p) => p !== a.municipalityId);
      await tx.delete(approvalSteps).where(eq(approvalSteps.agreementId, id));
      await tx.insert(approvalSteps).values([
        ...chain.map((label, position) => ({
          agreementId: id,
          position,
          side: "municipality" as const,
          partyOrgId: a.municipalityId,
          label,
        })),
        ...partners.map((partyOrgId, i) => ({
          agreementId: id,
          position: chain.length + i,
          side: "partner" as const,
          partyOrgId,
          label: "社内決裁（法務確認・取締役会等）",
        })),
      ]);
    }
    // What was submitted, signed and renewed (with its new term) is kept as versions of the document.
    if (name === "submitForApproval" || name === "sign" || name === "renew") {
      await recordDocumentVersion(
        tx,
        ctx,
        { ...a, ...set },
        name === "sign" ? "締結時の内容" : name === "renew" ? "更新時の内容" : "決裁に回した時点の内容",
      );
    }
    await tx
      .insert(agreementEvents)
      .values({ agreementId: id, fromStatus: a.status, toStatus: to, actorUserId: ctx.scope.userId, actorName: ctx.scope.userName, note });
    command.trace({ before: { status: a.status }, after: { status: to, ...set } });
    await notifyStatus(tx, command, ctx, a, partyOrgIds, to);
  });
  await healthMayHaveChanged(ctx, id);
  return to;
}
