// Races on an agreement's internal approval (issue 17, item 4), shared by the
// integration test and bench/faults/approval-races.ts: two desk members act on
// the same agreement at the same moment through the command layer, and each
// round reports who won and what the database holds afterwards.
import { and, asc, eq, inArray } from "drizzle-orm";
import { isAppError } from "~/lib/errors";
import type { ScopedContext } from "~/lib/tenancy";
import { agreements, approvalSteps, auditLog } from "~/lib/db/schema";
import { createAgreement, transitionAgreement } from "~/features/agreements/register/commands.server";
import { recordApproval } from "~/features/agreements/approvals/commands.server";
import type { Runtime } from "~/server/runtime.server";
import { createMember } from "./factories";
import { scopedContext } from "./helpers";

/** What one call ended with: "ok", or the AppError code ("conflict" is the 409). */
export type Outcome = "ok" | string;

export interface RoundResult {
  outcomes: Outcome[];
  /** Audit entries the racing calls wrote for the agreement. */
  auditEntries: number;
  agreementStatus: string;
  stepStatuses: string[];
}

export interface RaceDesk {
  /** A fresh context (own request id) for each command of the two desk members. */
  as(who: 0 | 1): Promise<ScopedContext>;
  partnerId: string;
  /** A member of the partner company (records its own side's step). */
  partner(): Promise<ScopedContext>;
  runtime: Runtime;
}

export async function raceDesk(runtime: Runtime): Promise<RaceDesk> {
  const first = await createMember(runtime, { role: "desk_admin" });
  const second = await createMember(runtime, { role: "desk_staff", organizationId: first.organizationId });
  const partner = await createMember(runtime, { role: "member" });
  const members = [first, second];
  return {
    runtime,
    partnerId: partner.organizationId,
    partner: async () => (await scopedContext(runtime, { token: partner.token })).ctx,
    as: async (who) => (await scopedContext(runtime, { token: members[who]!.token })).ctx,
  };
}

/** A new agreement submitted for approval; returns its id and its steps in order (four city steps, one partner step). */
export async function agreementInApproval(desk: RaceDesk): Promise<{ id: string; stepIds: string[] }> {
  const { id } = await createAgreement(await desk.as(0), {
    title: "決裁の競合を確かめる協定",
    method: "project",
    partnerIds: [desk.partnerId],
    purpose: "競合の確認",
    renewalRule: "explicit",
    items: [],
  });
  await transitionAgreement(await desk.as(0), id, "submitForApproval", {});
  const steps = await desk.runtime.db
    .select({ id: approvalSteps.id })
    .from(approvalSteps)
    .where(eq(approvalSteps.agreementId, id))
    .orderBy(asc(approvalSteps.position));
  return { id, stepIds: steps.map((s) => s.id) };
}

export const decision = (stepId: string, decided: "approved" | "returned", approverName: string) => ({
  stepId,
  decision: decided,
  approverName,
  decidedOn: "2027-03-01",
  comment: decided === "returned" ? "文言を直してください" : undefined,
});

export async function approveInOrder(desk: RaceDesk, id: string, stepIds: string[]): Promise<void> {
  for (const stepId of stepIds) await recordApproval(await desk.as(0), id, decision(stepId, "approved", "決裁者"));
}

async function settle(calls: Promise<unknown>[]): Promise<Outcome[]> {
  const results = await Promise.allSettled(calls);
  return results.map((r) => {
    if (r.status === "fulfilled") return "ok";
    if (isAppError(r.reason)) return r.reason.code;
    throw r.reason;
  });
}

/** The agreement and its steps after a round, and the audit entries the racing calls wrote. */
async function stateOf(runtime: Runtime, id: string, racers: ScopedContext[]): Promise<Omit<RoundResult, "outcomes">> {
  const db = runtime.db;
  const [a] = await db.select({ status: agreements.status }).from(agreements).where(eq(agreements.id, id));
  const steps = await db
    .select({ status: approvalSteps.status })
    .from(approvalSteps)
    .where(eq(approvalSteps.agreementId, id))
    .orderBy(asc(approvalSteps.position));
  const entries = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.targetId, id),
        inArray(
          auditLog.requestId,
          racers.map((c) => c.requestId),
        ),
      ),
    );
  return { agreementStatus: a!.status, stepStatuses: steps.map((s) => s.status), auditEntries: entries.length };
}

/** Two desk members record a decision on the same (first) step at once: one approves, the other returns. */
export async function twoDecidersOneStep(desk: RaceDesk): Promise<RoundResult> {
  const { id, stepIds } = await agreementInApproval(desk);
  const [ctxA, ctxB] = [await desk.as(0), await desk.as(1)];
  const outcomes = await settle([
    recordApproval(ctxA, id, decision(stepIds[0]!, "approved", "課長 山田")),
    recordApproval(ctxB, id, decision(stepIds[0]!, "returned", "課長 山田")),
  ]);
  return { outcomes, ...(await stateOf(desk.runtime, id, [ctxA, ctxB])) };
}

/** Every step approved; one member signs while the other returns the last step. */
export async function signWhileReturning(desk: RaceDesk): Promise<RoundResult> {
  const { id, stepIds } = await agreementInApproval(desk);
  await approveInOrder(desk, id, stepIds);
  const [ctxA, ctxB] = [await desk.as(0), await desk.as(1)];
  const outcomes = await settle([
    transitionAgreement(ctxA, id, "sign", { signedOn: "2027-03-25", isPublic: false }),
    recordApproval(ctxB, id, decision(stepIds.at(-1)!, "returned", "代表取締役")),
  ]);
  return { outcomes, ...(await stateOf(desk.runtime, id, [ctxA, ctxB])) };
}

/** All but the last step approved; one member signs while the other records the last step (approved or returned). */
export async function signWhileLastStepDecided(desk: RaceDesk, decided: "approved" | "returned"): Promise<RoundResult> {
  const { id, stepIds } = await agreementInApproval(desk);
  await approveInOrder(desk, id, stepIds.slice(0, -1));
  const [ctxA, ctxB] = [await desk.as(0), await desk.as(1)];
  const outcomes = await settle([
    recordApproval(ctxB, id, decision(stepIds.at(-1)!, decided, "代表取締役")),
    transitionAgreement(ctxA, id, "sign", { signedOn: "2027-03-25", isPublic: false }),
  ]);
  return { outcomes, ...(await stateOf(desk.runtime, id, [ctxA, ctxB])) };
}

/** Every step approved; both members sign at once. */
export async function twoSigners(desk: RaceDesk): Promise<RoundResult> {
  const { id, stepIds } = await agreementInApproval(desk);
  await approveInOrder(desk, id, stepIds);
  const [ctxA, ctxB] = [await desk.as(0), await desk.as(1)];
  const outcomes = await settle(
    [0, 1].map((i) => transitionAgreement(i ? ctxB : ctxA, id, "sign", { signedOn: "2027-03-25", isPublic: false })),
  );
  return { outcomes, ...(await stateOf(desk.runtime, id, [ctxA, ctxB])) };
}

/** An agreement never ends signed (or later) unless every step is approved. */
export const signedWithUnapprovedStep = (r: RoundResult) => r.agreementStatus === "signed" && r.stepStatuses.some((s) => s !== "approved");

export const oneWinnerOneConflict = (r: RoundResult) =>
  r.outcomes.filter((o) => o === "ok").length === 1 && r.outcomes.filter((o) => o === "conflict").length === r.outcomes.length - 1;
