// Internal approvals (決裁) step by step, and the municipality's approval
// chain the steps are made from. Every command runs through runCommand.
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { fieldError, forbidden } from "~/lib/errors";
import type { ScopedContext } from "~/lib/tenancy";
import { parseInput } from "~/lib/validation";
import { runCommand } from "~/features/audit/run-command.internal.server";
import { agreementEvents, agreements, approvalChains, approvalSteps } from "../tables";
import { canManageApprovalChain, canRecordApproval, canRecordApprovalStep, recordsApprovals } from "../policy";
import { approvalChainInput, approvalDecisionInput, type ApprovalChainInput } from "../schema";
import { getApprovalChain, visibleAgreement } from "../data.internal.server";
import { conflict, lockAgreement, notifyStatus } from "../commands.internal.server";

/**
 * Records one approval (or a return) with approver, date and comment: the
 * owning desk any step, a partner its own side's. Only a pending step is
 * decided, the city's steps in order. A return (差戻し) by any
 * approver sends the whole 決裁 back to the drafter: the agreement is a draft
 * again, the steps after the returned one are pending again, and submitting
 * it again starts every step afresh (see docs/decisions/0013).
 */
export async function recordApproval(ctx: ScopedContext, id: string, rawInput: unknown): Promise<void> {
  const { agreement: seen, partyOrgIds } = await visibleAgreement(ctx.db, ctx.scope, id);
  // A department never records; the desk and the partners are told "not now" outside the approval.
  if (!recordsApprovals(ctx.scope, seen, partyOrgIds)) throw forbidden();
  if (!canRecordApproval(ctx.scope, seen, partyOrgIds)) throw conflict();
  const input = parseInput(approvalDecisionInput, rawInput);
  await runCommand(ctx, { action: "agreement.approval", targetType: "agreement", targetId: id }, async (tx, command) => {
    const a = await lockAgreement(tx, id);
    if (!canRecordApproval(ctx.scope, a, partyOrgIds)) throw conflict();
    const steps = await tx.select().from(approvalSteps).where(eq(approvalSteps.agreementId, id)).orderBy(asc(approvalSteps.position));
    const step = steps.find((s) => s.id === input.stepId);
    // Another party's step is not the caller's to choose, nor to know of.
    if (!step || !canRecordApprovalStep(ctx.scope, a, step)) throw fieldError("stepId", "validation.invalidChoice");
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
 * The desk admin sets the municipality's approval chain (課長 → 部長 → 副市長 →
 * 市長 …, optional steps such as a report to the council). Agreements already
 * in approval keep the steps they were given.
 */
export async function updateApprovalChain(ctx: ScopedContext, rawInput: unknown): Promise<void> {
  if (!canManageApprovalChain(ctx.scope)) throw forbidden();
  await replaceApprovalChain(ctx, parseInput(approvalChainInput, rawInput).steps);
}

/** Back to the standard chain. */
export async function resetApprovalChain(ctx: ScopedContext): Promise<void> {
  if (!canManageApprovalChain(ctx.scope)) throw forbidden();
  await replaceApprovalChain(ctx, null);
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
