// The meetings feature's rows of the API tenancy matrix (app/routes/api/tenancy.test.ts):
// meetings of an agreement, action items, .ics and the calendar feed. Test-only:
// collected by that test, imported by nothing else.
import { expect } from "vitest";
import { validMeeting } from "~/test/api-inputs";
import { AGREEMENT_PARTIES, confidential, only, type CallOptions, type Endpoint, type IdItem, anyMember } from "~/test/tenancy-matrix";

const meetingPath = (id: string, rest = ""): CallOptions => ({ path: `/api/v1/meetings/${id}${rest}`, params: { id } });

export const tenancyRows: Endpoint[] = [
  {
    name: "GET /api/v1/agreements/:id/meetings",
    file: "api/agreement-meetings.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => ({ path: `/api/v1/agreements/${w.ids.agreement}/meetings`, params: { id: w.ids.agreement } }),
    expected: confidential(only(AGREEMENT_PARTIES, 200)),
    check: (body: { meetings: IdItem[] }, _c, w) => expect(body.meetings.map((m) => m.id)).toContain(w.ids.meeting),
  },
  {
    name: "POST /api/v1/agreements/:id/meetings",
    file: "api/agreement-meetings.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({
      path: `/api/v1/agreements/${w.ids.agreement}/meetings`,
      method: "POST",
      json: validMeeting,
      params: { id: w.ids.agreement },
    }),
    // The owning desk schedules meetings; the other parties see them.
    expected: confidential({ deskAdminX: 201, deskStaffX: 201, departmentStaffX: 403, companyA: 403 }),
  },
  {
    name: "GET /api/v1/meetings/:id",
    file: "api/meeting.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => meetingPath(w.ids.meeting),
    expected: confidential(only(AGREEMENT_PARTIES, 200)),
  },
  {
    name: "PATCH /api/v1/meetings/:id",
    file: "api/meeting.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({ ...meetingPath(w.ids.meeting), method: "PATCH", json: { minutes: "議事録を記録した。" } }),
    expected: confidential({ deskAdminX: 200, deskStaffX: 200, departmentStaffX: 403, companyA: 403 }),
  },
  {
    name: "GET /api/v1/meetings/:id/meeting.ics",
    file: "api/meeting-ics.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => meetingPath(w.ids.meeting, "/meeting.ics"),
    expected: confidential(only(AGREEMENT_PARTIES, 200)),
  },
  {
    name: "POST /api/v1/meetings/:id/action-items",
    file: "api/meeting-action-items.ts",
    handler: "action",
    identifies: true,
    request: (c, w) => ({
      ...meetingPath(w.ids.meeting, "/action-items"),
      method: "POST",
      json: { title: `${c.name} の宿題`, ownerName: "X市 交通政策課", dueDate: "2099-06-30" },
    }),
    expected: confidential({ deskAdminX: 201, deskStaffX: 201, departmentStaffX: 403, companyA: 403 }),
  },
  {
    name: "POST /api/v1/meeting-action-items/:id/done",
    file: "api/meeting-action-item-done.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({
      path: `/api/v1/meeting-action-items/${w.ids.actionItem}/done`,
      method: "POST",
      params: { id: w.ids.actionItem },
    }),
    // Any member of any party; done twice is still done.
    expected: confidential(only(AGREEMENT_PARTIES, 200)),
  },
  {
    name: "POST /api/v1/calendar-feed",
    file: "api/calendar-feed.ts",
    handler: "action",
    identifies: true,
    request: () => ({ path: "/api/v1/calendar-feed", method: "POST" }),
    expected: anyMember(201),
    check: (body: { url: string }) => expect(body.url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/),
  },
];
