// The role matrix (method × stage: the desk's and the department's part) as a
// table; with editable, each cell is a select and the form saves them all,
// row k posted as entries[k] of roleMatrixInput.
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm } from "~/ui/form";
import { matrixLevels, matrixMethods, matrixStages, roleMatrixInput, type RoleMatrix } from "../schema";

export function RoleMatrixForm({ matrix, editable, result }: { matrix: RoleMatrix; editable: boolean; result?: unknown }) {
  const t = useT();
  const levelOptions = matrixLevels.map((l) => ({ value: l, label: t(`proposals.level.${l}`) }));
  return (
    <SchemaForm schema={roleMatrixInput} result={result} method="post">
      <ErrorSummary labels={{ entries: t("roleMatrix.title") }} />
      {/* Below 640 px each stage is a card: its name, then the desk's and the department's part, labelled. */}
      <div className="sm:overflow-x-auto">
        <table className="block w-full border-collapse text-left text-std-16N-170 sm:table">
          <caption className="sr-only">{t("roleMatrix.title")}</caption>
          <thead className="sr-only sm:not-sr-only sm:table-header-group">
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
          <tbody className="block sm:table-row-group">
            {matrixMethods.flatMap((method) =>
              matrixStages.map((stage, i) => {
                const row = `entries[${matrixMethods.indexOf(method) * matrixStages.length + i}]`;
                const cell = matrix[method][stage];
                const label = `${t(`proposals.method.${method}`)} ${t(`proposals.stage.${stage}`)}`;
                return (
                  <tr
                    key={`${method}.${stage}`}
                    className="grid grid-cols-1 gap-y-2 border-b border-solid-gray-200 py-2 sm:table-row sm:py-0"
                  >
                    {i === 0 ? (
                      <th
                        scope="rowgroup"
                        rowSpan={matrixStages.length}
                        className="pb-1 pt-4 text-std-17B-170 sm:table-cell sm:px-3 sm:py-2 sm:align-top sm:text-std-16B-170"
                      >
                        {t(`proposals.method.${method}`)}
                      </th>
                    ) : null}
                    <td className="font-bold sm:table-cell sm:px-3 sm:py-2 sm:font-normal">
                      {t(`proposals.stage.${stage}`)}
                      {editable ? (
                        <>
                          <input type="hidden" name={`${row}.method`} value={method} />
                          <input type="hidden" name={`${row}.stage`} value={stage} />
                        </>
                      ) : null}
                    </td>
                    {(["desk", "department"] as const).map((side) => (
                      <td key={side} className="flex flex-col sm:table-cell sm:px-3 sm:py-2">
                        <span aria-hidden="true" className="text-dns-14N-130 text-solid-gray-700 sm:hidden">
                          {t(side === "desk" ? "roleMatrix.desk" : "roleMatrix.department")}
                        </span>
                        {editable ? (
                          <select
                            name={`${row}.${side}`}
                            defaultValue={cell[side]}
                            aria-label={`${label} ${t(side === "desk" ? "roleMatrix.desk" : "roleMatrix.department")}`}
                            className="w-full rounded-8 border border-solid-gray-600 py-1 pl-2 pr-8 sm:w-auto sm:min-w-[12em]"
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
    </SchemaForm>
  );
}
