import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { buildAgreement, createMember, type Member } from "~/test/factories";
import { notificationRows } from "~/test/helpers";
import { tokyoIsoDate } from "~/lib/wareki";
import { runDailyReminders } from "./features.server";

const drivers = await testDrivers();
const day = (offset: number) => tokyoIsoDate(new Date(Date.UTC(2027, 0, 1) + offset * 86_400_000));

describe.each(drivers)("daily reminders on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await app.close();
  });

  /** The 08:00 run at a given moment, without a queue (mail stays in the outbox for the sweeper). */
  const daily = (now: Date) =>
    runDailyReminders({ db: app.runtime.db, baseUrl: app.runtime.config.baseUrl, jobs: { send: async () => null }, mail: null }, now);

  /** An agreement between the desk's municipality and the company, approved and signed 800 days ago. */
  const signedAgreement = (desk: Member, partnerId: string, title: string, extra: Record<string, unknown>) =>
    buildAgreement(app.runtime, {
      desk,
      partnerIds: [partnerId],
      status: "signed",
      signedOn: day(-800),
      input: { title, method: "other", purpose: "目的", startsOn: day(-900), ...extra },
    });

  it("reminds the desk and the partner 180, 90 and 30 days before the end, each once", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const company = await createMember(app.runtime, { role: "member" });
    await signedAgreement(desk, company.organizationId, "期限の近い協定", { endsOn: day(200) });

    const at = (offset: number) => new Date(`${day(offset)}T09:00:00+09:00`);
    expect((await daily(at(0))).agreements).toBe(0); // 200 days left
    expect((await daily(at(25))).agreements).toBe(1); // 175 left: the 180-day reminder
    expect((await daily(at(26))).agreements).toBe(0); // not again
    expect((await daily(at(115))).agreements).toBe(1); // 85 left
    expect((await daily(at(175))).agreements).toBe(1); // 25 left
    expect((await daily(at(176))).agreements).toBe(0);
    const reminders = (await notificationRows(app.runtime.db, company.userId)).filter(
      (n: { kind: string }) => n.kind === "agreement_reminder",
    );
    expect(reminders).toHaveLength(3);
    expect(reminders.every((n: { title: string }) => n.title.includes("期限の近い協定"))).toBe(true);
  });

  it("reminds of the objection deadline of an automatic renewal, and only within 180 days of a date", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const company = await createMember(app.runtime, { role: "member" });
    const signed = (title: string, extra: Record<string, unknown>) => signedAgreement(desk, company.organizationId, title, extra);
    await signed("自動更新の協定", { endsOn: day(400), renewalRule: "automatic", renewalYears: 1, objectionDeadline: day(100) });
    // An objection deadline without automatic renewal means nothing; its end is far away.
    await signed("協議で更新する協定", { endsOn: day(600), renewalRule: "explicit", objectionDeadline: day(100) });
    const at = (offset: number) => new Date(`${day(offset)}T09:00:00+09:00`);
    const run = async (offset: number) => (await daily(at(offset))).agreements;
    expect(await run(0)).toBe(1); // objection in 100 days: the 180-day reminder (the ends are 400 and 600 days off)
    expect(await run(15)).toBe(1); // 85 days: the 90-day reminder
    expect(await run(75)).toBe(1); // 25 days: the 30-day reminder
    expect(await run(101)).toBe(0); // the deadline has passed; the end is 299 days off
    expect(await run(230)).toBe(1); // the end in 170 days
    const titles = (await notificationRows(app.runtime.db, company.userId))
      .filter((n: { kind: string }) => n.kind === "agreement_reminder")
      .map((n: { title: string }) => n.title);
    expect(titles).toHaveLength(4);
    expect(titles.every((t: string) => t.includes("自動更新の協定"))).toBe(true);
  });
});
