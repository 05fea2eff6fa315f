import { Link } from "react-router";
import type { Route } from "./+types/audit";
import { parseInput } from "~/lib/validation";
import { useT } from "~/ui/i18n";
import { DataTable, PageHeader } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { guard, requirePageScope } from "~/server/context.server";
import { auditListInput } from "~/features/audit/schema";
import { listAuditEntries } from "~/features/audit/data.server";
import { canReadAudit } from "~/features/audit/policy";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, canReadAudit);
  return guard(async () => {
    const input = parseInput(auditListInput, Object.fromEntries(new URL(args.request.url).searchParams));
    return listAuditEntries(ctx, input);
  });
}

export default function Audit({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const label = (action: string) => t.label("audit.action", action);
  return (
    <>
      <PageHeader title={t("audit.title")} crumbs={[{ label: t("audit.title") }]} lead={t("audit.lead")} />
      {loaderData.items.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <DataTable
          caption={t("audit.title")}
          head={[t("audit.time"), t("audit.actor"), t("audit.action"), t("audit.target"), t("audit.changes")]}
          rows={loaderData.items.map((e) => [
            format.dateTime(e.occurredAt),
            e.actorName ?? "—",
            label(e.action),
            `${e.targetType}${e.targetId ? ` ${e.targetId.slice(0, 8)}` : ""}`,
            <code key="c" className="block max-w-md overflow-hidden text-ellipsis whitespace-nowrap text-dns-14N-130">
              {e.redacted ? t("audit.redacted") : e.after ? JSON.stringify(e.after) : ""}
            </code>,
          ])}
        />
      )}
      {loaderData.nextCursor ? (
        <p className="mt-4">
          <Link to={`?cursor=${loaderData.nextCursor}`} className="text-blue-1000 underline">
            {t("audit.more")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
