// The notifications feature's rows of the API tenancy matrix (app/routes/api/tenancy.test.ts):
// the caller's own notifications. Test-only: collected by that test, imported by nothing else.
import { expect } from "vitest";
import { type Endpoint, anyMember } from "~/test/tenancy-matrix";

interface NotificationItem {
  body: string;
}

export const tenancyRows: Endpoint[] = [
  {
    name: "GET /api/v1/notifications",
    file: "api/notifications.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/notifications" }),
    expected: anyMember(200),
    check: (body: { items: NotificationItem[]; unread: number }, caller, w) => {
      const bodies = body.items.map((n) => n.body).join("\n");
      for (const [name, marker] of Object.entries(w.markers))
        expect(bodies.includes(marker), `${name}'s notification`).toBe(name === caller.name);
      expect(body.unread).toBe(body.items.length);
    },
  },
  {
    name: "GET /api/v1/me/mail-preferences",
    file: "api/mail-preferences.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/me/mail-preferences" }),
    expected: anyMember(200),
  },
  {
    name: "PUT /api/v1/me/mail-preferences",
    file: "api/mail-preferences.ts",
    handler: "action",
    identifies: true,
    request: () => ({ path: "/api/v1/me/mail-preferences", method: "PUT", json: { agreements: "daily" } }),
    // Everyone sets their own, and only their own.
    expected: anyMember(200),
  },
];
