// Where an import stands: the row counts and missing required columns while it
// is pending, the outcome once committed or cancelled.
import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import { Notice } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import type { ImportView } from "../import/import";

export function ImportReviewSummary({ view }: { view: ImportView }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      <Notice kind={view.summary.withErrors ? "error" : "info"}>
        <span data-testid="import-summary">{t("agreements.import.summary", view.summary)}</span>
      </Notice>
      {view.missingRequired.length ? (
        <Notice kind="error">
          {t("agreements.import.missingRequired", {
            targets: format.list(view.missingRequired.map((m) => t(`agreements.import.target.${m}`))),
          })}
        </Notice>
      ) : null}
    </>
  );
}

export function ImportReviewOutcome({ view }: { view: ImportView }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      <Notice kind={view.status === "committed" ? "success" : "info"}>
        {view.status === "committed"
          ? t("agreements.import.committed", { count: format.number(view.createdCount ?? 0) })
          : t("agreements.import.cancelledState")}
      </Notice>
      <p>
        <Link to="/agreements" className="text-blue-1000 underline">
          {t("agreements.title")}
        </Link>
      </p>
    </>
  );
}
