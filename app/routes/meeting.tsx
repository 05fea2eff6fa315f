import { Link, useActionData } from "react-router";
import type { Route } from "./+types/meeting";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { errorsForIntent } from "~/ui/form";
import { PageHeader, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { getMeeting } from "~/features/meetings/data.server";
import { addMeetingActionItem, completeMeetingActionItem, updateMeeting } from "~/features/meetings/commands.server";
import { MeetingForm } from "~/features/meetings/components/meeting-form";
import { ActionItems } from "~/ui/action-items";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return { meeting: await guard(() => getMeeting(ctx, args.params.id)) };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args);
  const id = args.params.id;
  const values = await readForm(args.request);
  try {
    switch (values.intent) {
      case "update":
        await updateMeeting(ctx, id, values);
        return redirectWithFlash(args, `/meetings/${id}`, "meetings.updated");
      case "action-item":
        await addMeetingActionItem(ctx, id, { ...values, ownerUserId: values.assignToMe ? ctx.scope.userId : undefined });
        return redirectWithFlash(args, `/meetings/${id}`, "meetings.actionItems.added");
      case "action-item-done": {
        const { meetingId } = await completeMeetingActionItem(ctx, String(values.itemId ?? ""));
        return redirectWithFlash(args, `/meetings/${meetingId}`, "meetings.actionItems.completed");
      }
      default:
        throw new Response(null, { status: 400 });
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

function Text({ value }: { value: string }) {
  const t = useT();
  return value ? <p className="whitespace-pre-wrap">{value}</p> : <p className="text-solid-gray-700">{t("meetings.notRecorded")}</p>;
}

export default function MeetingPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const result = useActionData<typeof action>();
  const { meeting: m } = loaderData;
  return (
    <>
      <PageHeader
        title={m.title}
        crumbs={[
          { label: t("agreements.title"), to: "/agreements" },
          { label: m.agreementTitle, to: `/agreements/${m.agreementId}` },
          { label: t("meetings.title"), to: `/agreements/${m.agreementId}/meetings` },
          { label: m.title },
        ]}
        lead={`${t(`meetings.kind.${m.kind}`)}／${format.dateTimeRange(m.startsAt, m.endsAt)}`}
      />
      <dl className="mb-6 grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
        <dt className="text-std-16B-170">{t("meetings.field.place")}</dt>
        <dd>{m.place || "—"}</dd>
        <dt className="text-std-16B-170">{t("meetings.field.onlineUrl")}</dt>
        <dd>
          {m.onlineUrl ? (
            <a href={m.onlineUrl} className="break-all text-blue-1000 underline" rel="noopener noreferrer" target="_blank">
              {m.onlineUrl}
            </a>
          ) : (
            "—"
          )}
        </dd>
        <dt className="text-std-16B-170">{t("meetings.field.agreement")}</dt>
        <dd>
          <Link to={`/agreements/${m.agreementId}`} className="text-blue-1000 underline">
            {m.agreementTitle}
          </Link>
        </dd>
      </dl>
      <p className="mb-8">
        {/* A resource route: a full request, not a client-side navigation. */}
        <a
          href={`/meetings/${m.id}/meeting.ics`}
          className="inline-block rounded-8 border border-blue-900 px-4 py-3 text-std-16B-170 text-blue-900 underline"
          data-testid="meeting-ics"
        >
          {t("meetings.ics.download")}
        </a>
      </p>

      <Section title={t("meetings.field.agenda")}>
        <Text value={m.agenda} />
      </Section>
      <Section title={t("meetings.field.attendees")}>
        <Text value={m.attendees} />
      </Section>
      <Section title={t("meetings.field.minutes")}>
        <Text value={m.minutes} />
      </Section>
      <Section title={t("meetings.field.decisions")}>
        <Text value={m.decisions} />
      </Section>

      <ActionItems
        area="meetings"
        items={m.actionItems}
        canAdd={m.can.addActionItem}
        canComplete={m.can.completeActionItems}
        dueRequired
        assignToMe
        doneText={(at) => t("meetings.actionItems.completedAt", { at: format.dateTime(at) })}
        errors={errorsForIntent(result, "action-item")}
      />

      {m.can.edit ? (
        <details className="mb-10 rounded-8 border border-solid-gray-300 p-4" open={Boolean(errorsForIntent(result, "update"))}>
          <summary className="cursor-pointer text-std-16B-170">{t("meetings.edit")}</summary>
          <div className="mt-4">
            <MeetingForm intent="update" record initial={m} errors={errorsForIntent(result, "update")} submitLabel={t("meetings.save")} />
          </div>
        </details>
      ) : null}
      <p className="text-dns-14N-130 text-solid-gray-700">{t("meetings.updatedAt", { at: format.dateTime(m.updatedAt) })}</p>
    </>
  );
}
