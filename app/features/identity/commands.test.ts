// Identity & tenancy commands on a real database (PGlite, and PostgreSQL when
// TEST_DATABASE_URL answers). Every scope comes from the gate: a bearer token
// or a session cookie → identify() → requireScopeFrom().
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { verifyCredentials } from "~/lib/auth/auth.server";
import { notifyUsers } from "~/features/notifications/notify.internal.server";
import { listNotifications } from "~/features/notifications/data.server";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { addMembership, createDepartment, createMember, createOrganization, TEST_PASSWORD, validCorporateNumber } from "~/test/factories";
import {
  appErrorOf,
  auditRows,
  authDeps,
  contextOf,
  cookieHeader,
  extract,
  fieldPaths,
  identityFor,
  notificationRows,
  outboxTo,
  requestFor,
  scopedContext,
  signInCookie,
} from "~/test/helpers";
import {
  acceptInvitation,
  changeMemberRole,
  createApiToken,
  createOrganization as createOrganizationCommand,
  inviteMember,
  removeMember,
  resetPassword,
  revokeApiToken,
  signUpProposer,
  switchOrganization,
  updateOrganization,
  updateUserSettings,
} from "./commands.server";
import { getActiveOrganization, listApiTokens, listMembers } from "./data.server";
import { findRecipients } from "./data.internal.server";
import { invitations, memberships, users } from "./tables";

const drivers = await testDrivers();
const unique = () => randomBytes(4).toString("hex");
const NEW_PASSWORD = "brand-new-password-2026";

/** A valid 法人番号 with its check digit changed (always invalid). */
function wrongCheckDigit(number: string): string {
  const digit = Number(number[0]);
  return `${digit === 9 ? 1 : digit + 1}${number.slice(1)}`;
}

describe.each(drivers)("identity commands on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await app.close();
  });

  const signupInput = (over: Record<string, unknown> = {}) => ({
    organizationKind: "company",
    organizationName: `北陸テスト株式会社 ${unique()}`,
    organizationNameKana: "ほくりくてすと",
    corporateNumber: validCorporateNumber(),
    name: "山田 太郎",
    email: `proposer-${unique()}@example.jp`,
    password: "signup-password-2026",
    passwordConfirm: "signup-password-2026",
    ...over,
  });
  const signupRequest = () => requestFor(app.runtime, {}, "/signup", { method: "POST" });

  describe("signUpProposer", () => {
    it("creates the organisation with its 法人番号, the first member, an audit entry, a welcome notification and its mail", async () => {
      const requestId = randomUUID();
      const input = signupInput();
      // Full-width digits and hyphens are what people paste from the 法人番号 site.
      const typed = (input.corporateNumber as string)
        .replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
        .replace(/^(.)(.{4})/, "$1-$2-");
      const result = await signUpProposer(authDeps(app.runtime, requestId), { ...input, corporateNumber: typed }, signupRequest());
      expect(result.setCookies.length).toBeGreaterThan(0);

      // The session cookie the sign-up returned passes the gate as the new member.
      const { ctx } = await scopedContext(app.runtime, { cookie: cookieHeader(result.setCookies) });
      expect(ctx.scope).toMatchObject({
        userId: result.userId,
        organizationId: result.organizationId,
        role: "member",
        organizationKind: "company",
        userEmail: input.email,
      });
      const org = await getActiveOrganization(ctx);
      expect(org).toMatchObject({
        name: input.organizationName,
        nameKana: "ほくりくてすと",
        corporateNumber: input.corporateNumber,
        kind: "company",
      });

      const audit = await auditRows(app.runtime.db, { requestId });
      expect(audit).toEqual([
        expect.objectContaining({
          action: "organization.signup",
          targetType: "organization",
          targetId: result.organizationId,
          actorUserId: result.userId,
          organizationId: result.organizationId,
        }),
      ]);

      const notes = await listNotifications(ctx);
      expect(notes).toEqual([expect.objectContaining({ kind: "welcome", title: "Renkei へようこそ", readAt: null, link: "/" })]);
      expect(notes[0]!.body).toContain(input.organizationName);
      const mail = await outboxTo(app.runtime.db, input.email);
      expect(mail).toHaveLength(1);
      expect(mail[0]).toMatchObject({ status: "pending", attempts: 0 });
      expect(mail[0]!.subject).toContain("Renkei へようこそ");
      expect(mail[0]!.bodyText).toContain(`${app.runtime.config.baseUrl}/`);

      // The password works for a normal sign-in, too.
      expect(await verifyCredentials(app.runtime.auth, input.email, input.password)).toMatchObject({ id: result.userId });
    });

    it("answers a taken email with a field error on email, and a taken 法人番号 on corporateNumber — both at once", async () => {
      const first = signupInput();
      await signUpProposer(authDeps(app.runtime), first, signupRequest());

      const sameEmail = await appErrorOf(
        signUpProposer(authDeps(app.runtime), signupInput({ email: first.email.toUpperCase() }), signupRequest()),
      );
      expect(sameEmail.code).toBe("validation");
      expect(sameEmail.fieldErrors).toEqual([{ path: "email", message: "auth.signup.emailTaken" }]);

      const sameNumber = await appErrorOf(
        signUpProposer(authDeps(app.runtime), signupInput({ corporateNumber: first.corporateNumber }), signupRequest()),
      );
      expect(sameNumber.fieldErrors).toEqual([{ path: "corporateNumber", message: "error.corporateNumberTaken" }]);

      const both = await appErrorOf(
        signUpProposer(authDeps(app.runtime), signupInput({ email: first.email, corporateNumber: first.corporateNumber }), signupRequest()),
      );
      expect(fieldPaths(both)).toEqual(["corporateNumber", "email"]);

      // The failed attempts created nothing: one organisation signup in the log, one account.
      expect(await auditRows(app.runtime.db, { action: "organization.signup" })).toHaveLength(1);
    });

    it("rejects a 法人番号 whose check digit is wrong, mismatched passwords, and reports every field problem at once", async () => {
      const number = validCorporateNumber();
      const badDigit = await appErrorOf(
        signUpProposer(authDeps(app.runtime), signupInput({ corporateNumber: wrongCheckDigit(number) }), signupRequest()),
      );
      expect(badDigit.fieldErrors).toEqual([
        expect.objectContaining({ path: "corporateNumber", message: "validation.corporateNumber.checkDigit" }),
      ]);

      const mismatch = await appErrorOf(
        signUpProposer(authDeps(app.runtime), signupInput({ passwordConfirm: "something-else-entirely" }), signupRequest()),
      );
      expect(mismatch.fieldErrors).toEqual([expect.objectContaining({ path: "passwordConfirm", message: "validation.passwordMismatch" })]);

      const everything = await appErrorOf(
        signUpProposer(
          authDeps(app.runtime),
          {
            organizationKind: "municipality",
            organizationName: " ",
            corporateNumber: "12345",
            name: "",
            email: "not-an-email",
            password: "short",
            passwordConfirm: "",
          },
          signupRequest(),
        ),
      );
      expect(everything.code).toBe("validation");
      expect(fieldPaths(everything)).toEqual([
        "corporateNumber",
        "email",
        "name",
        "organizationKind",
        "organizationName",
        "password",
        "passwordConfirm",
      ]);

      // A mismatch is reported together with other field problems, not only after they are fixed.
      const mismatchAndEmail = await appErrorOf(
        signUpProposer(authDeps(app.runtime), signupInput({ email: "nope", passwordConfirm: "something-else-entirely" }), signupRequest()),
      );
      expect(fieldPaths(mismatchAndEmail)).toEqual(["email", "passwordConfirm"]);

      expect(await auditRows(app.runtime.db, { action: "organization.signup" })).toHaveLength(0);
    });
  });

  describe("updateOrganization", () => {
    it("lets the platform admin correct an organisation, every problem at once, audited before and after", async () => {
      const admin = await createMember(app.runtime, { role: "platform_admin" });
      const desk = await createMember(app.runtime, { role: "desk_admin" });
      const company = await createOrganization(app.runtime.db, { kind: "company", name: "旧社名株式会社" });
      const other = await createOrganization(app.runtime.db, { kind: "company" });
      const adminCtx = await contextOf(app.runtime, admin);

      const refused = await appErrorOf(
        updateOrganization(adminCtx, desk.organizationId, { name: "", corporateNumber: other.corporateNumber, municipalityCode: "" }),
      );
      expect(fieldPaths(refused)).toEqual(["name"]);
      const problems = await appErrorOf(
        updateOrganization(adminCtx, desk.organizationId, { name: "市", corporateNumber: other.corporateNumber, municipalityCode: "" }),
      );
      // A municipality keeps its 団体コード; a 法人番号 belongs to one organisation.
      expect(fieldPaths(problems)).toEqual(["corporateNumber", "municipalityCode"]);

      const ctx = await contextOf(app.runtime, admin);
      await updateOrganization(ctx, company.id, { name: "新社名株式会社", fields: ["health"], description: "社名を変えました。" });
      expect(await auditRows(app.runtime.db, { requestId: ctx.requestId })).toEqual([
        expect.objectContaining({
          action: "organization.update",
          organizationId: company.id,
          before: expect.objectContaining({ name: "旧社名株式会社" }),
          after: expect.objectContaining({ name: "新社名株式会社", fields: ["health"], description: "社名を変えました。" }),
        }),
      ]);
      expect((await appErrorOf(updateOrganization(await contextOf(app.runtime, desk), company.id, { name: "x" }))).status).toBe(403);
      expect((await appErrorOf(updateOrganization(adminCtx, randomUUID(), { name: "x" }))).status).toBe(404);
    });
  });

  describe("createOrganization", () => {
    it("lets platform admins register any kind, desk admins only departments of their own municipality, and nobody else", async () => {
      const admin = await createMember(app.runtime, { role: "platform_admin" });
      const deskX = await createMember(app.runtime, { role: "desk_admin" });
      const municipalityY = await createOrganization(app.runtime.db, { kind: "municipality" });
      const adminCtx = await contextOf(app.runtime, admin);
      const deskCtx = await contextOf(app.runtime, deskX);

      const number = validCorporateNumber();
      const company = await createOrganizationCommand(adminCtx, {
        kind: "company",
        name: "登録株式会社",
        corporateNumber: number,
        fields: ["health"],
      });
      const [created] = await auditRows(app.runtime.db, { requestId: adminCtx.requestId });
      expect(created).toMatchObject({
        action: "organization.create",
        targetId: company.id,
        actorUserId: admin.userId,
        organizationId: company.id,
      });
      expect(created!.after).toMatchObject({ name: "登録株式会社", corporateNumber: number, kind: "company" });

      const dupNumber = await appErrorOf(
        createOrganizationCommand(adminCtx, { kind: "company", name: "重複株式会社", corporateNumber: number }),
      );
      expect(dupNumber.fieldErrors).toEqual([expect.objectContaining({ path: "corporateNumber", message: "error.corporateNumberTaken" })]);

      // The municipality of desk X is already on the platform: a second one for the same 団体コード is a conflict.
      const [xOrg] = (await identityFor(app.runtime, { token: deskX.token }))!.memberships;
      const dupCode = await appErrorOf(
        createOrganizationCommand(adminCtx, { kind: "municipality", name: "二重市", municipalityCode: xOrg!.localGovCode }),
      );
      expect(dupCode.fieldErrors).toEqual([expect.objectContaining({ path: "municipalityCode" })]);

      const dept = await createOrganizationCommand(deskCtx, { kind: "department", name: "交通政策課", parentId: deskX.organizationId });
      expect((await auditRows(app.runtime.db, { requestId: deskCtx.requestId }))[0]).toMatchObject({
        action: "organization.create",
        targetId: dept.id,
        organizationId: deskX.organizationId,
      });

      const foreign = await appErrorOf(
        createOrganizationCommand(deskCtx, { kind: "department", name: "乗っ取り課", parentId: municipalityY.id }),
      );
      expect(foreign.fieldErrors).toEqual([expect.objectContaining({ path: "parentId" })]);
      expect((await appErrorOf(createOrganizationCommand(deskCtx, { kind: "company", name: "勝手株式会社" }))).code).toBe("forbidden");

      const companyParent = await appErrorOf(
        createOrganizationCommand(adminCtx, { kind: "department", name: "会社の課", parentId: company.id }),
      );
      expect(companyParent.fieldErrors).toEqual([expect.objectContaining({ path: "parentId" })]);

      for (const role of ["desk_staff", "department_staff"] as const) {
        const m = await createMember(app.runtime, { role, organizationId: deskX.organizationId });
        const ctx = await contextOf(app.runtime, m);
        expect(
          (await appErrorOf(createOrganizationCommand(ctx, { kind: "department", name: "課", parentId: deskX.organizationId }))).code,
        ).toBe("forbidden");
      }
      for (const role of ["member", "coordinator"] as const) {
        const m = await createMember(app.runtime, { role });
        const ctx = await contextOf(app.runtime, m);
        expect((await appErrorOf(createOrganizationCommand(ctx, { kind: "company", name: "株式会社" }))).code).toBe("forbidden");
      }
      // Refused commands wrote nothing.
      expect(await auditRows(app.runtime.db, { action: "organization.create" })).toHaveLength(2);
    });
  });

  describe("invitations", () => {
    async function deskWithDepartments() {
      const desk = await createMember(app.runtime, { role: "desk_admin", name: "窓口 花子" });
      const ownDept = await createDepartment(app.runtime.db, desk.organizationId);
      const foreignDept = await createDepartment(app.runtime.db);
      const ctx = await contextOf(app.runtime, desk);
      return { desk, ownDept, foreignDept, ctx };
    }

    it("lets a desk admin invite desk and department staff of its own municipality, mailing a link that carries the token", async () => {
      const { desk, ownDept, foreignDept, ctx } = await deskWithDepartments();
      const staffEmail = `staff-${unique()}@example.jp`;
      const staff = await inviteMember(ctx, { email: staffEmail, role: "desk_staff" });
      const mail = await outboxTo(app.runtime.db, staffEmail);
      expect(mail).toHaveLength(1);
      expect(mail[0]!.bodyText).toContain(`${app.runtime.config.baseUrl}/invitations/${staff.token}`);
      expect(mail[0]!.bodyText).toContain("窓口 花子");
      const [row] = await app.runtime.db.select().from(invitations).where(eq(invitations.id, staff.id));
      expect(row).toMatchObject({
        organizationId: desk.organizationId,
        role: "desk_staff",
        departmentId: null,
        invitedBy: desk.userId,
        acceptedAt: null,
      });
      expect(row!.tokenHash).not.toContain(staff.token);
      const [audit] = await auditRows(app.runtime.db, { requestId: ctx.requestId });
      expect(audit).toMatchObject({
        action: "invitation.create",
        targetId: staff.id,
        organizationId: desk.organizationId,
        after: { email: staffEmail, role: "desk_staff", departmentId: null },
      });
      expect(JSON.stringify(audit)).not.toContain(staff.token);

      const deptEmail = `dept-${unique()}@example.jp`;
      const dept = await inviteMember(await contextOf(app.runtime, desk), {
        email: deptEmail,
        role: "department_staff",
        departmentId: ownDept.id,
      });
      const [deptRow] = await app.runtime.db.select().from(invitations).where(eq(invitations.id, dept.id));
      expect(deptRow).toMatchObject({ role: "department_staff", departmentId: ownDept.id });

      const foreign = await appErrorOf(
        inviteMember(ctx, { email: `x-${unique()}@example.jp`, role: "department_staff", departmentId: foreignDept.id }),
      );
      expect(foreign.fieldErrors).toEqual([expect.objectContaining({ path: "departmentId", message: "validation.invalidChoice" })]);
      const noDept = await appErrorOf(inviteMember(ctx, { email: `x-${unique()}@example.jp`, role: "department_staff" }));
      expect(noDept.fieldErrors).toEqual([expect.objectContaining({ path: "departmentId", message: "validation.departmentRequired" })]);
      const partnerRole = await appErrorOf(inviteMember(ctx, { email: `x-${unique()}@example.jp`, role: "member" }));
      expect(partnerRole.fieldErrors).toEqual([expect.objectContaining({ path: "role" })]);
      const already = await appErrorOf(inviteMember(ctx, { email: desk.email, role: "desk_admin" }));
      expect(already.fieldErrors).toEqual([expect.objectContaining({ path: "email", message: "error.alreadyMember" })]);

      // The pending invitations show in the desk's member list, nowhere else.
      const list = await listMembers(ctx);
      expect(list.invitations.map((i) => i.email).sort()).toEqual([deptEmail, staffEmail].sort());
      const otherDesk = await createMember(app.runtime, { role: "desk_admin" });
      expect((await listMembers(await contextOf(app.runtime, otherDesk))).invitations).toEqual([]);
      expect(await auditRows(app.runtime.db, { action: "invitation.create" })).toHaveLength(2);
    });

    it("keeps partners and staff from handing out desk roles", async () => {
      const desk = await createMember(app.runtime, { role: "desk_admin" });
      const member = await createMember(app.runtime, { role: "member" });
      const memberCtx = await contextOf(app.runtime, member);
      for (const role of ["desk_admin", "desk_staff", "department_staff", "platform_admin"]) {
        const error = await appErrorOf(
          inviteMember(memberCtx, {
            email: `x-${unique()}@example.jp`,
            role,
            departmentId: role === "department_staff" ? randomUUID() : undefined,
          }),
        );
        expect(error.fieldErrors).toEqual([expect.objectContaining({ path: "role" })]);
      }
      // …but partners invite their own colleagues.
      await inviteMember(memberCtx, { email: `colleague-${unique()}@example.jp`, role: "member" });

      for (const role of ["desk_staff", "department_staff"] as const) {
        const staff = await createMember(app.runtime, { role, organizationId: desk.organizationId });
        const ctx = await contextOf(app.runtime, staff);
        const error = await appErrorOf(inviteMember(ctx, { email: `x-${unique()}@example.jp`, role: "desk_staff" }));
        expect(error.fieldErrors).toEqual([expect.objectContaining({ path: "role" })]);
      }
      expect(await auditRows(app.runtime.db, { action: "invitation.create" })).toHaveLength(1);
    });

    it("turns an invitation into a membership for a new person, once, and tells the inviter", async () => {
      const { desk, ownDept, ctx } = await deskWithDepartments();
      const email = `newcomer-${unique()}@example.jp`;
      const { token } = await inviteMember(ctx, { email, role: "department_staff", departmentId: ownDept.id });
      const link = extract((await outboxTo(app.runtime.db, email))[0]!.bodyText, /\/invitations\/([A-Za-z0-9_-]+)/);
      expect(link).toBe(token);

      const requestId = randomUUID();
      const accepted = await acceptInvitation(
        authDeps(app.runtime, requestId),
        link,
        null,
        { name: "新人 一郎", password: NEW_PASSWORD },
        requestFor(app.runtime, {}, `/invitations/${link}`, { method: "POST" }),
      );
      expect(accepted.setCookies.length).toBeGreaterThan(0);
      const identity = await identityFor(app.runtime, { cookie: cookieHeader(accepted.setCookies) });
      expect(identity?.user.email).toBe(email);
      expect(identity?.memberships).toEqual([
        expect.objectContaining({
          membershipId: accepted.membershipId,
          organizationId: desk.organizationId,
          role: "department_staff",
          departmentId: ownDept.id,
          departmentName: ownDept.name,
        }),
      ]);
      expect(identity?.active?.membershipId).toBe(accepted.membershipId);
      expect(await verifyCredentials(app.runtime.auth, email, NEW_PASSWORD)).toBeTruthy();

      const [audit] = await auditRows(app.runtime.db, { requestId });
      expect(audit).toMatchObject({
        action: "invitation.accept",
        targetId: accepted.membershipId,
        organizationId: desk.organizationId,
        actorUserId: identity!.user.id,
      });

      // The inviter hears about it, in the app and by mail.
      const inviterNotes = await listNotifications(await contextOf(app.runtime, desk));
      expect(inviterNotes).toEqual([expect.objectContaining({ kind: "member_joined", link: "/org/members" })]);
      expect(inviterNotes[0]!.title).toContain("新人 一郎");
      const inviterMail = await outboxTo(app.runtime.db, desk.email);
      expect(inviterMail).toHaveLength(1);
      expect(inviterMail[0]!.bodyText).toContain(`${app.runtime.config.baseUrl}/org/members`);
      // The newcomer was not notified about themselves.
      expect(await notificationRows(app.runtime.db, identity!.user.id)).toEqual([]);

      const again = await appErrorOf(acceptInvitation(authDeps(app.runtime), link, identity, {}, requestFor(app.runtime, {})));
      expect(again.code).toBe("not_found");
      const againAnonymous = await appErrorOf(
        acceptInvitation(authDeps(app.runtime), link, null, { name: "二度目", password: NEW_PASSWORD }, requestFor(app.runtime, {})),
      );
      expect(againAnonymous.code).toBe("not_found");
      expect(await auditRows(app.runtime.db, { action: "invitation.accept" })).toHaveLength(1);
    });

    it("refuses the wrong signed-in person, asks an existing invitee to sign in, and lets them join when they do", async () => {
      const { desk, ctx } = await deskWithDepartments();
      const existing = await createMember(app.runtime, { role: "member" });
      const stranger = await createMember(app.runtime, { role: "member" });
      const { token } = await inviteMember(ctx, { email: existing.email, role: "desk_staff" });

      const wrongUser = await appErrorOf(
        acceptInvitation(
          authDeps(app.runtime),
          token,
          await identityFor(app.runtime, { token: stranger.token }),
          {},
          requestFor(app.runtime, {}),
        ),
      );
      expect(wrongUser.code).toBe("forbidden");
      const signedOut = await appErrorOf(
        acceptInvitation(authDeps(app.runtime), token, null, { name: "なりすまし", password: NEW_PASSWORD }, requestFor(app.runtime, {})),
      );
      expect(signedOut.code).toBe("unauthorized");
      // Neither attempt consumed the invitation or changed the invitee's password.
      expect(await verifyCredentials(app.runtime.auth, existing.email, TEST_PASSWORD)).toBeTruthy();

      const cookie = await signInCookie(app.runtime, existing.email);
      const accepted = await acceptInvitation(
        authDeps(app.runtime),
        token,
        await identityFor(app.runtime, { cookie }),
        {},
        requestFor(app.runtime, { cookie }),
      );
      const after = await identityFor(app.runtime, { cookie });
      expect(after?.memberships.map((m) => [m.organizationId, m.role])).toEqual([
        [existing.organizationId, "member"],
        [desk.organizationId, "desk_staff"],
      ]);
      expect(after?.active?.membershipId).toBe(accepted.membershipId);
      expect((await identityFor(app.runtime, { token: stranger.token }))?.memberships).toHaveLength(1);
    });

    it("treats an expired invitation as not found", async () => {
      const { ctx } = await deskWithDepartments();
      const email = `late-${unique()}@example.jp`;
      const { id, token } = await inviteMember(ctx, { email, role: "desk_staff" });
      await app.runtime.db
        .update(invitations)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(invitations.id, id));
      const expired = await appErrorOf(
        acceptInvitation(authDeps(app.runtime), token, null, { name: "遅刻 次郎", password: NEW_PASSWORD }, requestFor(app.runtime, {})),
      );
      expect(expired.code).toBe("not_found");
      expect(await verifyCredentials(app.runtime.auth, email, NEW_PASSWORD)).toBeNull();
      const unknown = await appErrorOf(
        acceptInvitation(authDeps(app.runtime), randomBytes(32).toString("base64url"), null, {}, requestFor(app.runtime, {})),
      );
      expect(unknown.code).toBe("not_found");
      expect((await listMembers(ctx)).invitations).toEqual([]);
    });
  });

  describe("members", () => {
    const membershipOf = async (ctx: Awaited<ReturnType<typeof contextOf>>, userId: string) =>
      (await listMembers(ctx)).members.find((m) => m.userId === userId)!;

    it("lets the desk admin change a colleague's role and department, told to them, audited before and after", async () => {
      const desk = await createMember(app.runtime, { role: "desk_admin" });
      const staff = await createMember(app.runtime, { role: "desk_staff", organizationId: desk.organizationId });
      const dept = await createDepartment(app.runtime.db, desk.organizationId);
      const ctx = await contextOf(app.runtime, desk);
      const target = await membershipOf(ctx, staff.userId);
      expect(target.manageable).toBe(true);
      expect((await membershipOf(ctx, desk.userId)).manageable).toBe(false);

      // Department staff need a department, of this municipality.
      expect(fieldPaths(await appErrorOf(changeMemberRole(ctx, target.membershipId, { role: "department_staff" })))).toEqual([
        "departmentId",
      ]);
      const foreign = await createDepartment(app.runtime.db);
      expect(
        fieldPaths(await appErrorOf(changeMemberRole(ctx, target.membershipId, { role: "department_staff", departmentId: foreign.id }))),
      ).toEqual(["departmentId"]);
      // Not a role of a municipality's members.
      expect(fieldPaths(await appErrorOf(changeMemberRole(ctx, target.membershipId, { role: "member" })))).toEqual(["role"]);

      const changed = await contextOf(app.runtime, desk);
      await changeMemberRole(changed, target.membershipId, { role: "department_staff", departmentId: dept.id });
      expect(await membershipOf(ctx, staff.userId)).toMatchObject({ role: "department_staff", departmentId: dept.id });
      expect(await auditRows(app.runtime.db, { requestId: changed.requestId })).toEqual([
        expect.objectContaining({
          action: "membership.update",
          targetId: target.membershipId,
          before: { role: "desk_staff", departmentId: null },
          after: { role: "department_staff", departmentId: dept.id },
        }),
      ]);
      expect((await notificationRows(app.runtime.db, staff.userId)).map((n) => n.title)).toContain(
        `${(await getActiveOrganization(ctx)).name} での役割が変わりました`,
      );
    });

    it("refuses the caller's own membership, another organisation's and one the caller does not manage", async () => {
      const desk = await createMember(app.runtime, { role: "desk_admin" });
      const staff = await createMember(app.runtime, { role: "desk_staff", organizationId: desk.organizationId });
      const other = await createMember(app.runtime, { role: "desk_staff" });
      const own = await membershipOf(await contextOf(app.runtime, desk), desk.userId);
      const theirs = await membershipOf(await contextOf(app.runtime, other), other.userId);
      expect((await appErrorOf(removeMember(await contextOf(app.runtime, desk), own.membershipId))).status).toBe(403);
      expect((await appErrorOf(removeMember(await contextOf(app.runtime, desk), theirs.membershipId))).status).toBe(404);
      expect((await appErrorOf(removeMember(await contextOf(app.runtime, desk), "not-a-uuid"))).status).toBe(404);
      // Desk staff manage nobody.
      expect((await appErrorOf(removeMember(await contextOf(app.runtime, staff), own.membershipId))).status).toBe(403);
    });

    it("removes a member, who keeps the account and is told; two admins removing each other leave one", async () => {
      const desk = await createMember(app.runtime, { role: "desk_admin" });
      const second = await createMember(app.runtime, { role: "desk_admin", organizationId: desk.organizationId });
      const staff = await createMember(app.runtime, { role: "desk_staff", organizationId: desk.organizationId });
      const ctx = await contextOf(app.runtime, desk);
      const removal = await contextOf(app.runtime, desk);
      await removeMember(removal, (await membershipOf(ctx, staff.userId)).membershipId);
      expect((await listMembers(ctx)).members.map((m) => m.userId)).not.toContain(staff.userId);
      expect(await auditRows(app.runtime.db, { action: "membership.delete", requestId: removal.requestId })).toHaveLength(1);
      expect((await notificationRows(app.runtime.db, staff.userId)).map((n) => n.kind)).toContain("member_removed");
      expect((await app.runtime.db.select().from(users).where(eq(users.id, staff.userId))).length).toBe(1);

      const [a, b] = [await membershipOf(ctx, desk.userId), await membershipOf(ctx, second.userId)];
      const [first, other] = [await contextOf(app.runtime, desk), await contextOf(app.runtime, second)];
      const results = await Promise.allSettled([removeMember(first, b.membershipId), removeMember(other, a.membershipId)]);
      const admins = (await app.runtime.db.select().from(memberships).where(eq(memberships.organizationId, desk.organizationId))).filter(
        (m) => m.role === "desk_admin",
      );
      expect(admins).toHaveLength(1);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    });
  });

  describe("API tokens", () => {
    it("creates and revokes the caller's own tokens; a revoked token no longer passes the gate", async () => {
      const a = await createMember(app.runtime);
      const b = await createMember(app.runtime);
      const ctx = await contextOf(app.runtime, a);
      const created = await createApiToken(ctx, { name: "集計スクリプト" });
      expect((await identityFor(app.runtime, { token: created.token }))?.user.id).toBe(a.userId);
      expect((await listApiTokens(ctx)).map((t) => t.name)).toContain("集計スクリプト");
      const [audit] = await auditRows(app.runtime.db, { requestId: ctx.requestId });
      expect(audit).toMatchObject({
        action: "token.create",
        targetId: created.id,
        actorUserId: a.userId,
        organizationId: null,
        after: { name: "集計スクリプト" },
      });
      // The secret follows "rk_" + 8-character prefix + "_" (base64url may itself contain "_").
      expect(JSON.stringify(audit)).not.toContain(created.token.slice(12));

      // B cannot revoke A's token: it looks exactly like a token that does not exist.
      const bCtx = await contextOf(app.runtime, b);
      expect((await appErrorOf(revokeApiToken(bCtx, created.id))).code).toBe("not_found");
      expect((await appErrorOf(revokeApiToken(bCtx, randomUUID()))).code).toBe("not_found");
      expect(await identityFor(app.runtime, { token: created.token })).not.toBeNull();
      expect(await auditRows(app.runtime.db, { requestId: bCtx.requestId })).toEqual([]);

      const revokeCtx = await contextOf(app.runtime, a);
      await revokeApiToken(revokeCtx, created.id);
      expect(await auditRows(app.runtime.db, { requestId: revokeCtx.requestId })).toEqual([
        expect.objectContaining({ action: "token.revoke", targetId: created.id, before: { name: "集計スクリプト" } }),
      ]);
      const gate = await appErrorOf(identityFor(app.runtime, { token: created.token }));
      expect(gate).toMatchObject({ code: "unauthorized", status: 401 });
      expect((await listApiTokens(ctx)).map((t) => t.id)).not.toContain(created.id);
      expect((await appErrorOf(revokeApiToken(revokeCtx, created.id))).code).toBe("not_found");
      // A's other token and B's token are untouched.
      expect(await identityFor(app.runtime, { token: a.token })).not.toBeNull();
      expect(await identityFor(app.runtime, { token: b.token })).not.toBeNull();
    });

    it("answers a malformed token id with not found, not a database error", async () => {
      const a = await createMember(app.runtime);
      const ctx = await contextOf(app.runtime, a);
      for (const id of ["", "not-a-uuid", "1; drop table api_tokens"]) {
        expect((await appErrorOf(revokeApiToken(ctx, id))).code).toBe("not_found");
      }
    });
  });

  describe("switchOrganization", () => {
    it("switches only between the caller's own memberships", async () => {
      const coordinator = await createMember(app.runtime, { role: "coordinator" });
      const municipality = await createOrganization(app.runtime.db, { kind: "municipality" });
      const second = await addMembership(app.runtime.db, coordinator.userId, municipality.id, "desk_staff");
      const stranger = await createMember(app.runtime, { role: "desk_admin" });

      const { ctx, identity } = await scopedContext(app.runtime, { token: coordinator.token });
      expect(ctx.scope.organizationId).toBe(coordinator.organizationId);
      const switched = await switchOrganization(ctx, identity, { membershipId: second.id });
      expect(switched).toEqual({ membershipId: second.id, organizationName: municipality.name });
      const [audit] = await auditRows(app.runtime.db, { requestId: ctx.requestId });
      expect(audit).toMatchObject({
        action: "session.switchOrganization",
        targetId: second.id,
        organizationId: municipality.id,
        before: { membershipId: coordinator.membershipId },
      });

      const now = await scopedContext(app.runtime, { token: coordinator.token });
      expect(now.ctx.scope).toMatchObject({ organizationId: municipality.id, role: "desk_staff" });

      const foreign = await appErrorOf(switchOrganization(now.ctx, now.identity, { membershipId: stranger.membershipId }));
      expect(foreign.code).toBe("not_found");
      expect((await appErrorOf(switchOrganization(now.ctx, now.identity, { membershipId: "nope" }))).code).toBe("validation");
      expect((await contextOf(app.runtime, coordinator)).scope.organizationId).toBe(municipality.id);
      expect((await contextOf(app.runtime, stranger)).scope.organizationId).toBe(stranger.organizationId);
      expect(await auditRows(app.runtime.db, { action: "session.switchOrganization" })).toHaveLength(1);
    });
  });

  describe("updateUserSettings", () => {
    it("stops notification mail for a user who turned it off, keeps in-app notices, and renders in each user's language", async () => {
      const desk = await createMember(app.runtime, { role: "desk_admin" });
      const colleague = await createMember(app.runtime, { role: "desk_staff", organizationId: desk.organizationId });
      const deskCtx = await contextOf(app.runtime, desk);
      await updateUserSettings(deskCtx, { emailNotifications: false, locale: "ja" });
      expect(await auditRows(app.runtime.db, { requestId: deskCtx.requestId })).toEqual([
        expect.objectContaining({
          action: "user.settings",
          targetId: desk.userId,
          before: {
            emailNotifications: true,
            locale: "ja",
            mail: { proposals: "immediate", agreements: "immediate", meetings: "immediate" },
          },
          after: {
            emailNotifications: false,
            locale: "ja",
            mail: { proposals: "immediate", agreements: "immediate", meetings: "immediate" },
          },
        }),
      ]);
      const colleagueCtx = await contextOf(app.runtime, colleague);
      await updateUserSettings(colleagueCtx, { emailNotifications: "on", locale: "en" });
      const [stored] = await app.runtime.db.select().from(users).where(eq(users.id, colleague.userId));
      expect(stored).toMatchObject({ emailNotifications: true, locale: "en" });
      expect((await appErrorOf(updateUserSettings(colleagueCtx, { emailNotifications: "on", locale: "fr" }))).fieldErrors).toEqual([
        expect.objectContaining({ path: "locale" }),
      ]);

      const recipients = await findRecipients(app.runtime.db, [desk.userId, colleague.userId]);
      await app.runtime.db.transaction(async (tx) => {
        await notifyUsers(tx, {
          recipients,
          organizationId: desk.organizationId,
          kind: "test",
          title: "notify.welcome.title",
          body: "notify.welcome.body",
          params: { org: "テスト市" },
          link: "/",
          baseUrl: app.runtime.config.baseUrl,
        });
      });
      expect(await outboxTo(app.runtime.db, desk.email)).toEqual([]);
      expect(await notificationRows(app.runtime.db, desk.userId)).toEqual([
        expect.objectContaining({ kind: "test", title: "Renkei へようこそ" }),
      ]);
      const english = await notificationRows(app.runtime.db, colleague.userId);
      expect(english).toHaveLength(1);
      expect(english[0]!.title).not.toBe("Renkei へようこそ");
      expect(await outboxTo(app.runtime.db, colleague.email)).toEqual([
        expect.objectContaining({ subject: expect.stringContaining(english[0]!.title) }),
      ]);

      // The same holds for mail caused by a real command: a newcomer joins, the opted-out inviter gets no mail.
      const { token } = await inviteMember(await contextOf(app.runtime, desk), { email: `n-${unique()}@example.jp`, role: "desk_staff" });
      await acceptInvitation(authDeps(app.runtime), token, null, { name: "新人", password: NEW_PASSWORD }, requestFor(app.runtime, {}));
      expect(await outboxTo(app.runtime.db, desk.email)).toEqual([]);
      expect((await notificationRows(app.runtime.db, desk.userId)).map((n) => n.kind)).toEqual(["test", "member_joined"]);
    });
  });

  describe("password reset", () => {
    it("mails a reset link whose token sets a new password, ends old sessions and is audited", async () => {
      const user = await createMember(app.runtime);
      const oldSession = await signInCookie(app.runtime, user.email);
      expect(await identityFor(app.runtime, { cookie: oldSession })).not.toBeNull();

      await app.runtime.auth.api.requestPasswordReset({ body: { email: user.email } });
      const [mail] = await outboxTo(app.runtime.db, user.email);
      expect(mail?.subject).toContain("パスワード再設定");
      const token = decodeURIComponent(extract(mail!.bodyText, /\/reset-password\?token=(\S+)/));
      expect(mail!.bodyText).toContain(`${app.runtime.config.baseUrl}/reset-password?token=`);
      expect(await auditRows(app.runtime.db, { action: "user.passwordResetRequested" })).toEqual([
        expect.objectContaining({ targetId: user.userId, actorUserId: null }),
      ]);

      const bad = await appErrorOf(resetPassword(authDeps(app.runtime), "not-the-token", NEW_PASSWORD));
      expect(bad.fieldErrors).toEqual([expect.objectContaining({ path: "token", message: "auth.reset.invalidToken" })]);
      expect(await auditRows(app.runtime.db, { action: "user.passwordReset" })).toEqual([]);

      const requestId = randomUUID();
      await resetPassword(authDeps(app.runtime, requestId), token, NEW_PASSWORD);
      expect(await verifyCredentials(app.runtime.auth, user.email, TEST_PASSWORD)).toBeNull();
      expect(await verifyCredentials(app.runtime.auth, user.email, NEW_PASSWORD)).toMatchObject({ id: user.userId });
      expect(await auditRows(app.runtime.db, { requestId })).toEqual([
        expect.objectContaining({ action: "user.passwordReset", targetId: user.userId, actorUserId: user.userId }),
      ]);
      // Sessions from before the reset are gone; a new sign-in works.
      expect(await identityFor(app.runtime, { cookie: oldSession })).toBeNull();
      expect(await identityFor(app.runtime, { cookie: await signInCookie(app.runtime, user.email, NEW_PASSWORD) })).not.toBeNull();

      // The link works once.
      const reused = await appErrorOf(resetPassword(authDeps(app.runtime), token, "yet-another-password-1"));
      expect(reused.fieldErrors).toEqual([expect.objectContaining({ path: "token" })]);
      expect(await verifyCredentials(app.runtime.auth, user.email, NEW_PASSWORD)).toBeTruthy();
    });

    it("sends nothing for an unknown address", async () => {
      const email = `nobody-${unique()}@example.jp`;
      await app.runtime.auth.api.requestPasswordReset({ body: { email } });
      expect(await outboxTo(app.runtime.db, email)).toEqual([]);
      expect(await auditRows(app.runtime.db, { action: "user.passwordResetRequested" })).toEqual([]);
    });
  });
});
