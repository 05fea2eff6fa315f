import { Link } from "react-router";
import type { Route } from "./+types/home";
import { tokyoIsoDate } from "~/lib/wareki";
import { useT } from "~/ui/i18n";
import { AttentionCounts, type AttentionCount } from "~/ui/home";
import { OverdueActionItems } from "~/ui/action-items";
import { PageHeader, Section } from "~/ui/layout";
import { guard, pageIdentityOf, publicContext, requestContextOf } from "~/server/context.server";
import { MunicipalitySearch } from "~/features/directory/components/municipality-search";
import { listPublicThemes } from "~/features/themes/data.server";
import { themeListInput } from "~/features/themes/schema";
import { ThemeCard } from "~/features/themes/components/theme-card";
import { PublicAgreementList } from "~/features/agreements/components/public-agreement-list";
import { scopeOf } from "~/features/identity/gate.server";
import { platformAtHome } from "~/features/identity/data.server";
import { canManageOrganizations, worksForManyMunicipalities } from "~/features/identity/policy";
import { shortcutsFor } from "~/features/identity/navigation";
import { PlatformAtHomeSection } from "~/features/identity/components/platform-at-home";
import { openProposalsByMunicipality, proposalsAtHome } from "~/features/proposals/data.server";
import { proposalListView, takesPartInProposals } from "~/features/proposals/policy";
import { ProposalsAtHomeSection } from "~/features/proposals/components/proposals-at-home";
import { agreementsAtHome, agreementsInForceByMunicipality, listPublicAgreements } from "~/features/agreements/register/data.server";
import { agreementsAtHomeScope, takesPartInAgreements } from "~/features/agreements/policy";
import { AgreementsInForce, AgreementsNeedingAttention, DepartmentItems } from "~/features/agreements/components/agreements-at-home";
import { meetingsAtHome } from "~/features/meetings/data.server";
import { quietAgreements } from "~/features/results/health/data.server";
import { watchesAgreementHealth } from "~/features/results/policy";
import { QuietAgreementsAtHome } from "~/features/results/components/quiet-agreements-at-home";
import { NextMeetings } from "~/features/meetings/components/meetings-at-home";
import { MunicipalitiesAtHome, mergeMunicipalities } from "~/features/directory/components/municipalities-at-home";
import { useRootData } from "~/root";

/**
 * Each role's home opens with its work: what needs attention, counted, each
 * count a link to the filtered list; then the few rows of each. The features
 * read what the caller may see (their scope rules); the policies decide which
 * parts a role has at all.
 */
export async function loader(args: Route.LoaderArgs) {
  const identity = await pageIdentityOf(args);
  if (!identity) {
    // A citizen's home: what the city is asking for, and what it has agreed.
    const ctx = publicContext(args);
    const [themes, agreements] = await Promise.all([
      listPublicThemes(ctx, themeListInput.parse({ status: "open", limit: "5" })),
      listPublicAgreements(ctx, { limit: 5 }),
    ]);
    return { public: { themes: themes.items, themesTotal: themes.total, agreements } };
  }
  if (!identity.active) return null;
  const ctx = { ...requestContextOf(args), scope: scopeOf(identity, identity.active) };
  const { scope } = ctx;
  const today = tokyoIsoDate();
  return guard(async () => {
    const [proposals, agreements, meetings, platform, municipalities, quiet] = await Promise.all([
      takesPartInProposals(scope) ? proposalsAtHome(ctx, today) : null,
      takesPartInAgreements(scope) ? agreementsAtHome(ctx, today) : null,
      takesPartInAgreements(scope) ? meetingsAtHome(ctx) : null,
      canManageOrganizations(scope) ? platformAtHome(ctx) : null,
      worksForManyMunicipalities(scope)
        ? Promise.all([openProposalsByMunicipality(ctx), agreementsInForceByMunicipality(ctx)]).then(([p, a]) => mergeMunicipalities(p, a))
        : null,
      watchesAgreementHealth(scope) ? quietAgreements(ctx) : null,
    ]);
    return {
      proposalView: takesPartInProposals(scope) ? proposalListView(scope) : null,
      department: agreementsAtHomeScope(scope) === "department",
      proposals,
      agreements,
      meetings,
      platform,
      municipalities,
      quiet,
    };
  });
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const root = useRootData();
  if (loaderData && "public" in loaderData) {
    const { themes, themesTotal, agreements } = loaderData.public;
    return (
      <>
        <PageHeader title={t("app.tagline")} lead={t("home.public.lead")} />
        <MunicipalitySearch
          action="/municipalities"
          label={t("home.public.findMunicipality")}
          hint={t("directory.search.hint")}
          className="mb-10"
        />
        <Section title={t("home.public.themes")}>
          {themes.length === 0 ? (
            <p>{t("themes.none")}</p>
          ) : (
            <ul className="flex flex-col gap-4">
              {themes.map((theme) => (
                <ThemeCard key={theme.id} theme={theme} href={`/themes/${theme.id}`} />
              ))}
            </ul>
          )}
          <p>
            <Link to="/themes" className="text-blue-1000 underline">
              {t("home.more", { count: themesTotal })}
            </Link>
          </p>
        </Section>
        <PublicAgreementList agreements={agreements} title={t("home.public.agreements")} withMunicipality />
        <Section title={t("home.public.forProposers")}>
          <p className="text-std-16N-170">{t("home.public.proposers")}</p>
          <div className="flex flex-wrap gap-4">
            <Link to="/login" className="rounded-8 bg-blue-900 px-4 py-3 text-std-16B-170 text-white underline">
              {t("nav.login")}
            </Link>
            <Link to="/signup" className="rounded-8 border border-blue-900 px-4 py-3 text-std-16B-170 text-blue-900 underline">
              {t("nav.signup")}
            </Link>
          </div>
        </Section>
      </>
    );
  }
  if (!root?.user || !loaderData || !root.active) {
    return <PageHeader title={t("home.title")} lead={t("home.noMembership")} />;
  }
  const { proposalView, department, proposals, agreements, meetings, platform, municipalities, quiet } = loaderData;
  const overdue = [
    ...(proposals?.overdueItems ?? []).map((i) => ({
      ...i,
      dueDate: i.dueDate ?? "",
      to: `/proposals/${i.proposalId}`,
      context: t("home.overdue.inProposal", { title: i.proposalTitle }),
    })),
    ...(meetings?.overdueItems ?? []).map((i) => ({
      ...i,
      to: `/meetings/${i.meetingId}`,
      context: t("home.overdue.inMeeting", { title: i.meetingTitle, agreement: i.agreementTitle }),
    })),
  ].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const overdueTotal = (proposals?.overdueTotal ?? 0) + (meetings?.overdueTotal ?? 0);
  const counts: AttentionCount[] = [];
  if (proposals && proposalView === "inbox") {
    counts.push({ label: t("home.count.waiting"), count: proposals.openTotal, to: "/proposals?queue=waiting" });
  } else if (proposals && proposalView === "shared") {
    counts.push({ label: t("home.count.shared"), count: proposals.openTotal, to: "/proposals?queue=open" });
  } else if (proposals) {
    counts.push({ label: t("home.count.myOpen"), count: proposals.openTotal, to: "/proposals?queue=open" });
    counts.push({
      label: t("home.count.cityAsked"),
      count: proposals.open.filter((p) => p.cityAsked).length,
      to: "/proposals?queue=open",
      tone: "alert",
    });
  }
  if (agreements) {
    counts.push({ label: t("home.count.ending"), count: agreements.attentionTotal, to: "/agreements?attention=ending" });
    if (!department) {
      counts.push({
        label: t("home.count.missingSecondary"),
        count: agreements.missingSecondaryTotal,
        to: "/agreements?attention=missingSecondary",
        tone: "alert",
      });
    }
  }
  if (proposals || meetings) counts.push({ label: t("home.count.overdue"), count: overdueTotal, to: "#overdue", tone: "alert" });
  if (root.unread > 0) counts.push({ label: t("home.count.unread"), count: root.unread, to: "/notifications" });
  return (
    <>
      <PageHeader
        title={root.active.organizationName}
        lead={
          <span data-testid="active-role">
            {t("home.role", { role: t(`role.${root.active.role}`) })}
            {root.active.departmentName ? `（${root.active.departmentName}）` : ""}
          </span>
        }
      />
      {platform ? <PlatformAtHomeSection data={platform} /> : <AttentionCounts title={t("home.attention")} counts={counts} />}
      {quiet ? <QuietAgreementsAtHome data={quiet} /> : null}
      {municipalities ? <MunicipalitiesAtHome rows={municipalities} /> : null}
      {proposals && proposalView ? <ProposalsAtHomeSection data={proposals} view={proposalView} /> : null}
      {agreements && department ? <DepartmentItems data={agreements} /> : null}
      {agreements && proposalView !== "mine" ? <AgreementsNeedingAttention data={agreements} /> : null}
      {agreements && proposalView === "mine" ? <AgreementsInForce data={agreements} /> : null}
      {meetings ? <NextMeetings data={meetings} /> : null}
      {proposals || meetings ? <OverdueActionItems items={overdue.slice(0, 8)} total={overdueTotal} /> : null}
      <Section title={t("home.quick")}>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {shortcutsFor(root.active).map((link) => (
            <li key={link.to + link.label}>
              <Link
                to={link.to}
                className="block rounded-8 border border-solid-gray-300 p-3 text-std-16N-170 text-blue-1000 underline hover:bg-blue-50"
              >
                {t(link.label)}
              </Link>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
