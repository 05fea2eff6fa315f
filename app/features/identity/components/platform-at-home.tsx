// The platform admin's home: organisations per kind, people, the newest sign-ups.
import { Link } from "react-router";
import { organizationKinds } from "~/lib/roles";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { AttentionCounts } from "~/ui/home";
import { DataTable, Section } from "~/ui/layout";
import type { PlatformAtHome } from "../schema";

export function PlatformAtHomeSection({ data }: { data: PlatformAtHome }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      <AttentionCounts
        title={t("home.platform.counts")}
        counts={[
          { label: t("home.platform.people"), count: data.people, to: "/admin/organizations" },
          ...organizationKinds
            .filter((k) => data.organizationsByKind[k])
            .map((k) => ({ label: t.label("orgKind", k), count: data.organizationsByKind[k] ?? 0, to: `/admin/organizations?kind=${k}` })),
        ]}
      />
      <Section title={t("home.platform.signUps")}>
        <DataTable
          caption={t("home.platform.signUps")}
          head={[t("home.platform.name"), t("home.platform.email"), t("home.platform.organizations"), t("home.platform.signedUpAt")]}
          rows={data.recentSignUps.map((u) => [
            u.name,
            u.email,
            u.organizationNames.length > 0 ? (
              format.list(u.organizationNames)
            ) : (
              <Link key="o" to="/admin/organizations" className="text-blue-1000 underline">
                {t("home.platform.noOrganization")}
              </Link>
            ),
            format.dateTime(u.createdAt),
          ])}
        />
      </Section>
    </>
  );
}
