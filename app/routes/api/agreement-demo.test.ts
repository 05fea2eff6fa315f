// The demo agreements and their meetings as the API shows them on a fresh
// database: the comprehensive agreement has a three-year term and two years
// of steering and working meetings with minutes and action items, and the
// next meetings ahead, whatever day the demo is loaded on; 守口市 has one in
// approval and one ending soon.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { seedDemoData } from "~/demo";
import type { MeetingDetail, MeetingList } from "~/features/meetings/schema";
import * as tokensApi from "./tokens";
import * as agreementsApi from "./agreements";
import * as agreementApi from "./agreement";
import * as agreementMeetingsApi from "./agreement-meetings";
import * as meetingApi from "./meeting";

const drivers = await testDrivers();
const DAY = 86_400_000;
const TOKYO = 9 * 60 * 60 * 1000;

describe.each(drivers)("demo agreements and meetings on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
    expect(await seedDemoData({ db: app.runtime.db, auth: app.runtime.auth, baseUrl: app.runtime.config.baseUrl })).toBe(true);
  });
  afterEach(async () => {
    await app.close();
  });

  const tokenOf = async (email: string) => {
    const res = await app.call(tokensApi.action, { path: "/api/v1/tokens", method: "POST", json: { email, password: "renkei-demo-2026" } });
    expect(res.status).toBe(201);
    return ((await res.json()) as { token: string }).token;
  };

  it("has two years of meetings on the comprehensive agreement, and the next ones ahead", async () => {
    const desk = await tokenOf("desk@demo.renkei.example");
    const list = await (await app.call(agreementsApi.loader, { path: "/api/v1/agreements", token: desk })).json();
    const comprehensive = list.items.find((a: { method: string }) => a.method === "comprehensive");
    expect(comprehensive).toMatchObject({ status: "active" });
    const detail = await (
      await app.call(agreementApi.loader, { path: `/api/v1/agreements/${comprehensive.id}`, token: desk, params: { id: comprehensive.id } })
    ).json();
    expect(detail.parties).toHaveLength(3);
    expect(detail.items).toHaveLength(8);
    // The 協定書 as it went to approval and as it was signed.
    expect(detail.documentVersions.map((v: { version: number; reason: string }) => [v.version, v.reason])).toEqual([
      [1, "決裁に回した時点の内容"],
      [2, "締結時の内容"],
    ]);
    // A three-year term: to the day before the same date three years on.
    const [y, m, d] = (detail.startsOn as string).split("-").map(Number) as [number, number, number];
    expect(detail.endsOn).toBe(new Date(Date.UTC(y + 3, m - 1, d) - DAY).toISOString().slice(0, 10));

    const res = await app.call(agreementMeetingsApi.loader, {
      path: `/api/v1/agreements/${comprehensive.id}/meetings`,
      token: desk,
      params: { id: comprehensive.id },
    });
    expect(res.status).toBe(200);
    const meetings = ((await res.json()) as MeetingList).meetings;
    const now = Date.now();
    const past = meetings.filter((x) => Date.parse(x.endsAt) < now);
    const upcoming = meetings.filter((x) => Date.parse(x.startsAt) > now);
    // Steering twice a year, working quarterly, over two years.
    expect(past.filter((x) => x.kind === "steering")).toHaveLength(4);
    expect(past.filter((x) => x.kind === "working")).toHaveLength(8);
    expect(upcoming.map((x) => x.kind).sort()).toEqual(["steering", "working"]);
    expect(Date.parse(past[0]!.startsAt)).toBeGreaterThan(Date.parse(`${detail.startsOn}T00:00:00+09:00`));
    for (const x of meetings) {
      expect(x.title).toMatch(/^令和(元|\d+)年度 第\d回(推進会議|実務者会議)$/);
      const tokyo = new Date(Date.parse(x.startsAt) + TOKYO);
      expect([0, 6]).not.toContain(tokyo.getUTCDay());
      expect(tokyo.getUTCHours()).toBeGreaterThanOrEqual(9);
    }
    expect(new Set(meetings.map((x) => x.title)).size).toBe(meetings.length);
    // One action item is overdue; it shows on its meeting in the list.
    expect(meetings.reduce((n, x) => n + x.overdueActionItems, 0)).toBe(1);

    const details = await Promise.all(
      meetings.map(
        async (x) =>
          (await (
            await app.call(meetingApi.loader, { path: `/api/v1/meetings/${x.id}`, token: desk, params: { id: x.id } })
          ).json()) as MeetingDetail,
      ),
    );
    for (const x of details) {
      expect(x.agenda).toMatch(/^1\. /);
      expect(x.attendees.split("\n").length).toBeGreaterThanOrEqual(6);
      const held = Date.parse(x.endsAt) < now;
      expect(Boolean(x.minutes)).toBe(held);
      expect(Boolean(x.decisions)).toBe(held);
    }
    const items = details.flatMap((x) => x.actionItems);
    expect(items.filter((i) => i.overdue)).toHaveLength(1);
    expect(items.filter((i) => i.doneAt).length).toBeGreaterThanOrEqual(5);
    expect(items.filter((i) => !i.doneAt && !i.overdue).length).toBeGreaterThanOrEqual(1);
    for (const i of items.filter((i) => i.doneAt)) expect(Date.parse(i.doneAt!)).toBeLessThanOrEqual(now);

    // The partners see the same meetings.
    const company = await tokenOf("company@demo.renkei.example");
    const seen = await app.call(agreementMeetingsApi.loader, {
      path: `/api/v1/agreements/${comprehensive.id}/meetings`,
      token: company,
      params: { id: comprehensive.id },
    });
    expect(((await seen.json()) as MeetingList).meetings).toHaveLength(meetings.length);
  });

  it("has a project agreement in approval and one ending within 90 days, in 守口市", async () => {
    const desk = await tokenOf("desk2@demo.renkei.example");
    const { items } = await (await app.call(agreementsApi.loader, { path: "/api/v1/agreements", token: desk })).json();
    expect(items.map((a: { status: string }) => a.status).sort()).toEqual(["active", "internal_approval"]);
    const ending = items.find((a: { status: string }) => a.status === "active");
    const daysLeft = (Date.parse(ending.endsOn) - Date.parse(new Date(Date.now() + TOKYO).toISOString().slice(0, 10))) / DAY;
    expect(daysLeft).toBeGreaterThan(0);
    expect(daysLeft).toBeLessThanOrEqual(90);
    const [y, m, d] = (ending.startsOn as string).split("-").map(Number) as [number, number, number];
    expect(ending.endsOn).toBe(new Date(Date.UTC(y + 3, m - 1, d) - DAY).toISOString().slice(0, 10));
  });
});
