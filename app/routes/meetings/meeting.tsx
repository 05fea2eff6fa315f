import { useActionData } from "react-router";
import type { Route } from "./+types/meeting";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { resultForIntent } from "~/ui/form";
import { useFormat } from "~/ui/format";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { getMeeting } from "~/features/meetings/data.server";
import { addMeetingActionItem, completeMeetingActionItem, updateMeeting } from "~/features/meetings/commands.server";
import { MeetingForm } from "~/features/meetings/components/meeting-form";
import { actionItemInput } from "~/features/meetings/schema";
import { ActionItems } from "~/ui/action-items";
import { MeetingHeader } from "~/features/meetings/components/meeting-header";
import { MeetingRecord } from "~/features/meetings/components/meeting-record";

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

export default function MeetingPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const result = useActionData<typeof action>();
  const { meeting: m } = loaderData;
  return (
    <>
      <MeetingHeader meeting={m} />

      <MeetingRecord meeting={m} />

      <ActionItems
        area="meetings"
        items={m.actionItems}
        canAdd={m.can.addActionItem}
        canComplete={m.can.completeActionItems}
        schema={actionItemInput}
        assignToMe
        doneText={(at) => t("meetings.actionItems.completedAt", { at: format.dateTime(at) })}
        result={result}
      />

      {m.can.edit ? (
        <details className="mb-10 rounded-8 border border-solid-gray-300 p-4" open={Boolean(resultForIntent(result, "update"))}>
          <summary className="cursor-pointer text-std-16B-170">{t("meetings.edit")}</summary>
          <div className="mt-4">
            <MeetingForm intent="update" record initial={m} result={result} submitLabel={t("meetings.save")} />
          </div>
        </details>
      ) : null}
      <p className="text-dns-14N-130 text-solid-gray-700">{t("meetings.updatedAt", { at: format.dateTime(m.updatedAt) })}</p>
    </>
  );
}
