// The desk's daily work as commands: create/submit (partner), screen,
// decline with grounds, accept, share with departments, talk, decide.
// Each command: authorise → validate → one transaction with the change, its
// timeline event, its audit entry and the notifications the role matrix asks for.
import { and, eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "~/lib/db/client.server";
import { AppError, fieldError, forbidden, isAppError, notFound, validationError } from "~/lib/errors";
import type { MessageKey, MessageParams } from "~/lib/i18n";
import { normalizeForSearch } from "~/lib/japanese-text";
import type { ScopedContext } from "~/lib/tenancy";
import { checkInput, firstErrorPerField, inputErrors, isUuid, parseInput } from "~/lib/validation";
import { runCommand, type Command } from "~/features/audit/run-command.internal.server";
import { checkFiles } from "~/features/files/commands.server";
import { deleteAttachment, storeAttachments } from "~/features/files/commands.internal.server";
import { listAttachments } from "~/features/files/data.internal.server";
import type { UploadedFile } from "~/features/files/schema";
import {
  departmentOf,
  findDepartmentRecipients,
  findDeskRecipients,
  findMemberRecipients,
  publicBodyByCode,
} from "~/features/identity/data.internal.server";
import type { Recipient } from "~/features/notifications/notify.internal.server";
import { openThemeForProposal } from "~/features/themes/data.server";
import { proposalActionItems, proposalEvents, proposalMessages, proposalShares, proposals, roleMatrix } from "./tables";
import {
  availableTransitions,
  canDeleteProposal,
  canEditProposal,
  canEditRoleMatrix,
  canPostMessage,
  canPropose,
  canShare,
  isDeskOf,
  isProposer,
  matrixMethodOf,
  notifiedAt,
  stageOf,
  transitions,
  type TransitionName,
} from "./policy";
import {
  actionItemInput,
  declineInput,
  messageInput,
  noteInput,
  proposalCompleteInput,
  proposalDraftInput,
  proposalUpdateInput,
  publicationInput,
  roleMatrixInput,
  shareInput,
} from "./schema";
import { getRoleMatrix, visibleProposal } from "./data.internal.server";
import type { ProposalStatus } from "./constants";
import { oneAtATime } from "~/lib/db/one-at-a-time";

type ProposalRow = typeof proposals.$inferSelect;

function contentColumns(input: Record<string, unknown>) {
  const text = (k: string) => (typeof input[k] === "string" ? (input[k] as string) : "");
  const columns = {
    title: text("title"),
    summary: text("summary"),
    plan: text("plan"),
    benefitCitizens: text("benefitCitizens"),
    benefitPartner: text("benefitPartner"),
    benefitMunicipality: text("benefitMunicipality"),
    fields: (input.fields as string[] | undefined) ?? [],
    method: (input.method as ProposalRow["method"] | undefined) ?? "undecided",
    resources: text("resources"),
    periodStart: (input.periodStart as string | undefined) ?? null,
    periodEnd: (input.periodEnd as string | undefined) ?? null,
    contactName: text("contactName"),
    contactEmail: text("contactEmail"),
    contactPhone: text("contactPhone"),
  };
  return { ...columns, searchText: normalizeForSearch(`${columns.title} ${columns.summary} ${columns.plan}`) };
}

async function resolveTarget(ctx: ScopedContext, input: { themeId?: string; municipalityCode?: string }) {
  if (input.themeId) {
    const theme = await openThemeForProposal(ctx, input.themeId);
    if (!theme) throw fieldError("themeId", "validation.themeClosed");
    return {
      municipalityId: theme.municipalityId,
      localGovCode: theme.localGovCode,
      themeId: theme.id,
      kind: "theme" as const,
      defaultFields: theme.fields,
    };
  }
  const body = await publicBodyByCode(ctx.db, input.municipalityCode!);
  if (!body) throw fieldError("municipalityCode", "validation.municipalityNotOnPlatform");
  return { municipalityId: body.id, localGovCode: body.localGovCode, themeId: null, kind: "free" as const, defaultFields: [] as string[] };
}

/** A text field as the form sent it: blank is absent. */
const given = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

/**
 * Every error of a new proposal in one answer (issue 20): its format, what a
 * submission still lacks (when `complete`), and whether the theme is open or
 * the municipality can receive proposals — instead of one round for each.
 */
async function checkNewProposal(ctx: ScopedContext, rawInput: unknown, complete: boolean) {
  const draft = checkInput(proposalDraftInput, rawInput);
  const errors = [...(draft.ok ? [] : draft.errors), ...(complete ? inputErrors(proposalCompleteInput, rawInput) : [])];
  const raw = (rawInput && typeof rawInput === "object" ? rawInput : {}) as Record<string, unknown>;
  let target: Awaited<ReturnType<typeof resolveTarget>> | null = null;
  if (!errors.some((e) => e.path === "themeId" || e.path === "municipalityCode")) {
    try {
      target = await resolveTarget(ctx, { themeId: given(raw.themeId), municipalityCode: given(raw.municipalityCode) });
    } catch (error) {
      if (!isAppError(error) || error.code !== "validation") throw error;
      errors.push(...error.fieldErrors);
    }
  }
  if (!draft.ok || errors.length > 0 || !target) throw validationError(firstErrorPerField(errors));
  return { input: draft.data, target };
}

/**
 * Creates a draft (and submits it when asked). The same clientToken always
 * answers with the same proposal, so a double click or a retried request
 * never creates two.
 */
export async function createProposal(
  ctx: ScopedContext,
  rawInput: unknown,
  files: UploadedFile[] = [],
  options: { submit?: boolean; complete?: boolean } = {},
): Promise<{ id: string; created: boolean }> {
  if (!canPropose(ctx.scope)) throw forbidden();
  const { input, target } = await checkNewProposal(ctx, rawInput, Boolean(options.submit || options.complete));
  if (input.clientToken) {
    const [existing] = await ctx.db
      .select({ id: proposals.id, status: proposals.status })
      .from(proposals)
      .where(and(eq(proposals.proposerOrgId, ctx.scope.organizationId), eq(proposals.clientToken, input.clientToken)));
    if (existing) {
      if (options.submit && existing.status === "draft") await submitProposal(ctx, existing.id);
      return { id: existing.id, created: false };
    }
  }
  const checked = await checkFiles(files);
  let id: string;
  try {
    id = await runCommand(ctx, { action: "proposal.create", targetType: "proposal" }, async (tx, command) => {
      const columns = contentColumns(input as Record<string, unknown>);
      const [row] = await tx
        .insert(proposals)
        .values({
          ...columns,
          fields: columns.fields.length ? columns.fields : target.defaultFields,
          proposerOrgId: ctx.scope.organizationId,
          municipalityId: target.municipalityId,
          localGovCode: target.localGovCode,
          themeId: target.themeId,
          kind: target.kind,
          clientToken: input.clientToken ?? null,
          createdBy: ctx.scope.userId,
        })
        .returning();
      await storeAttachments(tx, command, ctx.scope, { type: "proposal", id: row!.id }, checked);
      const { searchText: _s, ...after } = row!;
      command.trace({ targetId: row!.id, after });
      return row!.id;
    });
  } catch (error) {
    // Two identical submits raced: the other one won; answer with its proposal.
    const [existing] = input.clientToken
      ? await ctx.db
          .select({ id: proposals.id })
          .from(proposals)
          .where(and(eq(proposals.proposerOrgId, ctx.scope.organizationId), eq(proposals.clientToken, input.clientToken)))
      : [];
    if (existing) return { id: existing.id, created: false };
    throw error;
  }
  if (options.submit) await submitProposal(ctx, id);
  return { id, created: true };
}

/** Saves a draft (auto-save and the save button alike). */
export async function updateDraft(
  ctx: ScopedContext,
  id: string,
  rawInput: unknown,
  files: UploadedFile[] = [],
  removeAttachmentIds: string[] = [],
  options: { complete?: boolean } = {},
): Promise<void> {
  const { proposal } = await visibleProposal(ctx.db, ctx.scope, id);
  // Seen but not theirs (the desk, a department): refused, not "not found".
  if (!isProposer(ctx.scope, proposal)) throw forbidden();
  if (!canEditProposal(ctx.scope, proposal)) throw new AppError("conflict", { message: "error.invalidTransition" });
  // Before a submission, what is missing is reported with the format errors, in one answer.
  const content = checkInput(proposalUpdateInput, rawInput);
  const errors = [...(content.ok ? [] : content.errors), ...(options.complete ? inputErrors(proposalCompleteInput, rawInput) : [])];
  if (!content.ok || errors.length > 0) throw validationError(firstErrorPerField(errors));
  const input = content.data;
  const checked = await checkFiles(files);
  await runCommand(ctx, { action: "proposal.update", targetType: "proposal", targetId: id }, async (tx, command) => {
    const [row] = await tx
      .update(proposals)
      .set(contentColumns(input as Record<string, unknown>))
      .where(and(eq(proposals.id, id), eq(proposals.status, "draft")))
      .returning();
    if (!row) throw new AppError("conflict", { message: "error.invalidTransition" });
    for (const attachmentId of removeAttachmentIds.filter(isUuid))
      await deleteAttachment(tx, command, { type: "proposal", id }, attachmentId);
    await storeAttachments(tx, command, ctx.scope, { type: "proposal", id }, checked);
    const { searchText: _a, ...before } = proposal;
    const { searchText: _b, ...after } = row;
    command.trace({ before, after });
  });
}

/**
 * The proposer deletes a draft, with its files. Nobody else ever saw it (a
 * draft is the proposer's alone), so nobody is told; the audit log keeps its
 * title and who deleted it.
 */
export async function deleteDraft(ctx: ScopedContext, id: string): Promise<void> {
  const { proposal } = await visibleProposal(ctx.db, ctx.scope, id);
  if (!isProposer(ctx.scope, proposal)) throw forbidden();
  if (!canDeleteProposal(ctx.scope, proposal)) throw new AppError("conflict", { message: "error.invalidTransition" });
  await runCommand(ctx, { action: "proposal.delete", targetType: "proposal", targetId: id }, async (tx, command) => {
    const files = (await listAttachments(tx, "proposal", [id])).get(id) ?? [];
    for (const file of files) await deleteAttachment(tx, command, { type: "proposal", id }, file.id);
    const [row] = await tx
      .delete(proposals)
      .where(and(eq(proposals.id, id), eq(proposals.status, "draft")))
      .returning({ id: proposals.id, title: proposals.title, localGovCode: proposals.localGovCode });
    if (!row) throw new AppError("conflict", { message: "error.invalidTransition" });
    command.trace({ before: { status: "draft", title: row.title, localGovCode: row.localGovCode } });
  });
}

interface Notice {
  title: MessageKey;
  body: MessageKey;
}

/**
 * Who hears of a change: the desk and the shared departments as the role
 * matrix says for the stage the proposal enters; the proposer for every
 * decision. The actor never notifies themself.
 */
async function recipientsFor(
  db: Queryable,
  p: ProposalRow,
  toStatus: ProposalStatus,
  actorUserId: string,
  includeProposer: boolean,
  departmentIds: string[],
): Promise<Recipient[]> {
  const matrix = await getRoleMatrix(db, p.municipalityId);
  const levels = matrix[matrixMethodOf(p.method)][stageOf(toStatus)];
  const none = async (): Promise<Recipient[]> => [];
  const lists = await oneAtATime([
    notifiedAt(levels.desk) ? () => findDeskRecipients(db, p.municipalityId) : none,
    notifiedAt(levels.department) ? () => findDepartmentRecipients(db, p.municipalityId, departmentIds) : none,
    includeProposer ? () => findMemberRecipients(db, p.proposerOrgId) : none,
  ]);
  return lists.flat().filter((r) => r.id !== actorUserId);
}

async function recordEvent(
  tx: Tx,
  ctx: ScopedContext,
  p: ProposalRow,
  toStatus: ProposalStatus,
  note: string | null,
  grounds: string[] = [],
) {
  await tx.insert(proposalEvents).values({
    proposalId: p.id,
    fromStatus: p.status,
    toStatus,
    actorUserId: ctx.scope.userId,
    actorName: ctx.scope.userName,
    actorOrgId: ctx.scope.departmentId ?? ctx.scope.organizationId,
    note,
    grounds,
  });
}

function notifyChange(command: Command, p: ProposalRow, recipients: Recipient[], notice: Notice, params: MessageParams) {
  return command.notify({
    recipients,
    organizationId: null,
    kind: "proposal",
    title: notice.title,
    body: notice.body,
    params: { title: p.title, ...params },
    link: `/proposals/${p.id}`,
  });
}

/** Runs one workflow transition with its extra input (decline grounds, a note). */
export async function transitionProposal(
  ctx: ScopedContext,
  id: string,
  name: TransitionName,
  rawInput: unknown = {},
): Promise<ProposalStatus> {
  if (!Object.hasOwn(transitions, name)) throw notFound();
  if (name === "submit") return submitProposal(ctx, id);
  const loaded = await visibleProposal(ctx.db, ctx.scope, id);
  const p = loaded.proposal;
  if (!availableTransitions(ctx.scope, p).includes(name)) {
    if (transitions[name].by === "desk" ? !isDeskOf(ctx.scope, p) : !isProposer(ctx.scope, p)) throw forbidden();
    throw new AppError("conflict", { message: "error.invalidTransition" });
  }
  const to = transitions[name].to;
  let note: string | null = null;
  let grounds: string[] = [];
  const set: Partial<ProposalRow> = { status: to };
  if (name === "decline") {
    const input = parseInput(declineInput, rawInput);
    grounds = input.grounds;
    note = input.reason;
    set.declineGrounds = input.grounds;
    set.declineReason = input.reason;
  } else {
    note = parseInput(noteInput, rawInput).note ?? null;
  }
  if (to !== "screening") set.decidedAt = new Date();
  const trace = {
    action: `proposal.${name}`,
    targetType: "proposal",
    targetId: id,
    before: { status: p.status },
    after: { status: to, note, grounds },
    organizationId: p.municipalityId,
  };
  await runCommand(ctx, trace, async (tx, command) => {
    const [row] = await tx
      .update(proposals)
      .set(set)
      .where(and(eq(proposals.id, id), eq(proposals.status, p.status)))
      .returning({ id: proposals.id });
    // Someone else moved it first: the caller must look again.
    if (!row) throw new AppError("conflict", { message: "error.invalidTransition" });
    await recordEvent(tx, ctx, p, to, note, grounds);
    const recipients = await recipientsFor(tx, p, to, ctx.scope.userId, transitions[name].by === "desk", loaded.sharedDepartmentIds);
    await notifyChange(
      command,
      p,
      recipients,
      { title: "notify.proposalStatus.title", body: "notify.proposalStatus.body" },
      { status: { key: `proposals.status.${to}` } },
    );
  });
  return to;
}

/** Submits a draft: it must be complete (every 三方よし benefit written). */
export async function submitProposal(ctx: ScopedContext, id: string): Promise<ProposalStatus> {
  const loaded = await visibleProposal(ctx.db, ctx.scope, id);
  const p = loaded.proposal;
  // visibleProposal already hid drafts from everyone else; the desk sees this one.
  if (!isProposer(ctx.scope, p)) throw forbidden();
  // Submitting twice is not an error: the second click finds it already sent.
  if (p.status !== "draft") return p.status;
  parseInput(proposalCompleteInput, {
    ...p,
    periodStart: p.periodStart ?? undefined,
    periodEnd: p.periodEnd ?? undefined,
    contactPhone: p.contactPhone || undefined,
  });
  if (p.themeId && !(await openThemeForProposal(ctx, p.themeId))) throw fieldError("themeId", "validation.themeClosed");
  await runCommand(
    ctx,
    { action: "proposal.submit", targetType: "proposal", targetId: id, before: { status: "draft" }, after: { status: "submitted" } },
    async (tx, command) => {
      const [row] = await tx
        .update(proposals)
        .set({ status: "submitted", submittedAt: sql`now()` })
        .where(and(eq(proposals.id, id), eq(proposals.status, "draft")))
        .returning({ id: proposals.id });
      if (!row) return command.unchanged();
      await recordEvent(tx, ctx, p, "submitted", null);
      const recipients = await recipientsFor(tx, p, "submitted", ctx.scope.userId, false, []);
      await notifyChange(
        command,
        p,
        recipients,
        { title: "notify.proposalSubmitted.title", body: "notify.proposalSubmitted.body" },
        { proposer: ctx.scope.organizationName },
      );
    },
  );
  return "submitted";
}

/** The desk shares a proposal with departments of its municipality (idempotent per department). */
export async function shareProposal(ctx: ScopedContext, id: string, rawInput: unknown): Promise<void> {
  const loaded = await visibleProposal(ctx.db, ctx.scope, id);
  const p = loaded.proposal;
  if (!isDeskOf(ctx.scope, p)) throw forbidden();
  if (!canShare(ctx.scope, p)) throw new AppError("conflict", { message: "error.invalidTransition" });
  const input = parseInput(shareInput, rawInput);
  const departments = [];
  for (const departmentId of new Set(input.departmentIds)) {
    const dept = await departmentOf(ctx.db, p.municipalityId, departmentId);
    if (!dept) throw fieldError("departmentIds", "validation.invalidChoice");
    departments.push(dept);
  }
  const added = departments.filter((d) => !loaded.sharedDepartmentIds.includes(d.id));
  if (added.length === 0) return;
  const trace = {
    action: "proposal.share",
    targetType: "proposal",
    targetId: id,
    before: { departmentIds: loaded.sharedDepartmentIds },
    after: { departmentIds: [...loaded.sharedDepartmentIds, ...added.map((d) => d.id)], departments: added.map((d) => d.name) },
    organizationId: p.municipalityId,
  };
  await runCommand(ctx, trace, async (tx, command) => {
    await tx
      .insert(proposalShares)
      .values(added.map((d) => ({ proposalId: id, departmentId: d.id, sharedBy: ctx.scope.userId })))
      .onConflictDoNothing();
    const recipients = (
      await findDepartmentRecipients(
        tx,
        p.municipalityId,
        added.map((d) => d.id),
      )
    ).filter((r) => r.id !== ctx.scope.userId);
    await notifyChange(
      command,
      p,
      recipients,
      { title: "notify.proposalShared.title", body: "notify.proposalShared.body" },
      { municipality: ctx.scope.organizationName },
    );
  });
}

/** Everyone in the conversation except the author. */
async function participants(db: Queryable, p: ProposalRow, sharedDepartmentIds: string[], authorId: string): Promise<Recipient[]> {
  const lists = await oneAtATime([
    () => findMemberRecipients(db, p.proposerOrgId),
    () => findDeskRecipients(db, p.municipalityId),
    () => findDepartmentRecipients(db, p.municipalityId, sharedDepartmentIds),
  ]);
  return lists.flat().filter((r) => r.id !== authorId);
}

export async function postMessage(ctx: ScopedContext, id: string, rawInput: unknown, files: UploadedFile[] = []): Promise<{ id: string }> {
  const loaded = await visibleProposal(ctx.db, ctx.scope, id);
  const p = loaded.proposal;
  if (!canPostMessage(p)) throw new AppError("conflict", { message: "error.invalidTransition" });
  const input = parseInput(messageInput, rawInput);
  const checked = await checkFiles(files);
  const names = ctx.scope.departmentId ? await departmentOf(ctx.db, ctx.scope.organizationId, ctx.scope.departmentId) : null;
  const unit = names ? `${ctx.scope.organizationName} ${names.name}` : ctx.scope.organizationName;
  return runCommand(ctx, { action: "proposal.message", targetType: "proposal", targetId: id }, async (tx, command) => {
    const [row] = await tx
      .insert(proposalMessages)
      .values({
        proposalId: id,
        kind: input.kind,
        body: input.body,
        meetingDate: input.kind === "meeting" ? (input.meetingDate ?? null) : null,
        attendees: input.kind === "meeting" ? (input.attendees ?? null) : null,
        authorUserId: ctx.scope.userId,
        authorName: ctx.scope.userName,
        authorOrgId: ctx.scope.organizationId,
        authorUnit: unit,
      })
      .returning({ id: proposalMessages.id });
    await storeAttachments(tx, command, ctx.scope, { type: "proposal_message", id: row!.id }, checked);
    command.trace({ after: { messageId: row!.id, kind: input.kind } });
    const recipients = await participants(tx, p, loaded.sharedDepartmentIds, ctx.scope.userId);
    await notifyChange(
      command,
      p,
      recipients,
      { title: "notify.proposalMessage.title", body: "notify.proposalMessage.body" },
      { author: `${ctx.scope.userName}（${unit}）` },
    );
    return { id: row!.id };
  });
}

export async function addActionItem(ctx: ScopedContext, id: string, rawInput: unknown): Promise<{ id: string }> {
  const { proposal: p } = await visibleProposal(ctx.db, ctx.scope, id);
  if (!canPostMessage(p)) throw new AppError("conflict", { message: "error.invalidTransition" });
  const input = parseInput(actionItemInput, rawInput);
  return runCommand(ctx, { action: "proposal.actionItem", targetType: "proposal", targetId: id }, async (tx, command) => {
    const [row] = await tx
      .insert(proposalActionItems)
      .values({
        proposalId: id,
        title: input.title,
        ownerName: input.ownerName,
        dueDate: input.dueDate ?? null,
        createdBy: ctx.scope.userId,
      })
      .returning();
    command.trace({ after: row });
    return { id: row!.id };
  });
}

export async function completeActionItem(ctx: ScopedContext, id: string, itemId: string): Promise<void> {
  await visibleProposal(ctx.db, ctx.scope, id);
  if (!isUuid(itemId)) throw notFound();
  await runCommand(ctx, { action: "proposal.actionItemDone", targetType: "proposal", targetId: id }, async (tx, command) => {
    const [row] = await tx
      .update(proposalActionItems)
      .set({ doneAt: sql`now()` })
      .where(and(eq(proposalActionItems.id, itemId), eq(proposalActionItems.proposalId, id)))
      .returning({ id: proposalActionItems.id, title: proposalActionItems.title });
    if (!row) throw notFound();
    command.trace({ after: row });
  });
}

/**
 * Consent to publish a summary: the desk writes (and agrees to) the public
 * summary, the proposer agrees; the summary becomes public only when both have.
 */
export async function setPublicationConsent(ctx: ScopedContext, id: string, rawInput: unknown): Promise<void> {
  const { proposal: p } = await visibleProposal(ctx.db, ctx.scope, id);
  const desk = isDeskOf(ctx.scope, p);
  if (!desk && !isProposer(ctx.scope, p)) throw forbidden();
  const input = parseInput(publicationInput, rawInput);
  // Consent can always be taken back; it can be given only for a live or finished partnership.
  if (input.agree && ["draft", "declined", "withdrawn"].includes(p.status))
    throw new AppError("conflict", { message: "error.invalidTransition" });
  if (desk && input.agree && !input.summary && !p.publicSummary) throw fieldError("summary", "validation.required");
  const set: Partial<ProposalRow> = desk
    ? { publishAgreedByDesk: input.agree, ...(input.summary ? { publicSummary: input.summary, publishAgreedByProposer: false } : {}) }
    : { publishAgreedByProposer: input.agree };
  const trace = {
    action: "proposal.publication",
    targetType: "proposal",
    targetId: id,
    before: { publishAgreedByDesk: p.publishAgreedByDesk, publishAgreedByProposer: p.publishAgreedByProposer },
    after: set,
    organizationId: desk ? p.municipalityId : p.proposerOrgId,
  };
  await runCommand(ctx, trace, async (tx) => {
    await tx.update(proposals).set(set).where(eq(proposals.id, id));
  });
}

/** The desk admin adjusts who leads and who is involved, per method and stage. */
export async function updateRoleMatrix(ctx: ScopedContext, rawInput: unknown): Promise<void> {
  if (!canEditRoleMatrix(ctx.scope)) throw forbidden();
  const input = parseInput(roleMatrixInput, rawInput);
  const before = await getRoleMatrix(ctx.db, ctx.scope.organizationId);
  await runCommand(
    ctx,
    { action: "roleMatrix.update", targetType: "role_matrix", targetId: ctx.scope.organizationId, before, after: input.entries },
    async (tx) => {
      for (const e of input.entries) {
        await tx
          .insert(roleMatrix)
          .values({ municipalityId: ctx.scope.organizationId, ...e })
          .onConflictDoUpdate({
            target: [roleMatrix.municipalityId, roleMatrix.method, roleMatrix.stage],
            set: { desk: e.desk, department: e.department, updatedAt: sql`now()` },
          });
      }
    },
  );
}
