import { useActionData } from "react-router";
import type { Route } from "./+types/agreement-import-review";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { PageHeader, Section } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { cancelImport, getImport, updateImportMapping } from "~/features/agreements/import/import.server";
import { isPublicBodyDesk } from "~/features/agreements/policy";
import { ImportConfirm } from "~/features/agreements/components/import-confirm";
import { ImportReviewOutcome, ImportReviewSummary } from "~/features/agreements/components/import-review-summary";
import { ImportNewOrganizations, ImportProblemRows, ImportReadyRows } from "~/features/agreements/components/import-review-rows";
import { ImportCancel, ImportMappingForm } from "~/features/agreements/components/import-mapping-form";

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
    await updateImportMapping(ctx, args.params.id, { mapping: values.mapping ?? {} });
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
        <ImportReviewOutcome view={view} />
      </>
    );
  }
  return (
    <>
      {header}
      <ImportReviewSummary view={view} />

      <ImportProblemRows view={view} />
      <ImportNewOrganizations view={view} />
      <ImportReadyRows view={view} />

      <Section title={t("agreements.import.confirm", { count: format.number(view.summary.ready) })}>
        <ImportConfirm
          importId={view.id}
          count={view.summary.rows}
          disabled={view.summary.withErrors > 0 || view.summary.rows === 0 || view.missingRequired.length > 0}
        />
      </Section>

      <ImportMappingForm view={view} result={errors} />
      <ImportCancel />
    </>
  );
}
