// Writes for identity & tenancy. Each command: authorize → validate → runCommand
// (one transaction with the change, its audit entry and notifications/mail).
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { isAPIError } from "better-auth/api";
import type { Auth } from "~/lib/auth/auth.server";
import type { Db, Tx } from "~/lib/db/client.server";
import { AppError, fieldError, forbidden, notFound, type FieldError } from "~/lib/errors";
import { translateLabel, translator } from "~/lib/i18n";
import { isDepartmentBound, isPublicBody, type Role } from "~/lib/roles";
import type { PublicContext, ScopedContext } from "~/lib/tenancy";
import { isUuid, parseInput } from "~/lib/validation";
import { runCommand } from "~/features/audit/run-command.internal.server";
import { localGovernmentExists } from "~/features/directory/data.internal.server";
import { apiTokens, authVerifications, invitations, memberships, organizations, users } from "./tables";
import {
  canCreateOrganization,
  canInvite,
  canManageMember,
  canManageOrganizations,
  canPlaceOrganizationUnder,
  mustKeepOne,
} from "./policy";
import { generateApiToken, generateInvitationToken } from "./tokens";
import {
  acceptInvitationInput,
  createOrganizationInput,
  createTokenInput,
  inviteInput,
  memberRoleInput,
  notificationSettingsInput,
  signupInput,
  switchOrganizationInput,
  updateOrganizationInput,
} from "./schema";
import { findOpenInvitation } from "./data.server";
import { departmentOf, findRecipients } from "./data.internal.server";
import type { Identity } from "./gate.server";
import { mailPreferencesOf, writeMailPreferences } from "~/features/notifications/preferences.internal.server";

const INVITATION_DAYS = 7;

function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let e: unknown = error;
  // drizzle wraps driver errors; the PostgreSQL code sits on the cause.
  for (let i = 0; i < 3 && e; i++) {
    const err = e as { code?: string; constraint?: string; cause?: unknown };
    if (err.code === "23505") return !constraint || err.constraint === constraint || String((e as Error).message).includes(constraint);
    e = err.cause;
  }
  return false;
}

/** Another organisation already holds this 法人番号 or 団体コード (the race the checks before the insert cannot close): said on the field. */
function rethrowAsTakenCode(error: unknown): never {
  if (isUniqueViolation(error, "organizations_corporate_number")) throw fieldError("corporateNumber", "error.corporateNumberTaken");
  if (isUniqueViolation(error, "organizations_local_gov")) throw fieldError("municipalityCode", "error.conflict");
  throw error;
}

async function emailTaken(db: Db, email: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return Boolean(row);
}

async function corporateNumberTaken(db: Db, corporateNumber: string | undefined, exceptId?: string): Promise<boolean> {
  if (!corporateNumber) return false;
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.corporateNumber, corporateNumber), exceptId ? ne(organizations.id, exceptId) : undefined))
    .limit(1);
  return Boolean(row);
}

export interface AuthDeps extends PublicContext {
  auth: Auth;
}

/**
 * Proposer self-sign-up: creates the partner organisation (with 法人番号) and
 * its first member, and signs them in. Returns the session Set-Cookie headers.
 */
export async function signUpProposer(
  deps: AuthDeps,
  rawInput: unknown,
  request: Request,
): Promise<{ userId: string; organizationId: string; setCookies: string[] }> {
  const input = parseInput(signupInput, rawInput);
  const problems = [];
  if (await emailTaken(deps.db, input.email)) problems.push({ path: "email", message: "auth.signup.emailTaken" as const });
  if (await corporateNumberTaken(deps.db, input.corporateNumber))
    problems.push({ path: "corporateNumber", message: "error.corporateNumberTaken" as const });
  if (problems.length) throw new AppError("validation", { fieldErrors: problems });

  let created: { headers: Headers; response: { user: { id: string } } };
  try {
    created = await deps.auth.api.signUpEmail({
      body: { name: input.name, email: input.email, password: input.password },
      headers: request.headers,
      returnHeaders: true,
    });
  } catch (error) {
    if (isAPIError(error) && String(error.body?.code).startsWith("USER_ALREADY_EXISTS"))
      throw fieldError("email", "auth.signup.emailTaken");
    throw error;
  }
  const userId = created.response.user.id;
  try {
    const actor = { userId, userName: input.name, organizationId: null };
    const organizationId = await runCommand(
      { ...deps, actor },
      { action: "organization.signup", targetType: "organization" },
      async (tx, command) => {
        const [org] = await tx
          .insert(organizations)
          .values({
            kind: input.organizationKind,
            name: input.organizationName,
            nameKana: input.organizationNameKana ?? null,
            corporateNumber: input.corporateNumber ?? null,
          })
          .returning();
        const [membership] = await tx.insert(memberships).values({ userId, organizationId: org!.id, role: "member" }).returning();
        await tx.update(users).set({ lastMembershipId: membership!.id }).where(eq(users.id, userId));
        command.trace({ targetId: org!.id, after: org, organizationId: org!.id });
        await command.notify({
          recipients: await findRecipients(tx, [userId]),
          organizationId: org!.id,
          kind: "welcome",
          title: "notify.welcome.title",
          body: "notify.welcome.body",
          params: { org: org!.name },
          link: "/",
        });
        return org!.id;
      },
    );
    return { userId, organizationId, setCookies: created.headers.getSetCookie() };
  } catch (error) {
    // The account exists but its organisation does not: remove it so the person can retry.
    await deps.db.delete(users).where(eq(users.id, userId));
    if (isUniqueViolation(error, "organizations_corporate_number")) throw fieldError("corporateNumber", "error.corporateNumberTaken");
    throw error;
  }
}

/** Registers an organisation (platform admin), or a department (desk admin of its municipality). */
export async function createOrganization(ctx: ScopedContext, rawInput: unknown): Promise<{ id: string }> {
  const input = parseInput(createOrganizationInput, rawInput);
  if (!canCreateOrganization(ctx.scope, input.kind)) throw forbidden();
  if (!canPlaceOrganizationUnder(ctx.scope, input.parentId)) throw fieldError("parentId", "validation.invalidChoice");
  if (input.municipalityCode && !(await localGovernmentExists(ctx.db, input.municipalityCode))) {
    throw fieldError("municipalityCode", "validation.localGovCode.unknown");
  }
  if (input.parentId) {
    const [parent] = await ctx.db.select({ kind: organizations.kind }).from(organizations).where(eq(organizations.id, input.parentId));
    if (!parent || (input.kind === "department" && !isPublicBody(parent.kind))) throw fieldError("parentId", "validation.invalidChoice");
  }
  if (await corporateNumberTaken(ctx.db, input.corporateNumber)) throw fieldError("corporateNumber", "error.corporateNumberTaken");
  try {
    return await runCommand(ctx, { action: "organization.create", targetType: "organization" }, async (tx, command) => {
      const [org] = await tx
        .insert(organizations)
        .values({
          kind: input.kind,
          name: input.name,
          nameKana: input.nameKana ?? null,
          corporateNumber: input.corporateNumber ?? null,
          localGovCode: input.municipalityCode ?? null,
          parentId: input.parentId ?? null,
          description: input.description ?? "",
          fields: input.fields,
        })
        .returning();
      // The entry belongs to the organisation affected (a department's municipality), so its
      // desk admin sees it even when a platform admin made the change.
      command.trace({ targetId: org!.id, after: org, organizationId: org!.parentId ?? org!.id });
      return { id: org!.id };
    });
  } catch (error) {
    rethrowAsTakenCode(error);
  }
}

/**
 * The platform admin corrects an organisation's name, reading, 法人番号, 団体コード
 * (public bodies must keep one), description and fields; audited before and after.
 */
export async function updateOrganization(ctx: ScopedContext, id: string, rawInput: unknown): Promise<void> {
  if (!canManageOrganizations(ctx.scope)) throw forbidden();
  const input = parseInput(updateOrganizationInput, rawInput);
  if (!isUuid(id)) throw notFound();
  const [current] = await ctx.db.select().from(organizations).where(eq(organizations.id, id));
  if (!current) throw notFound();
  const problems: FieldError[] = [];
  if (isPublicBody(current.kind) && !input.municipalityCode) problems.push({ path: "municipalityCode", message: "validation.required" });
  if (input.municipalityCode && !(await localGovernmentExists(ctx.db, input.municipalityCode)))
    problems.push({ path: "municipalityCode", message: "validation.localGovCode.unknown" });
  if (await corporateNumberTaken(ctx.db, input.corporateNumber, id))
    problems.push({ path: "corporateNumber", message: "error.corporateNumberTaken" });
  if (problems.length > 0) throw new AppError("validation", { fieldErrors: problems });
  const after = {
    name: input.name,
    nameKana: input.nameKana ?? null,
    corporateNumber: input.corporateNumber ?? null,
    localGovCode: isPublicBody(current.kind) ? input.municipalityCode! : (input.municipalityCode ?? current.localGovCode),
    description: input.description ?? "",
    fields: input.fields,
  };
  try {
    await runCommand(
      ctx,
      {
        action: "organization.update",
        targetType: "organization",
        targetId: id,
        // The entry belongs to the organisation itself (a department's to its municipality), as its registration did.
        organizationId: current.parentId ?? current.id,
        before: Object.fromEntries(Object.keys(after).map((k) => [k, current[k as keyof typeof after]])),
        after,
      },
      async (tx) => {
        await tx.update(organizations).set(after).where(eq(organizations.id, id));
      },
    );
  } catch (error) {
    rethrowAsTakenCode(error);
  }
}

/** Invites a colleague by email to the caller's active organisation. */
export async function inviteMember(ctx: ScopedContext, rawInput: unknown): Promise<{ id: string; token: string }> {
  const input = parseInput(inviteInput, rawInput);
  if (!canInvite(ctx.scope, input.role)) throw fieldError("role", "validation.invalidChoice");
  if (isDepartmentBound(input.role)) {
    const [dept] = await ctx.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(
        and(
          eq(organizations.id, input.departmentId!),
          eq(organizations.parentId, ctx.scope.organizationId),
          eq(organizations.kind, "department"),
        ),
      );
    if (!dept) throw fieldError("departmentId", "validation.invalidChoice");
  }
  const [already] = await ctx.db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.email, input.email), eq(memberships.organizationId, ctx.scope.organizationId), eq(memberships.role, input.role)))
    .limit(1);
  if (already) throw fieldError("email", "error.alreadyMember");

  const { token, hash } = generateInvitationToken();
  const url = new URL(`/invitations/${token}`, ctx.baseUrl).toString();
  const id = await runCommand(ctx, { action: "invitation.create", targetType: "invitation" }, async (tx, command) => {
    const [invitation] = await tx
      .insert(invitations)
      .values({
        organizationId: ctx.scope.organizationId,
        email: input.email,
        role: input.role,
        departmentId: isDepartmentBound(input.role) ? input.departmentId! : null,
        tokenHash: hash,
        invitedBy: ctx.scope.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      })
      .returning();
    command.trace({ targetId: invitation!.id, after: { email: input.email, role: input.role, departmentId: invitation!.departmentId } });
    const t = translator("ja");
    await command.mail([
      {
        to: input.email,
        subject: t("mail.invitation.subject", { org: ctx.scope.organizationName }),
        bodyText: t("mail.invitation.body", {
          inviter: ctx.scope.userName,
          org: ctx.scope.organizationName,
          role: t(`role.${input.role}`),
          url,
        }),
      },
    ]);
    return invitation!.id;
  });
  return { id, token };
}

/** A membership of the caller's organisation the caller manages, locked for the change; 404 for anyone else's. */
async function managedMembership(tx: Tx, ctx: ScopedContext, membershipId: string) {
  if (!isUuid(membershipId)) throw notFound();
  const [member] = await tx
    .select({ id: memberships.id, userId: memberships.userId, role: memberships.role, departmentId: memberships.departmentId })
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, ctx.scope.organizationId)))
    .for("update");
  if (!member) throw notFound();
  if (!canManageMember(ctx.scope, member)) throw forbidden();
  return member;
}

/** The organisation keeps a desk admin: the last one is neither demoted nor removed. */
async function keepsAnAdmin(tx: Tx, ctx: ScopedContext, leaving: { id: string; role: Role }) {
  if (!mustKeepOne(leaving.role)) return;
  const admins = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, ctx.scope.organizationId), eq(memberships.role, "desk_admin")))
    .for("update");
  if (admins.every((a) => a.id === leaving.id)) throw new AppError("conflict", { message: "error.lastAdmin" });
}

/** Gives a member another role (department staff: of a department of this municipality); the member is told. */
export async function changeMemberRole(ctx: ScopedContext, membershipId: string, rawInput: unknown): Promise<void> {
  const input = parseInput(memberRoleInput, rawInput);
  const departmentId = isDepartmentBound(input.role) ? input.departmentId! : null;
  await runCommand(ctx, { action: "membership.update", targetType: "membership", targetId: membershipId }, async (tx, command) => {
    // Whose member it is (404), whether the caller manages them (403), then whether the new role is the caller's to give.
    const member = await managedMembership(tx, ctx, membershipId);
    if (!canInvite(ctx.scope, input.role)) throw fieldError("role", "validation.invalidChoice");
    if (departmentId && !(await departmentOf(tx, ctx.scope.organizationId, departmentId)))
      throw fieldError("departmentId", "validation.invalidChoice");
    if (member.role === input.role && member.departmentId === departmentId) return command.unchanged();
    if (member.role !== input.role) await keepsAnAdmin(tx, ctx, member);
    const [taken] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, member.userId),
          eq(memberships.organizationId, ctx.scope.organizationId),
          eq(memberships.role, input.role),
        ),
      );
    if (taken && taken.id !== member.id) throw fieldError("role", "error.alreadyMember");
    await tx.update(memberships).set({ role: input.role, departmentId }).where(eq(memberships.id, member.id));
    command.trace({ before: { role: member.role, departmentId: member.departmentId }, after: { role: input.role, departmentId } });
    await command.notify({
      recipients: await findRecipients(tx, [member.userId]),
      organizationId: ctx.scope.organizationId,
      kind: "member_changed",
      title: "notify.memberChanged.title",
      body: "notify.memberChanged.body",
      params: { org: ctx.scope.organizationName, role: translateLabel("ja", "role", input.role) },
      link: "/",
    });
  });
}

/** Takes a member out of the organisation (their account stays, with their other organisations); the member is told. */
export async function removeMember(ctx: ScopedContext, membershipId: string): Promise<void> {
  await runCommand(ctx, { action: "membership.delete", targetType: "membership", targetId: membershipId }, async (tx, command) => {
    const member = await managedMembership(tx, ctx, membershipId);
    await keepsAnAdmin(tx, ctx, member);
    await tx.delete(memberships).where(eq(memberships.id, member.id));
    // Their next sign-in opens another of their organisations, not this one.
    await tx
      .update(users)
      .set({ lastMembershipId: null })
      .where(and(eq(users.id, member.userId), eq(users.lastMembershipId, member.id)));
    command.trace({ before: { userId: member.userId, role: member.role, departmentId: member.departmentId } });
    await command.notify({
      recipients: await findRecipients(tx, [member.userId]),
      organizationId: null,
      kind: "member_removed",
      title: "notify.memberRemoved.title",
      body: "notify.memberRemoved.body",
      params: { org: ctx.scope.organizationName },
    });
  });
}

/**
 * Accepts an invitation. A signed-in user must be the invitee; a new person
 * creates their account here (name + password) and is signed in.
 */
export async function acceptInvitation(
  deps: AuthDeps,
  token: string,
  identity: Identity | null,
  rawInput: unknown,
  request: Request,
): Promise<{ membershipId: string; organizationName: string; setCookies: string[] }> {
  const invitation = await findOpenInvitation(deps, token);
  if (!invitation) throw new AppError("not_found", { message: "invite.accept.invalid" });
  let userId: string;
  let userName: string;
  let setCookies: string[] = [];
  if (identity) {
    if (identity.user.email !== invitation.email) throw new AppError("forbidden", { message: "invite.accept.wrongUser" });
    userId = identity.user.id;
    userName = identity.user.name;
  } else {
    if (invitation.userExists) throw new AppError("unauthorized", { message: "auth.required" });
    const input = parseInput(acceptInvitationInput, rawInput);
    const created = await deps.auth.api.signUpEmail({
      body: { name: input.name, email: invitation.email, password: input.password },
      headers: request.headers,
      returnHeaders: true,
    });
    userId = created.response.user.id;
    userName = input.name;
    setCookies = created.headers.getSetCookie();
  }
  const actor = { userId, userName, organizationId: invitation.organizationId };
  const membershipId = await runCommand(
    { ...deps, actor },
    { action: "invitation.accept", targetType: "membership" },
    async (tx, command) => {
      // Claim the invitation first so two clicks cannot both succeed.
      const [claimed] = await tx
        .update(invitations)
        .set({ acceptedAt: sql`now()` })
        .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())))
        .returning();
      if (!claimed) throw new AppError("not_found", { message: "invite.accept.invalid" });
      const [membership] = await tx
        .insert(memberships)
        .values({ userId, organizationId: invitation.organizationId, role: invitation.role as Role, departmentId: invitation.departmentId })
        .onConflictDoNothing()
        .returning();
      const membershipId =
        membership?.id ??
        (
          await tx
            .select({ id: memberships.id })
            .from(memberships)
            .where(
              and(
                eq(memberships.userId, userId),
                eq(memberships.organizationId, invitation.organizationId),
                eq(memberships.role, invitation.role as Role),
              ),
            )
        )[0]!.id;
      await tx.update(users).set({ lastMembershipId: membershipId, emailVerified: true }).where(eq(users.id, userId));
      command.trace({
        targetId: membershipId,
        after: { role: invitation.role, organizationId: invitation.organizationId, departmentId: invitation.departmentId },
      });
      await command.notify({
        recipients: await findRecipients(tx, [claimed.invitedBy]),
        organizationId: invitation.organizationId,
        kind: "member_joined",
        title: "notify.memberJoined.title",
        body: "notify.memberJoined.body",
        params: { name: userName, org: invitation.organizationName, role: translateLabel("ja", "role", invitation.role) },
        link: "/org/members",
      });
      return membershipId;
    },
  );
  return { membershipId, organizationName: invitation.organizationName, setCookies };
}

/** Creates a personal API token; the secret is returned once and never stored. */
export async function createApiToken(ctx: ScopedContext, rawInput: unknown): Promise<{ id: string; token: string }> {
  const input = parseInput(createTokenInput, rawInput);
  return insertApiToken(ctx.db, { requestId: ctx.requestId, actor: ctx.scope }, ctx.scope.userId, input.name);
}

/** POST /api/v1/tokens, after the password check: a token for the person who signed in (no organisation acts yet). */
export async function issueApiToken(
  ctx: PublicContext,
  user: { id: string; name: string | null },
  name: string,
  expiresAt?: Date,
): Promise<{ id: string; token: string }> {
  return insertApiToken(
    ctx.db,
    { requestId: ctx.requestId, actor: { userId: user.id, userName: user.name, organizationId: null } },
    user.id,
    name,
    expiresAt,
  );
}

async function insertApiToken(
  db: Db,
  audit: { requestId: string; actor: { userId: string; userName: string | null; organizationId: string | null } },
  userId: string,
  name: string,
  expiresAt?: Date,
): Promise<{ id: string; token: string }> {
  const { token, prefix, hash } = generateApiToken();
  return runCommand(
    { db, ...audit },
    { action: "token.create", targetType: "api_token", after: { name, prefix }, organizationId: null },
    async (tx, command) => {
      const [row] = await tx
        .insert(apiTokens)
        .values({ userId, name, prefix, tokenHash: hash, expiresAt: expiresAt ?? null })
        .returning({ id: apiTokens.id });
      command.trace({ targetId: row!.id });
      return { id: row!.id, token };
    },
  );
}

export async function revokeApiToken(ctx: ScopedContext, tokenId: string): Promise<void> {
  // A tampered form value is a token that does not exist, not a database error.
  if (!isUuid(tokenId)) throw notFound();
  await runCommand(
    ctx,
    { action: "token.revoke", targetType: "api_token", targetId: tokenId, organizationId: null },
    async (tx, command) => {
      const [row] = await tx
        .update(apiTokens)
        .set({ revokedAt: sql`now()`, revokedReason: "owner" })
        .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, ctx.scope.userId), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id, name: apiTokens.name });
      // Someone else's token and a missing one look the same.
      if (!row) throw notFound();
      command.trace({ before: { name: row.name } });
    },
  );
}

/** Makes one of the user's memberships the active one; returns it or throws 404. */
export async function switchOrganization(
  ctx: ScopedContext,
  identity: Identity,
  rawInput: unknown,
): Promise<{ membershipId: string; organizationName: string }> {
  const input = parseInput(switchOrganizationInput, rawInput);
  const target = identity.memberships.find((m) => m.membershipId === input.membershipId);
  if (!target) throw notFound();
  const trace = {
    action: "session.switchOrganization",
    targetType: "membership",
    targetId: target.membershipId,
    before: { membershipId: ctx.scope.membershipId },
    after: { membershipId: target.membershipId },
    // In the log of the organisation switched to.
    organizationId: target.organizationId,
  };
  await runCommand(ctx, trace, async (tx) => {
    await tx.update(users).set({ lastMembershipId: target.membershipId }).where(eq(users.id, identity.user.id));
  });
  return { membershipId: target.membershipId, organizationName: target.organizationName };
}

export async function updateUserSettings(ctx: ScopedContext, rawInput: unknown): Promise<void> {
  const input = parseInput(notificationSettingsInput, rawInput);
  await runCommand(
    ctx,
    { action: "user.settings", targetType: "user", targetId: ctx.scope.userId, after: input, organizationId: null },
    async (tx, command) => {
      const [before] = await tx
        .select({ emailNotifications: users.emailNotifications, locale: users.locale })
        .from(users)
        .where(eq(users.id, ctx.scope.userId));
      const mailBefore = await mailPreferencesOf(tx, ctx.scope.userId);
      const { mail, ...own } = input;
      await tx.update(users).set(own).where(eq(users.id, ctx.scope.userId));
      await writeMailPreferences(tx, ctx.scope.userId, mail);
      command.trace({ before: { ...before, mail: mailBefore } });
    },
  );
}

/** Sets a new password from a reset link; every existing session is revoked. */
export async function resetPassword(deps: AuthDeps, token: string, newPassword: string): Promise<void> {
  // better-auth keeps the reset token as "reset-password:<token>" → user id.
  const [pending] = await deps.db
    .select({ userId: authVerifications.value })
    .from(authVerifications)
    .where(and(eq(authVerifications.identifier, `reset-password:${token}`), gt(authVerifications.expiresAt, new Date())))
    .limit(1);
  try {
    await deps.auth.api.resetPassword({ body: { newPassword, token } });
  } catch (error) {
    if (isAPIError(error)) throw fieldError("token", "auth.reset.invalidToken");
    throw error;
  }
  const actor = { userId: pending?.userId ?? null, userName: null, organizationId: null };
  // better-auth has changed the password: this records that it happened.
  await runCommand(
    { ...deps, actor },
    { action: "user.passwordReset", targetType: "user", targetId: pending?.userId ?? null },
    async () => {},
  );
}
