import { Form, Link, redirect, useActionData, useNavigation } from "react-router";
import type { Route } from "./+types/agreement-import";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, TextField } from "~/ui/form";
import { DataTable, PageHeader, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure } from "~/server/forms.server";
import { importTargets, requiredImportTargets } from "~/features/agreements/import";
import { recentImports } from "~/features/agreements/import.server";
import { stageUploadedRegister } from "./agreement-import.server";
import { isPublicBodyDesk } from "~/features/agreements/policy";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, isPublicBodyDesk);
  return { recent: await guard(() => recentImports(ctx)) };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, isPublicBodyDesk);
  try {
    const { id } = await stageUploadedRegister(ctx, args.request);
    return redirect(`/agreements/import/${id}`);
  } catch (error) {
    // A browser cannot be handed the chosen file back: the message says what to fix.
    return formFailure(error, {}, localeFromRequest(args.request));
  }
}

export default function AgreementImport({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const errors = useActionData<typeof action>();
  // A large register takes a moment to read and check: say so, and do not send it twice.
  const reading = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader
        title={t("agreements.import.title")}
        crumbs={[{ label: t("agreements.title"), to: "/agreements" }, { label: t("agreements.import.title") }]}
        lead={t("agreements.import.lead")}
      />
      <Form method="post" encType="multipart/form-data" className="mb-10 flex max-w-2xl flex-col gap-6" noValidate>
        <ErrorSummary errors={errors} labels={{ file: t("agreements.import.file") }} />
        <TextField
          name="file"
          type="file"
          required
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          label={t("agreements.import.file")}
          hint={t("agreements.import.file.hint")}
          errors={errors}
        />
        <div className="flex flex-wrap items-center gap-4">
          <Button disabled={reading}>{t("agreements.import.upload")}</Button>
          {reading ? (
            <p role="status" className="text-std-16N-170">
              {t("agreements.import.reading")}
            </p>
          ) : null}
        </div>
      </Form>
      <Section title={t("agreements.import.columnsTitle")}>
        <dl className="grid gap-x-6 gap-y-3 text-std-16N-170 sm:grid-cols-[14rem_1fr]">
          {importTargets.map((target) => (
            <div key={target} className="contents">
              <dt className="text-std-16B-170">
                {t(`agreements.import.target.${target}`)}
                {requiredImportTargets.includes(target) ? (
                  <span className="ml-2 rounded-4 bg-error-1 px-1 text-dns-14N-130 text-white">{t("form.required")}</span>
                ) : null}
              </dt>
              <dd>{t(`agreements.import.hint.${target}`)}</dd>
            </div>
          ))}
        </dl>
      </Section>
      {loaderData.recent.length ? (
        <Section title={t("agreements.import.recent")}>
          <DataTable
            caption={t("agreements.import.recent")}
            head={[
              t("agreements.import.file"),
              t("agreements.import.recent.rows"),
              t("proposals.filter.status"),
              t("agreements.import.recent.at"),
            ]}
            rows={loaderData.recent.map((r) => [
              r.status === "pending" ? (
                <Link key="f" to={`/agreements/import/${r.id}`} className="text-blue-1000 underline">
                  {r.filename}
                </Link>
              ) : (
                r.filename
              ),
              r.status === "committed" ? String(r.createdCount ?? 0) : r.status === "pending" ? String(r.rowCount) : "—",
              t(`agreements.import.status.${r.status}`),
              format.dateTime(r.createdAt),
            ])}
          />
        </Section>
      ) : null}
    </>
  );
}
