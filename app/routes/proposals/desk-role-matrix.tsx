import { useActionData } from "react-router";
import type { Route } from "./+types/desk-role-matrix";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { Notice, PageHeader } from "~/ui/layout";
import { requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { readRoleMatrix } from "~/features/proposals/data.server";
import { updateRoleMatrix } from "~/features/proposals/commands.server";
import { canEditRoleMatrix, canOpenRoleMatrixSettings } from "~/features/proposals/policy";
import { RoleMatrixForm } from "~/features/proposals/components/role-matrix-form";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, canOpenRoleMatrixSettings);
  return { matrix: await readRoleMatrix(ctx), editable: canEditRoleMatrix(ctx.scope) };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, canEditRoleMatrix);
  const values = await readForm(args.request);
  try {
    await updateRoleMatrix(ctx, values);
    return { saved: true };
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function RoleMatrixPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const result = useActionData<typeof action>();
  const { matrix, editable } = loaderData;
  return (
    <>
      <PageHeader title={t("roleMatrix.title")} crumbs={[{ label: t("roleMatrix.title") }]} lead={t("roleMatrix.lead")} />
      {result && "saved" in result ? <Notice kind="success">{t("roleMatrix.saved")}</Notice> : null}
      <RoleMatrixForm matrix={matrix} editable={editable} result={result} />
    </>
  );
}
