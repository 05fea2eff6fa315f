// Agreements: register (directly or from a proposal), internal approvals step
// by step, signing and the life after it. Every command runs through
// runCommand: its change, timeline event and audit entry in one transaction.
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Tx } from "~/lib/db/client.server";
import { AppError, fieldError, forbidden, notFound } from "~/lib/errors";
import type { MessageKey } from "~/lib/i18n";
import { normalizeForSearch } from "~/lib/japanese-text";
import type { ScopedContext } from "~/lib/tenancy";
import { parseInput } from "~/lib/validation";
import { runCommand, type Command } from "~/features/audit/run-command.internal.server";
import { departmentOf, findPartyRecipients, organizationsByIds } from "~/features/identity/data.internal.server";
import type { NotifyInput } from "~/features/notifications/notify.internal.server";
import { proposalForAgreement } from "~/features/proposals/data.server";
import {
  agreementContacts,
  agreementHandovers,
  agreementDocumentVersions,
  agreementEvents,
  agreementItems,
  agreementParties,
  agreements,
  agreementTemplates,
  approvalChains,
  approvalSteps,
} from "./tables";
import {
  agreementTransitions,
  approvalsComplete,
  isPublicBodyDesk,
  availableAgreementTransitions,
  canAmendAgreement,
  canEditAgreement,
  canEditAgreementTemplate,
  canManageApprovalChain,
  canRecordApproval,
  contactablePartyIds,
  isOwningDesk,
  type AgreementTransition,
} from "./policy";
import {
  agreementInput,
  agreementTemplateInput,
  amendInput,
  approvalChainInput,
  approvalDecisionInput,
  contactInput,
  endInput,
  handoverInput,
  renewInput,
  signInput,
  submitForApprovalInput,
  transitionNoteInput,
  type AgreementInput,
  type ApprovalChainInput,
} from "./schema";
import { currentDocumentData, getAgreementTemplate, getApprovalChain, visibleAgreement } from "./data.internal.server";
import { renewedTerm } from "./term";
import type { AgreementStatus } from "./constants";

function requireDesk(ctx: ScopedContext) {
  if (!isPublicBodyDesk(ctx.scope)) throw forbidden();
}

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
  requireDesk(ctx);
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
 * proposer as parties, its fields as cooperation items, its summary as purpose.
 */
export async function agreementDraftFromProposal(ctx: ScopedContext, proposalId: string) {
  requireDesk(ctx);
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
    items: p.fields.map((field) => ({ title: p.title, field, priority: "medium", horizon: "short" })),
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

const conflict = (message: MessageKey = "error.invalidTransition") => new AppError("conflict", { message });

/**
 * The agreement's row, locked until the transaction ends: every decision and
 * transition on one agreement reads its state and changes it one after
 * another, so two people acting at once get one success and one 409.
 */
async function lockAgreement(tx: Tx, id: string) {
  const [row] = await tx.select().from(agreements).where(eq(agreements.id, id)).for("update");
  if (!row) throw notFound();
  return row;
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
  return to;
}

/** Tells everyone acting for the agreement (but the actor) what happened to it. */
async function notifyParties(
  tx: Tx,
  command: Command,
  ctx: ScopedContext,
  a: typeof agreements.$inferSelect,
  partyOrgIds: string[],
  notice: Pick<NotifyInput, "title" | "body" | "params">,
) {
  const recipients = await findPartyRecipients(tx, a.municipalityId, partyOrgIds, ctx.scope.userId);
  await command.notify({ recipients, organizationId: null, kind: "agreement", ...notice, link: `/agreements/${a.id}` });
}

const notifyStatus = (
  tx: Tx,
  command: Command,
  ctx: ScopedContext,
  a: typeof agreements.$inferSelect,
  partyOrgIds: string[],
  to: AgreementStatus,
) =>
  notifyParties(tx, command, ctx, a, partyOrgIds, {
    title: "notify.agreementStatus.title",
    body: "notify.agreementStatus.body",
    params: { title: a.title, status: { key: `agreements.status.${to}` } },
  });

/**
 * Records one approval (or a return) with approver, date and comment. Only a
 * pending step is decided, the city's steps in order. A return (差戻し) by any
 * approver sends the whole 決裁 back to the drafter: the agreement is a draft
 * again, the steps after the returned one are pending again, and submitting
 * it again starts every step afresh (see docs/decisions/0013).
 */
export async function recordApproval(ctx: ScopedContext, id: string, rawInput: unknown): Promise<void> {
  const { agreement: seen, partyOrgIds } = await visibleAgreement(ctx.db, ctx.scope, id);
  if (!isOwningDesk(ctx.scope, seen)) throw forbidden();
  if (!canRecordApproval(ctx.scope, seen)) throw conflict();
  const input = parseInput(approvalDecisionInput, rawInput);
  await runCommand(ctx, { action: "agreement.approval", targetType: "agreement", targetId: id }, async (tx, command) => {
    const a = await lockAgreement(tx, id);
    if (!canRecordApproval(ctx.scope, a)) throw conflict();
    const steps = await tx.select().from(approvalSteps).where(eq(approvalSteps.agreementId, id)).orderBy(asc(approvalSteps.position));
    const step = steps.find((s) => s.id === input.stepId);
    if (!step) throw fieldError("stepId", "validation.invalidChoice");
    if (step.status !== "pending") throw conflict("error.approvalDecided");
    // The city's chain is approved in order (課長 before 部長 …); partners' independently.
    const earlier = steps.filter((s) => s.side === "municipality" && s.position < step.position && s.status !== "approved");
    if (step.side === "municipality" && earlier.length > 0) throw conflict("error.approvalOrder");
    const [decided] = await tx
      .update(approvalSteps)
      .set({
        status: input.decision,
        approverName: input.approverName,
        decidedOn: input.decidedOn,
        comment: input.comment ?? null,
        recordedBy: ctx.scope.userId,
        recordedAt: sql`now()`,
      })
      .where(and(eq(approvalSteps.id, step.id), eq(approvalSteps.status, "pending")))
      .returning({ id: approvalSteps.id });
    if (!decided) throw conflict("error.approvalDecided");
    const returned = input.decision === "returned";
    if (returned) {
      await tx
        .update(approvalSteps)
        .set({ status: "pending", approverName: null, decidedOn: null, comment: null, recordedBy: null, recordedAt: null })
        .where(and(eq(approvalSteps.agreementId, id), gt(approvalSteps.position, step.position)));
      await tx.update(agreements).set({ status: "draft" }).where(eq(agreements.id, id));
      await tx.insert(agreementEvents).values({
        agreementId: id,
        fromStatus: a.status,
        toStatus: "draft",
        actorUserId: ctx.scope.userId,
        actorName: ctx.scope.userName,
        note: input.comment ?? `${step.label}: ${input.approverName}`,
      });
    }
    command.trace({
      before: { step: step.label, status: step.status, agreementStatus: a.status },
      after: {
        step: step.label,
        status: input.decision,
        approverName: input.approverName,
        decidedOn: input.decidedOn,
        comment: input.comment,
        agreementStatus: returned ? "draft" : a.status,
      },
    });
    if (returned) await notifyStatus(tx, command, ctx, a, partyOrgIds, "draft");
  });
}

/**
 * Records the next version of the document from the agreement as it stands
 * (content, parties, the municipality's template). The caller holds the
 * agreement's row lock, so versions are numbered one after another.
 */
async function recordDocumentVersion(tx: Tx, ctx: ScopedContext, a: typeof agreements.$inferSelect, reason: string): Promise<number> {
  const snapshot = await currentDocumentData(tx as never, a);
  const [last] = await tx
    .select({ n: sql<number>`coalesce(max(${agreementDocumentVersions.version}), 0)::int` })
    .from(agreementDocumentVersions)
    .where(eq(agreementDocumentVersions.agreementId, a.id));
  const version = (last?.n ?? 0) + 1;
  await tx
    .insert(agreementDocumentVersions)
    .values({ agreementId: a.id, version, reason, snapshot, createdBy: ctx.scope.userId, createdByName: ctx.scope.userName });
  return version;
}

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

function requireDeskAdmin(ctx: ScopedContext) {
  if (!canEditAgreementTemplate(ctx.scope)) throw forbidden();
}

/** The desk admin words the preamble, the amendment and the dispute clauses for the municipality. */
export async function updateAgreementTemplate(ctx: ScopedContext, rawInput: unknown): Promise<void> {
  requireDeskAdmin(ctx);
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
  requireDeskAdmin(ctx);
  const before = await getAgreementTemplate(ctx.db, ctx.scope.organizationId);
  await runCommand(
    ctx,
    { action: "agreementTemplate.reset", targetType: "agreement_template", targetId: ctx.scope.organizationId, before, after: null },
    async (tx) => {
      await tx.delete(agreementTemplates).where(eq(agreementTemplates.municipalityId, ctx.scope.organizationId));
    },
  );
}

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
}

/**
 * The desk admin sets the municipality's approval chain (課長 → 部長 → 副市長 →
 * 市長 …, optional steps such as a report to the council). Agreements already
 * in approval keep the steps they were given.
 */
export async function updateApprovalChain(ctx: ScopedContext, rawInput: unknown): Promise<void> {
  requireChainAdmin(ctx);
  await replaceApprovalChain(ctx, parseInput(approvalChainInput, rawInput).steps);
}

/** Back to the standard chain. */
export async function resetApprovalChain(ctx: ScopedContext): Promise<void> {
  requireChainAdmin(ctx);
  await replaceApprovalChain(ctx, null);
}

function requireChainAdmin(ctx: ScopedContext) {
  if (!canManageApprovalChain(ctx.scope)) throw forbidden();
}

/** The municipality's own steps, or none (null: the standard chain applies), audited with what they replace. */
async function replaceApprovalChain(ctx: ScopedContext, steps: ApprovalChainInput["steps"] | null): Promise<void> {
  const before = await getApprovalChain(ctx.db, ctx.scope.organizationId);
  await runCommand(
    ctx,
    {
      action: "agreement.approvalChain",
      targetType: "organization",
      targetId: ctx.scope.organizationId,
      before: before.steps,
      after: steps,
    },
    async (tx) => {
      await tx.delete(approvalChains).where(eq(approvalChains.municipalityId, ctx.scope.organizationId));
      if (steps)
        await tx.insert(approvalChains).values(
          steps.map((step, position) => ({
            municipalityId: ctx.scope.organizationId,
            position,
            label: step.label,
            optional: step.optional,
          })),
        );
    },
  );
}
