// A coordinator's municipalities on its home: for each, the open proposals,
// the agreements in force and the next end of term.
import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { DataTable, Section } from "~/ui/layout";

export interface MunicipalityAtHome {
  localGovCode: string;
  name: string;
  openProposals: number;
  inForce: number;
  nextEnd: string | null;
}

/** One row per municipality the caller proposes to or holds agreements with, by name. */
export function mergeMunicipalities(
  proposals: { localGovCode: string; name: string; open: number }[],
  agreements: { localGovCode: string; name: string; inForce: number; nextEnd: string | null }[],
): MunicipalityAtHome[] {
  const rows = new Map<string, MunicipalityAtHome>();
  const row = (code: string, name: string) =>
    rows.get(code) ?? rows.set(code, { localGovCode: code, name, openProposals: 0, inForce: 0, nextEnd: null }).get(code)!;
  for (const p of proposals) row(p.localGovCode, p.name).openProposals = p.open;
  for (const a of agreements) Object.assign(row(a.localGovCode, a.name), { inForce: a.inForce, nextEnd: a.nextEnd });
  return [...rows.values()].sort((a, b) => a.localGovCode.localeCompare(b.localGovCode));
}

export function MunicipalitiesAtHome({ rows }: { rows: MunicipalityAtHome[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <Section title={t("home.municipalities")}>
      {rows.length === 0 ? (
        <p className="text-solid-gray-700">{t("home.municipalities.none")}</p>
      ) : (
        <DataTable
          caption={t("home.municipalities")}
          head={[
            t("home.municipalities.name"),
            t("home.municipalities.openProposals"),
            t("home.municipalities.inForce"),
            t("home.municipalities.nextEnd"),
          ]}
          rows={rows.map((r) => [
            <Link key="n" to={`/municipalities/${r.localGovCode}/themes`} className="text-blue-1000 underline">
              {r.name}
            </Link>,
            format.number(r.openProposals),
            format.number(r.inForce),
            r.nextEnd ? format.date(r.nextEnd) : "—",
          ])}
        />
      )}
    </Section>
  );
}
