// Meetings on a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL
// answers): who may schedule and record them, the audit trail, and the two
// reminder jobs, which must announce each meeting and each overdue item once.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { translate } from "~/lib/i18n";
import type { ScopedContext } from "~/lib/tenancy";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { buildAgreement, createMember, type Member } from "~/test/factories";
import { appErrorOf, auditRows, contextOf, notificationRows, publicContextOf } from "~/test/helpers";
import {
  addMeetingActionItem,
  completeMeetingActionItem,
  createMeeting,
  revokeCalendarFeed,
  rotateCalendarFeed,
  updateMeeting,
} from "./commands.server";
import { sendMeetingReminders, sendOverdueActionItemReminders } from "./reminders.internal.server";
import { calendarFeed, getMeeting, listMeetings } from "./data.server";

const drivers = await testDrivers();

const HOUR = 3_600_000;
/** A fixed "now" for the jobs: 2027-05-10 09:00 in Tokyo. */
const NOW = new Date("2027-05-10T00:00:00Z");
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR).toISOString();

describe.each(drivers)("meeting commands on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await app.close();
  });

  const as = (who: Member): Promise<ScopedContext> => contextOf(app.runtime, who);

  /** An agreement of a municipality's desk with a company (one member), the municipality's department staff, and a company outside. */
  async function world() {
    const agreement = await buildAgreement(app.runtime, {
      input: { title: "テスト市と株式会社れんけいの包括連携協定", method: "comprehensive", purpose: "地域の課題に共に取り組む" },
    });
    const partner = await createMember(app.runtime, { role: "member", organizationId: agreement.partnerIds[0] });
    const deptStaff = await createMember(app.runtime, { role: "department_staff", organizationId: agreement.municipalityId });
    const outsider = await createMember(app.runtime, { role: "member" });
    return { desk: agreement.desk, deptStaff, partner, outsider, agreement: agreement.id, cityId: agreement.municipalityId };
  }

  const meeting = (overrides: Record<string, unknown> = {}) => ({
    kind: "steering",
    title: "第1回推進会議",
    startsAt: at(3),
    endsAt: at(5),
    place: "市役所 第1会議室",
    ...overrides,
  });

  it("lets the owning desk schedule and record meetings, audited; others only read or get 404", async () => {
    const w = await world();
    const deskCtx = await as(w.desk);
    const { id } = await createMeeting(deskCtx, w.agreement, meeting({ agenda: "年間計画" }));
    expect((await auditRows(app.runtime.db, { requestId: deskCtx.requestId }))[0]).toMatchObject({
      action: "meeting.create",
      targetId: id,
      organizationId: w.cityId,
    });

    // Other parties read it; they do not schedule or edit.
    expect((await getMeeting(await as(w.partner), id)).can).toEqual({ edit: false, addActionItem: false, completeActionItems: true });
    expect((await listMeetings(await as(w.deptStaff), w.agreement)).can.create).toBe(false);
    expect((await appErrorOf(createMeeting(await as(w.partner), w.agreement, meeting()))).code).toBe("forbidden");
    expect((await appErrorOf(updateMeeting(await as(w.deptStaff), id, meeting()))).code).toBe("forbidden");
    // Outside the agreement, nothing exists.
    expect((await appErrorOf(getMeeting(await as(w.outsider), id))).code).toBe("not_found");
    expect((await appErrorOf(listMeetings(await as(w.outsider), w.agreement))).code).toBe("not_found");
    expect((await appErrorOf(createMeeting(await as(w.outsider), w.agreement, meeting()))).code).toBe("not_found");
    expect((await appErrorOf(getMeeting(await as(w.desk), "not-a-uuid"))).code).toBe("not_found");

    const updateCtx = await as(w.desk);
    await updateMeeting(updateCtx, id, meeting({ minutes: "計画を確認した。", decisions: "KPI を3項目に絞る。" }));
    const after = await getMeeting(deskCtx, id);
    expect(after).toMatchObject({ minutes: "計画を確認した。", decisions: "KPI を3項目に絞る。", sequence: 1 });
    expect((await auditRows(app.runtime.db, { requestId: updateCtx.requestId }))[0]).toMatchObject({
      action: "meeting.update",
      targetId: id,
    });
  });

  it("refuses bad input with Japanese messages for every field at once", async () => {
    const w = await world();
    const error = await appErrorOf(
      createMeeting(await as(w.desk), w.agreement, {
        kind: "party",
        title: "",
        startsAt: "2027-05-10T16:00",
        endsAt: "2027-05-10T14:00",
        onlineUrl: "javascript:alert(1)",
      }),
    );
    expect(error.code).toBe("validation");
    const messages = Object.fromEntries(error.fieldErrors.map((e) => [e.path, translate("ja", e.message, e.params)]));
    expect(messages).toEqual({
      kind: "選択肢から選んでください。",
      title: "入力してください。",
      endsAt: "終了日は開始日より後の日付にしてください。",
      onlineUrl: "入力内容を確認してください。",
    });
    const { id } = await createMeeting(await as(w.desk), w.agreement, meeting());
    const itemError = await appErrorOf(addMeetingActionItem(await as(w.desk), id, { title: "", ownerName: "", dueDate: "2027-02-30" }));
    expect(Object.fromEntries(itemError.fieldErrors.map((e) => [e.path, translate("ja", e.message, e.params)]))).toEqual({
      title: "入力してください。",
      ownerName: "入力してください。",
      dueDate: "日付を「2026-04-01」の形式で入力してください。",
    });
    // The owner's account must belong to a party.
    const foreign = await appErrorOf(
      addMeetingActionItem(await as(w.desk), id, {
        title: "資料",
        ownerName: "外部",
        dueDate: "2027-06-01",
        ownerUserId: w.outsider.userId,
      }),
    );
    expect(foreign.fieldErrors.map((e) => [e.path, e.message])).toEqual([["ownerUserId", "validation.invalidChoice"]]);
  });

  it("lets any party member mark an action item done, once", async () => {
    const w = await world();
    const { id } = await createMeeting(await as(w.desk), w.agreement, meeting());
    const item = await addMeetingActionItem(await as(w.desk), id, {
      title: "実証区域の案",
      ownerName: "株式会社れんけい",
      ownerUserId: w.partner.userId,
      dueDate: "2027-06-01",
    });
    expect(
      (await appErrorOf(addMeetingActionItem(await as(w.partner), id, { title: "x", ownerName: "y", dueDate: "2027-06-01" }))).code,
    ).toBe("forbidden");
    expect((await appErrorOf(completeMeetingActionItem(await as(w.outsider), item.id))).code).toBe("not_found");
    const doneCtx = await as(w.partner);
    await completeMeetingActionItem(doneCtx, item.id);
    const again = await as(w.deptStaff);
    await completeMeetingActionItem(again, item.id);
    const view = await getMeeting(await as(w.desk), id);
    expect(view.actionItems[0]).toMatchObject({ title: "実証区域の案", ownerUserId: w.partner.userId, overdue: false });
    expect(view.actionItems[0]!.doneAt).not.toBeNull();
    expect((await auditRows(app.runtime.db, { requestId: doneCtx.requestId })).map((r) => r.action)).toEqual(["meeting.actionItem.done"]);
    expect(await auditRows(app.runtime.db, { requestId: again.requestId })).toEqual([]);
  });

  it("announces meetings starting within 24 hours once, to the desk and the partners, and again when moved", async () => {
    const w = await world();
    const deskCtx = await as(w.desk);
    const soon = await createMeeting(
      deskCtx,
      w.agreement,
      meeting({ title: "第2回実務者会議", kind: "working", startsAt: at(3), endsAt: at(4) }),
    );
    await createMeeting(deskCtx, w.agreement, meeting({ title: "来月の推進会議", startsAt: at(30 * 24), endsAt: at(30 * 24 + 2) }));
    await createMeeting(deskCtx, w.agreement, meeting({ title: "昨日の会議", startsAt: at(-24), endsAt: at(-23) }));
    const baseUrl = app.runtime.config.baseUrl;

    expect(await sendMeetingReminders(app.runtime.db, NOW, baseUrl)).toBe(1);
    expect(await sendMeetingReminders(app.runtime.db, NOW, baseUrl)).toBe(0);
    expect(await sendMeetingReminders(app.runtime.db, new Date(NOW.getTime() + HOUR), baseUrl)).toBe(0);

    const reminders = async (who: Member) =>
      (await notificationRows(app.runtime.db, who.userId)).filter((n) => n.kind === "meeting_reminder");
    for (const who of [w.desk, w.partner]) {
      const rows = await reminders(who);
      expect(rows, "one reminder each").toHaveLength(1);
      expect(rows[0]!.link).toBe(`/meetings/${soon.id}`);
    }
    expect(await reminders(w.outsider)).toEqual([]);
    // Recorded once, as the system's doing, in the municipality's audit log.
    expect(await auditRows(app.runtime.db, { action: "meeting.reminder", targetId: soon.id })).toEqual([
      expect.objectContaining({ actorUserId: null, actorName: "Renkei", organizationId: w.cityId }),
    ]);
    // Worded in Japanese.
    const [reminder] = await reminders(w.partner);
    expect(reminder!.title).toBe("会議のお知らせ: 第2回実務者会議");
    expect(reminder!.body).toBe(
      "協定「テスト市と株式会社れんけいの包括連携協定」の実務者会議「第2回実務者会議」が 2027/05/10 12:00 から開かれます（場所: 市役所 第1会議室）。",
    );

    // Moving the meeting announces it again (the old reminder named the old time).
    await updateMeeting(await as(w.desk), soon.id, meeting({ title: "第2回実務者会議", kind: "working", startsAt: at(6), endsAt: at(7) }));
    expect(await sendMeetingReminders(app.runtime.db, NOW, baseUrl)).toBe(1);
    expect(await sendMeetingReminders(app.runtime.db, NOW, baseUrl)).toBe(0);
    expect(await reminders(w.partner)).toHaveLength(2);
    // Two runs at once still announce a meeting once.
    await createMeeting(deskCtx, w.agreement, meeting({ title: "臨時会議", startsAt: at(10), endsAt: at(11) }));
    const counts = await Promise.all([
      sendMeetingReminders(app.runtime.db, NOW, baseUrl),
      sendMeetingReminders(app.runtime.db, NOW, baseUrl),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await reminders(w.desk)).toHaveLength(3);
  });

  it("reminds of overdue action items once, by the Japan date, to the desk and a party owner", async () => {
    const w = await world();
    const { id } = await createMeeting(await as(w.desk), w.agreement, meeting({ startsAt: at(-72), endsAt: at(-71) }));
    const add = async (title: string, dueDate: string, ownerUserId?: string) =>
      (await addMeetingActionItem(await as(w.desk), id, { title, ownerName: "担当", dueDate, ownerUserId })).id;
    // NOW is 2027-05-10 09:00 in Tokyo (still the 10th), 00:00 UTC.
    await add("報告書の提出", "2027-05-09", w.partner.userId);
    await add("今日が期限", "2027-05-10");
    const done = await add("済んだ宿題", "2027-05-01");
    await completeMeetingActionItem(await as(w.partner), done);
    const baseUrl = app.runtime.config.baseUrl;

    expect(await sendOverdueActionItemReminders(app.runtime.db, NOW, baseUrl)).toBe(1);
    expect(await sendOverdueActionItemReminders(app.runtime.db, NOW, baseUrl)).toBe(0);
    const overdue = async (who: Member) =>
      (await notificationRows(app.runtime.db, who.userId)).filter((n) => n.kind === "action_item_overdue");
    expect(await overdue(w.desk)).toHaveLength(1);
    expect(await overdue(w.partner)).toHaveLength(1);
    expect((await overdue(w.desk))[0]!.link).toBe(`/meetings/${id}`);
    expect(await auditRows(app.runtime.db, { action: "meeting.actionItem.reminder" })).toHaveLength(1);

    // 2027-05-10 15:00 UTC is already the 11th in Tokyo: "今日が期限" is now overdue.
    expect(await sendOverdueActionItemReminders(app.runtime.db, new Date("2027-05-10T14:59:00Z"), baseUrl)).toBe(0);
    expect(await sendOverdueActionItemReminders(app.runtime.db, new Date("2027-05-10T15:00:00Z"), baseUrl)).toBe(1);
    expect(await sendOverdueActionItemReminders(app.runtime.db, new Date("2027-05-12T00:00:00Z"), baseUrl)).toBe(0);
    // The owner had no account here: only the desk heard of it.
    expect(await overdue(w.desk)).toHaveLength(2);
    expect(await overdue(w.partner)).toHaveLength(1);
  });

  it("gives each person one feed secret: rotating and revoking end the old URL", async () => {
    const w = await world();
    const ctx = await as(w.partner);
    const first = await rotateCalendarFeed(ctx);
    const token = (url: string) => /\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)![1]!;
    expect(await calendarFeed(publicContextOf(app.runtime), token(first.url))).toContain("BEGIN:VCALENDAR");
    const second = await rotateCalendarFeed(await as(w.partner));
    expect(second.url).not.toBe(first.url);
    expect(await calendarFeed(publicContextOf(app.runtime), token(first.url))).toBeNull();
    expect(await calendarFeed(publicContextOf(app.runtime), token(second.url))).not.toBeNull();
    await revokeCalendarFeed(await as(w.partner));
    expect(await calendarFeed(publicContextOf(app.runtime), token(second.url))).toBeNull();
    // The secret never reaches the audit log.
    const logged = JSON.stringify(await auditRows(app.runtime.db, { requestId: ctx.requestId }));
    expect(logged).toContain("calendarFeed.rotate");
    expect(logged).not.toContain(token(first.url));
  });
});
