import { Form, Link } from "react-router";
import type { Route } from "./+types/notifications";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { PageHeader } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { guard, requirePageScope } from "~/server/context.server";
import { readForm } from "~/server/forms.server";
import { listNotifications } from "~/features/notifications/data.server";
import { markAllNotificationsRead, markNotificationRead } from "~/features/notifications/commands.server";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return { items: await listNotifications(ctx) };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args);
  const values = await readForm(args.request);
  await guard(async () => {
    if (values.intent === "all") await markAllNotificationsRead(ctx);
    else await markNotificationRead(ctx, String(values.id ?? ""));
  });
  return { ok: true };
}

export default function Notifications({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
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
          <ul className="flex flex-col gap-4">
            {loaderData.items.map((n) => (
              <li key={n.id} className={`rounded-8 border p-4 ${n.readAt ? "border-solid-gray-200" : "border-blue-900"}`}>
                <p className="text-std-17B-170">
                  {n.readAt ? null : (
                    <span className="mr-2 rounded-4 bg-blue-900 px-1 text-dns-14N-130 text-white">{t("notifications.unread")}</span>
                  )}
                  {n.link ? (
                    <Link to={n.link} className="text-blue-1000 underline">
                      {n.title}
                    </Link>
                  ) : (
                    n.title
                  )}
                </p>
                <p className="text-std-16N-170">{n.body}</p>
                <p className="text-dns-14N-130 text-solid-gray-700">{format.dateTime(n.createdAt)}</p>
                {n.readAt ? null : (
                  <Form method="post" className="mt-2">
                    <input type="hidden" name="id" value={n.id} />
                    <Button variant="tertiary">{t("notifications.markRead")}</Button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
