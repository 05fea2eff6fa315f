import { Form, Link, useActionData } from "react-router";
import type { Route } from "./+types/agreement-import-review";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { Button } from "~/ui/button";
import { ErrorSummary, SelectField } from "~/ui/form";
import { DataTable, Notice, PageHeader, Section } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { importTargets, requiredImportTargets } from "~/features/agreements/import";
import { cancelImport, getImport, updateImportMapping } from "~/features/agreements/import.server";
import { isPublicBodyDesk } from "~/features/agreements/policy";
import { ImportConfirm } from "~/features/agreements/components/import-confirm";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, isPublicBodyDesk);
  return guard(() => getImport(ctx, args.params.id, localeFromRequest(args.request)));
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, isPublicBodyDesk);
  const values = await readForm(args.request);
  try {
    if (values.intent === "cancel") {
      await cancelImport(ctx, args.params.id);
      return redirectWithFlash(args, "/agreements/import", "agreements.import.cancelled");
    }
    const mapping = Object.fromEntries(importTargets.map((target) => [target, values[`mapping.${target}`] ?? ""]));
    await updateImportMapping(ctx, args.params.id, { mapping });
    return redirectWithFlash(args, `/agreements/import/${args.params.id}`, "agreements.import.mapping.saved");
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function AgreementImportReview({ loaderData: view }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const errors = useActionData<typeof action>();
  const crumbs = [
    { label: t("agreements.title"), to: "/agreements" },
    { label: t("agreements.import.title"), to: "/agreements/import" },
    { label: t("agreements.import.review") },
  ];
  const header = (
    <PageHeader
      title={t("agreements.import.review")}
      crumbs={crumbs}
      lead={t("agreements.import.review.lead", {
        filename: view.filename,
        format: view.format === "xlsx" ? "Excel" : `CSV・${view.encoding === "shift_jis" ? "Shift_JIS" : "UTF-8"}`,
      })}
    />
  );
  if (view.status !== "pending") {
    return (
      <>
        {header}
        <Notice kind={view.status === "committed" ? "success" : "info"}>
          {view.status === "committed"
            ? t("agreements.import.committed", { count: format.number(view.createdCount ?? 0) })
            : t("agreements.import.cancelledState")}
        </Notice>
        <p>
          <Link to="/agreements" className="text-blue-1000 underline">
            {t("agreements.title")}
          </Link>
        </p>
      </>
    );
  }
  const problems = view.rows.filter((r) => r.errors.length > 0);
  const ready = view.rows.filter((r) => r.errors.length === 0);
  const labels = Object.fromEntries(importTargets.map((target) => [`mapping.${target}`, t(`agreements.import.target.${target}`)]));
  return (
    <>
      {header}
      <Notice kind={view.summary.withErrors ? "error" : "info"}>
        <span data-testid="import-summary">{t("agreements.import.summary", view.summary)}</span>
      </Notice>
      {view.missingRequired.length ? (
        <Notice kind="error">
          {t("agreements.import.missingRequired", {
            targets: format.list(view.missingRequired.map((m) => t(`agreements.import.target.${m}`))),
          })}
        </Notice>
      ) : null}

      {problems.length ? (
        <Section title={t("agreements.import.errors")}>
          <p className="text-std-16N-170">{t("agreements.import.errors.hint")}</p>
          <DataTable
            caption={t("agreements.import.errors")}
            head={[t("agreements.import.row"), t("agreements.import.target.title"), t("agreements.import.problems")]}
            rows={problems.map((r) => [
              String(r.row),
              r.title || "—",
              <ul key="e" className="list-disc pl-5 text-error-1" data-testid={`import-row-${r.row}-errors`}>
                {r.errors.map((e) => (
                  <li key={e.message}>{e.message}</li>
                ))}
              </ul>,
            ])}
          />
        </Section>
      ) : null}

      {view.newOrganizations.length ? (
        <Section title={t("agreements.import.newOrganizations")}>
          <p className="text-std-16N-170">{t("agreements.import.newOrganizations.hint")}</p>
          <DataTable
            caption={t("agreements.import.newOrganizations")}
            head={[
              t("agreements.import.target.partners"),
              t("agreements.import.newOrganizations.kind"),
              t("agreements.import.newOrganizations.code"),
              t("agreements.import.newOrganizations.similar"),
            ]}
            rows={view.newOrganizations.map((o) => [
              o.name,
              t.label("orgKind", o.kind),
              o.corporateNumber ?? o.localGovCode ?? "—",
              o.similarTo ? (
                <span key="s" className="text-error-1" data-testid="import-similar">
                  {t("agreements.import.newOrganizations.similarTo", { name: o.similarTo.name })}
                </span>
              ) : (
                "—"
              ),
            ])}
          />
        </Section>
      ) : null}

      {ready.length ? (
        <Section title={t("agreements.import.ready", { count: format.number(ready.length) })}>
          <DataTable
            caption={t("agreements.import.ready", { count: format.number(ready.length) })}
            head={[
              t("agreements.import.row"),
              t("agreements.import.target.title"),
              t("agreements.import.target.partners"),
              t("proposals.filter.status"),
              t("agreements.term"),
            ]}
            rows={ready.map((r) => [
              String(r.row),
              <span key="t">
                {r.title}
                <span className="block text-dns-14N-130 text-solid-gray-700">
                  {t.label("proposals.method", r.method)}・{format.list(r.fields.map((f) => t.label("field", f)))}
                </span>
              </span>,
              <span key="p">
                {r.partners.map((p, i) => (
                  <span key={`${p.name}-${i}`} className="block">
                    {p.name}
                    {p.isNew ? (
                      <span className="ml-2 rounded-4 bg-blue-900 px-1 text-dns-14N-130 text-white">{t("agreements.import.new")}</span>
                    ) : null}
                  </span>
                ))}
              </span>,
              t.label("agreements.status", r.status),
              r.startsOn || r.endsOn ? format.dateRange(r.startsOn, r.endsOn) : "—",
            ])}
          />
        </Section>
      ) : null}

      <Section title={t("agreements.import.confirm", { count: format.number(view.summary.ready) })}>
        <ImportConfirm
          importId={view.id}
          count={view.summary.rows}
          disabled={view.summary.withErrors > 0 || view.summary.rows === 0 || view.missingRequired.length > 0}
        />
      </Section>

      <Section title={t("agreements.import.mapping")}>
        <p className="text-std-16N-170">{t("agreements.import.mapping.hint")}</p>
        <Form method="post" className="flex flex-col gap-6" noValidate>
          <ErrorSummary errors={errors} labels={labels} />
          <div className="grid gap-6 sm:grid-cols-2">
            {importTargets.map((target) => (
              <SelectField
                key={target}
                name={`mapping.${target}`}
                label={t(`agreements.import.target.${target}`)}
                required={requiredImportTargets.includes(target)}
                hint={t(`agreements.import.hint.${target}`)}
                errors={errors}
                defaultValue={view.columns[target] === undefined ? "" : String(view.columns[target])}
                placeholder={t("agreements.import.mapping.none")}
                options={view.headers.map((h, i) => ({ value: String(i), label: h || `(${i + 1})` }))}
              />
            ))}
          </div>
          <div>
            <Button variant="secondary" name="intent" value="mapping">
              {t("agreements.import.mapping.submit")}
            </Button>
          </div>
        </Form>
      </Section>

      <Form method="post" className="mb-10 flex flex-wrap gap-4">
        <Button variant="secondary" name="intent" value="cancel">
          {t("agreements.import.cancel")}
        </Button>
        <Link to="/agreements/import" className="inline-flex min-h-11 items-center text-blue-1000 underline">
          {t("agreements.import.reupload")}
        </Link>
      </Form>
    </>
  );
}
