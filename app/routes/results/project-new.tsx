import { useActionData } from "react-router";
import type { Route } from "./+types/project-new";
import { forbidden } from "~/lib/errors";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { listAgreementProjects, projectFormChoices } from "~/features/results/projects/data.server";
import { createProject } from "~/features/results/projects/commands.server";
import { ProjectForm } from "~/features/results/components/project-form";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return guard(async () => {
    const list = await listAgreementProjects(ctx, args.params.id);
    if (!list.can.create) throw forbidden();
    const item = new URL(args.request.url).searchParams.get("item");
    return { choices: await projectFormChoices(ctx, args.params.id), item };
  });
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args);
  const values = await readForm(args.request);
  try {
    const { id } = await createProject(ctx, args.params.id, values);
    return redirectWithFlash(args, `/projects/${id}`, "results.projects.created");
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function ProjectNewPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const result = useActionData<typeof action>();
  const { choices, item } = loaderData;
  const startItem = choices.items.find((i) => i.id === item);
  return (
    <>
      <PageHeader
        title={t("results.projects.new")}
        crumbs={[
          { label: t("agreements.title"), to: "/agreements" },
          { label: choices.agreement.title, to: `/agreements/${choices.agreement.id}` },
          { label: t("results.projects.new") },
        ]}
        lead={t("results.projects.lead")}
      />
      <ProjectForm
        intent="create"
        submitLabel={t("results.projects.create")}
        choices={choices}
        initial={{
          itemIds: startItem ? [startItem.id] : [],
          leadDepartmentId: startItem?.departmentId ?? undefined,
        }}
        result={result}
      />
    </>
  );
}
