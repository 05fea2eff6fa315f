import { describe, expect, it } from "vitest";
import type { Role } from "~/lib/roles";
import { navigationFor, navigationGroupsFor, shortcutsFor, type Membership } from "./navigation";

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
  const grouped = (visitor: Parameters<typeof navigationGroupsFor>[0]) =>
    Object.fromEntries(navigationGroupsFor(visitor).map((g) => [g.group, g.entries.map((e) => e.to)]));

  it("offers anonymous visitors the public pages, and people in no organisation their own settings too", () => {
    expect(grouped({ signedIn: false, membership: null })).toEqual({
      work: ["/"],
      find: ["/themes", "/municipalities", "/agreements/public"],
    });
    expect(grouped({ signedIn: true, membership: null })).toEqual({
      work: ["/", "/notifications"],
      find: ["/themes", "/municipalities", "/agreements/public"],
      manage: ["/settings"],
    });
  });

  // The day's work first, then where to look things up, then settings and administration (issue 20).
  const find = ["/themes", "/municipalities", "/agreements/public", "/follows"];
  // A desk's own register leads to the public one: its header stays short.
  const deskFind = ["/themes", "/municipalities", "/follows"];
  const byRole: [Role, Record<string, string[]>][] = [
    [
      "platform_admin",
      {
        work: ["/", "/notifications"],
        find,
        manage: ["/org", "/org/members", "/audit", "/admin/organizations", "/admin/outbox", "/settings"],
      },
    ],
    [
      "desk_admin",
      {
        work: ["/", "/proposals", "/agreements", "/desk/themes", "/notifications"],
        find: deskFind,
        manage: ["/desk/agreement-template", "/desk/role-matrix", "/org", "/org/members", "/audit", "/settings"],
      },
    ],
    [
      "desk_staff",
      {
        work: ["/", "/proposals", "/agreements", "/desk/themes", "/notifications"],
        find: deskFind,
        manage: ["/desk/role-matrix", "/org", "/org/members", "/settings"],
      },
    ],
    [
      "department_staff",
      { work: ["/", "/proposals", "/agreements", "/desk/themes", "/notifications"], find, manage: ["/org", "/settings"] },
    ],
    ["member", { work: ["/", "/proposals", "/agreements", "/notifications"], find, manage: ["/org", "/org/members", "/settings"] }],
    ["coordinator", { work: ["/", "/proposals", "/agreements", "/notifications"], find, manage: ["/org", "/org/members", "/settings"] }],
  ];

  it.each(byRole)("shows a %s %j", (role, groups) => {
    expect(grouped({ signedIn: true, membership: memberships[role] })).toEqual(groups);
  });

  it("keeps the desk's day's work to a short row: the rest sits in the settings menu", () => {
    const groups = navigationGroupsFor({ signedIn: true, membership: memberships.desk_admin });
    expect(groups.filter((g) => g.group !== "manage").flatMap((g) => g.entries).length).toBeLessThanOrEqual(8);
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
