// A project's facts at the top of its page: the agreement, the items it
// carries out, who leads it on each side, its status and term.
import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { Tag } from "~/ui/home";
import type { ProjectDetail } from "../schema";

export function ProjectFacts({ project: p }: { project: ProjectDetail }) {
  const t = useT();
  const format = useFormat();
  return (
    <dl className="mb-10 grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]" data-testid="project-facts">
      <dt className="text-std-16B-170">{t("results.project.status")}</dt>
      <dd>
        <Tag>{t(`results.status.${p.status}`)}</Tag>
      </dd>
      <dt className="text-std-16B-170">{t("results.project.agreement")}</dt>
      <dd>
        <Link to={`/agreements/${p.agreement.id}`} className="text-blue-1000 underline">
          {p.agreement.title}
        </Link>
      </dd>
      <dt className="text-std-16B-170">{t("results.project.items")}</dt>
      <dd>
        <ul className="list-disc pl-6">
          {p.items.map((i) => (
            <li key={i.id}>
              {i.title}（{t.label("field", i.field)}）
            </li>
          ))}
        </ul>
      </dd>
      <dt className="text-std-16B-170">{t("results.project.field")}</dt>
      <dd>{t(`field.${p.field}`)}</dd>
      <dt className="text-std-16B-170">{t("results.project.leadDepartment")}</dt>
      <dd>{p.leadDepartment.name}</dd>
      <dt className="text-std-16B-170">{t("results.project.partner")}</dt>
      <dd>{[p.partner?.name, p.partnerOwner].filter(Boolean).join("／") || "—"}</dd>
      <dt className="text-std-16B-170">{t("results.project.term")}</dt>
      <dd>{p.startsOn || p.endsOn ? format.dateRange(p.startsOn, p.endsOn) : "—"}</dd>
      {p.summary ? (
        <>
          <dt className="text-std-16B-170">{t("results.project.summary")}</dt>
          <dd className="whitespace-pre-wrap">{p.summary}</dd>
        </>
      ) : null}
    </dl>
  );
}
