import { useActionData } from "react-router";
import type { Route } from "./+types/kpi";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { resultForIntent } from "~/ui/form";
import { PageHeader, Section } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { getKpi } from "~/features/results/kpis/data.server";
import { recordMeasurement, updateKpi } from "~/features/results/kpis/commands.server";
import { kpiInputOf } from "~/features/results/schema";
import { KpiFacts } from "~/features/results/components/kpi-facts";
import { KpiForm } from "~/features/results/components/kpi-form";
import { MeasurementForm, MeasurementTable } from "~/features/results/components/measurements";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return { kpi: await guard(() => getKpi(ctx, args.params.id)) };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args);
  const id = args.params.id;
  const values = await readForm(args.request);
  try {
    switch (values.intent) {
      case "update":
        await updateKpi(ctx, id, values);
        return redirectWithFlash(args, `/kpis/${id}`, "results.kpis.updated");
      case "measurement":
        await recordMeasurement(ctx, id, values);
        return redirectWithFlash(args, `/kpis/${id}`, "results.measurements.saved");
      default:
        throw new Response(null, { status: 400 });
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function KpiPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const result = useActionData<typeof action>();
  const { kpi: k } = loaderData;
  return (
    <>
      <PageHeader
        title={k.name}
        crumbs={[
          { label: t("agreements.title"), to: "/agreements" },
          { label: k.agreement.title, to: `/agreements/${k.agreement.id}` },
          { label: k.project.title, to: `/projects/${k.project.id}` },
          { label: k.name },
        ]}
      />
      <KpiFacts kpi={k} />
      {k.can.record ? (
        <Section title={t("results.measurements.new")}>
          <MeasurementForm kpi={k} result={result} />
        </Section>
      ) : null}
      <Section title={t("results.measurements.title")}>
        <MeasurementTable kpi={k} />
      </Section>
      {k.can.edit ? (
        <details className="mb-10 rounded-8 border border-solid-gray-300 p-4" open={Boolean(resultForIntent(result, "update"))}>
          <summary className="cursor-pointer text-std-16B-170">{t("results.kpis.edit")}</summary>
          <div className="mt-4">
            <KpiForm intent="update" submitLabel={t("results.kpis.save")} initial={kpiInputOf(k)} result={result} />
          </div>
        </details>
      ) : null}
    </>
  );
}
