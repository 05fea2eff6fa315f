import { describe, expect, it } from "vitest";
import type { Role } from "~/lib/roles";
import {
  availableTransitions,
  canEditProposal,
  canEditRoleMatrix,
  canOpenRoleMatrixSettings,
  canPostMessage,
  canPropose,
  canReadRoleMatrix,
  canSeeProposal,
  canSeeAccessLog,
  canShare,
  defaultRoleMatrix,
  proposalAudience,
  proposalListView,
  stageOf,
  takesPartInProposals,
  transitionNames,
  transitions,
  viewsAreLogged,
  type ProposalRef,
} from "./policy";
import { proposalStatuses, type ProposalStatus } from "./constants";

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

// Every role (lib/roles.ts) × every status × each capability, as a table. The
// proposal is from an intermediary (its member and coordinator) to the city,
// shared with one of the city's departments.
describe("proposal policy: role × status × capability", () => {
  const person = (role: Role, organizationId: string, organizationKind: string, departmentId: string | null = null) => ({
    role,
    organizationId,
    organizationKind,
    departmentId,
  });
  const people = {
    platformAdmin: person("platform_admin", "ops", "other"),
    deskAdmin: person("desk_admin", "city", "municipality"),
    deskStaff: person("desk_staff", "city", "municipality"),
    sharedDepartment: person("department_staff", "city", "municipality", "d1"),
    otherDepartment: person("department_staff", "city", "municipality", "d2"),
    member: person("member", "agency", "intermediary"),
    coordinator: person("coordinator", "agency", "intermediary"),
    otherDesk: person("desk_admin", "pref", "prefecture"),
    otherPartner: person("member", "company", "company"),
  };
  type Person = keyof typeof people;
  const columns = Object.keys(people) as Person[];
  const proposalIn = (status: ProposalStatus): ProposalRef => ({ proposerOrgId: "agency", municipalityId: "city", status });
  type Capability = (s: (typeof people)[Person], p: ProposalRef) => boolean;
  const capabilities: Record<string, Capability> = {
    see: (s, p) => canSeeProposal(s, p, ["d1"]),
    edit: canEditProposal,
    share: canShare,
    accessLog: canSeeAccessLog,
    ...Object.fromEntries(
      transitionNames.map((name) => [name, ((s, p) => availableTransitions(s, p).includes(name)) satisfies Capability]),
    ),
  };

  const ALL = proposalStatuses;
  const NONE: readonly ProposalStatus[] = [];
  const SUBMITTED_ON = proposalStatuses.filter((s) => s !== "draft");
  const SHAREABLE = proposalStatuses.filter((s) => !["draft", "submitted", "declined", "withdrawn"].includes(s));
  const CLOSABLE: readonly ProposalStatus[] = ["accepted", "in_dialogue", "agreement_preparation", "implementing", "procurement"];
  const WITHDRAWABLE: readonly ProposalStatus[] = ["submitted", "screening", "accepted", "in_dialogue"];
  const table: [capability: string, ...allowedIn: (readonly ProposalStatus[])[]][] = [
    //                            platformAdmin deskAdmin                   deskStaff                   sharedDepartment otherDepartment member        coordinator   otherDesk otherPartner
    ["see", NONE, SUBMITTED_ON, SUBMITTED_ON, SUBMITTED_ON, NONE, ALL, ALL, NONE, NONE],
    ["edit", NONE, NONE, NONE, NONE, NONE, ["draft"], ["draft"], NONE, NONE],
    ["share", NONE, SHAREABLE, SHAREABLE, NONE, NONE, NONE, NONE, NONE, NONE],
    ["accessLog", NONE, ALL, ALL, NONE, NONE, ALL, ALL, NONE, NONE],
    ["submit", NONE, NONE, NONE, NONE, NONE, ["draft"], ["draft"], NONE, NONE],
    ["startScreening", NONE, ["submitted"], ["submitted"], NONE, NONE, NONE, NONE, NONE, NONE],
    ["decline", NONE, ["submitted", "screening"], ["submitted", "screening"], NONE, NONE, NONE, NONE, NONE, NONE],
    ["accept", NONE, ["submitted", "screening"], ["submitted", "screening"], NONE, NONE, NONE, NONE, NONE, NONE],
    ["startDialogue", NONE, ["accepted"], ["accepted"], NONE, NONE, NONE, NONE, NONE, NONE],
    ["prepareAgreement", NONE, ["in_dialogue"], ["in_dialogue"], NONE, NONE, NONE, NONE, NONE, NONE],
    ["implementWithoutAgreement", NONE, ["in_dialogue"], ["in_dialogue"], NONE, NONE, NONE, NONE, NONE, NONE],
    ["moveToProcurement", NONE, ["in_dialogue"], ["in_dialogue"], NONE, NONE, NONE, NONE, NONE, NONE],
    ["close", NONE, CLOSABLE, CLOSABLE, NONE, NONE, NONE, NONE, NONE, NONE],
    ["withdraw", NONE, NONE, NONE, NONE, NONE, WITHDRAWABLE, WITHDRAWABLE, NONE, NONE],
  ];

  it("covers every capability", () => {
    expect(table.map(([capability]) => capability).sort()).toEqual(Object.keys(capabilities).sort());
  });

  it.each(table.flatMap(([capability, ...cells]) => columns.map((who, i) => ({ capability, who, allowedIn: cells[i]! }))))(
    "$who may $capability in $allowedIn",
    ({ capability, who, allowedIn }) => {
      const allowed = proposalStatuses.filter((status) => capabilities[capability]!(people[who], proposalIn(status)));
      expect(allowed).toEqual([...allowedIn]);
    },
  );

  const byRole: [question: string, answer: (s: (typeof people)[Person]) => unknown, ...answers: unknown[]][] = [
    //                                                            platformAdmin deskAdmin deskStaff sharedDepartment otherDepartment member      coordinator otherDesk otherPartner
    [
      "works on proposals as",
      proposalAudience,
      null,
      "desk",
      "desk",
      "department",
      "department",
      "proposer",
      "proposer",
      "desk",
      "proposer",
    ],
    ["lists proposals as", proposalListView, "mine", "inbox", "inbox", "shared", "shared", "mine", "mine", "inbox", "mine"],
    ["has the proposals list", takesPartInProposals, false, true, true, true, true, true, true, true, true],
    ["proposes", canPropose, false, false, false, false, false, true, true, false, true],
    ["is in the access log on a view", viewsAreLogged, false, true, true, true, true, false, false, true, false],
    ["reads the role matrix (API)", canReadRoleMatrix, false, true, true, true, true, false, false, true, false],
    ["opens the role matrix settings", canOpenRoleMatrixSettings, false, true, true, false, false, false, false, true, false],
    ["edits the role matrix", canEditRoleMatrix, false, true, false, false, false, false, false, true, false],
  ];

  it.each(byRole.flatMap(([question, answer, ...answers]) => columns.map((who, i) => ({ question, answer, who, expected: answers[i] }))))(
    "$who $question: $expected",
    ({ answer, who, expected }) => {
      expect(answer(people[who])).toBe(expected);
    },
  );

  it("keeps partner roles of a municipality, prefecture or department from proposing, and desk admins of other kinds from editing the matrix", () => {
    for (const organizationKind of ["municipality", "prefecture", "department"])
      expect(canPropose({ role: "member", organizationKind }), organizationKind).toBe(false);
    expect(canEditRoleMatrix({ role: "desk_admin", organizationKind: "company" })).toBe(false);
  });
});
