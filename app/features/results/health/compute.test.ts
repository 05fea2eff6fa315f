// Health on a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL
// answers): the facts each feature keeps reach the score, a meeting held
// raises it, the trend keeps one score a day, an agreement that ends loses its
// score, the register filters by it and the desk's home lists the quiet ones.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ScopedContext } from "~/lib/tenancy";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { validMeeting } from "~/test/api-inputs";
import { buildAgreement, buildKpi, buildProject, createDepartment, createMember, type Member } from "~/test/factories";
import { appErrorOf, contextOf, notificationRows } from "~/test/helpers";
import { createMeeting } from "~/features/meetings/commands.server";
import { setContact } from "~/features/agreements/contacts/commands.server";
import { transitionAgreement } from "~/features/agreements/register/commands.server";
import { listAgreements } from "~/features/agreements/register/data.server";
import { agreementListInput } from "~/features/agreements/schema";
import { recomputeHealth } from "./compute.internal.server";
import { getAgreementHealth, healthDigest, quietAgreements } from "./data.server";
import { setMeetingCadence } from "./commands.server";
import { sendWeeklyHealthDigests } from "./digest.internal.server";

const drivers = await testDrivers();
const NOW = new Date("2027-06-01T00:00:00Z");

describe.each(drivers)("agreement health on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await app.close();
  });
  const as = (who: Member): Promise<ScopedContext> => contextOf(app.runtime, who);

  /** An active agreement signed 2027-03-25 with two items (one with a project and a KPI), a partner member, an outsider. */
  async function world() {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const department = await createDepartment(app.runtime.db, desk.organizationId);
    const agreement = await buildAgreement(app.runtime, {
      desk,
      status: "active",
      signedOn: "2026-03-25",
      input: {
        startsOn: "2026-04-01",
        endsOn: "2029-03-31",
        items: [
          { title: "移動支援", field: "mobility", departmentId: department.id },
          { title: "見守り", field: "elderly", departmentId: department.id },
        ],
      },
    });
    const kpi = await buildKpi(app.runtime, {
      project: await buildProject(app.runtime, { agreement, leadDepartmentId: department.id }),
      figures: { "2026-04-01": 10 },
    });
    const partner = await createMember(app.runtime, { role: "member", organizationId: agreement.partnerIds[0] });
    const outsider = await createMember(app.runtime, { role: "member" });
    return { desk, agreement, kpi, partner, outsider };
  }

  it("scores from every feature's facts and explains each factor in Japanese", async () => {
    const w = await world();
    expect(await recomputeHealth(app.runtime.db, NOW)).toBe(1);
    const health = await getAgreementHealth(await as(w.partner), w.agreement.id, NOW);
    const byCode = Object.fromEntries(health.factors.map((f) => [f.code, f]));
    // Never met since signing 433 days ago: all of the working factor, a part of the steering one.
    expect(byCode.working).toMatchObject({ value: 433, points: 15, label: "最後の実務者会議からの日数" });
    expect(byCode.working!.advice).toContain("実務者会議");
    expect(byCode.steering!.points).toBeCloseTo(2.8, 1);
    expect(byCode.itemsWithoutProject).toMatchObject({ value: 1, points: 5 });
    expect(byCode.noKpi!.points).toBe(0);
    // April 2026's figure only: the KPI's March 2027 figure is due and missing.
    expect(byCode.kpiOverdue).toMatchObject({ value: 1, points: 10 });
    // No contacts named: both parties lack them.
    expect(byCode.contacts).toMatchObject({ value: 2, points: 10 });
    expect(byCode.publicity!.points).toBe(5);
    expect(health.score).toBe(Math.round(100 - health.factors.reduce((s, f) => s + f.points, 0)));
    expect(health.factors[0]!.points).toBeGreaterThanOrEqual(health.factors.at(-1)!.points);
    expect(health.history).toEqual([{ day: "2027-06-01", score: health.score }]);
    expect((await appErrorOf(getAgreementHealth(await as(w.outsider), w.agreement.id, NOW))).code).toBe("not_found");
    expect(await healthDigest(await as(w.outsider), w.agreement.id)).toBeNull();
  });

  it("rises when a meeting is held and contacts are named, keeping one score a day", async () => {
    const w = await world();
    await recomputeHealth(app.runtime.db, NOW);
    const before = (await healthDigest(await as(w.desk), w.agreement.id))!.score;
    await createMeeting(await as(w.desk), w.agreement.id, {
      ...validMeeting,
      kind: "working",
      startsAt: "2027-05-20T14:00",
      endsAt: "2027-05-20T15:00",
    });
    for (const organizationId of [w.desk.organizationId, w.agreement.partnerIds[0]!])
      for (const rank of ["primary", "secondary"])
        await setContact(await as(w.desk), w.agreement.id, { organizationId, rank, personName: `${rank} 担当` });
    await recomputeHealth(app.runtime.db, NOW, [w.agreement.id]);
    const after = await getAgreementHealth(await as(w.desk), w.agreement.id, NOW);
    expect(after.score).toBe(before + 25);
    expect(after.history).toHaveLength(1);
    await recomputeHealth(app.runtime.db, new Date("2027-06-02T00:00:00Z"));
    expect((await getAgreementHealth(await as(w.desk), w.agreement.id, NOW)).history.map((h) => h.day)).toEqual([
      "2027-06-01",
      "2027-06-02",
    ]);
  });

  it("measures meetings against the agreement's own cadence, set by the owning desk", async () => {
    const w = await world();
    await setMeetingCadence(await as(w.desk), w.agreement.id, { steeringMonths: "6", workingMonths: "3" });
    expect((await appErrorOf(setMeetingCadence(await as(w.partner), w.agreement.id, { steeringMonths: 6, workingMonths: 3 }))).code).toBe(
      "forbidden",
    );
    expect(
      (await appErrorOf(setMeetingCadence(await as(w.desk), w.agreement.id, { steeringMonths: 0, workingMonths: 13 }))).fieldErrors.map(
        (e) => e.path,
      ),
    ).toEqual(["steeringMonths", "workingMonths"]);
    await recomputeHealth(app.runtime.db, NOW);
    const health = await getAgreementHealth(await as(w.desk), w.agreement.id, NOW);
    expect(health.cadence).toEqual({ steeringMonths: 6, workingMonths: 3 });
    expect(health.factors.find((f) => f.code === "steering")!.points).toBe(15);
  });

  it("filters the register by score, lists the quiet ones on the desk's home, and drops an agreement that ends", async () => {
    const w = await world();
    await recomputeHealth(app.runtime.db, NOW);
    const score = (await healthDigest(await as(w.desk), w.agreement.id))!.score;
    const below = async (n: number) =>
      (await listAgreements(await as(w.desk), agreementListInput.parse({ health: `below:${n}` }))).items.map((a) => a.id);
    expect(await below(score + 1)).toEqual([w.agreement.id]);
    expect(await below(score)).toEqual([]);
    expect(agreementListInput.safeParse({ health: "below:101" }).success).toBe(false);
    expect(await quietAgreements(await as(w.desk))).toMatchObject({
      total: 1,
      items: [{ agreementId: w.agreement.id, score, topReason: "working" }],
    });
    expect((await quietAgreements(await as(w.outsider))).total).toBe(0);

    await transitionAgreement(await as(w.desk), w.agreement.id, "end", { reason: "期間満了" });
    await recomputeHealth(app.runtime.db, NOW, [w.agreement.id]);
    expect(await healthDigest(await as(w.desk), w.agreement.id)).toBeNull();
    expect((await getAgreementHealth(await as(w.desk), w.agreement.id, NOW)).score).toBeNull();
  });

  it("mails each desk once a week, on Mondays, about its agreements going quiet", async () => {
    const w = await world();
    await recomputeHealth(app.runtime.db, NOW);
    const monday = new Date("2027-05-31T00:00:00Z");
    expect(await sendWeeklyHealthDigests(app.runtime.db, NOW, "https://renkei.example")).toBe(0);
    expect(await sendWeeklyHealthDigests(app.runtime.db, monday, "https://renkei.example")).toBe(1);
    expect(await sendWeeklyHealthDigests(app.runtime.db, monday, "https://renkei.example")).toBe(0);
    const [notice] = await notificationRows(app.runtime.db, w.desk.userId);
    expect(notice).toMatchObject({ kind: "health_digest", link: "/agreements?health=below:70" });
    expect(await notificationRows(app.runtime.db, w.partner.userId)).toEqual([]);
  });
});
