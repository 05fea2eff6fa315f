// The proposals on a home page: what awaits the desk (oldest first, with its
// age), what was shared with a department, or a proposer's own with what the
// city last asked; and the dialogue's overdue action items.
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { HomeRow, HomeSection, Tag } from "~/ui/home";
import type { ProposalListView } from "../policy";
import type { ProposalsAtHome } from "../schema";
import { proposalAge } from "./proposal-table";

export function ProposalsAtHomeSection({ data, view }: { data: ProposalsAtHome; view: ProposalListView }) {
  const t = useT();
  const format = useFormat();
  const title = t(view === "inbox" ? "home.proposals.waiting" : view === "shared" ? "home.proposals.shared" : "home.proposals.mine");
  return (
    <HomeSection
      id="proposals"
      title={title}
      empty={t(
        view === "inbox" ? "home.proposals.waiting.none" : view === "shared" ? "home.proposals.shared.none" : "home.proposals.mine.none",
      )}
      more={{ to: view === "inbox" ? "/proposals?queue=waiting" : "/proposals?queue=open", total: data.openTotal, shown: data.open.length }}
    >
      {data.open.map((p) => {
        const age = proposalAge(p);
        return (
          <HomeRow
            key={p.id}
            to={`/proposals/${p.id}`}
            title={p.title || t("proposals.status.draft")}
            badge={
              <>
                <Tag>{t(`proposals.status.${p.status}`)}</Tag>
                {view !== "mine" && age !== null ? (
                  <Tag tone={view === "inbox" && age >= 30 ? "alert" : undefined}>{t("proposals.age", { days: age })}</Tag>
                ) : null}
                {p.cityAsked ? <Tag tone="alert">{t("home.proposals.cityAsked")}</Tag> : null}
              </>
            }
            detail={
              p.cityAsked ? (
                <>
                  {t("home.proposals.cityAskedOn", { date: format.date(p.cityAsked.at) })}「{p.cityAsked.body}」
                </>
              ) : view === "mine" ? (
                p.municipalityName
              ) : (
                p.proposerName
              )
            }
          />
        );
      })}
    </HomeSection>
  );
}
