// Internal approval (決裁) under concurrency and in sequence (issue 17, item 4),
// on PGlite and on PostgreSQL when TEST_DATABASE_URL answers. Each race runs
// several rounds: two desk members act on one agreement at the same moment.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { appErrorOf, auditRows } from "~/test/helpers";
import {
  agreementInApproval,
  approveInOrder,
  decision,
  oneWinnerOneConflict,
  raceDesk,
  signedWithUnapprovedStep,
  signWhileLastStepDecided,
  signWhileReturning,
  twoDecidersOneStep,
  twoSigners,
  type RaceDesk,
} from "~/test/approval-races";
import { transitionAgreement } from "../register/commands.server";
import { getAgreement } from "../register/data.server";
import { recordApproval } from "./commands.server";
import { agreementEvents, approvalSteps } from "../tables";

const drivers = await testDrivers();
const ROUNDS = 5;

describe.each(drivers)("agreement approvals on %s", (kind) => {
  let app: TestApp;
  let desk: RaceDesk;
  beforeEach(async () => {
    app = await startTestApp(kind);
    desk = await raceDesk(app.runtime);
  });
  afterEach(async () => {
    await app.close();
  });

  const steps = async (id: string) =>
    (await app.runtime.db.select().from(approvalSteps).where(eq(approvalSteps.agreementId, id)).orderBy(asc(approvalSteps.position))).map(
      (s) => s.status,
    );

  it("lets exactly one of two people decide the same step at once; the other gets 409", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const r = await twoDecidersOneStep(desk);
      expect(oneWinnerOneConflict(r), JSON.stringify(r)).toBe(true);
      expect(r.auditEntries).toBe(1);
    }
  });

  it("never signs an agreement while its last step is being returned", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const r = await signWhileReturning(desk);
      expect(signedWithUnapprovedStep(r), JSON.stringify(r)).toBe(false);
      expect(oneWinnerOneConflict(r), JSON.stringify(r)).toBe(true);
      expect(r.auditEntries).toBe(1);
    }
  });

  it("never signs with a step still pending or just returned, whichever comes first", async () => {
    for (const decided of ["approved", "returned"] as const) {
      for (let round = 0; round < ROUNDS; round++) {
        const r = await signWhileLastStepDecided(desk, decided);
        expect(signedWithUnapprovedStep(r), JSON.stringify(r)).toBe(false);
        // The decision always lands; signing succeeds only when it came after an approval.
        expect(r.outcomes[0]).toBe("ok");
        expect(r.auditEntries).toBe(r.outcomes.filter((o) => o === "ok").length);
      }
    }
  });

  it("signs once when two people sign at once", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const r = await twoSigners(desk);
      expect(oneWinnerOneConflict(r), JSON.stringify(r)).toBe(true);
      expect(r.auditEntries).toBe(1);
      expect(r.agreementStatus).toBe("signed");
    }
  });

  it("does not change a step that is already decided (approve 1, approve 2, return 1 is refused)", async () => {
    const { id, stepIds } = await agreementInApproval(desk);
    await approveInOrder(desk, id, stepIds.slice(0, 2));
    const again = await appErrorOf(recordApproval(await desk.as(1), id, decision(stepIds[0]!, "returned", "課長")));
    expect(again.status).toBe(409);
    expect(again.messageKey).toBe("error.approvalDecided");
    expect(await steps(id)).toEqual(["approved", "approved", "pending", "pending", "pending"]);
  });

  it("sends the whole agreement back to the drafter when any approver returns it, and later steps start again", async () => {
    const { id, stepIds } = await agreementInApproval(desk);
    // The partner approved early (its step is independent of the city's order); the 部長 returns.
    await approveInOrder(desk, id, [stepIds[0]!, stepIds[4]!]);
    const ctx = await desk.as(1);
    await recordApproval(ctx, id, decision(stepIds[1]!, "returned", "部長 佐藤"));
    expect(await steps(id)).toEqual(["approved", "returned", "pending", "pending", "pending"]);
    const view = await getAgreement(await desk.as(0), id);
    expect(view.status).toBe("draft");
    expect(view.can.recordApproval).toBe(false);
    expect(view.can.edit).toBe(true);
    const events = await app.runtime.db
      .select()
      .from(agreementEvents)
      .where(eq(agreementEvents.agreementId, id))
      .orderBy(asc(agreementEvents.createdAt));
    expect(events.at(-1)).toMatchObject({ fromStatus: "internal_approval", toStatus: "draft", note: "文言を直してください" });
    const [entry] = await auditRows(app.runtime.db, { requestId: ctx.requestId });
    expect(entry).toMatchObject({
      action: "agreement.approval",
      before: { status: "pending", agreementStatus: "internal_approval" },
      after: { status: "returned", agreementStatus: "draft" },
    });
    // Deciding anything now is refused; submitting again starts every step afresh.
    expect((await appErrorOf(recordApproval(await desk.as(0), id, decision(stepIds[2]!, "approved", "副市長")))).status).toBe(409);
    await transitionAgreement(await desk.as(0), id, "submitForApproval", {});
    expect(await steps(id)).toEqual(["pending", "pending", "pending", "pending", "pending"]);
  });

  it("lets a partner record its own side's step and read only it, with the overall progress", async () => {
    const { id, stepIds } = await agreementInApproval(desk);
    const [manager, director] = stepIds;
    const own = stepIds[4]!;
    const before = await getAgreement(await desk.partner(), id);
    expect(before.approvals.map((s) => s.id)).toEqual([own]);
    expect(before.approvalProgress).toEqual({ steps: 5, approved: 0 });
    expect(before.can.recordApproval).toBe(true);
    expect((await getAgreement(await desk.as(0), id)).approvals).toHaveLength(5);

    // The city's steps are not the partner's to choose (nor to know of).
    const cityStep = await appErrorOf(recordApproval(await desk.partner(), id, decision(manager!, "approved", "課長")));
    expect([cityStep.status, cityStep.fieldErrors.map((e) => e.path)]).toEqual([422, ["stepId"]]);
    const ctx = await desk.partner();
    await recordApproval(ctx, id, decision(own, "approved", "代表取締役 田中"));
    expect(await auditRows(app.runtime.db, { requestId: ctx.requestId })).toEqual([
      expect.objectContaining({ action: "agreement.approval", actorUserId: ctx.scope.userId }),
    ]);
    const after = await getAgreement(await desk.partner(), id);
    expect(after.approvalProgress).toEqual({ steps: 5, approved: 1 });
    expect(after.can.recordApproval).toBe(false);

    // A return names the city's step and approver: the partner reads that it came back, not who sent it.
    await approveInOrder(desk, id, [manager!]);
    await recordApproval(await desk.as(0), id, decision(director!, "returned", "部長 佐藤"));
    expect((await getAgreement(await desk.partner(), id)).timeline.at(-1)).toMatchObject({ toStatus: "draft", note: null });
    expect((await getAgreement(await desk.as(0), id)).timeline.at(-1)).toMatchObject({ toStatus: "draft", note: "文言を直してください" });
    // Not in approval any more: the partner is told "not now".
    expect((await appErrorOf(recordApproval(await desk.partner(), id, decision(own, "approved", "代表取締役")))).status).toBe(409);
  });

  it("does not hang when many decisions, signatures and submissions pile up on one agreement", async () => {
    const { id, stepIds } = await agreementInApproval(desk);
    const calls = [
      ...stepIds.map((s) => desk.as(0).then((ctx) => recordApproval(ctx, id, decision(s, "approved", "決裁者")))),
      ...stepIds.map((s) => desk.as(1).then((ctx) => recordApproval(ctx, id, decision(s, "returned", "決裁者")))),
      desk.as(0).then((ctx) => transitionAgreement(ctx, id, "sign", { signedOn: "2027-03-25" })),
      desk.as(1).then((ctx) => transitionAgreement(ctx, id, "submitForApproval", {})),
    ];
    const settled = await Promise.allSettled(calls);
    expect(settled.every((s) => s.status === "fulfilled" || (s.reason as { status?: number }).status === 409)).toBe(true);
    const view = await getAgreement(await desk.as(0), id);
    expect(view.status === "signed" && view.approvals.some((s) => s.status !== "approved")).toBe(false);
  });
});
