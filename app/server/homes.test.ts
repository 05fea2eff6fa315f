// What each role's home gathers (issue 20), read as each role on a real
// database: the desk's waiting proposals oldest first and the agreements
// falling due, a department's own share of the work, a proposer's open
// proposals with what the city asked, the next meetings and overdue action
// items — and nothing of what the role may not see. The counts on the home
// link to the lists' filters (queue, attention): those answer the same rows.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { buildAgreement, buildMeeting, buildMeetingActionItem, buildProposal, createDepartment, createMember } from "~/test/factories";
import { appErrorOf, contextOf } from "~/test/helpers";
import { tokyoIsoDate } from "~/lib/wareki";
import { addActionItem, postMessage } from "~/features/proposals/commands.server";
import { listProposals, proposalsAtHome } from "~/features/proposals/data.server";
import { proposalListInput } from "~/features/proposals/schema";
import { agreementsAtHome, listAgreements } from "~/features/agreements/register/data.server";
import { agreementListInput } from "~/features/agreements/schema";
import { addDays } from "~/features/agreements/register/term";
import { meetingsAtHome, meetingsDigest } from "~/features/meetings/data.server";
import { platformAtHome } from "~/features/identity/data.server";

const drivers = await testDrivers();

describe.each(drivers)("each role's home on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(() => app.close());
  const today = tokyoIsoDate();
  const as = (who: { token: string }) => contextOf(app.runtime, who);

  it("shows the desk what awaits its answer, oldest first, and a department only what was shared with it", async () => {
    const first = await buildProposal(app.runtime, { status: "submitted" });
    const place = { desk: first.desk };
    const department = await createDepartment(app.runtime.db, first.desk.organizationId);
    const screening = await buildProposal(app.runtime, { ...place, status: "screening", sharedWith: [department.id] });
    const talking = await buildProposal(app.runtime, { ...place, status: "in_dialogue", sharedWith: [department.id] });
    const declined = await buildProposal(app.runtime, { ...place, status: "declined" });
    // The first arrived last: the order is by arrival, not by creation.
    await app.runtime.db.execute(sql`update proposals set submitted_at = now() - interval '40 days' where id = ${screening.id}`);
    await app.runtime.db.execute(sql`update proposals set submitted_at = now() - interval '10 days' where id = ${first.id}`);
    await buildProposal(app.runtime, { status: "submitted" }); // another municipality's

    const desk = await proposalsAtHome(await as(first.desk), today);
    expect(desk.open.map((p) => p.id)).toEqual([screening.id, first.id]);
    expect(desk.openTotal).toBe(2);
    expect(desk.counts).toMatchObject({ submitted: 1, screening: 1, in_dialogue: 1, declined: 1 });
    // The count's link answers the same rows in the same order.
    const waiting = await listProposals(await as(first.desk), proposalListInput.parse({ queue: "waiting" }));
    expect(waiting.items.map((p) => p.id)).toEqual([screening.id, first.id]);
    expect(waiting.total).toBe(2);
    const open = await listProposals(await as(first.desk), proposalListInput.parse({ queue: "open" }));
    expect(open.items.map((p) => p.id).sort()).toEqual([first.id, screening.id, talking.id].sort());
    expect(open.items.map((p) => p.id)).not.toContain(declined.id);

    const staff = await createMember(app.runtime, {
      role: "department_staff",
      organizationId: first.desk.organizationId,
      departmentId: department.id,
    });
    const shared = await proposalsAtHome(await as(staff), today);
    expect(shared.open.map((p) => p.id)).toEqual([screening.id, talking.id]);
    expect(shared.counts).toEqual({ screening: 1, in_dialogue: 1 });
  });

  it("tells a proposer what the city asked until it answers, and lists overdue action items to those who see the proposal", async () => {
    const proposal = await buildProposal(app.runtime, { status: "in_dialogue" });
    await postMessage(await as(proposal.desk), proposal.id, { body: "実証の予定地を教えてください。" });
    const asked = await proposalsAtHome(await as(proposal.proposer), today);
    expect(asked.open[0]).toMatchObject({ id: proposal.id, cityAsked: { body: "実証の予定地を教えてください。" } });
    // The desk's own view never carries it.
    expect((await proposalsAtHome(await as(proposal.desk), today)).open.every((p) => p.cityAsked === null)).toBe(true);

    await postMessage(await as(proposal.proposer), proposal.id, { body: "駅前の3か所です。" });
    expect((await proposalsAtHome(await as(proposal.proposer), today)).open[0]?.cityAsked).toBeNull();

    const { id: itemId } = await addActionItem(await as(proposal.desk), proposal.id, {
      title: "候補地の図面を送る",
      ownerName: "提案者",
      dueDate: "2099-01-01",
    });
    await app.runtime.db.execute(sql`update proposal_action_items set due_date = ${addDays(today, -3)} where id = ${itemId}`);
    for (const who of [proposal.desk, proposal.proposer]) {
      const home = await proposalsAtHome(await as(who), today);
      expect(home.overdueItems).toEqual([expect.objectContaining({ id: itemId, proposalId: proposal.id, dueDate: addDays(today, -3) })]);
      expect(home.overdueTotal).toBe(1);
    }
    const stranger = await createMember(app.runtime, { role: "member" });
    expect((await proposalsAtHome(await as(stranger), today)).overdueItems).toEqual([]);
  });

  it("lists agreements ending or reaching an objection deadline soonest first, the same the register's filter answers", async () => {
    const department = await createDepartment(app.runtime.db);
    const ending = await buildAgreement(app.runtime, {
      municipality: { id: department.parentId! },
      status: "active",
      input: {
        startsOn: addDays(today, -300),
        endsOn: addDays(today, 60),
        items: [{ title: "防災訓練", field: "disaster", departmentId: department.id }],
      },
    });
    const place = { desk: ending.desk };
    const objection = await buildAgreement(app.runtime, {
      ...place,
      status: "active",
      input: {
        startsOn: addDays(today, -100),
        endsOn: addDays(today, 400),
        renewalRule: "automatic",
        renewalYears: 1,
        objectionDeadline: addDays(today, 20),
      },
    });
    const later = await buildAgreement(app.runtime, {
      ...place,
      status: "active",
      input: { startsOn: today, endsOn: addDays(today, 700) },
    });
    await buildAgreement(app.runtime, { ...place, input: { startsOn: today, endsOn: addDays(today, 30) } }); // a draft: not in force

    const home = await agreementsAtHome(await as(ending.desk), today);
    expect(home.attention.map((a) => [a.id, a.due, a.dueOn])).toEqual([
      [objection.id, "objection", addDays(today, 20)],
      [ending.id, "end", addDays(today, 60)],
    ]);
    expect(home.attentionTotal).toBe(2);
    expect(home.counts).toMatchObject({ active: 3, draft: 1 });
    // No agreement built here has contacts: every one in force lacks a deputy.
    expect(home.missingSecondaryTotal).toBe(3);
    const filtered = await listAgreements(await as(ending.desk), agreementListInput.parse({ attention: "ending" }));
    expect(filtered.items.map((a) => a.id).sort()).toEqual([ending.id, objection.id].sort());
    const missing = await listAgreements(await as(ending.desk), agreementListInput.parse({ attention: "missingSecondary" }));
    expect(missing.items.map((a) => a.id).sort()).toEqual([ending.id, objection.id, later.id].sort());

    // A department sees the agreements it carries an item of, and its items.
    const staff = await createMember(app.runtime, {
      role: "department_staff",
      organizationId: ending.desk.organizationId,
      departmentId: department.id,
    });
    const theirs = await agreementsAtHome(await as(staff), today);
    expect(theirs.attention.map((a) => a.id)).toEqual([ending.id]);
    expect(theirs.departmentItems).toEqual([expect.objectContaining({ title: "防災訓練", agreementId: ending.id })]);
    expect(theirs.counts).toEqual({ active: 1 });

    // The partner sees its agreement in force, with the city among the partners and not itself.
    const partner = await createMember(app.runtime, { role: "member", organizationId: ending.partnerIds[0] });
    const partnerHome = await agreementsAtHome(await as(partner), today);
    expect(partnerHome.inForce.map((a) => a.id)).toEqual([ending.id]);
    expect(partnerHome.inForce[0]?.partnerNames).toEqual([(await as(ending.desk)).scope.organizationName]);
  });

  it("shows the next meetings and overdue meeting items to the parties only, and to a department of its own agreements", async () => {
    const meeting = await buildMeeting(app.runtime, { input: { startsAt: "2099-05-10T14:00", endsAt: "2099-05-10T16:00" } });
    const item = await buildMeetingActionItem(app.runtime, { meeting });
    await app.runtime.db.execute(sql`update meeting_action_items set due_date = ${addDays(today, -1)} where id = ${item.id}`);
    await buildMeetingActionItem(app.runtime, { meeting }); // not yet due

    const desk = await meetingsAtHome(await as(meeting.agreement.desk));
    expect(desk.next.map((m) => m.id)).toEqual([meeting.id]);
    expect(desk.next[0]).toMatchObject({ openActionItems: 2, agreementTitle: "X市とA社の連携協定" });
    expect(desk.overdueItems.map((i) => i.id)).toEqual([item.id]);

    const stranger = await createMember(app.runtime, { role: "member" });
    expect(await meetingsAtHome(await as(stranger))).toEqual({ next: [], overdueItems: [], overdueTotal: 0 });
    // The agreement's page says the same of its meetings, to its parties only.
    expect(await meetingsDigest(await as(meeting.agreement.desk), meeting.agreement.id)).toEqual({
      next: { id: meeting.id, title: "第1回推進会議", startsAt: "2099-05-10T05:00:00.000Z" },
      openItems: 2,
      overdueItems: 1,
    });
    expect(await meetingsDigest(await as(stranger), meeting.agreement.id)).toEqual({ next: null, openItems: 0, overdueItems: 0 });
    // A department with no item in the agreement does not see its meetings.
    const staff = await createMember(app.runtime, { role: "department_staff", organizationId: meeting.agreement.desk.organizationId });
    expect((await meetingsAtHome(await as(staff))).next).toEqual([]);
  });

  it("gives the platform admin counts and the newest sign-ups, and nobody else", async () => {
    const admin = await createMember(app.runtime, { role: "platform_admin" });
    const newcomer = await createMember(app.runtime, { role: "member", name: "新規 利用者" });
    const home = await platformAtHome(await as(admin));
    expect(home.people).toBeGreaterThanOrEqual(2);
    expect(home.organizationsByKind.company).toBeGreaterThanOrEqual(1);
    expect(home.recentSignUps[0]).toMatchObject({ id: newcomer.userId, name: "新規 利用者", organizationNames: [expect.any(String)] });
    expect((await appErrorOf(platformAtHome(await as(newcomer)))).code).toBe("forbidden");
  });
});
