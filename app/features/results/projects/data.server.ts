// Reading projects: an agreement's projects by cooperation item, and one
// project with its plans and KPIs. Visibility is the agreement's
// (features/agreements: visibleAgreement), 404 for everyone else.
import { and, asc, desc, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { subqueries } from "~/lib/db/lookup";
import type { Db } from "~/lib/db/client.server";
import type { PolicyFieldCode } from "~/lib/policy-fields";
import type { ScopedContext } from "~/lib/tenancy";
import { tokyoIsoDate } from "~/lib/wareki";
import { agreementItemsOf, agreementPartyOf, visibleAgreement } from "~/features/agreements/data.internal.server";
import { departmentsOf, organizationNameOf, organizationsByIds } from "~/features/identity/data.internal.server";
import { kpis, projectItems, projectPlans, projects } from "../tables";
import { canCreateProject, canManageProject, canRecordMeasurement, canTakeItems } from "../policy";
import { kpiSummariesWhere, visibleProject } from "../data.internal.server";
import type { AgreementProjects, KpiSummary, PlanView, ProjectDetail, ProjectFormChoices, ProjectSummary } from "../schema";

const linkedItem = alias(projectItems, "linked_item");

const summaryColumns = {
  id: projects.id,
  agreementId: projects.agreementId,
  title: projects.title,
  field: projects.field,
  status: projects.status,
  leadDepartmentId: projects.leadDepartmentId,
  leadDepartmentName: organizationNameOf(projects.leadDepartmentId),
  partnerOrgId: projects.partnerOrgId,
  partnerName: organizationNameOf(projects.partnerOrgId),
  partnerOwner: projects.partnerOwner,
  startsOn: projects.startsOn,
  endsOn: projects.endsOn,
  itemIds: sql<string[]>`coalesce(${subqueries
    .select({ ids: sql`array_agg(${linkedItem.itemId}::text)` })
    .from(linkedItem)
    .where(eq(linkedItem.projectId, projects.id))}, '{}')`,
};
/** Projects as lists show them, with their items and their lead department's and partner's names, oldest first: one statement. */
const selectSummaries = (db: Db, where: SQL | undefined) =>
  db.select(summaryColumns).from(projects).where(where).orderBy(asc(projects.createdAt), asc(projects.id));
type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

function summaryOf(row: SummaryRow, kpis: KpiSummary[]): ProjectSummary {
  const own = kpis.filter((k) => k.projectId === row.id);
  return {
    id: row.id,
    agreementId: row.agreementId,
    title: row.title,
    field: row.field as PolicyFieldCode,
    status: row.status,
    leadDepartment: { id: row.leadDepartmentId, name: row.leadDepartmentName ?? "" },
    partner: row.partnerOrgId ? { id: row.partnerOrgId, name: row.partnerName ?? "" } : null,
    partnerOwner: row.partnerOwner,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    itemIds: row.itemIds,
    kpiCount: own.length,
    behindCount: own.filter((k) => k.standing === "behind").length,
  };
}

/**
 * The projects of an agreement with their KPIs' standing, in two statements
 * that themselves check the caller's organisation is a party (nothing for
 * anyone else): for the agreement's page, which has read the agreement already.
 */
export async function agreementProjectsDigest(ctx: ScopedContext, agreementId: string, today = tokyoIsoDate()): Promise<ProjectSummary[]> {
  const party = (column: SQLWrapper) => agreementPartyOf(column, ctx.scope.organizationId);
  const rows = await selectSummaries(ctx.db, and(eq(projects.agreementId, agreementId), party(projects.agreementId)));
  if (rows.length === 0) return [];
  const kpiList = await kpiSummariesWhere(ctx.db, and(eq(kpis.agreementId, agreementId), party(kpis.agreementId)), today);
  return rows.map((r) => summaryOf(r, kpiList));
}

/** The projects of an agreement by cooperation item, oldest first; an item with none is not started yet. */
export async function listAgreementProjects(ctx: ScopedContext, agreementId: string, today = tokyoIsoDate()): Promise<AgreementProjects> {
  const { agreement } = await visibleAgreement(ctx.db, ctx.scope, agreementId);
  const items = await agreementItemsOf(ctx.db, agreement.id);
  const rows = await selectSummaries(ctx.db, eq(projects.agreementId, agreement.id));
  const kpiList = await kpiSummariesWhere(ctx.db, eq(kpis.agreementId, agreement.id), today);
  const list = rows.map((r) => summaryOf(r, kpiList));
  return {
    agreement: { id: agreement.id, title: agreement.title },
    items: items.map((i) => ({
      id: i.id,
      title: i.title,
      field: i.field,
      projectIds: list.filter((p) => p.itemIds.includes(i.id)).map((p) => p.id),
    })),
    projects: list,
    can: {
      create: canCreateProject(
        ctx.scope,
        agreement,
        items.map((i) => i.departmentId),
      ),
    },
  };
}

/** One project with its items, its plans (newest year first) and its KPIs. */
export async function getProject(ctx: ScopedContext, id: string, today = tokyoIsoDate()): Promise<ProjectDetail> {
  const { project, agreement, partyOrgIds } = await visibleProject(ctx.db, ctx.scope, id);
  const [row] = await selectSummaries(ctx.db, eq(projects.id, project.id));
  const items = (await agreementItemsOf(ctx.db, agreement.id)).filter((i) => row!.itemIds.includes(i.id));
  const kpiList = await kpiSummariesWhere(ctx.db, eq(kpis.projectId, project.id), today);
  const plans = await ctx.db
    .select()
    .from(projectPlans)
    .where(eq(projectPlans.projectId, project.id))
    .orderBy(desc(projectPlans.fiscalYear));
  const parties = new Map((await organizationsByIds(ctx.db, partyOrgIds)).map((o) => [o.id, o.name]));
  const manage = canManageProject(ctx.scope, agreement, project);
  return {
    ...summaryOf(row!, kpiList),
    summary: project.summary,
    agreement: { id: agreement.id, title: agreement.title },
    parties: [agreement.municipalityId, ...partyOrgIds.filter((id) => id !== agreement.municipalityId)].map((id) => ({
      id,
      name: parties.get(id) ?? "",
    })),
    items: items.map((i) => ({ id: i.id, title: i.title, field: i.field })),
    plans: plans.map((p): PlanView => ({
      fiscalYear: p.fiscalYear,
      goals: p.goals,
      activities: p.activities,
      resources: p.resources.map((r) => ({ ...r, partyName: parties.get(r.partyOrgId) ?? "" })),
      milestones: p.milestones.map((m) => ({
        title: m.title,
        dueOn: m.dueOn,
        doneOn: m.doneOn ?? null,
        late: !m.doneOn && m.dueOn < today,
      })),
      updatedAt: p.updatedAt.toISOString(),
    })),
    kpis: kpiList,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
    can: { edit: manage, addKpi: manage, plan: manage, record: canRecordMeasurement(ctx.scope, agreement, project, partyOrgIds) },
  };
}

/** What the project form offers: the agreement's items (a department's own, and those the project has), departments, partners. */
export async function projectFormChoices(ctx: ScopedContext, agreementId: string, keptItemIds: string[] = []): Promise<ProjectFormChoices> {
  const { agreement, partyOrgIds } = await visibleAgreement(ctx.db, ctx.scope, agreementId);
  const items = await agreementItemsOf(ctx.db, agreement.id);
  const departments = await departmentsOf(ctx.db, agreement.municipalityId);
  const partners = await organizationsByIds(
    ctx.db,
    partyOrgIds.filter((id) => id !== agreement.municipalityId),
  );
  return {
    agreement: { id: agreement.id, title: agreement.title },
    // A department chooses among the items it carries (and keeps those the project has).
    items: items
      .filter((i) => keptItemIds.includes(i.id) || canTakeItems(ctx.scope, agreement, [i.departmentId]))
      .map((i) => ({ id: i.id, title: i.title, departmentId: i.departmentId })),
    departments,
    partners: partners.map((p) => ({ id: p.id, name: p.name })),
  };
}
