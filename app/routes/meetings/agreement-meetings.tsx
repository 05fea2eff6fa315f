import { useActionData } from "react-router";
import type { Route } from "./+types/agreement-meetings";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { listMeetings } from "~/features/meetings/data.server";
import { createMeeting } from "~/features/meetings/commands.server";
import { MeetingsSection } from "~/features/meetings/components/meetings-section";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return { list: await guard(() => listMeetings(ctx, args.params.id)), now: Date.now() };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args);
  const values = await readForm(args.request);
  try {
    const { id } = await createMeeting(ctx, args.params.id, values);
    return redirectWithFlash(args, `/meetings/${id}`, "meetings.created");
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function AgreementMeetingsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const result = useActionData<typeof action>();
  const { list, now } = loaderData;
  return (
    <>
      <PageHeader
        title={t("meetings.title")}
        crumbs={[
          { label: t("agreements.title"), to: "/agreements" },
          { label: list.agreement.title, to: `/agreements/${list.agreement.id}` },
          { label: t("meetings.title") },
        ]}
        lead={list.agreement.title}
      />
      <MeetingsSection list={list} now={now} result={result} />
    </>
  );
}
