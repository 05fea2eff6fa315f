// The 協定書's reads: the municipality's template, and the data of a document
// (a recorded version, or the current content of a draft).
import { and, desc, eq } from "drizzle-orm";
import { forbidden, notFound } from "~/lib/errors";
import type { ScopedContext } from "~/lib/tenancy";
import { currentDocumentData, getAgreementTemplate, visibleAgreement } from "../data.internal.server";
import { agreementDocumentVersions } from "../tables";
import { canReadAgreementSettings } from "../policy";
import type { AgreementTemplateView } from "../schema";
import type { AgreementDocumentData } from "./document";

/** The caller's own municipality's template (its desk only). */
export async function readAgreementTemplate(ctx: ScopedContext): Promise<AgreementTemplateView> {
  if (!canReadAgreementSettings(ctx.scope)) throw forbidden();
  return getAgreementTemplate(ctx.db, ctx.scope.organizationId);
}

/**
 * The data of a visible agreement's document: the version asked for (404 if
 * there is none), else the latest version, else, before any version was
 * recorded (a draft), the current content.
 */
export async function agreementDocumentSource(
  ctx: ScopedContext,
  id: string,
  version: number | null,
): Promise<{ data: AgreementDocumentData; version: number | null }> {
  const { agreement } = await visibleAgreement(ctx.db, ctx.scope, id);
  const [row] = await ctx.db
    .select({ version: agreementDocumentVersions.version, snapshot: agreementDocumentVersions.snapshot })
    .from(agreementDocumentVersions)
    .where(
      and(eq(agreementDocumentVersions.agreementId, id), version === null ? undefined : eq(agreementDocumentVersions.version, version)),
    )
    .orderBy(desc(agreementDocumentVersions.version))
    .limit(1);
  if (row) return { data: row.snapshot, version: row.version };
  if (version !== null) throw notFound();
  return { data: await currentDocumentData(ctx.db, agreement), version: null };
}
