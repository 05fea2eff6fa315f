import { Form, useActionData } from "react-router";
import type { Route } from "./+types/desk-role-matrix";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary } from "~/ui/form";
import { Notice, PageHeader } from "~/ui/layout";
import { requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { readRoleMatrix } from "~/features/proposals/data.server";
import { updateRoleMatrix } from "~/features/proposals/commands.server";
import { matrixLevels, matrixMethods, matrixStages } from "~/features/proposals/schema";
import { canEditRoleMatrix, canOpenRoleMatrixSettings } from "~/features/proposals/policy";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, canOpenRoleMatrixSettings);
  return { matrix: await readRoleMatrix(ctx), editable: canEditRoleMatrix(ctx.scope) };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, canEditRoleMatrix);
  const values = await readForm(args.request);
  const entries = matrixMethods.flatMap((method) =>
    matrixStages.map((stage) => ({
      method,
      stage,
      desk: values[`${method}.${stage}.desk`],
      department: values[`${method}.${stage}.department`],
    })),
  );
  try {
    await updateRoleMatrix(ctx, { entries });
    return { saved: true };
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function RoleMatrixPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const result = useActionData<typeof action>();
  const { matrix, editable } = loaderData;
  const levelOptions = matrixLevels.map((l) => ({ value: l, label: t(`proposals.level.${l}`) }));
  return (
    <>
      <PageHeader title={t("roleMatrix.title")} crumbs={[{ label: t("roleMatrix.title") }]} lead={t("roleMatrix.lead")} />
      {result && "saved" in result ? <Notice kind="success">{t("roleMatrix.saved")}</Notice> : null}
      <ErrorSummary errors={result && "fieldErrors" in result ? result : null} labels={{}} />
      <Form method="post">
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-std-16N-170">
            <caption className="sr-only">{t("roleMatrix.title")}</caption>
            <thead>
              <tr className="border-b-2 border-solid-gray-600">
                <th scope="col" className="px-3 py-2">
                  {t("roleMatrix.method")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("roleMatrix.stage")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("roleMatrix.desk")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("roleMatrix.department")}
                </th>
              </tr>
            </thead>
            <tbody>
              {matrixMethods.flatMap((method) =>
                matrixStages.map((stage, i) => {
                  const cell = matrix[method][stage];
                  const label = `${t(`proposals.method.${method}`)} ${t(`proposals.stage.${stage}`)}`;
                  return (
                    <tr key={`${method}.${stage}`} className="border-b border-solid-gray-200">
                      {i === 0 ? (
                        <th scope="rowgroup" rowSpan={matrixStages.length} className="px-3 py-2 align-top">
                          {t(`proposals.method.${method}`)}
                        </th>
                      ) : null}
                      <td className="px-3 py-2">{t(`proposals.stage.${stage}`)}</td>
                      {(["desk", "department"] as const).map((side) => (
                        <td key={side} className="px-3 py-2">
                          {editable ? (
                            <select
                              name={`${method}.${stage}.${side}`}
                              defaultValue={cell[side]}
                              aria-label={`${label} ${t(side === "desk" ? "roleMatrix.desk" : "roleMatrix.department")}`}
                              className="rounded-8 border border-solid-gray-600 px-2 py-1"
                            >
                              {levelOptions.map((o) => (
                                <option key={o.value} value={o.value}>
                                  {o.label}
                                </option>
                              ))}
                            </select>
                          ) : (
                            t(`proposals.level.${cell[side]}`)
                          )}
                        </td>
                      ))}
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        </div>
        {editable ? (
          <div className="mt-6">
            <Button>{t("roleMatrix.save")}</Button>
          </div>
        ) : null}
      </Form>
    </>
  );
}
