// A municipality's public agreements: title, method, partners, signing date.
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import type { AgreementSummary } from "../schema";

export function PublicAgreementList({
  agreements,
  title,
  withMunicipality = false,
}: {
  agreements: AgreementSummary[];
  title?: string;
  /** On a list across municipalities: name the municipality first. */
  withMunicipality?: boolean;
}) {
  const t = useT();
  const format = useFormat();
  if (!(agreements.length > 0)) return null;
  return (
    <section className="mb-10 mt-10 flex flex-col gap-4" data-testid="public-agreements">
      <h2 className="text-std-24B-150">{title ?? t("agreements.public.title")}</h2>
      <ul className="flex flex-col gap-4">
        {agreements.map((a) => (
          <li key={a.id} className="rounded-8 border border-solid-gray-300 p-4">
            <h3 className="text-std-17B-170">{a.title}</h3>
            <p className="text-dns-14N-130 text-solid-gray-700">
              {withMunicipality ? `${a.municipalityName}／` : ""}
              {t(`proposals.method.${a.method}`)}／{a.partnerNames.join("・")}
              {a.signedOn ? `／${t("agreements.field.signedOn")} ${format.officialDate(a.signedOn)}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
