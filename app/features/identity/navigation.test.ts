import { describe, expect, it } from "vitest";
import type { Role } from "~/lib/roles";
import { navigationFor, shortcutsFor, type Membership } from "./navigation";

// Each role in the kind of organisation it belongs to.
const memberships: Record<Role, Membership> = {
  platform_admin: { role: "platform_admin", organizationKind: "other" },
  desk_admin: { role: "desk_admin", organizationKind: "municipality" },
  desk_staff: { role: "desk_staff", organizationKind: "municipality" },
  department_staff: { role: "department_staff", organizationKind: "municipality" },
  member: { role: "member", organizationKind: "company" },
  coordinator: { role: "coordinator", organizationKind: "intermediary" },
};

describe("the header's navigation", () => {
  it("offers anonymous visitors the public pages, and people in no organisation their own settings too", () => {
    expect(navigationFor({ signedIn: false, membership: null }).map((e) => e.to)).toEqual(["/", "/themes", "/municipalities"]);
    expect(navigationFor({ signedIn: true, membership: null }).map((e) => e.to)).toEqual([
      "/",
      "/themes",
      "/municipalities",
      "/notifications",
      "/settings",
    ]);
  });

  const byRole: [Role, string[]][] = [
    [
      "platform_admin",
      [
        "/",
        "/themes",
        "/municipalities",
        "/org",
        "/org/members",
        "/notifications",
        "/audit",
        "/admin/organizations",
        "/admin/outbox",
        "/follows",
        "/settings",
      ],
    ],
    [
      "desk_admin",
      [
        "/",
        "/themes",
        "/desk/themes",
        "/proposals",
        "/agreements",
        "/desk/agreement-template",
        "/desk/role-matrix",
        "/municipalities",
        "/org",
        "/org/members",
        "/notifications",
        "/audit",
        "/follows",
        "/settings",
      ],
    ],
    [
      "desk_staff",
      [
        "/",
        "/themes",
        "/desk/themes",
        "/proposals",
        "/agreements",
        "/desk/role-matrix",
        "/municipalities",
        "/org",
        "/org/members",
        "/notifications",
        "/follows",
        "/settings",
      ],
    ],
    [
      "department_staff",
      ["/", "/themes", "/desk/themes", "/proposals", "/agreements", "/municipalities", "/org", "/notifications", "/follows", "/settings"],
    ],
    [
      "member",
      ["/", "/themes", "/proposals", "/agreements", "/municipalities", "/org", "/org/members", "/notifications", "/follows", "/settings"],
    ],
    [
      "coordinator",
      ["/", "/themes", "/proposals", "/agreements", "/municipalities", "/org", "/org/members", "/notifications", "/follows", "/settings"],
    ],
  ];

  it.each(byRole)("shows a %s %j", (role, links) => {
    expect(navigationFor({ signedIn: true, membership: memberships[role] }).map((e) => e.to)).toEqual(links);
  });

  it("labels every link from the catalog", () => {
    expect(navigationFor({ signedIn: true, membership: memberships.desk_admin }).every((e) => e.label.startsWith("nav."))).toBe(true);
  });

  it("treats a prefecture's desk like a municipality's", () => {
    expect(navigationFor({ signedIn: true, membership: { role: "desk_admin", organizationKind: "prefecture" } })).toEqual(
      navigationFor({ signedIn: true, membership: memberships.desk_admin }),
    );
  });
});

describe("the home page's shortcuts", () => {
  const byRole: [Role, string[]][] = [
    ["platform_admin", ["themes", "org", "members", "audit", "organizations", "outbox", "directory", "settings"]],
    ["desk_admin", ["inbox", "deskThemes", "themes", "org", "members", "audit", "directory", "settings"]],
    ["desk_staff", ["inbox", "deskThemes", "themes", "org", "members", "directory", "settings"]],
    ["department_staff", ["deskThemes", "shared", "themes", "org", "directory", "settings"]],
    ["member", ["newProposal", "myProposals", "themes", "org", "members", "directory", "settings"]],
    ["coordinator", ["newProposal", "myProposals", "themes", "org", "members", "directory", "settings"]],
  ];

  it.each(byRole)("gives a %s %j", (role, labels) => {
    expect(shortcutsFor(memberships[role]).map((e) => e.label)).toEqual(labels.map((l) => `home.quick.${l}`));
  });

  it("leads each shortcut to its page", () => {
    const to = Object.fromEntries(shortcutsFor(memberships.desk_admin).map((e) => [e.label, e.to]));
    expect(to).toMatchObject({
      "home.quick.inbox": "/proposals",
      "home.quick.deskThemes": "/desk/themes",
      "home.quick.audit": "/audit",
      "home.quick.directory": "/municipalities",
    });
    expect(shortcutsFor(memberships.member).find((e) => e.label === "home.quick.newProposal")?.to).toBe("/proposals/new");
  });
});
