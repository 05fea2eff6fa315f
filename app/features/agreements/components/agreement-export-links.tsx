// Downloads of the register as filtered: CSV (UTF-8 or Shift_JIS) and Excel.
import { useT } from "~/ui/i18n";

export function AgreementExportLinks({ params }: { params: { q?: string; status?: string } }) {
  const t = useT();
  return (
    <p className="mb-4 flex flex-wrap items-center gap-4 text-std-16N-170">
      <span>{t("agreements.export.label")}:</span>
      {(
        [
          ["csv?encoding=utf-8", "agreements.export.csvUtf8"],
          ["csv?encoding=shift_jis", "agreements.export.csvSjis"],
          ["xlsx?", "agreements.export.xlsx"],
        ] as const
      ).map(([suffix, label]) => (
        <a
          key={label}
          href={`/agreements/export.${suffix}${suffix.includes("?") && !suffix.endsWith("?") ? "&" : ""}${new URLSearchParams({ ...(params.q ? { q: params.q } : {}), ...(params.status ? { status: params.status } : {}) }).toString()}`}
          className="text-blue-1000 underline"
          download
        >
          {t(label)}
        </a>
      ))}
    </p>
  );
}
