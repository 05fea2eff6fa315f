// What the theme asks for: deadline and dates, plan policy, background, goal,
// what the city offers, files, and the way to the city's other themes.
import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import { Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { AttachmentList } from "~/features/files/components/attachments";
import type { ThemeDetail } from "../schema";

export function ThemeContent({ theme }: { theme: ThemeDetail }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      <dl className="mb-8 grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        <dt className="text-std-16B-170">{t("themes.field.deadline")}</dt>
        <dd>{theme.deadline ? format.officialDate(theme.deadline) : t("themes.noDeadline")}</dd>
        {theme.startsOn ? (
          <>
            <dt className="text-std-16B-170">{t("themes.field.startsOn")}</dt>
            <dd>{format.officialDate(theme.startsOn)}</dd>
          </>
        ) : null}
        {theme.publishedAt ? (
          <>
            <dt className="text-std-16B-170">{t("themes.field.publishedAt")}</dt>
            <dd>{format.dateTime(theme.publishedAt)}</dd>
          </>
        ) : null}
        {theme.planPolicy || theme.planField ? (
          <>
            <dt className="text-std-16B-170">{t("themes.field.planPolicy")}</dt>
            <dd>
              {theme.planPolicy}
              {theme.planField ? `（${t.label("field", theme.planField)}）` : ""}
            </dd>
          </>
        ) : null}
      </dl>
      <Section title={t("themes.field.background")}>
        <p className="whitespace-pre-wrap text-std-16N-170">{theme.background}</p>
      </Section>
      <Section title={t("themes.field.goal")}>
        <p className="whitespace-pre-wrap text-std-16N-170">{theme.goal}</p>
      </Section>
      {theme.offer ? (
        <Section title={t("themes.field.offer")}>
          <p className="whitespace-pre-wrap text-std-16N-170">{theme.offer}</p>
        </Section>
      ) : null}
      {theme.attachments.length > 0 ? (
        <Section title={t("themes.attachments")}>
          <AttachmentList files={theme.attachments} href={(id) => `/themes/${theme.id}/files/${id}`} />
        </Section>
      ) : null}
      <p>
        <Link to={`/municipalities/${theme.localGovCode}/themes`} className="text-blue-1000 underline">
          {t("themes.municipalityLink", { name: theme.municipalityName })}
        </Link>
      </p>
    </>
  );
}
