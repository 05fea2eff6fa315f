import { Form, Link } from "react-router";
import type { Route } from "./+types/theme";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { Notice, PageHeader, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { guard, optionalScope, requirePageScope, viewerContext } from "~/server/context.server";
import { readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { getTheme } from "~/features/themes/data.server";
import { closeTheme, publishTheme } from "~/features/themes/commands.server";
import { canPublishAndCloseThemes } from "~/features/themes/policy";
import { canPropose } from "~/features/proposals/policy";
import { useRootData } from "~/root";
import { AttachmentList } from "~/features/files/components/attachments";

export async function loader(args: Route.LoaderArgs) {
  const scope = await optionalScope(args);
  return guard(() => getTheme(viewerContext(args, scope), args.params.id));
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, canPublishAndCloseThemes);
  const values = await readForm(args.request);
  const theme = await guard(() => getTheme(ctx, args.params.id));
  if (values.intent === "publish") {
    await guard(() => publishTheme(ctx, theme.id));
    return redirectWithFlash(args, `/themes/${theme.id}`, "themes.published", { title: theme.title });
  }
  if (values.intent === "close") {
    await guard(() => closeTheme(ctx, theme.id));
    return redirectWithFlash(args, `/themes/${theme.id}`, "themes.closed", { title: theme.title });
  }
  throw new Response(null, { status: 400 });
}

export function meta({ data }: Route.MetaArgs) {
  return [{ title: data ? `${data.title} — Renkei` : "Renkei" }];
}

export default function ThemePage({ loaderData: theme }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const root = useRootData();
  const mayPropose = Boolean(root?.active && canPropose(root.active));
  return (
    <>
      <PageHeader
        title={theme.title}
        crumbs={[
          { label: t("themes.title"), to: "/themes" },
          { label: theme.municipalityName, to: `/municipalities/${theme.localGovCode}/themes` },
          { label: theme.title },
        ]}
        lead={`${theme.municipalityName}${theme.departmentName ? `　${theme.departmentName}` : ""}`}
      />
      <p className="mb-6 flex flex-wrap gap-2 text-dns-14N-130">
        <span className="rounded-4 bg-blue-50 px-2 py-1 text-blue-1000" data-testid="theme-status">
          {t(`themes.status.${theme.status}`)}
        </span>
        {theme.fields.map((f) => (
          <span key={f} className="rounded-4 bg-solid-gray-50 px-2 py-1">
            {t.label("field", f)}
          </span>
        ))}
      </p>
      {theme.can.edit || theme.can.publish || theme.can.close ? (
        <div className="mb-8 flex flex-wrap gap-4">
          {theme.can.edit ? (
            <Link
              to={`/desk/themes/${theme.id}/edit`}
              className="inline-flex min-h-11 items-center rounded-8 border border-blue-900 px-4 text-std-16B-170 text-blue-900 underline"
            >
              {t("themes.edit")}
            </Link>
          ) : null}
          {theme.can.publish ? (
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <Button>{t("themes.publish")}</Button>
            </Form>
          ) : null}
          {theme.can.close ? (
            <Form method="post">
              <input type="hidden" name="intent" value="close" />
              <Button variant="secondary">{t("themes.close")}</Button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {theme.status === "published" && mayPropose ? (
        <Notice>
          <Link to={`/proposals/new?theme=${theme.id}`} className="text-std-16B-170 text-blue-1000 underline">
            {t("themes.propose")}
          </Link>
        </Notice>
      ) : null}
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
