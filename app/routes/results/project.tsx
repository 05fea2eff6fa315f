import { Link, useActionData } from "react-router";
import type { Route } from "./+types/project";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { resultForIntent } from "~/ui/form";
import { PageHeader, Section } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { getProject, projectFormChoices } from "~/features/results/projects/data.server";
import { saveProjectPlan, updateProject } from "~/features/results/projects/commands.server";
import { projectInputOf } from "~/features/results/schema";
import { ProjectFacts } from "~/features/results/components/project-facts";
import { KpiTable } from "~/features/results/components/kpi-table";
import { PlanSection } from "~/features/results/components/plan-section";
import { ProjectForm } from "~/features/results/components/project-form";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return guard(async () => {
    const project = await getProject(ctx, args.params.id);
    const currentYear = fiscalYearOf(new Date());
    const planParam = new URL(args.request.url).searchParams.get("plan");
    const asked = Number(planParam);
    const editYear = Number.isInteger(asked) && asked >= currentYear - 5 && asked <= currentYear + 5 ? asked : currentYear;
    return {
      project,
      currentYear,
      editYear,
      planChosen: planParam !== null,
      choices: project.can.edit ? await projectFormChoices(ctx, project.agreement.id, project.itemIds) : null,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args);
  const id = args.params.id;
  const values = await readForm(args.request);
  try {
    switch (values.intent) {
      case "update":
        await updateProject(ctx, id, values);
        return redirectWithFlash(args, `/projects/${id}`, "results.projects.updated");
      case "plan": {
        const year = Number(values.fiscalYear);
        await saveProjectPlan(ctx, id, year, values);
        return redirectWithFlash(args, `/projects/${id}?plan=${year}`, "results.plans.saved");
      }
      default:
        throw new Response(null, { status: 400 });
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function ProjectPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const result = useActionData<typeof action>();
  const { project: p, currentYear, editYear, planChosen, choices } = loaderData;
  return (
    <>
      <PageHeader
        title={p.title}
        crumbs={[
          { label: t("agreements.title"), to: "/agreements" },
          { label: p.agreement.title, to: `/agreements/${p.agreement.id}` },
          { label: p.title },
        ]}
      />
      <ProjectFacts project={p} />

      <Section title={t("results.kpis.title")}>
        {p.kpis.length ? <KpiTable caption={t("results.kpis.title")} kpis={p.kpis} /> : <p>{t("results.kpis.none")}</p>}
        {p.can.addKpi ? (
          <p>
            <Link to={`/projects/${p.id}/kpis/new`} className="text-blue-1000 underline">
              {t("results.kpis.new")}
            </Link>
          </p>
        ) : null}
      </Section>

      <PlanSection
        project={p}
        currentYear={currentYear}
        editYear={editYear}
        parties={p.parties}
        result={result}
        open={planChosen || Boolean(resultForIntent(result, "plan"))}
      />

      {choices ? (
        <details className="mb-10 rounded-8 border border-solid-gray-300 p-4" open={Boolean(resultForIntent(result, "update"))}>
          <summary className="cursor-pointer text-std-16B-170">{t("results.projects.edit")}</summary>
          <div className="mt-4">
            <ProjectForm
              intent="update"
              submitLabel={t("results.projects.save")}
              choices={choices}
              initial={projectInputOf(p)}
              result={result}
            />
          </div>
        </details>
      ) : null}
      <p className="text-dns-14N-130 text-solid-gray-700">
        {t("results.project.createdUpdated", { created: format.dateTime(p.createdAt), updated: format.dateTime(p.updatedAt) })}
      </p>
    </>
  );
}
