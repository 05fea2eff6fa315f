// The themes feature's rows of the API tenancy matrix (app/routes/api/tenancy.test.ts):
// theme calls, their files and follows. Test-only: collected by that test, imported by nothing else.
import { expect } from "vitest";
import { pdfForm, validTheme } from "~/test/api-inputs";
import {
  confidential,
  only,
  protectedFor,
  statuses,
  type CallerName,
  type CallOptions,
  type Endpoint,
  type IdItem,
  anyMember,
} from "~/test/tenancy-matrix";

/** Staff of X may see X's draft calls; the rest of the world may not. */
const X_STAFF: CallerName[] = ["deskAdminX", "deskStaffX", "departmentStaffX"];
/** Public with an optional token: a bad token is refused, everyone else is `status`. */
const publicRead = (status: number, except: Partial<Record<CallerName, number>> = {}) =>
  statuses(status, { invalidToken: 401, expiredToken: 401, ...except });
const themePath = (id: string, action?: string): CallOptions => ({
  path: `/api/v1/themes/${id}${action ? `/${action}` : ""}`,
  params: action ? { id, action } : { id },
});

export const tenancyRows: Endpoint[] = [
  {
    name: "GET /api/v1/themes (public calls)",
    file: "api/themes.ts",
    handler: "loader",
    request: () => ({ path: "/api/v1/themes?status=all&limit=100" }),
    expected: statuses(200),
    check: (body: { items: IdItem[] }, _c, w) => {
      const ids = body.items.map((t) => t.id);
      expect(ids).toContain(w.ids.publishedTheme);
      expect(ids).not.toContain(w.ids.draftTheme);
    },
  },
  {
    name: "POST /api/v1/themes (draft a call)",
    file: "api/themes.ts",
    handler: "action",
    identifies: true,
    request: () => ({ path: "/api/v1/themes", method: "POST", json: validTheme }),
    expected: protectedFor({ deskAdminX: 201, deskStaffX: 201, departmentStaffX: 201, deskAdminY: 201 }),
    check: (body: { status: string; localGovCode: string }, caller, w) => {
      expect(body.status).toBe("draft");
      expect(body.localGovCode === w.ids.localGovCodeX, "a call of X").toBe(caller.name !== "deskAdminY");
    },
  },
  {
    name: "GET /api/v1/themes/:id (X's draft)",
    file: "api/theme.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => themePath(w.ids.draftTheme),
    expected: publicRead(404, only(X_STAFF, 200)),
  },
  {
    name: "GET /api/v1/themes/:id (published)",
    file: "api/theme.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => themePath(w.ids.publishedTheme),
    expected: publicRead(200),
  },
  {
    name: "PATCH /api/v1/themes/:id (X's draft)",
    file: "api/theme.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({ ...themePath(w.ids.draftTheme), method: "PATCH", json: { goal: "予約制の乗合交通を通年で試行したい。" } }),
    // Department staff edit only their own department's drafts; this one has none.
    expected: confidential({ deskAdminX: 200, deskStaffX: 200, departmentStaffX: 403 }),
  },
  {
    name: "POST /api/v1/themes/:id/publish (already published)",
    file: "api/theme.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({ ...themePath(w.ids.publishedTheme, "publish"), method: "POST" }),
    // The desk is told the status does not allow it (409); a department may not publish at all (403, issue 17).
    expected: confidential({ deskAdminX: 409, deskStaffX: 409, departmentStaffX: 403 }),
  },
  {
    name: "POST /api/v1/themes/:id/attachments (X's draft)",
    file: "api/theme.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({ ...themePath(w.ids.draftTheme, "attachments"), method: "POST", body: pdfForm() }),
    expected: confidential({ deskAdminX: 200, deskStaffX: 200, departmentStaffX: 403 }),
  },
  {
    name: "GET /api/v1/themes/:id/attachments/:fileId (X's draft)",
    file: "api/theme-file.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => ({
      path: `/api/v1/themes/${w.ids.draftTheme}/attachments/${w.ids.draftThemeFile}`,
      params: { id: w.ids.draftTheme, fileId: w.ids.draftThemeFile },
    }),
    expected: publicRead(404, only(X_STAFF, 200)),
  },
  {
    name: "GET /api/v1/themes/:id/attachments/:fileId (published)",
    file: "api/theme-file.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => ({
      path: `/api/v1/themes/${w.ids.publishedTheme}/attachments/${w.ids.publishedThemeFile}`,
      params: { id: w.ids.publishedTheme, fileId: w.ids.publishedThemeFile },
    }),
    expected: publicRead(200),
  },
  {
    name: "GET /api/v1/follows",
    file: "api/follows.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/follows" }),
    expected: anyMember(200),
    check: (body: { items: IdItem[] }, caller, w) => {
      const ids = body.items.map((f) => f.id);
      for (const [name, own] of Object.entries(w.follows)) {
        for (const id of own) (name === caller.name ? expect(ids) : expect(ids).not).toContain(id);
      }
      expect(ids).not.toContain(w.ids.colleagueFollow);
    },
  },
  {
    name: "POST /api/v1/follows",
    file: "api/follows.ts",
    handler: "action",
    identifies: true,
    request: () => ({ path: "/api/v1/follows", method: "POST", json: { kind: "field", value: "culture" } }),
    expected: anyMember(201),
  },
  {
    name: "DELETE /api/v1/follows/:id (someone else's)",
    file: "api/follows.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({ path: `/api/v1/follows/${w.ids.colleagueFollow}`, method: "DELETE", params: { id: w.ids.colleagueFollow } }),
    expected: anyMember(404),
  },
];
