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
import { AuditExportLinks, AuditFilters } from "~/features/audit/components/audit-filters";
import { AuditTable } from "~/features/audit/components/audit-table";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, canReadAudit);
  const params = Object.fromEntries(new URL(args.request.url).searchParams);
  const filter = {
    action: params.action ?? "",
    actor: params.actor ?? "",
    from: params.from ?? "",
    to: params.to ?? "",
  };
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
  const filtered = Object.values(filter).some(Boolean);
  return (
    <>
      <PageHeader title={t("audit.title")} crumbs={[{ label: t("audit.title") }]} lead={t("audit.lead")} />
      <AuditFilters params={filter} people={people} result={result} />
      <AuditExportLinks params={filter} limit={AUDIT_EXPORT_LIMIT} />
      {items.length === 0 ? <p>{t(filtered ? "audit.filtered.empty" : "audit.empty")}</p> : <AuditTable items={items} />}
      <MoreLink params={Object.fromEntries(Object.entries(filter).filter(([, v]) => Boolean(v)))} cursor={nextCursor} />
    </>
  );
}
