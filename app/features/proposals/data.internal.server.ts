// Proposal reads for this and other features' code: the raw row for
// authorisation, the role matrix by municipality, a municipality's proposers.
// They take a raw Db (or the caller's transaction), so routes may not import
// this file (eslint.config.js); routes read proposals through data.server.ts.
import { and, asc, eq, ne, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { lookup } from "~/lib/db/lookup";
import type { Db, Queryable } from "~/lib/db/client.server";
import { notFound } from "~/lib/errors";
import type { TenantScope } from "~/lib/tenancy";
import { isUuid } from "~/lib/validation";
import { proposalShares, proposals, roleMatrix } from "./tables";
import { canSeeProposal, defaultRoleMatrix } from "./policy";
import { matrixMethods, matrixStages, type MatrixMethod } from "./constants";
import type { RoleMatrix } from "./schema";

type ProposalRow = typeof proposals.$inferSelect;

/** The row and its shares, for authorisation; null when it does not exist. */
export async function loadProposal(db: Db, id: string): Promise<{ proposal: ProposalRow; sharedDepartmentIds: string[] } | null> {
  if (!isUuid(id)) return null;
  const [proposal] = await db.select().from(proposals).where(eq(proposals.id, id)).limit(1);
  if (!proposal) return null;
  const shares = await db
    .select({ departmentId: proposalShares.departmentId })
    .from(proposalShares)
    .where(eq(proposalShares.proposalId, id))
    // First shared first: that department leads when the proposal becomes an agreement.
    .orderBy(asc(proposalShares.createdAt), asc(proposalShares.departmentId));
  return { proposal, sharedDepartmentIds: shares.map((s) => s.departmentId) };
}

/** Loads a proposal the caller may see, or throws 404 (never 403: existence is confidential). */
export async function visibleProposal(db: Db, scope: TenantScope, id: string) {
  const loaded = await loadProposal(db, id);
  if (!loaded || !canSeeProposal(scope, loaded.proposal, loaded.sharedDepartmentIds)) throw notFound();
  return loaded;
}

/** A municipality's role matrix: its own entries over the standard ones. */
export async function getRoleMatrix(db: Queryable, municipalityId: string): Promise<RoleMatrix> {
  const rows = await db.select().from(roleMatrix).where(eq(roleMatrix.municipalityId, municipalityId));
  const matrix = {} as RoleMatrix;
  for (const method of matrixMethods) {
    matrix[method] = {} as RoleMatrix[MatrixMethod];
    for (const stage of matrixStages) {
      const stored = rows.find((r) => r.method === method && r.stage === stage);
      const [desk, department] = defaultRoleMatrix[method][stage];
      matrix[method][stage] = stored ? { desk: stored.desk, department: stored.department } : { desk, department };
    }
  }
  return matrix;
}

/** Organisations that have proposed to a municipality (candidate partners for its agreements). */
export async function proposerIdsOf(db: Db, municipalityId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: proposals.proposerOrgId })
    .from(proposals)
    .where(and(eq(proposals.municipalityId, municipalityId), ne(proposals.status, "draft")))
    .limit(500);
  return rows.map((r) => r.id);
}

const titled = alias(proposals, "titled_proposal");

/**
 * A proposal's title as a column of another feature's query (decision 0029).
 * Confidential: the caller shows it only where the proposal is visible.
 */
export function proposalTitleOf(id: SQLWrapper): SQL<string | null> {
  return lookup(titled, titled.title, titled.id, id);
}
