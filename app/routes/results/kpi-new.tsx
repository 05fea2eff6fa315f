import { useActionData } from "react-router";
import type { Route } from "./+types/kpi-new";
import { forbidden } from "~/lib/errors";
import { localeFromRequest } from "~/lib/i18n";
import { useLocale, useT } from "~/ui/i18n";
import { PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { getProject } from "~/features/results/projects/data.server";
import { createKpi } from "~/features/results/kpis/commands.server";
import { kpiTemplate } from "~/features/results/kpi-templates";
import { KpiForm, KpiTemplatePicker, kpiValuesFromTemplate } from "~/features/results/components/kpi-form";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return guard(async () => {
    const project = await getProject(ctx, args.params.id);
    if (!project.can.addKpi) throw forbidden();
    const key = new URL(args.request.url).searchParams.get("template") ?? "";
    return {
      project: { id: project.id, title: project.title, field: project.field, agreement: project.agreement },
      template: kpiTemplate(key) ?? null,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args);
  const values = await readForm(args.request);
  try {
    const { id } = await createKpi(ctx, args.params.id, values);
    return redirectWithFlash(args, `/kpis/${id}`, "results.kpis.created");
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function KpiNewPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const result = useActionData<typeof action>();
  const { project, template } = loaderData;
  return (
    <>
      <PageHeader
        title={t("results.kpis.new")}
        crumbs={[
          { label: t("agreements.title"), to: "/agreements" },
          { label: project.agreement.title, to: `/agreements/${project.agreement.id}` },
          { label: project.title, to: `/projects/${project.id}` },
          { label: t("results.kpis.new") },
        ]}
      />
      <div className="flex flex-col gap-8">
        <KpiTemplatePicker field={project.field} selected={template?.key} />
        <KpiForm
          key={template?.key ?? "blank"}
          intent="create"
          submitLabel={t("results.kpis.create")}
          initial={template ? kpiValuesFromTemplate(template, locale) : undefined}
          result={result}
        />
      </div>
    </>
  );
}
