import { describe, expect, it } from "vitest";
import { availableTransitions, canPostMessage, canSeeProposal, canShare, defaultRoleMatrix, stageOf, transitions } from "./policy";
import { proposalStatuses } from "./constants";

const p = { proposerOrgId: "co", municipalityId: "city", status: "submitted" as const };
const proposer = { role: "member", organizationId: "co", departmentId: null } as const;
const otherCompany = { role: "member", organizationId: "co2", departmentId: null } as const;
const desk = { role: "desk_staff", organizationId: "city", departmentId: null } as const;
const sharedDept = { role: "department_staff", organizationId: "city", departmentId: "d1" } as const;
const unsharedDept = { role: "department_staff", organizationId: "city", departmentId: "d2" } as const;
const otherDesk = { role: "desk_admin", organizationId: "city2", departmentId: null } as const;
const admin = { role: "platform_admin", organizationId: "ops", departmentId: null } as const;

describe("proposal visibility", () => {
  it("limits a submitted proposal to proposer, desk and shared departments", () => {
    const shares = ["d1"];
    expect(canSeeProposal(proposer, p, shares)).toBe(true);
    expect(canSeeProposal(desk, p, shares)).toBe(true);
    expect(canSeeProposal(sharedDept, p, shares)).toBe(true);
    for (const outsider of [otherCompany, unsharedDept, otherDesk, admin, null]) expect(canSeeProposal(outsider, p, shares)).toBe(false);
  });

  it("keeps drafts to the proposer", () => {
    const draft = { ...p, status: "draft" as const };
    expect(canSeeProposal(proposer, draft, [])).toBe(true);
    expect(canSeeProposal(desk, draft, [])).toBe(false);
  });
});

describe("workflow", () => {
  it("gives each side only its own commands", () => {
    expect(availableTransitions(proposer, p)).toEqual(["withdraw"]);
    expect(availableTransitions(desk, p).sort()).toEqual(["accept", "decline", "startScreening"]);
    expect(availableTransitions(sharedDept, p)).toEqual([]);
    expect(availableTransitions(otherDesk, p)).toEqual([]);
  });

  it("has no transition out of a terminal status", () => {
    for (const status of ["declined", "withdrawn", "closed"] as const) {
      expect(availableTransitions(desk, { ...p, status })).toEqual([]);
      expect(availableTransitions(proposer, { ...p, status })).toEqual([]);
      expect(canPostMessage({ ...p, status })).toBe(false);
    }
  });

  it("only moves between known statuses", () => {
    for (const t of Object.values(transitions)) {
      expect(proposalStatuses).toContain(t.to);
      for (const from of t.from) expect(proposalStatuses).toContain(from);
    }
  });

  it("shares only after screening starts, by the desk", () => {
    expect(canShare(desk, p)).toBe(false);
    expect(canShare(desk, { ...p, status: "accepted" })).toBe(true);
    expect(canShare(sharedDept, { ...p, status: "accepted" })).toBe(false);
  });

  it("maps statuses to matrix stages and keeps the DOMAIN defaults", () => {
    expect(stageOf("screening")).toBe("intake");
    expect(stageOf("in_dialogue")).toBe("coordination");
    expect(stageOf("agreement_preparation")).toBe("signing");
    expect(defaultRoleMatrix.comprehensive.intake).toEqual(["lead", "none"]);
    expect(defaultRoleMatrix.project.signing).toEqual(["as_needed", "lead"]);
    expect(defaultRoleMatrix.procurement.procurement).toEqual(["none", "lead"]);
  });
});
