import { Form, useActionData } from "react-router";
import type { Route } from "./+types/calendar";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { Notice, PageHeader, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { calendarFeedStatus } from "~/features/meetings/data.server";
import { revokeCalendarFeed, rotateCalendarFeed } from "~/features/meetings/commands.server";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return { feed: await calendarFeedStatus(ctx) };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args);
  const values = await readForm(args.request);
  try {
    if (values.intent === "revoke") {
      await revokeCalendarFeed(ctx);
      return { url: null, revoked: true };
    }
    // The URL is shown in this response only: it is never stored or shown again.
    return { url: (await rotateCalendarFeed(ctx)).url, revoked: false };
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function CalendarPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const result = useActionData<typeof action>();
  const done = result && "revoked" in result ? result : null;
  const { feed } = loaderData;
  return (
    <>
      <PageHeader
        title={t("meetings.calendarFeed.title")}
        crumbs={[{ label: t("meetings.calendarFeed.title") }]}
        lead={t("meetings.calendarFeed.lead")}
      />
      {done?.url ? (
        <Notice kind="success">
          <p>{t("meetings.calendarFeed.created")}</p>
          <code data-testid="calendar-feed-url" className="mt-2 block break-all rounded-4 bg-white p-2 text-dns-16N-130">
            {done.url}
          </code>
        </Notice>
      ) : null}
      {done?.revoked ? <Notice kind="success">{t("meetings.calendarFeed.revoked")}</Notice> : null}
      <Section title={t("meetings.calendarFeed.status")}>
        <p>
          {feed.createdAt ? t("meetings.calendarFeed.since", { at: format.dateTime(feed.createdAt) }) : t("meetings.calendarFeed.none")}
        </p>
        <p className="text-std-16N-170 text-solid-gray-700">{t("meetings.calendarFeed.secret")}</p>
        <div className="flex flex-wrap gap-3">
          <Form method="post">
            <Button name="intent" value="rotate">
              {feed.createdAt ? t("meetings.calendarFeed.rotate") : t("meetings.calendarFeed.create")}
            </Button>
          </Form>
          {feed.createdAt ? (
            <Form method="post">
              <Button name="intent" value="revoke" variant="secondary">
                {t("meetings.calendarFeed.revoke")}
              </Button>
            </Form>
          ) : null}
        </div>
      </Section>
    </>
  );
}
