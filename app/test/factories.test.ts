// The factories keep their promise: each builds its object in the status asked
// for, through the commands, with the parents it says it returns.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proposalStatuses } from "~/features/proposals/schema";
import { themeStatuses } from "~/features/themes/schema";
import { agreementStatuses } from "~/features/agreements/constants";
import { getProposal } from "~/features/proposals/data.server";
import { getTheme } from "~/features/themes/data.server";
import { getAgreement } from "~/features/agreements/register/data.server";
import { getMeeting } from "~/features/meetings/data.server";
import { testDrivers } from "./database";
import { startTestApp, type TestApp } from "./harness";
import { auditRows, contextOf } from "./helpers";
import {
  buildAgreement,
  buildMeeting,
  buildMeetingActionItem,
  buildProposal,
  buildTheme,
  createDepartment,
  createMember,
} from "./factories";

const drivers = await testDrivers();

describe.each(drivers)("factories on %s", (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind);
  });
  afterAll(() => app.close());

  it.each(themeStatuses)("builds a theme call that is %s, audited as its desk's", async (status) => {
    const theme = await buildTheme(app.runtime, { status });
    expect(await getTheme(await contextOf(app.runtime, theme.desk), theme.id)).toMatchObject({
      status,
      municipalityId: theme.municipalityId,
      localGovCode: theme.localGovCode,
    });
    expect((await auditRows(app.runtime.db, { targetId: theme.id }))[0]).toMatchObject({
      action: "theme.create",
      actorUserId: theme.desk.userId,
    });
  });

  it.each(proposalStatuses)("builds a proposal that is %s", async (status) => {
    const proposal = await buildProposal(app.runtime, { status });
    const seen = await getProposal(await contextOf(app.runtime, proposal.proposer), proposal.id);
    expect(seen).toMatchObject({ status, municipalityId: proposal.municipalityId, proposerOrgId: proposal.proposer.organizationId });
  });

  it("shares a proposal with the departments asked for, and refuses to where sharing cannot be", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const department = await createDepartment(app.runtime.db, desk.organizationId);
    const proposal = await buildProposal(app.runtime, { desk, status: "accepted", sharedWith: [department.id] });
    expect((await getProposal(await contextOf(app.runtime, desk), proposal.id)).shares.map((s) => s.departmentId)).toEqual([department.id]);
    await expect(buildProposal(app.runtime, { desk, status: "submitted", sharedWith: [department.id] })).rejects.toThrow(
      /shared from screening on/,
    );
  });

  it.each(agreementStatuses)("builds an agreement that is %s", async (status) => {
    const agreement = await buildAgreement(app.runtime, { status });
    const seen = await getAgreement(await contextOf(app.runtime, agreement.desk), agreement.id);
    expect(seen.status).toBe(status);
    expect(seen.parties.map((p) => p.organizationId)).toEqual([agreement.municipalityId, ...agreement.partnerIds]);
  });

  it("builds meetings of an agreement, with action items, one done by a party", async () => {
    const agreement = await buildAgreement(app.runtime, { status: "active" });
    const partner = await createMember(app.runtime, { role: "member", organizationId: agreement.partnerIds[0] });
    const meeting = await buildMeeting(app.runtime, { agreement, input: { title: "第2回推進会議" } });
    const open = await buildMeetingActionItem(app.runtime, { meeting });
    const done = await buildMeetingActionItem(app.runtime, { meeting, doneBy: partner });
    const view = await getMeeting(await contextOf(app.runtime, partner), meeting.id);
    expect(view).toMatchObject({ title: "第2回推進会議", agreementId: agreement.id });
    expect(view.actionItems.map((i) => [i.id, i.doneAt !== null])).toEqual([
      [open.id, false],
      [done.id, true],
    ]);
    // Built from nothing: a meeting of a new agreement, an item of a new meeting.
    expect((await buildMeetingActionItem(app.runtime)).meeting.agreement.id).not.toBe(agreement.id);
  });
});
