import { Form } from "react-router";
import type { Route } from "./+types/notifications";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { readForm } from "~/server/forms.server";
import { listNotifications } from "~/features/notifications/data.server";
import { markAllNotificationsRead, markNotificationRead, markObjectNotificationsRead } from "~/features/notifications/commands.server";
import { groupByObject } from "~/features/notifications/grouping";
import { NotificationGroups } from "~/features/notifications/components/notification-groups";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return { items: await listNotifications(ctx) };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args);
  const values = await readForm(args.request);
  await guard(async () => {
    if (values.intent === "all") await markAllNotificationsRead(ctx);
    else if (values.intent === "object") await markObjectNotificationsRead(ctx, String(values.link ?? ""));
    else await markNotificationRead(ctx, String(values.id ?? ""));
  });
  return { ok: true };
}

export default function Notifications({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <PageHeader title={t("notifications.title")} crumbs={[{ label: t("notifications.title") }]} />
      {loaderData.items.length === 0 ? (
        <p>{t("notifications.empty")}</p>
      ) : (
        <>
          <Form method="post" className="mb-4">
            <input type="hidden" name="intent" value="all" />
            <Button variant="secondary">{t("notifications.markAllRead")}</Button>
          </Form>
          <NotificationGroups groups={groupByObject(loaderData.items)} />
        </>
      )}
    </>
  );
}
