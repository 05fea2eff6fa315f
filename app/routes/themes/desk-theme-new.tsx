import { useActionData } from "react-router";
import type { Route } from "./+types/desk-theme-new";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { PageHeader } from "~/ui/layout";
import { requirePageScope } from "~/server/context.server";
import { formFailure, readFormWithFiles } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { listDepartments } from "~/features/identity/data.server";
import { createTheme } from "~/features/themes/commands.server";
import { canCreateTheme, canPickThemeDepartment } from "~/features/themes/policy";
import { ThemeForm } from "~/features/themes/components/theme-form";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, canCreateTheme);
  const departments = await listDepartments(ctx);
  return { departments: departments.map((d) => ({ value: d.id, label: d.name })), canPickDepartment: canPickThemeDepartment(ctx.scope) };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, canCreateTheme);
  const { values, files } = await readFormWithFiles(args.request);
  try {
    const created = await createTheme(ctx, values, files);
    return redirectWithFlash(args, `/themes/${created.id}`, "themes.created", { title: String(values.title ?? "") });
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function NewTheme({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const errors = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("themes.new")} crumbs={[{ label: t("themes.desk.title"), to: "/desk/themes" }, { label: t("themes.new") }]} />
      <ThemeForm
        result={errors}
        departments={loaderData.departments}
        canPickDepartment={loaderData.canPickDepartment}
        submitLabel={t("themes.create")}
      />
    </>
  );
}
