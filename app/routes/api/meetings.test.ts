// Meetings through the JSON API and the calendar routes: scheduling, the .ics
// file (parsed: UTC times, Japanese text, a stable UID), the private feed, and
// 404 for anyone outside the agreement.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { RouterContextProvider } from "react-router";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { buildAgreement, createMember, createOrganization, type Member } from "~/test/factories";
import { signInCookie } from "~/test/helpers";
import { icsEvents, icsLines } from "~/test/ics";
import { requestIdContext, runtimeContext } from "~/server/context.server";
import * as agreementMeetingsApi from "./agreement-meetings";
import * as meetingApi from "./meeting";
import * as meetingIcsApi from "./meeting-ics";
import * as actionItemsApi from "./meeting-action-items";
import * as actionItemDoneApi from "./meeting-action-item-done";
import * as calendarFeedApi from "./calendar-feed";
import * as meetingIcsPage from "../meetings/meeting-ics";
import * as meetingPage from "../meetings/meeting";
import * as calendarFeedRoute from "../meetings/calendar-feed";

const drivers = await testDrivers();

describe.each(drivers)("meetings API on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await app.close();
  });

  const agreementOf = async (desk: Member, partnerOrgId: string, title: string) =>
    (await buildAgreement(app.runtime, { desk, partnerIds: [partnerOrgId], input: { title } })).id;
  const schedule = (token: string, agreementId: string, json: unknown) =>
    app.call(agreementMeetingsApi.action, {
      path: `/api/v1/agreements/${agreementId}/meetings`,
      method: "POST",
      token,
      json,
      params: { id: agreementId },
    });
  const ics = (token: string, id: string) =>
    app.call(meetingIcsApi.loader, { path: `/api/v1/meetings/${id}/meeting.ics`, token, params: { id } });
  const feedOf = (token: string) => app.call(calendarFeedRoute.loader, { path: `/calendar/${token}.ics`, params: { token } });

  /** Runs a page loader with a session cookie; thrown data(null, {status}) becomes its status. */
  async function page(
    loader: (args: never) => unknown,
    path: string,
    cookie: string,
    params: Record<string, string>,
  ): Promise<{ status: number; response?: Response }> {
    const context = new RouterContextProvider();
    context.set(runtimeContext, app.runtime);
    context.set(requestIdContext, randomUUID());
    try {
      const result = await (loader as (args: unknown) => Promise<unknown>)({
        request: new Request(new URL(path, app.runtime.config.baseUrl), { headers: { cookie } }),
        params,
        context,
      });
      return result instanceof Response ? { status: result.status, response: result } : { status: 200 };
    } catch (thrown) {
      if (thrown instanceof Response) return { status: thrown.status };
      if (thrown && typeof thrown === "object" && "init" in thrown)
        return { status: (thrown as { init: ResponseInit | null }).init?.status ?? 200 };
      throw thrown;
    }
  }

  it("schedules a meeting whose .ics says the same instant in UTC, in Japanese, under one UID", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const partner = await createMember(app.runtime, { role: "member" });
    const other = await createMember(app.runtime, { role: "member" });
    const agreementId = await agreementOf(desk, partner.organizationId, "テスト市と株式会社れんけいの事業連携協定");

    // 14:00–16:00 in Japan, as a datetime-local input sends it.
    const created = await schedule(desk.token, agreementId, {
      kind: "steering",
      title: "令和9年度 第1回推進会議",
      startsAt: "2027-05-10T14:00",
      endsAt: "2027-05-10T16:00",
      place: "市役所 第1会議室",
      agenda: "事業計画、KPI",
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const meeting = await created.json();
    expect(meeting).toMatchObject({
      kind: "steering",
      startsAt: "2027-05-10T05:00:00.000Z",
      endsAt: "2027-05-10T07:00:00.000Z",
      agreementTitle: "テスト市と株式会社れんけいの事業連携協定",
    });
    expect(created.headers.get("location")).toBe(`/api/v1/meetings/${meeting.id}`);

    const first = await ics(partner.token, meeting.id);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    // Named by its Tokyo date and title (UTF-8 for modern clients, ASCII for the rest).
    expect(first.headers.get("content-disposition")).toBe(
      `attachment; filename="meeting-20270510.ics"; filename*=UTF-8''${encodeURIComponent("20270510_令和9年度 第1回推進会議.ics")}`,
    );
    const text = await first.text();
    expect(icsLines(text)[0]).toBe("BEGIN:VCALENDAR");
    const [event] = icsEvents(text);
    expect(event).toMatchObject({
      DTSTART: "20270510T050000Z",
      DTEND: "20270510T070000Z",
      SUMMARY: "【推進会議】令和9年度 第1回推進会議",
      SEQUENCE: "0",
    });
    expect(event!.DESCRIPTION).toContain("協定: テスト市と株式会社れんけいの事業連携協定");
    expect(Date.parse(meeting.startsAt)).toBe(Date.UTC(2027, 4, 10, 5, 0, 0));

    // Moved by an hour: the same UID, a higher SEQUENCE, the new time.
    const patched = await app.call(meetingApi.action, {
      path: `/api/v1/meetings/${meeting.id}`,
      method: "PATCH",
      token: desk.token,
      json: { startsAt: "2027-05-10T15:00+09:00", endsAt: "2027-05-10T17:00+09:00" },
      params: { id: meeting.id },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ title: "令和9年度 第1回推進会議", place: "市役所 第1会議室", sequence: 1 });
    const [moved] = icsEvents(await (await ics(desk.token, meeting.id)).text());
    expect(moved).toMatchObject({ UID: event!.UID, DTSTART: "20270510T060000Z", SEQUENCE: "1" });

    // Another company neither reads it nor downloads it; nor does the page route.
    expect(
      (await app.call(meetingApi.loader, { path: `/api/v1/meetings/${meeting.id}`, token: other.token, params: { id: meeting.id } }))
        .status,
    ).toBe(404);
    const refused = await ics(other.token, meeting.id);
    expect(refused.status).toBe(404);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(
      (
        await app.call(agreementMeetingsApi.loader, {
          path: `/api/v1/agreements/${agreementId}/meetings`,
          token: other.token,
          params: { id: agreementId },
        })
      ).status,
    ).toBe(404);
    const otherCookie = await signInCookie(app.runtime, other.email);
    expect((await page(meetingIcsPage.loader, `/meetings/${meeting.id}/meeting.ics`, otherCookie, { id: meeting.id })).status).toBe(404);
    expect((await page(meetingPage.loader, `/meetings/${meeting.id}`, otherCookie, { id: meeting.id })).status).toBe(404);
    const partnerPage = await page(
      meetingIcsPage.loader,
      `/meetings/${meeting.id}/meeting.ics`,
      await signInCookie(app.runtime, partner.email),
      { id: meeting.id },
    );
    expect(partnerPage.status).toBe(200);
    expect(icsEvents(await partnerPage.response!.text())[0]!.UID).toBe(event!.UID);
  });

  it("answers bad input with 422 and Japanese messages", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const partner = await createMember(app.runtime, { role: "member" });
    const agreementId = await agreementOf(desk, partner.organizationId, "協定");
    const res = await schedule(desk.token, agreementId, {
      kind: "",
      title: "",
      startsAt: "2027-05-10T25:00",
      endsAt: "",
      onlineUrl: "ftp://example.jp",
    });
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem.title).toBe("入力内容に誤りがあります。");
    expect(Object.fromEntries(problem.errors.map((e: { path: string; message: string }) => [e.path, e.message]))).toEqual({
      kind: "選択してください。",
      title: "入力してください。",
      startsAt: "入力内容を確認してください。",
      endsAt: "入力してください。",
      onlineUrl: "入力内容を確認してください。",
    });
    const ok = await (
      await schedule(desk.token, agreementId, {
        kind: "working",
        title: "実務者会議",
        startsAt: "2027-05-10T14:00",
        endsAt: "2027-05-10T15:00",
      })
    ).json();
    const item = await app.call(actionItemsApi.action, {
      path: `/api/v1/meetings/${ok.id}/action-items`,
      method: "POST",
      token: desk.token,
      json: { title: "報告", ownerName: "担当", dueDate: "令和9年5月1日" },
      params: { id: ok.id },
    });
    expect(item.status).toBe(422);
    const errors: { path: string; message: string }[] = (await item.json()).errors;
    expect(new Set(errors.map((e) => `${e.path}: ${e.message}`))).toEqual(
      new Set(["dueDate: 日付を「2026-04-01」の形式で入力してください。"]),
    );
  });

  it("records action items, marks overdue ones, and lets the partner mark them done", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const partner = await createMember(app.runtime, { role: "member" });
    const agreementId = await agreementOf(desk, partner.organizationId, "協定");
    const m = await (
      await schedule(desk.token, agreementId, {
        kind: "project",
        title: "PT会議",
        startsAt: "2020-01-10T14:00",
        endsAt: "2020-01-10T15:00",
      })
    ).json();
    const add = (token: string, json: unknown) =>
      app.call(actionItemsApi.action, { path: `/api/v1/meetings/${m.id}/action-items`, method: "POST", token, json, params: { id: m.id } });
    expect((await add(partner.token, { title: "x", ownerName: "y", dueDate: "2020-02-01" })).status).toBe(403);
    const withItem = await add(desk.token, {
      title: "実証データの共有",
      ownerName: "株式会社れんけい",
      ownerUserId: partner.userId,
      dueDate: "2020-02-01",
    });
    expect(withItem.status).toBe(201);
    const [item] = (await withItem.json()).actionItems;
    expect(item).toMatchObject({ title: "実証データの共有", overdue: true, doneAt: null });
    const list = await (
      await app.call(agreementMeetingsApi.loader, {
        path: `/api/v1/agreements/${agreementId}/meetings`,
        token: partner.token,
        params: { id: agreementId },
      })
    ).json();
    expect(list.meetings).toEqual([expect.objectContaining({ id: m.id, openActionItems: 1, overdueActionItems: 1 })]);
    expect(list.can.create).toBe(false);

    const done = await app.call(actionItemDoneApi.action, {
      path: `/api/v1/meeting-action-items/${item.id}/done`,
      method: "POST",
      token: partner.token,
      params: { id: item.id },
    });
    expect(done.status).toBe(200);
    expect((await done.json()).actionItems[0]).toMatchObject({ overdue: false, doneAt: expect.any(String) });
  });

  it("serves each person a private feed of their agreements' meetings, 404 for any other token", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const partner = await createMember(app.runtime, { role: "member" });
    const colleague = await createMember(app.runtime, { role: "member", organizationId: partner.organizationId });
    const otherCompany = await createOrganization(app.runtime.db, { kind: "company" });
    const deskY = await createMember(app.runtime, { role: "desk_admin" });
    const ours = await agreementOf(desk, partner.organizationId, "A社との協定");
    const notOurs = await agreementOf(desk, otherCompany.id, "B社との協定");
    const elsewhere = await agreementOf(deskY, partner.organizationId, "Y市とA社の協定");
    const soon = await (
      await schedule(desk.token, ours, {
        kind: "steering",
        title: "A社との推進会議",
        startsAt: "2099-04-20T10:00",
        endsAt: "2099-04-20T12:00",
      })
    ).json();
    const recent = await (
      await schedule(desk.token, ours, {
        kind: "working",
        title: "先月の実務者会議",
        startsAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
        endsAt: new Date(Date.now() - 30 * 86_400_000 + 3_600_000).toISOString(),
      })
    ).json();
    const old = await (
      await schedule(desk.token, ours, {
        kind: "working",
        title: "半年前の実務者会議",
        startsAt: new Date(Date.now() - 180 * 86_400_000).toISOString(),
        endsAt: new Date(Date.now() - 180 * 86_400_000 + 3_600_000).toISOString(),
      })
    ).json();
    const hidden = await (
      await schedule(desk.token, notOurs, {
        kind: "steering",
        title: "B社との推進会議",
        startsAt: "2099-04-21T10:00",
        endsAt: "2099-04-21T12:00",
      })
    ).json();
    const otherCity = await (
      await schedule(deskY.token, elsewhere, {
        kind: "project",
        title: "Y市のPT会議",
        startsAt: "2099-04-22T10:00",
        endsAt: "2099-04-22T11:00",
      })
    ).json();

    const created = await app.call(calendarFeedApi.action, { path: "/api/v1/calendar-feed", method: "POST", token: partner.token });
    expect(created.status).toBe(201);
    const { url } = await created.json();
    expect(url.startsWith(`${app.runtime.config.baseUrl}/calendar/`)).toBe(true);
    const token = /\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)![1]!;

    const res = await feedOf(token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const events = icsEvents(await res.text());
    const uids = events.map((e) => e.UID);
    expect(uids).toEqual([recent.id, soon.id, otherCity.id].map((id) => `meeting-${id}@renkei`));
    expect(uids).not.toContain(`meeting-${hidden.id}@renkei`);
    expect(uids).not.toContain(`meeting-${old.id}@renkei`);
    expect(events.find((e) => e.UID === `meeting-${soon.id}@renkei`)).toMatchObject({
      SUMMARY: "【推進会議】A社との推進会議",
      DTSTART: "20990420T010000Z",
    });

    // The desk's own feed has both of its agreements, not Y's.
    const deskFeed = await (
      await app.call(calendarFeedApi.action, { path: "/api/v1/calendar-feed", method: "POST", token: desk.token })
    ).json();
    const deskUids = icsEvents(await (await feedOf(/([A-Za-z0-9_-]{43})\.ics$/.exec(deskFeed.url)![1]!)).text()).map((e) => e.UID);
    expect(deskUids).toContain(`meeting-${hidden.id}@renkei`);
    expect(deskUids).not.toContain(`meeting-${otherCity.id}@renkei`);

    // Wrong, malformed or someone else's old tokens: 404, nothing else.
    for (const bad of ["A".repeat(43), "short", `${token.slice(0, 42)}!`]) {
      const miss = await feedOf(bad);
      expect(miss.status, bad).toBe(404);
      expect(await miss.text()).not.toContain("VCALENDAR");
    }
    await app.call(calendarFeedApi.action, { path: "/api/v1/calendar-feed", method: "POST", token: partner.token });
    expect((await feedOf(token)).status).toBe(404);
    // A colleague has no feed until they make one.
    expect((await app.call(calendarFeedApi.action, { path: "/api/v1/calendar-feed", method: "GET", token: colleague.token })).status).toBe(
      404,
    );
  });
});
