// Projects: the owning desk or a department starts one under the agreement's
// items, names the lead department and the partner's owner, and writes a plan
// per fiscal year. Every command runs through runCommand (the change and its
// audit entry in one transaction).
import { and, eq } from "drizzle-orm";
import { fieldError, forbidden, notFound, validationError, type FieldError } from "~/lib/errors";
import type { Tx } from "~/lib/db/client.server";
import type { PolicyFieldCode } from "~/lib/policy-fields";
import type { ScopedContext } from "~/lib/tenancy";
import { parseInput } from "~/lib/validation";
import { runCommand } from "~/features/audit/run-command.internal.server";
import { healthMayHaveChanged } from "../health/trigger.internal.server";
import { agreementItemsOf, visibleAgreement } from "~/features/agreements/data.internal.server";
import { departmentOf } from "~/features/identity/data.internal.server";
import { projectItems, projectPlans, projects } from "../tables";
import { canCreateProject, canManageProject, canTakeItems } from "../policy";
import { planInput, projectInput, type ProjectInput } from "../schema";
import { visibleProject } from "../data.internal.server";

type AgreementRow = Awaited<ReturnType<typeof visibleAgreement>>["agreement"];

/**
 * What the input names must belong to the agreement: its items (a
 * department adds only its own), a department of the municipality, a partner.
 * Every problem at once.
 */
async function checkedReferences(ctx: ScopedContext, a: AgreementRow, partyOrgIds: string[], input: ProjectInput, kept: string[] = []) {
  const items = await agreementItemsOf(ctx.db, a.id);
  const chosen = items.filter((i) => input.itemIds.includes(i.id));
  // Items the project already has stay allowed; an added one must be the caller's to take.
  const added = chosen.filter((i) => !kept.includes(i.id));
  const errors: FieldError[] = [];
  const takes =
    added.length === 0 ||
    canTakeItems(
      ctx.scope,
      a,
      added.map((i) => i.departmentId),
    );
  if (chosen.length !== new Set(input.itemIds).size || !takes) errors.push({ path: "itemIds", message: "validation.invalidChoice" });
  if (!(await departmentOf(ctx.db, a.municipalityId, input.leadDepartmentId)))
    errors.push({ path: "leadDepartmentId", message: "validation.invalidChoice" });
  if (input.partnerOrgId && (input.partnerOrgId === a.municipalityId || !partyOrgIds.includes(input.partnerOrgId)))
    errors.push({ path: "partnerOrgId", message: "validation.invalidChoice" });
  if (errors.length) throw validationError(errors);
  return { field: (input.field ?? chosen[0]!.field) as PolicyFieldCode };
}

const columnsOf = (input: ProjectInput, field: string) => ({
  title: input.title,
  summary: input.summary ?? "",
  field,
  leadDepartmentId: input.leadDepartmentId,
  partnerOrgId: input.partnerOrgId ?? null,
  partnerOwner: input.partnerOwner ?? "",
  status: input.status,
  startsOn: input.startsOn ?? null,
  endsOn: input.endsOn ?? null,
});

async function writeItems(tx: Tx, projectId: string, itemIds: string[]) {
  await tx.delete(projectItems).where(eq(projectItems.projectId, projectId));
  await tx.insert(projectItems).values([...new Set(itemIds)].map((itemId) => ({ projectId, itemId })));
}

/** The owning desk, or a department under its own items, starts a project of a signed agreement. */
export async function createProject(ctx: ScopedContext, agreementId: string, rawInput: unknown): Promise<{ id: string }> {
  const { agreement, partyOrgIds } = await visibleAgreement(ctx.db, ctx.scope, agreementId);
  const items = await agreementItemsOf(ctx.db, agreement.id);
  if (
    !canCreateProject(
      ctx.scope,
      agreement,
      items.map((i) => i.departmentId),
    )
  )
    throw forbidden();
  const input = parseInput(projectInput, rawInput);
  const { field } = await checkedReferences(ctx, agreement, partyOrgIds, input);
  const created = await runCommand(ctx, { action: "project.create", targetType: "project" }, async (tx, command) => {
    const [row] = await tx
      .insert(projects)
      .values({
        ...columnsOf(input, field),
        agreementId: agreement.id,
        municipalityId: agreement.municipalityId,
        createdBy: ctx.scope.userId,
      })
      .returning();
    await writeItems(tx, row!.id, input.itemIds);
    command.trace({ targetId: row!.id, after: { ...row, itemIds: input.itemIds } });
    return { id: row!.id };
  });
  await healthMayHaveChanged(ctx, agreement.id);
  return created;
}

/** The owning desk or the lead department changes a project (its items, lead, partner, status, term). */
export async function updateProject(ctx: ScopedContext, id: string, rawInput: unknown): Promise<void> {
  const { project: before, agreement, partyOrgIds } = await visibleProject(ctx.db, ctx.scope, id);
  if (!canManageProject(ctx.scope, agreement, before)) throw forbidden();
  const input = parseInput(projectInput, rawInput);
  const kept = (await ctx.db.select({ itemId: projectItems.itemId }).from(projectItems).where(eq(projectItems.projectId, id))).map(
    (r) => r.itemId,
  );
  const { field } = await checkedReferences(ctx, agreement, partyOrgIds, input, kept);
  const after = columnsOf(input, field);
  await runCommand(
    ctx,
    { action: "project.update", targetType: "project", targetId: id, before, after: { ...after, itemIds: input.itemIds } },
    async (tx) => {
      await tx.update(projects).set(after).where(eq(projects.id, id));
      await writeItems(tx, id, input.itemIds);
    },
  );
  await healthMayHaveChanged(ctx, agreement.id);
}

/** Fiscal years a plan can be written for. */
const isPlanYear = (fy: number) => Number.isInteger(fy) && fy >= 2000 && fy <= 2100;

/** The owning desk or the lead department writes (or rewrites) the plan of one fiscal year. */
export async function saveProjectPlan(ctx: ScopedContext, projectId: string, fiscalYear: number, rawInput: unknown): Promise<void> {
  if (!isPlanYear(fiscalYear)) throw notFound();
  const { project, agreement, partyOrgIds } = await visibleProject(ctx.db, ctx.scope, projectId);
  if (!canManageProject(ctx.scope, agreement, project)) throw forbidden();
  const input = parseInput(planInput, rawInput);
  const resources = input.resources.filter((r) => r !== undefined);
  const milestones = input.milestones.filter((m) => m !== undefined);
  const stranger = input.resources.findIndex((r) => r !== undefined && !partyOrgIds.includes(r.partyOrgId));
  if (stranger >= 0) throw fieldError(`resources.${stranger}.partyOrgId`, "validation.invalidChoice");
  const values = { goals: input.goals, activities: input.activities ?? "", resources, milestones, updatedBy: ctx.scope.userId };
  await runCommand(ctx, { action: "project.plan.save", targetType: "project", targetId: projectId }, async (tx, command) => {
    const [existing] = await tx
      .select()
      .from(projectPlans)
      .where(and(eq(projectPlans.projectId, projectId), eq(projectPlans.fiscalYear, fiscalYear)))
      .limit(1);
    await tx
      .insert(projectPlans)
      .values({ projectId, fiscalYear, ...values })
      .onConflictDoUpdate({ target: [projectPlans.projectId, projectPlans.fiscalYear], set: values });
    const { updatedBy: _u, ...recorded } = values;
    command.trace({
      before: existing ? { fiscalYear, goals: existing.goals, activities: existing.activities } : null,
      after: { fiscalYear, ...recorded },
    });
  });
}
