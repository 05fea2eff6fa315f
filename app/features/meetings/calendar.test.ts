// The calendar file: parses as iCalendar, times in UTC whatever the server's
// time zone, Japanese text intact, one stable UID per meeting.
import { afterEach, describe, expect, it } from "vitest";
import { icsEvents, icsLines } from "~/test/ics";
import { calendarResponse, meetingUid, renderCalendar, type CalendarMeeting } from "./calendar.server";

const meeting: CalendarMeeting = {
  id: "0b5f7d0e-8f1e-4d5a-9a0c-2c3e4f5a6b7c",
  kind: "steering",
  title: "令和9年度 第1回推進会議（事業計画とKPIの確認）",
  startsAt: new Date("2027-05-10T05:00:00Z"),
  endsAt: new Date("2027-05-10T07:00:00Z"),
  place: "守口市役所 3階 第1会議室",
  onlineUrl: "https://meet.example.jp/renkei?id=1,2",
  agenda: "1. 昨年度の実績報告\n2. 今年度の計画; KPI の確認",
  agreementTitle: "守口市と株式会社れんけいの包括連携協定",
  sequence: 2,
  createdAt: new Date("2027-04-01T00:00:00Z"),
  updatedAt: new Date("2027-04-02T00:00:00Z"),
};

describe("meeting calendar files", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it("writes a VCALENDAR with the meeting in UTC and its Japanese text", () => {
    const text = renderCalendar([meeting], { baseUrl: "https://renkei.example.jp" });
    const lines = icsLines(text);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    const [event] = icsEvents(text);
    expect(event).toMatchObject({
      UID: meetingUid(meeting.id),
      DTSTART: "20270510T050000Z",
      DTEND: "20270510T070000Z",
      SUMMARY: "【推進会議】令和9年度 第1回推進会議（事業計画とKPIの確認）",
      SEQUENCE: "2",
      URL: `https://renkei.example.jp/meetings/${meeting.id}`,
      "LAST-MODIFIED": "20270402T000000Z",
    });
    // TEXT values escape commas, semicolons and newlines.
    expect(event!.LOCATION).toBe("守口市役所 3階 第1会議室 / https://meet.example.jp/renkei?id=1\\,2");
    expect(event!.DESCRIPTION).toContain("協定: 守口市と株式会社れんけいの包括連携協定\\n");
    expect(event!.DESCRIPTION).toContain("2. 今年度の計画\\; KPI の確認");
    // Lines end in CRLF.
    expect(
      text
        .split("\n")
        .slice(0, -1)
        .every((l) => l.endsWith("\r")),
    ).toBe(true);
  });

  it("writes the same instant whatever the server's time zone", () => {
    const dtstart = (tz: string) => {
      process.env.TZ = tz;
      return icsEvents(renderCalendar([meeting], { baseUrl: "https://renkei.example.jp" }))[0]!.DTSTART;
    };
    expect(new Set(["Asia/Tokyo", "UTC", "America/Los_Angeles", "Pacific/Chatham"].map(dtstart))).toEqual(new Set(["20270510T050000Z"]));
  });

  it("writes an empty calendar for no meetings and serves calendars as UTF-8 text/calendar", async () => {
    const text = renderCalendar([], { baseUrl: "https://renkei.example.jp", name: "Renkei 連携会議" });
    expect(icsEvents(text)).toEqual([]);
    expect(icsLines(text)).toContain("X-WR-CALNAME:Renkei 連携会議");
    const res = calendarResponse(text, { filename: "meeting.ics" });
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="meeting.ics"');
    expect(await res.text()).toBe(text);
  });
});
