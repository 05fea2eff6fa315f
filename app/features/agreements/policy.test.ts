// Who may do what with an agreement, as a table: every role (lib/roles.ts) ×
// every status × each capability. The agreement is the city's, with a company
// and an intermediary as partners; two outsiders (another city's desk, another
// company) and the platform admin complete the roles.
import { describe, expect, it } from "vitest";
import type { Role } from "~/lib/roles";
import { agreementStatuses, type AgreementStatus } from "./constants";
import {
  agreementTransitionNames,
  availableAgreementTransitions,
  canAmendAgreement,
  canEditAgreement,
  canEditAgreementTemplate,
  canManageApprovalChain,
  canReadAgreementSettings,
  canRecordApproval,
  canRecordApprovalStep,
  canSeeAgreement,
  canSeeApprovalStep,
  contactablePartyIds,
  isPublicBodyDesk,
  isPubliclyListed,
  takesPartInAgreements,
  type AgreementRef,
} from "./policy";

const scope = (role: Role, organizationId: string, organizationKind: string, localGovCode: string | null = null) => ({
  role,
  organizationId,
  organizationKind,
  localGovCode,
});
const people = {
  platformAdmin: scope("platform_admin", "ops", "other"),
  deskAdmin: scope("desk_admin", "city", "municipality", "131016"),
  deskStaff: scope("desk_staff", "city", "municipality", "131016"),
  departmentStaff: scope("department_staff", "city", "municipality", "131016"),
  member: scope("member", "company", "company"),
  coordinator: scope("coordinator", "agency", "intermediary"),
  otherDesk: scope("desk_admin", "city-2", "prefecture", "130001"),
  outsider: scope("member", "company-2", "company"),
};
type Person = keyof typeof people;
const parties = ["city", "company", "agency"];
const agreementIn = (status: AgreementStatus): AgreementRef => ({ municipalityId: "city", status, isPublic: true });

type Capability = (s: (typeof people)[Person], a: AgreementRef) => boolean;
const capabilities: Record<string, Capability> = {
  see: (s, a) => canSeeAgreement(s, a, parties),
  edit: canEditAgreement,
  recordApproval: (s, a) => canRecordApproval(s, a, parties),
  recordCityStep: (s, a) => canRecordApprovalStep(s, a, { side: "municipality", partyOrgId: "city" }),
  recordCompanyStep: (s, a) => canRecordApprovalStep(s, a, { side: "partner", partyOrgId: "company" }),
  seeCityStep: (s, a) => canSeeAgreement(s, a, parties) && canSeeApprovalStep(s, a, { partyOrgId: "city" }),
  seeCompanyStep: (s, a) => canSeeAgreement(s, a, parties) && canSeeApprovalStep(s, a, { partyOrgId: "company" }),
  amend: canAmendAgreement,
  ...Object.fromEntries(
    agreementTransitionNames.map((name) => [name, ((s, a) => availableAgreementTransitions(s, a).includes(name)) satisfies Capability]),
  ),
  nameEveryPartysContacts: (s, a) => contactablePartyIds(s, a, parties).length === parties.length,
  nameOwnContactsOnly: (s, a) => contactablePartyIds(s, a, parties).join() === s.organizationId,
};

// The statuses in which each person may use each capability.
const ALL = agreementStatuses;
const NONE: readonly AgreementStatus[] = [];
const UNTIL_ENDED = agreementStatuses.filter((s) => s !== "ended" && s !== "terminated");
const columns: Person[] = ["platformAdmin", "deskAdmin", "deskStaff", "departmentStaff", "member", "coordinator", "otherDesk", "outsider"];
const table: [capability: string, ...allowedIn: (readonly AgreementStatus[])[]][] = [
  //                          platformAdmin deskAdmin                                          deskStaff                                          departmentStaff member       coordinator  otherDesk outsider
  ["see", NONE, ALL, ALL, ALL, ALL, ALL, NONE, NONE],
  ["edit", NONE, ["draft"], ["draft"], NONE, NONE, NONE, NONE, NONE],
  ["submitForApproval", NONE, ["draft"], ["draft"], NONE, NONE, NONE, NONE, NONE],
  ["recordApproval", NONE, ["internal_approval"], ["internal_approval"], NONE, ["internal_approval"], ["internal_approval"], NONE, NONE],
  ["recordCityStep", NONE, ["internal_approval"], ["internal_approval"], NONE, NONE, NONE, NONE, NONE],
  ["recordCompanyStep", NONE, ["internal_approval"], ["internal_approval"], NONE, ["internal_approval"], NONE, NONE, NONE],
  ["seeCityStep", NONE, ALL, ALL, ALL, NONE, NONE, NONE, NONE],
  ["seeCompanyStep", NONE, ALL, ALL, ALL, ALL, NONE, NONE, NONE],
  ["sign", NONE, ["internal_approval"], ["internal_approval"], NONE, NONE, NONE, NONE, NONE],
  ["activate", NONE, ["signed"], ["signed"], NONE, NONE, NONE, NONE, NONE],
  ["amend", NONE, ["signed", "active", "renewed"], ["signed", "active", "renewed"], NONE, NONE, NONE, NONE, NONE],
  ["startRenewalReview", NONE, ["active", "renewed"], ["active", "renewed"], NONE, NONE, NONE, NONE, NONE],
  ["renew", NONE, ["renewal_review"], ["renewal_review"], NONE, NONE, NONE, NONE, NONE],
  ["end", NONE, ["active", "renewal_review", "renewed"], ["active", "renewal_review", "renewed"], NONE, NONE, NONE, NONE, NONE],
  [
    "terminate",
    NONE,
    ["signed", "active", "renewal_review", "renewed"],
    ["signed", "active", "renewal_review", "renewed"],
    NONE,
    NONE,
    NONE,
    NONE,
    NONE,
  ],
  ["nameEveryPartysContacts", NONE, UNTIL_ENDED, UNTIL_ENDED, NONE, NONE, NONE, NONE, NONE],
  ["nameOwnContactsOnly", NONE, NONE, NONE, NONE, UNTIL_ENDED, UNTIL_ENDED, NONE, NONE],
];

describe("agreement policy: role × status × capability", () => {
  it("covers every capability and every role", () => {
    expect(table.map(([capability]) => capability).sort()).toEqual(Object.keys(capabilities).sort());
    expect(new Set(columns.map((p) => people[p].role))).toEqual(
      new Set(["platform_admin", "desk_admin", "desk_staff", "department_staff", "member", "coordinator"]),
    );
  });

  it.each(table.flatMap(([capability, ...cells]) => columns.map((who, i) => ({ capability, who, allowedIn: cells[i]! }))))(
    "$who may $capability in $allowedIn",
    ({ capability, who, allowedIn }) => {
      const allowed = agreementStatuses.filter((status) => capabilities[capability]!(people[who], agreementIn(status)));
      expect(allowed).toEqual([...allowedIn]);
    },
  );

  it("lets nobody but the parties see an agreement, whatever its status", () => {
    for (const status of agreementStatuses) expect(canSeeAgreement(null, agreementIn(status), parties)).toBe(false);
    expect(availableAgreementTransitions(null, agreementIn("draft"))).toEqual([]);
  });

  it("lists signed agreements marked public for everyone, drafts and terminated ones never", () => {
    expect(agreementStatuses.filter((status) => isPubliclyListed(agreementIn(status)))).toEqual([
      "signed",
      "active",
      "renewal_review",
      "renewed",
      "ended",
    ]);
    expect(agreementStatuses.filter((status) => isPubliclyListed({ ...agreementIn(status), isPublic: false }))).toEqual([]);
  });
});

describe("agreement policy: the register and the desk's settings, by role", () => {
  const settings: [capability: string, check: (s: (typeof people)[Person]) => boolean, ...allowed: boolean[]][] = [
    //                                                                  platformAdmin deskAdmin deskStaff departmentStaff member coordinator otherDesk outsider
    ["enter agreements and import registers", isPublicBodyDesk, false, true, true, false, false, false, true, false],
    ["read the template and approval chain", canReadAgreementSettings, false, true, true, false, false, false, true, false],
    ["edit the 協定書 template", canEditAgreementTemplate, false, true, false, false, false, false, true, false],
    ["manage the approval chain", canManageApprovalChain, false, true, false, false, false, false, true, false],
    ["have an agreement register", takesPartInAgreements, false, true, true, true, true, true, true, true],
  ];

  it.each(
    settings.flatMap(([capability, check, ...allowed]) => columns.map((who, i) => ({ capability, check, who, allowed: allowed[i] }))),
  )("$who may $capability: $allowed", ({ check, who, allowed }) => {
    expect(check(people[who])).toBe(allowed);
  });

  it("keeps desk roles outside a municipality or prefecture, and a desk without its 団体コード, out of the register", () => {
    expect(isPublicBodyDesk({ ...people.deskAdmin, localGovCode: null })).toBe(false);
    for (const kind of ["company", "department", "other"]) {
      const misplaced = { ...people.deskAdmin, organizationKind: kind };
      expect(
        [
          isPublicBodyDesk(misplaced),
          canReadAgreementSettings(misplaced),
          canEditAgreementTemplate(misplaced),
          canManageApprovalChain(misplaced),
        ],
        kind,
      ).toEqual([false, false, false, false]);
    }
  });
});
