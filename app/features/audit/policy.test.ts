import { describe, expect, it } from "vitest";
import { roles } from "~/lib/roles";
import { canReadAudit, mayReadChanges, readsEveryOrganizationsLog } from "./policy";

const desk = { role: "desk_admin", organizationId: "city" } as const;
const admin = { role: "platform_admin", organizationId: "operator" } as const;
const entry = (targetType: string, organizationId: string | null, targetId: string | null = "t1") => ({
  targetType,
  organizationId,
  targetId,
});

describe("who reads an audit entry's before/after", () => {
  it("follows the proposals feature's verdict for proposals and their messages, whoever owns the entry", () => {
    for (const type of ["proposal", "proposal_message"]) {
      expect(mayReadChanges(desk, entry(type, "city"), new Set(["t1"]))).toBe(true);
      expect(mayReadChanges(desk, entry(type, "city"), new Set())).toBe(false);
      expect(mayReadChanges(admin, entry(type, "operator"), new Set())).toBe(false);
      expect(mayReadChanges(admin, entry(type, "city", null), new Set())).toBe(false);
    }
  });

  it("shows other objects to the entry's organisation only", () => {
    expect(mayReadChanges(desk, entry("agreement", "city"), new Set())).toBe(true);
    expect(mayReadChanges(admin, entry("agreement", "city"), new Set())).toBe(false);
    expect(mayReadChanges(admin, entry("meeting", "city"), new Set())).toBe(false);
    expect(mayReadChanges(admin, entry("agreement_import", "city"), new Set())).toBe(false);
    expect(mayReadChanges(admin, entry("something_new", null), new Set())).toBe(false);
  });

  it("lets platform admins read the platform's own administration everywhere", () => {
    for (const type of ["organization", "membership", "invitation", "user", "api_token", "platform"]) {
      expect(mayReadChanges(admin, entry(type, "city"), new Set())).toBe(true);
      expect(mayReadChanges(admin, entry(type, null), new Set())).toBe(true);
      expect(mayReadChanges(desk, entry(type, "elsewhere"), new Set())).toBe(false);
    }
  });
});

describe("who reads the audit log, by role", () => {
  const table = [
    //  role                reads the log  of every organisation
    ["platform_admin", true, true],
    ["desk_admin", true, false],
    ["desk_staff", false, false],
    ["department_staff", false, false],
    ["member", false, false],
    ["coordinator", false, false],
  ] as const;

  it("covers every role", () => expect(table.map(([role]) => role)).toEqual([...roles]));

  it.each(table)("%s: reads the log %s, every organisation's %s", (role, reads, everyOrganization) => {
    expect(canReadAudit({ role })).toBe(reads);
    expect(readsEveryOrganizationsLog({ role })).toBe(everyOrganization);
  });
});
