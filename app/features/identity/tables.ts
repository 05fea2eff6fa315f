import { relations, sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, char, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { localGovernments } from "../directory/tables";
import { organizationKinds, roles, type OrganizationKind, type Role } from "../../lib/roles";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export { organizationKinds, roles, type OrganizationKind, type Role };

/**
 * Every body that takes part: municipalities and prefectures (bound to their
 * national code), their departments (parent = the municipality), and partners.
 */
export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: organizationKinds }).notNull(),
    name: text("name").notNull(),
    nameKana: text("name_kana"),
    corporateNumber: char("corporate_number", { length: 13 }),
    localGovCode: char("local_gov_code", { length: 6 }).references(() => localGovernments.code),
    parentId: uuid("parent_id").references((): AnyPgColumn => organizations.id),
    description: text("description").notNull().default(""),
    fields: text("fields")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("organizations_corporate_number")
      .on(t.corporateNumber)
      .where(sql`${t.corporateNumber} is not null`),
    // One platform organisation per municipality / prefecture code.
    uniqueIndex("organizations_local_gov")
      .on(t.localGovCode)
      .where(sql`${t.kind} in ('municipality','prefecture')`),
    index("organizations_parent").on(t.parentId),
    index("organizations_kind_name").on(t.kind, t.name),
    index("organizations_name_id").on(t.name, t.id),
    index("organizations_name_trgm").using("gin", sql`${t.name} gin_trgm_ops`),
    index("organizations_local_gov_code").on(t.localGovCode),
  ],
);

/** better-auth's user model, plus our own preferences. */
export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  emailNotifications: boolean("email_notifications").notNull().default(true),
  locale: text("locale").notNull().default("ja"),
  lastMembershipId: uuid("last_membership_id"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    token: text("token").notNull().unique(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("auth_sessions_user").on(t.userId)],
);

export const authAccounts = pgTable(
  "auth_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("auth_accounts_user").on(t.userId)],
);

/**
 * The auth library's joined lookups (advanced.database.joins in auth.server.ts):
 * a signed-in request reads its session and person in one statement, sign-in
 * a person and their accounts in one (issue 19). The keys are the library's.
 */
export const userRelations = relations(users, ({ many }) => ({
  sessions: many(authSessions),
  accounts: many(authAccounts),
}));
export const authSessionRelations = relations(authSessions, ({ one }) => ({
  user: one(users, { fields: [authSessions.userId], references: [users.id] }),
}));
export const authAccountRelations = relations(authAccounts, ({ one }) => ({
  user: one(users, { fields: [authAccounts.userId], references: [users.id] }),
}));

export const authVerifications = pgTable(
  "auth_verifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("auth_verifications_identifier").on(t.identifier)],
);

/**
 * A person's place in an organisation. Department staff belong to the
 * municipality and are bound to one of its departments.
 */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    role: text("role", { enum: roles }).notNull(),
    departmentId: uuid("department_id").references(() => organizations.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_user_org_role").on(t.userId, t.organizationId, t.role),
    index("memberships_org").on(t.organizationId),
    index("memberships_department").on(t.departmentId),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role", { enum: roles }).notNull(),
    departmentId: uuid("department_id").references(() => organizations.id),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by")
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("invitations_org").on(t.organizationId), index("invitations_department").on(t.departmentId)],
);

/** Personal API tokens; only a SHA-256 hash of the secret is stored. */
export const apiTokenRevokedReasons = ["owner", "password_reset", "password_change"] as const;
export type ApiTokenRevokedReason = (typeof apiTokenRevokedReasons)[number];

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** Why it stopped working: revoked by its owner, or with every other token when the password was reset or changed. */
    revokedReason: text("revoked_reason", { enum: apiTokenRevokedReasons }),
  },
  (t) => [index("api_tokens_user").on(t.userId)],
);
