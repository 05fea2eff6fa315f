import type { Route } from "./+types/audit";
import { localeFromRequest } from "~/lib/i18n";
import { formMessages } from "~/lib/form-payload";
import { checkInput } from "~/lib/validation";
import { useT } from "~/ui/i18n";
import type { FormResult } from "~/ui/form";
import { MoreLink, PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { AUDIT_EXPORT_LIMIT, auditListInput } from "~/features/audit/schema";
import { listAuditEntries } from "~/features/audit/data.server";
import { canReadAudit } from "~/features/audit/policy";
import { listMembers } from "~/features/identity/data.server";
import { canListMembers } from "~/features/identity/policy";
import { AuditExportLinks, AuditFilters, type AuditFilterParams } from "~/features/audit/components/audit-filters";
import { AuditTable } from "~/features/audit/components/audit-table";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, canReadAudit);
  const params = Object.fromEntries(new URL(args.request.url).searchParams);
  // The filters given (empty fields left out): kept in the form, the "more" link and the downloads.
  const filter: AuditFilterParams = Object.fromEntries(
    (["action", "actor", "from", "to"] as const).filter((key) => params[key]).map((key) => [key, params[key]!]),
  );
  return guard(async () => {
    const people = canListMembers(ctx.scope) ? (await listMembers(ctx)).members.map((m) => ({ value: m.userId, label: m.name })) : [];
    const checked = checkInput(auditListInput, params);
    if (!checked.ok) {
      // A filter that cannot be read is shown on the form, every field at once; nothing is listed.
      const result: FormResult = {
        status: "error",
        initialValue: filter,
        error: formMessages(checked.errors, localeFromRequest(args.request)),
      };
      return { filter, people, result, items: [], nextCursor: null };
    }
    return { filter, people, result: undefined, ...(await listAuditEntries(ctx, checked.data)) };
  });
}

export default function Audit({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { filter, people, result, items, nextCursor } = loaderData;
  return (
    <>
      <PageHeader title={t("audit.title")} crumbs={[{ label: t("audit.title") }]} lead={t("audit.lead")} />
      <AuditFilters params={filter} people={people} result={result} />
      <AuditExportLinks params={filter} limit={AUDIT_EXPORT_LIMIT} />
      {items.length === 0 ? (
        <p>{t(Object.keys(filter).length > 0 ? "audit.filtered.empty" : "audit.empty")}</p>
      ) : (
        <AuditTable items={items} />
      )}
      <MoreLink params={filter} cursor={nextCursor} />
    </>
  );
}
