import { z } from "zod";
import { instant, rowId } from "~/lib/api-schemas";
import { isValidCorporateNumber, normalizeCorporateNumber } from "~/lib/corporate-number";
import { isValidLocalGovCode } from "~/lib/local-gov-code";
import { policyFieldCodes } from "~/lib/policy-fields";
import { choice, email, listOf, optionalText, password, requiredText, whenValid } from "~/lib/validation";
import { isDepartmentBound, organizationKinds, roles } from "~/lib/roles";
import { mailPreferencesInput } from "~/features/notifications/schema";

/** Partner kinds a proposer may sign up as (public bodies are created by admins). */
export const partnerKinds = ["company", "university", "financial_institution", "npo", "chamber_of_commerce", "other"] as const;

/** 法人番号: optional, 13 digits with a valid check digit; full-width digits and hyphens are accepted. */
export const corporateNumberInput = z.preprocess(
  (v) => (typeof v === "string" ? (normalizeCorporateNumber(v) === "" ? undefined : normalizeCorporateNumber(v)) : (v ?? undefined)),
  z
    .string({ error: "validation.corporateNumber.format" })
    .regex(/^\d{13}$/, { error: "validation.corporateNumber.format" })
    .refine(isValidCorporateNumber, { error: "validation.corporateNumber.checkDigit" })
    .optional(),
);

/** 団体コード: 6 digits with a valid check digit. */
export const localGovCodeInput = z.preprocess(
  (v) => (typeof v === "string" ? v.normalize("NFKC").replace(/[\s-]/g, "") : v),
  z
    .string({ error: "validation.required" })
    .min(1, { error: "validation.required" })
    .regex(/^\d{6}$/, { error: "validation.localGovCode.format" })
    .refine(isValidLocalGovCode, { error: "validation.localGovCode.checkDigit" }),
);

export const policyFieldsInput = listOf(choice(policyFieldCodes), policyFieldCodes.length);

export const loginInput = z.object({
  email: email(),
  password: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }).max(128, { error: "validation.tooLong" }),
});

export const tokenRequestInput = loginInput;

export const signupInput = z
  .object({
    organizationKind: choice(partnerKinds),
    organizationName: requiredText(200),
    organizationNameKana: optionalText(200),
    corporateNumber: corporateNumberInput,
    name: requiredText(100),
    email: email(),
    password: password(),
    passwordConfirm: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ["passwordConfirm"],
    error: "validation.passwordMismatch",
    when: whenValid("password", "passwordConfirm"),
  });
export type SignupInput = z.output<typeof signupInput>;

export const createOrganizationInput = z
  .object({
    kind: choice(organizationKinds),
    name: requiredText(200),
    nameKana: optionalText(200),
    corporateNumber: corporateNumberInput,
    municipalityCode: z.preprocess((v) => (v === "" || v === null ? undefined : v), localGovCodeInput.optional()),
    parentId: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid({ error: "validation.invalid" }).optional()),
    description: optionalText(4000),
    fields: policyFieldsInput,
  })
  .superRefine((v, ctx) => {
    if ((v.kind === "municipality" || v.kind === "prefecture") && !v.municipalityCode) {
      ctx.addIssue({ code: "custom", path: ["municipalityCode"], message: "validation.required" });
    }
    if (v.kind === "department" && !v.parentId) {
      ctx.addIssue({ code: "custom", path: ["parentId"], message: "validation.required" });
    }
  });
export type CreateOrganizationInput = z.output<typeof createOrganizationInput>;

/** What the platform admin corrects of a registered organisation (its kind and place stay). */
export const updateOrganizationInput = z.object({
  name: requiredText(200),
  nameKana: optionalText(200),
  corporateNumber: corporateNumberInput,
  municipalityCode: z.preprocess((v) => (v === "" || v === null ? undefined : v), localGovCodeInput.optional()),
  description: optionalText(4000),
  fields: policyFieldsInput,
});

/** A role in an organisation, with the department that department staff belong to. */
const roleShape = {
  role: choice(roles),
  departmentId: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid({ error: "validation.invalid" }).optional()),
};
const hasDepartmentIfBound = (v: { role: (typeof roles)[number]; departmentId?: string }) =>
  !isDepartmentBound(v.role) || Boolean(v.departmentId);
const departmentRequired = {
  path: ["departmentId"],
  error: "validation.departmentRequired" as const,
  when: whenValid("role", "departmentId"),
};

export const inviteInput = z.object({ email: email(), ...roleShape }).refine(hasDepartmentIfBound, departmentRequired);
export type InviteInput = z.output<typeof inviteInput>;

/** A member's new role (and department, for department staff). */
export const memberRoleInput = z.object(roleShape).refine(hasDepartmentIfBound, departmentRequired);

export const acceptInvitationInput = z.object({
  name: requiredText(100),
  password: password(),
});

export const forgotPasswordInput = z.object({ email: email() });
export const resetPasswordInput = z
  .object({
    token: z.string({ error: "auth.reset.invalidToken" }).min(1, { error: "auth.reset.invalidToken" }).max(500),
    password: password(),
    passwordConfirm: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ["passwordConfirm"],
    error: "validation.passwordMismatch",
    when: whenValid("password", "passwordConfirm"),
  });

export const createTokenInput = z.object({ name: requiredText(100) });

export const switchOrganizationInput = z.object({ membershipId: z.uuid({ error: "validation.invalid" }) });

export const notificationSettingsInput = z.object({
  emailNotifications: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  locale: choice(["ja", "en"] as const),
  /** Per category: at once, once a day, or only in the app (the notifications feature keeps it). */
  mail: mailPreferencesInput.default({ proposals: "immediate", agreements: "immediate", meetings: "immediate" }),
});

export const membershipView = z
  .object({
    membershipId: rowId(),
    organizationId: rowId(),
    organizationKind: z.string(),
    organizationName: z.string(),
    role: z.enum(roles),
    departmentId: rowId().nullable(),
    departmentName: z.string().nullable(),
    localGovCode: z.string().nullable(),
  })
  .meta({ id: "Membership" });
export type MembershipView = z.output<typeof membershipView>;

export const meView = z
  .object({
    user: z.object({ id: rowId(), name: z.string(), email: z.string(), locale: z.string(), emailNotifications: z.boolean() }),
    activeMembershipId: rowId().nullable().meta({ description: "The membership the token acts for (see X-Renkei-Organization)." }),
    memberships: z.array(membershipView),
  })
  .meta({ id: "Me" });
export type MeView = z.output<typeof meView>;

export const organizationView = z
  .object({
    id: rowId(),
    kind: z.string(),
    name: z.string(),
    nameKana: z.string().nullable(),
    corporateNumber: z.string().nullable().meta({ description: "法人番号 (13 digits)." }),
    localGovCode: z.string().nullable().meta({ description: "団体コード of a public body (6 digits)." }),
    parentId: rowId().nullable(),
    description: z.string(),
    fields: z.array(z.string()),
  })
  .meta({ id: "Organization" });
export type OrganizationView = z.output<typeof organizationView>;

/** A personal API token: shown once. */
export const issuedToken = z.object({ token: z.string(), expiresAt: instant() }).meta({ id: "IssuedToken" });
export type IssuedToken = z.output<typeof issuedToken>;

export const organizationListInput = z.object({
  q: optionalText(100),
  kind: z.preprocess((v) => (v === "" ? undefined : v), z.enum(organizationKinds, { error: "validation.invalidChoice" }).optional()),
  cursor: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(400).optional()),
  limit: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(100).default(50),
});

/** An API token as its owner sees it (never the secret). */
export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Tokens that stopped working together when the password was reset or changed. */
export interface TokenRevocationView {
  reason: "password_reset" | "password_change";
  revokedAt: string;
  names: string[];
}

/** A person who signed up recently, on the platform admin's home. */
export interface RecentSignUp {
  id: string;
  name: string;
  email: string;
  createdAt: string;
  /** The organisations they belong to (none yet: signed up, not yet invited or registered). */
  organizationNames: string[];
}

/** What the platform admin's home shows: organisations per kind, people, the newest sign-ups. */
export interface PlatformAtHome {
  organizationsByKind: Record<string, number>;
  people: number;
  recentSignUps: RecentSignUp[];
}

export const memberView = z
  .object({
    membershipId: rowId(),
    userId: rowId(),
    name: z.string(),
    email: z.string(),
    role: z.enum(roles),
    departmentId: rowId().nullable(),
    departmentName: z.string().nullable(),
    joinedAt: instant(),
    manageable: z.boolean().meta({ description: "The caller may change this member's role or remove them." }),
  })
  .meta({ id: "Member" });
export type MemberView = z.output<typeof memberView>;

export const memberList = z
  .object({
    members: z.array(memberView),
    invitations: z.array(z.object({ id: rowId(), email: z.string(), role: z.enum(roles), expiresAt: instant() })),
  })
  .meta({ id: "MemberList" });
