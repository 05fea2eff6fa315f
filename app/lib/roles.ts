// Roles and organisation kinds: used by every feature's policy, so they live
// in lib rather than in the identity feature.
export const organizationKinds = [
  "municipality",
  "prefecture",
  "department",
  "company",
  "university",
  "financial_institution",
  "npo",
  "chamber_of_commerce",
  "intermediary",
  "other",
] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const roles = ["platform_admin", "desk_admin", "desk_staff", "department_staff", "member", "coordinator"] as const;
export type Role = (typeof roles)[number];

/** Which roles make sense in which kind of organisation. */
export const rolesByOrganizationKind: Record<OrganizationKind, readonly Role[]> = {
  municipality: ["desk_admin", "desk_staff", "department_staff"],
  prefecture: ["desk_admin", "desk_staff", "department_staff"],
  department: [],
  company: ["member"],
  university: ["member"],
  financial_institution: ["member"],
  npo: ["member"],
  chamber_of_commerce: ["member"],
  intermediary: ["coordinator", "member"],
  other: ["platform_admin", "member"],
};

export const isPublicBody = (kind: string) => kind === "municipality" || kind === "prefecture";

/** Department staff belong to one department of their municipality; every other role to the whole organisation. */
export const isDepartmentBound = (role: Role) => role === "department_staff";
