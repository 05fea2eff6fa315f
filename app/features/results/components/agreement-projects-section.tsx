// On an agreement's page: its cooperation items, each with the projects
// carrying it out (status, lead department, KPIs behind) or marked "not
// started", and the way to start one.
import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import { Section } from "~/ui/layout";
import { Tag } from "~/ui/home";
import type { ProjectSummary } from "../schema";

function ProjectLine({ project }: { project: ProjectSummary }) {
  const t = useT();
  return (
    <li className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <Link to={`/projects/${project.id}`} className="text-blue-1000 underline">
        {project.title}
      </Link>
      <Tag>{t(`results.status.${project.status}`)}</Tag>
      <span className="text-dns-14N-130 text-solid-gray-700">
        {project.leadDepartment.name}・{t("results.projects.kpiCount", { count: project.kpiCount })}
      </span>
      {project.behindCount > 0 ? <Tag tone="alert">{t("results.projects.behindCount", { count: project.behindCount })}</Tag> : null}
    </li>
  );
}

export function AgreementProjectsSection(props: {
  agreementId: string;
  items: { id: string; title: string; field: string }[];
  projects: ProjectSummary[];
  canCreate: boolean;
  /** The agreement is signed and not over: projects run under it. */
  runsProjects: boolean;
}) {
  const t = useT();
  const { items, projects, canCreate, runsProjects } = props;
  const newProject = (itemId?: string) => `/agreements/${props.agreementId}/projects/new${itemId ? `?item=${itemId}` : ""}`;
  return (
    <Section title={t("results.projects.title")}>
      <div data-testid="agreement-projects" className="flex flex-col gap-4">
        <p className="text-std-16N-170">{t("results.projects.lead")}</p>
        {!runsProjects ? <p className="text-std-16N-170 text-solid-gray-700">{t("results.projects.notYet")}</p> : null}
        {items.length === 0 ? <p>{t("results.projects.none")}</p> : null}
        <ol className="flex flex-col gap-3">
          {items.map((item, i) => {
            const under = projects.filter((p) => p.itemIds.includes(item.id));
            return (
              <li key={item.id} className="rounded-8 border border-solid-gray-300 p-4">
                <h3 className="text-std-17B-170">
                  {i + 1}. {item.title}
                  <span className="ml-2 text-dns-14N-130 text-solid-gray-700">{t.label("field", item.field)}</span>
                </h3>
                {under.length ? (
                  <ul className="mt-2 flex flex-col gap-2">
                    {under.map((p) => (
                      <ProjectLine key={p.id} project={p} />
                    ))}
                  </ul>
                ) : (
                  <p className="mt-2 flex flex-wrap items-center gap-2">
                    <Tag tone="alert">{t("results.projects.notStarted")}</Tag>
                    <span className="text-std-16N-170 text-solid-gray-700">{t("results.projects.notStarted.hint")}</span>
                    {canCreate ? (
                      <Link to={newProject(item.id)} className="text-blue-1000 underline">
                        {t("results.projects.newUnder")}
                        <span className="sr-only">: {item.title}</span>
                      </Link>
                    ) : null}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
        {canCreate ? (
          <p>
            <Link to={newProject()} className="text-blue-1000 underline">
              {t("results.projects.new")}
            </Link>
          </p>
        ) : null}
      </div>
    </Section>
  );
}
