import { useActionData } from "react-router";
import type { Route } from "./+types/desk-theme-edit";
import { forbidden } from "~/lib/errors";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, listValue, readFormWithFiles } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { listDepartments } from "~/features/identity/data.server";
import { getTheme } from "~/features/themes/data.server";
import { updateTheme } from "~/features/themes/commands.server";
import { canCreateTheme, canPickThemeDepartment } from "~/features/themes/policy";
import { ThemeForm } from "~/features/themes/components/theme-form";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, canCreateTheme);
  return guard(async () => {
    const theme = await getTheme(ctx, args.params.id);
    if (!theme.can.edit) throw forbidden();
    const departments = await listDepartments(ctx);
    return {
      theme,
      departments: departments.map((d) => ({ value: d.id, label: d.name })),
      canPickDepartment: canPickThemeDepartment(ctx.scope),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, canCreateTheme);
  const { values, files } = await readFormWithFiles(args.request);
  try {
    await updateTheme(ctx, args.params.id, values, files, listValue(values, "removeAttachments"));
    return redirectWithFlash(args, `/themes/${args.params.id}`, "themes.saved");
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function EditTheme({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const errors = useActionData<typeof action>();
  const { theme } = loaderData;
  return (
    <>
      <PageHeader
        title={t("themes.edit")}
        crumbs={[
          { label: t("themes.desk.title"), to: "/desk/themes" },
          { label: theme.title, to: `/themes/${theme.id}` },
          { label: t("themes.edit") },
        ]}
      />
      <ThemeForm
        result={errors}
        theme={theme}
        departments={loaderData.departments}
        canPickDepartment={loaderData.canPickDepartment}
        submitLabel={t("themes.save")}
      />
    </>
  );
}
