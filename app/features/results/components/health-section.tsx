// An agreement's health: the score, each factor's value, weight, points lost
// and advice, the trend as a small chart with its words beside it, and (for the
// owning desk) the meeting cadence the score measures against.
import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { Button } from "~/ui/button";
import { DataTable, Section } from "~/ui/layout";
import { Tag } from "~/ui/home";
import { ErrorSummary, SchemaForm, TextField } from "~/ui/form";
import { cadenceInput, type AgreementHealthView } from "../schema";
import { QUIET_BELOW } from "../health/factors";

/** The score as a badge: alert below the "going quiet" line. */
export function HealthBadge({ score }: { score: number }) {
  const t = useT();
  return <Tag tone={score < QUIET_BELOW ? "alert" : undefined}>{t("results.health.scoreOf", { score })}</Tag>;
}

/** The last year of daily scores as a line, 0–100 (the words beside it say the same). */
function Trend({ history }: { history: AgreementHealthView["history"] }) {
  const t = useT();
  const format = useFormat();
  if (history.length === 0) return <p>{t("results.health.trend.none")}</p>;
  const first = history[0]!;
  const last = history.at(-1)!;
  const width = 320;
  const height = 80;
  const x = (i: number) => (history.length === 1 ? width : (i / (history.length - 1)) * width);
  const y = (score: number) => height - (score / 100) * height;
  const points = history.map((h, i) => `${x(i).toFixed(1)},${y(h.score).toFixed(1)}`).join(" ");
  const summary = t("results.health.trend.summary", {
    from: format.date(first.day),
    first: first.score,
    to: format.date(last.day),
    last: last.score,
    count: history.length,
  });
  return (
    <figure className="flex flex-col gap-2">
      <svg viewBox={`-4 -4 ${width + 8} ${height + 8}`} className="h-24 w-full max-w-md" role="img" aria-label={summary}>
        <line x1={0} x2={width} y1={y(QUIET_BELOW)} y2={y(QUIET_BELOW)} stroke="#d9d9d9" strokeDasharray="4 4" />
        <polyline points={points} fill="none" stroke="#0017c1" strokeWidth={2} />
        <circle cx={x(history.length - 1)} cy={y(last.score)} r={3} fill="#0017c1" />
      </svg>
      <figcaption className="text-std-16N-170 text-solid-gray-700">{summary}</figcaption>
    </figure>
  );
}

export function HealthSection({ health, result }: { health: AgreementHealthView; result?: unknown }) {
  const t = useT();
  const format = useFormat();
  return (
    <div className="flex flex-col gap-8" data-testid="agreement-health">
      <p className="text-std-16N-170">{t("results.health.lead")}</p>
      {health.score === null ? (
        <p>{t("results.health.notInForce")}</p>
      ) : (
        <>
          <p className="flex flex-wrap items-baseline gap-4">
            <span className="text-std-32B-150" data-testid="health-score">
              {t("results.health.score", { score: health.score })}
            </span>
            {health.computedAt ? (
              <span className="text-std-16N-170 text-solid-gray-700">
                {t("results.health.computedAt", { at: format.dateTime(health.computedAt) })}
              </span>
            ) : null}
          </p>
          <Section title={t("results.health.factors")}>
            <DataTable
              caption={t("results.health.factors")}
              head={[
                t("results.health.factor"),
                t("results.health.value"),
                t("results.health.weight"),
                t("results.health.points"),
                t("results.health.advice"),
              ]}
              rows={health.factors.map((f) => [
                t(`results.health.${f.code}.label`),
                format.number(f.value),
                format.number(f.weight),
                f.points > 0 ? <Tag tone="alert">−{format.number(f.points)}</Tag> : "0",
                f.points > 0 ? t(`results.health.${f.code}.advice`) : t("results.health.fine"),
              ])}
            />
          </Section>
        </>
      )}
      <Section title={t("results.health.trend")}>
        <Trend history={health.history} />
      </Section>
      <Section title={t("results.health.cadence")}>
        {health.can.setCadence ? (
          <SchemaForm
            schema={cadenceInput}
            result={result}
            intent="cadence"
            method="post"
            className="flex flex-col gap-4"
            data-testid="cadence-form"
          >
            <ErrorSummary
              labels={{
                steeringMonths: t("results.health.cadence.steeringMonths"),
                workingMonths: t("results.health.cadence.workingMonths"),
              }}
            />
            <input type="hidden" name="intent" value="cadence" />
            <p className="text-std-16N-170 text-solid-gray-700">{t("results.health.cadence.hint")}</p>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                name="steeringMonths"
                type="number"
                min={1}
                max={24}
                label={t("results.health.cadence.steeringMonths")}
                defaultValue={String(health.cadence.steeringMonths)}
              />
              <TextField
                name="workingMonths"
                type="number"
                min={1}
                max={12}
                label={t("results.health.cadence.workingMonths")}
                defaultValue={String(health.cadence.workingMonths)}
              />
            </div>
            <div>
              <Button>{t("results.health.cadence.save")}</Button>
            </div>
          </SchemaForm>
        ) : (
          <p>
            {t("results.health.cadence.steeringMonths")}: {health.cadence.steeringMonths}／{t("results.health.cadence.workingMonths")}:{" "}
            {health.cadence.workingMonths}
          </p>
        )}
      </Section>
      <p>
        <Link to={`/agreements/${health.agreementId}`} className="text-blue-1000 underline">
          {health.title}
        </Link>
      </p>
    </div>
  );
}

/** On the agreement's page: the score, its main reason, and the way to the factors. */
export function AgreementHealthLine({ agreementId, digest }: { agreementId: string; digest: { score: number; topReason: string | null } }) {
  const t = useT();
  return (
    <p className="mb-8 flex flex-wrap items-baseline gap-3" data-testid="agreement-health-line">
      <HealthBadge score={digest.score} />
      {digest.topReason ? (
        <span className="text-std-16N-170">
          {t("results.health.topReason", { reason: t.label("results.health", `${digest.topReason}.label`) })}
        </span>
      ) : null}
      <Link to={`/agreements/${agreementId}/health`} className="text-blue-1000 underline">
        {t("results.health.link")}
      </Link>
    </p>
  );
}
