// Factories that create what they need: a member comes with an organisation,
// a department with its municipality. Every value is unique per call.
import { eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { Db } from "~/lib/db/client.server";
import { corporateNumberCheckDigit } from "~/lib/corporate-number";
import type { OrganizationKind, Role } from "~/lib/roles";
import { memberships, organizations, users } from "~/lib/db/schema";
import { issueApiToken } from "~/features/identity/commands.server";
import type { Runtime } from "~/server/runtime.server";

const unique = () => randomBytes(4).toString("hex");
let municipalityCursor = 0;

export function validCorporateNumber(): string {
  const base = String(Math.floor(Math.random() * 1e12)).padStart(12, "0");
  return `${corporateNumberCheckDigit(base)}${base}`;
}

async function unusedMunicipalityCode(db: Db): Promise<string> {
  const rows = await db.execute<{ code: string }>(
    `select code from local_governments lg where kind = 'municipality'
       and not exists (select 1 from organizations o where o.local_gov_code = lg.code)
     order by code offset ${municipalityCursor++ % 500} limit 1` as never,
  );
  return (rows as unknown as { rows: { code: string }[] }).rows[0]!.code;
}

export async function createOrganization(db: Db, input: { kind?: OrganizationKind; name?: string; parentId?: string; localGovCode?: string; corporateNumber?: string | null } = {}) {
  const kind = input.kind ?? "company";
  const localGovCode = kind === "municipality" || kind === "prefecture" ? (input.localGovCode ?? (await unusedMunicipalityCode(db))) : null;
  const [org] = await db
    .insert(organizations)
    .values({
      kind,
      name: input.name ?? `${kind}-${unique()}`,
      localGovCode,
      parentId: input.parentId ?? null,
      corporateNumber: input.corporateNumber === undefined ? (kind === "company" ? validCorporateNumber() : null) : input.corporateNumber,
    })
    .returning();
  return org!;
}

export async function createDepartment(db: Db, municipalityId?: string) {
  const parentId = municipalityId ?? (await createOrganization(db, { kind: "municipality" })).id;
  return createOrganization(db, { kind: "department", parentId });
}

export const TEST_PASSWORD = "correct-horse-battery";

/** A signed-up user with one membership (creating the organisation if not given) and an API token. */
export async function createMember(
  runtime: Runtime,
  input: { role?: Role; organizationId?: string; kind?: OrganizationKind; departmentId?: string; email?: string; name?: string } = {},
) {
  const role = input.role ?? "member";
  const defaultKind: OrganizationKind =
    role === "desk_admin" || role === "desk_staff" || role === "department_staff" ? "municipality" : role === "coordinator" ? "intermediary" : role === "platform_admin" ? "other" : "company";
  const organizationId = input.organizationId ?? (await createOrganization(runtime.db, { kind: input.kind ?? defaultKind })).id;
  const departmentId = role === "department_staff" ? (input.departmentId ?? (await createDepartment(runtime.db, organizationId)).id) : null;
  const email = input.email ?? `user-${unique()}@example.jp`;
  const created = await runtime.auth.api.signUpEmail({ body: { name: input.name ?? `利用者 ${unique()}`, email, password: TEST_PASSWORD } });
  const userId = created.user.id;
  const [membership] = await runtime.db.insert(memberships).values({ userId, organizationId, role, departmentId }).returning();
  await runtime.db.update(users).set({ lastMembershipId: membership!.id }).where(eq(users.id, userId));
  const { token } = await issueApiToken(runtime.db, { requestId: "test", actor: { userId, userName: null, organizationId: null } }, userId, "test");
  return { userId, email, organizationId, departmentId, membershipId: membership!.id, token };
}

export async function addMembership(db: Db, userId: string, organizationId: string, role: Role) {
  const [m] = await db.insert(memberships).values({ userId, organizationId, role }).returning();
  return m!;
}
