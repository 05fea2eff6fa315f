import { Form, Link } from "react-router";
import type { Route } from "./+types/agreements";
import { isAppError } from "~/lib/errors";
import { parseInput } from "~/lib/validation";
import { useFormat } from "~/ui/format";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { SelectField, TextField } from "~/ui/form";
import { DataTable, MoreLink, PageHeader } from "~/ui/layout";
import { requirePageScope } from "~/server/context.server";
import { agreementListInput, agreementStatuses } from "~/features/agreements/schema";
import { listAgreements } from "~/features/agreements/data.server";
import { isPublicBodyDesk } from "~/features/agreements/policy";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  const params = Object.fromEntries(new URL(args.request.url).searchParams);
  const isDesk = isPublicBodyDesk(ctx.scope);
  try {
    return { params, isDesk, ...(await listAgreements(ctx, parseInput(agreementListInput, params))) };
  } catch (error) {
    if (!isAppError(error) || error.code !== "validation") throw error;
    return { params, isDesk, items: [], total: 0, nextCursor: null };
  }
}

export default function Agreements({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const { params, isDesk, items, total, nextCursor } = loaderData;
  return (
    <>
      <PageHeader title={t("agreements.title")} crumbs={[{ label: t("agreements.title") }]} lead={t("agreements.lead")} />
      {isDesk ? (
        <p className="mb-6 flex flex-wrap items-center gap-6">
          <Link to="/agreements/new" className="inline-block rounded-8 bg-blue-900 px-4 py-3 text-std-16B-170 text-white underline">
            {t("agreements.new")}
          </Link>
          <Link to="/agreements/import" className="text-blue-1000 underline">
            {t("agreements.import.link")}
          </Link>
          <Link to="/desk/approval-chain" className="text-blue-1000 underline">
            {t("agreements.approvalChain.link")}
          </Link>
        </p>
      ) : null}
      <Form method="get" role="search" className="mb-6 grid items-end gap-4 sm:grid-cols-[2fr_1fr_auto]">
        <TextField name="q" type="search" label={t("proposals.filter.q")} defaultValue={params.q ?? ""} />
        <SelectField
          name="status"
          label={t("proposals.filter.status")}
          defaultValue={params.status ?? ""}
          placeholder={t("proposals.filter.all")}
          options={agreementStatuses.map((s) => ({ value: s, label: t(`agreements.status.${s}`) }))}
        />
        <Button>{t("directory.search.submit")}</Button>
      </Form>
      <p className="mb-4 flex flex-wrap items-center gap-4 text-std-16N-170">
        <span>{t("agreements.export.label")}:</span>
        {(
          [
            ["csv?encoding=utf-8", "agreements.export.csvUtf8"],
            ["csv?encoding=shift_jis", "agreements.export.csvSjis"],
            ["xlsx?", "agreements.export.xlsx"],
          ] as const
        ).map(([suffix, label]) => (
          <a
            key={label}
            href={`/agreements/export.${suffix}${suffix.includes("?") && !suffix.endsWith("?") ? "&" : ""}${new URLSearchParams({ ...(params.q ? { q: params.q } : {}), ...(params.status ? { status: params.status } : {}) }).toString()}`}
            className="text-blue-1000 underline"
            download
          >
            {t(label)}
          </a>
        ))}
      </p>
      <p role="status" className="mb-2">
        {t("directory.results", { count: format.number(total) })}
      </p>
      {items.length === 0 ? (
        <p>{t("agreements.none")}</p>
      ) : (
        <DataTable
          caption={t("agreements.title")}
          head={[t("agreements.field.title"), t("agreements.field.partners"), t("proposals.filter.status"), t("agreements.term")]}
          rows={items.map((a) => [
            <span key="t">
              <Link to={`/agreements/${a.id}`} className="text-blue-1000 underline">
                {a.title}
              </Link>
              <span className="block text-dns-14N-130 text-solid-gray-700">
                {t(`proposals.method.${a.method}`)}
                {a.missingSecondary && !["draft", "ended", "terminated"].includes(a.status) ? (
                  <span className="ml-2 rounded-4 bg-error-1 px-1 text-white">{t("agreements.flag.missingSecondary")}</span>
                ) : null}
              </span>
            </span>,
            format.list(a.partnerNames),
            t(`agreements.status.${a.status}`),
            a.startsOn || a.endsOn ? format.dateRange(a.startsOn, a.endsOn) : "—",
          ])}
        />
      )}
      <MoreLink params={params} cursor={nextCursor} />
    </>
  );
}
