// A project's yearly plans (newest first) and the form for one year's plan:
// goals, activities, what each party brings and milestones. Rows without
// JavaScript: the plan's own and two spare ones; empty rows are ignored.
import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm, SelectField, TextArea, TextField } from "~/ui/form";
import { Section } from "~/ui/layout";
import { Tag } from "~/ui/home";
import { planInput, resourceKinds, type PlanView, type ProjectDetail } from "../schema";
import { useResultsFormat } from "./use-results-format";

const SPARE_ROWS = 2;

function PlanView({ plan }: { plan: PlanView }) {
  const t = useT();
  const format = useFormat();
  return (
    <div className="flex flex-col gap-3">
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        <dt className="text-std-16B-170">{t("results.plan.goals")}</dt>
        <dd className="whitespace-pre-wrap">{plan.goals}</dd>
        {plan.activities ? (
          <>
            <dt className="text-std-16B-170">{t("results.plan.activities")}</dt>
            <dd className="whitespace-pre-wrap">{plan.activities}</dd>
          </>
        ) : null}
        {plan.resources.length ? (
          <>
            <dt className="text-std-16B-170">{t("results.plan.resources")}</dt>
            <dd>
              <ul className="list-disc pl-6">
                {plan.resources.map((r, i) => (
                  <li key={i}>
                    {r.partyName}（{t(`results.resource.${r.kind}`)}）: {r.description}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {plan.milestones.length ? (
          <>
            <dt className="text-std-16B-170">{t("results.plan.milestones")}</dt>
            <dd>
              <ul className="flex flex-col gap-1">
                {plan.milestones.map((m, i) => (
                  <li key={i} className="flex flex-wrap items-baseline gap-2">
                    <span>
                      {format.date(m.dueOn)} {m.title}
                    </span>
                    {m.doneOn ? <Tag>{t("results.plan.milestone.done", { date: format.date(m.doneOn) })}</Tag> : null}
                    {m.late ? <Tag tone="alert">{t("results.plan.milestone.late")}</Tag> : null}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

function PlanForm(props: {
  project: ProjectDetail;
  year: number;
  plan?: PlanView;
  result?: unknown;
  parties: { id: string; name: string }[];
}) {
  const t = useT();
  const { plan } = props;
  const resources = [...(plan?.resources ?? []), ...Array.from({ length: SPARE_ROWS }, () => undefined)];
  const milestones = [...(plan?.milestones ?? []), ...Array.from({ length: SPARE_ROWS }, () => undefined)];
  const labels = {
    goals: t("results.plan.goals"),
    activities: t("results.plan.activities"),
    "resources[].partyOrgId": t("results.plan.resource.party"),
    "resources[].kind": t("results.plan.resource.kind"),
    "resources[].description": t("results.plan.resource.description"),
    "milestones[].title": t("results.plan.milestone.title"),
    "milestones[].dueOn": t("results.plan.milestone.dueOn"),
    "milestones[].doneOn": t("results.plan.milestone.doneOn"),
  };
  return (
    <SchemaForm
      schema={planInput}
      result={props.result}
      intent="plan"
      method="post"
      className="flex flex-col gap-4"
      data-testid="plan-form"
    >
      <ErrorSummary labels={labels} />
      <input type="hidden" name="intent" value="plan" />
      <input type="hidden" name="fiscalYear" value={props.year} />
      <TextArea name="goals" label={labels.goals} rows={3} defaultValue={plan?.goals} />
      <TextArea name="activities" label={labels.activities} rows={4} defaultValue={plan?.activities} />
      <fieldset className="flex flex-col gap-3">
        <legend className="text-std-17B-170">{t("results.plan.resources")}</legend>
        <p className="text-std-16N-170 text-solid-gray-700">{t("results.plan.resources.hint")}</p>
        {resources.map((r, i) => (
          <fieldset key={i} className="grid gap-3 rounded-8 border border-solid-gray-300 p-3 sm:grid-cols-3">
            <legend className="px-1 text-std-16B-170">{t("results.plan.resource.number", { n: i + 1 })}</legend>
            <SelectField
              name={`resources[${i}].partyOrgId`}
              label={labels["resources[].partyOrgId"]}
              required={false}
              placeholder={t("form.select")}
              options={props.parties.map((p) => ({ value: p.id, label: p.name }))}
              defaultValue={r?.partyOrgId}
            />
            <SelectField
              name={`resources[${i}].kind`}
              label={labels["resources[].kind"]}
              required={false}
              placeholder={t("form.select")}
              options={resourceKinds.map((k) => ({ value: k, label: t(`results.resource.${k}`) }))}
              defaultValue={r?.kind}
            />
            <TextField
              name={`resources[${i}].description`}
              label={labels["resources[].description"]}
              required={false}
              defaultValue={r?.description}
            />
          </fieldset>
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="text-std-17B-170">{t("results.plan.milestones")}</legend>
        <p className="text-std-16N-170 text-solid-gray-700">{t("results.plan.milestones.hint")}</p>
        {milestones.map((m, i) => (
          <fieldset key={i} className="grid gap-3 rounded-8 border border-solid-gray-300 p-3 sm:grid-cols-3">
            <legend className="px-1 text-std-16B-170">{t("results.plan.milestone.number", { n: i + 1 })}</legend>
            <TextField name={`milestones[${i}].title`} label={labels["milestones[].title"]} required={false} defaultValue={m?.title} />
            <TextField
              name={`milestones[${i}].dueOn`}
              type="date"
              label={labels["milestones[].dueOn"]}
              required={false}
              defaultValue={m?.dueOn}
            />
            <TextField
              name={`milestones[${i}].doneOn`}
              type="date"
              label={labels["milestones[].doneOn"]}
              required={false}
              defaultValue={m?.doneOn ?? undefined}
            />
          </fieldset>
        ))}
      </fieldset>
      <div>
        <Button>{t("results.plans.save")}</Button>
      </div>
    </SchemaForm>
  );
}

/** The plans, and (for those who run the project) the form for the year in `editYear`, with links to the current and next year. */
export function PlanSection(props: {
  project: ProjectDetail;
  currentYear: number;
  editYear: number;
  parties: { id: string; name: string }[];
  result?: unknown;
  /** The editor starts open (a year was chosen, or the plan was refused). */
  open: boolean;
}) {
  const t = useT();
  const results = useResultsFormat();
  const { project, currentYear, editYear } = props;
  const years = [...new Set([currentYear, currentYear + 1, ...project.plans.map((p) => p.fiscalYear)])].sort((a, b) => b - a);
  return (
    <Section title={t("results.plans.title")}>
      {project.plans.length === 0 ? <p>{t("results.plans.none")}</p> : null}
      {project.plans.map((plan) => (
        <article key={plan.fiscalYear} className="rounded-8 border border-solid-gray-300 p-4">
          <h3 className="mb-2 text-std-20B-150">{results.fiscalYear(plan.fiscalYear)}</h3>
          <PlanView plan={plan} />
        </article>
      ))}
      {project.can.plan ? (
        <details className="rounded-8 border border-solid-gray-300 p-4" open={props.open}>
          <summary className="cursor-pointer text-std-16B-170">{t("results.plans.open")}</summary>
          <div className="mt-4 flex flex-col gap-4">
            <p className="flex flex-wrap gap-x-4 gap-y-1">
              {years.map((y) => (
                <Link
                  key={y}
                  to={`?plan=${y}#plan-form`}
                  className="text-blue-1000 underline"
                  aria-current={y === editYear ? "true" : undefined}
                >
                  {t(project.plans.some((p) => p.fiscalYear === y) ? "results.plans.edit" : "results.plans.write", {
                    year: results.fiscalYear(y),
                  })}
                </Link>
              ))}
            </p>
            <h3 id="plan-form" className="text-std-20B-150">
              {t(project.plans.some((p) => p.fiscalYear === editYear) ? "results.plans.edit" : "results.plans.write", {
                year: results.fiscalYear(editYear),
              })}
            </h3>
            <PlanForm
              key={editYear}
              project={project}
              year={editYear}
              plan={project.plans.find((p) => p.fiscalYear === editYear)}
              parties={props.parties}
              result={props.result}
            />
          </div>
        </details>
      ) : null}
    </Section>
  );
}
