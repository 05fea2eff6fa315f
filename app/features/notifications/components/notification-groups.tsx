// The notifications page's list: one card per object with its latest news,
// how many are unread, and the earlier ones folded beneath.
import { Form, Link } from "react-router";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { Button } from "~/ui/button";
import type { NotificationGroup } from "../grouping";

export function NotificationGroups({ groups }: { groups: NotificationGroup[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <ul className="flex flex-col gap-4" data-testid="notification-groups">
      {groups.map(({ key, link, latest, earlier, unread }) => (
        <li key={key} className={`rounded-8 border p-4 ${unread > 0 ? "border-blue-900" : "border-solid-gray-200"}`}>
          <p className="text-std-17B-170">
            {unread > 0 ? (
              <span className="mr-2 rounded-4 bg-blue-900 px-1 text-dns-14N-130 text-white">
                {unread > 1 ? t("notifications.unreadCount", { count: unread }) : t("notifications.unread")}
              </span>
            ) : null}
            {link ? (
              <Link to={link} className="text-blue-1000 underline">
                {latest.title}
              </Link>
            ) : (
              latest.title
            )}
          </p>
          <p className="text-std-16N-170">{latest.body}</p>
          <p className="text-dns-14N-130 text-solid-gray-700">{format.dateTime(latest.createdAt)}</p>
          {earlier.length > 0 ? (
            <details className="mt-2">
              <summary className="cursor-pointer text-std-16N-170 text-blue-1000 underline">
                {t("notifications.earlier", { count: earlier.length })}
              </summary>
              <ul className="mt-2 flex flex-col gap-2 border-l-2 border-solid-gray-200 pl-4">
                {earlier.map((n) => (
                  <li key={n.id}>
                    <p className="text-std-16B-170">{n.title}</p>
                    <p className="text-std-16N-170">{n.body}</p>
                    <p className="text-dns-14N-130 text-solid-gray-700">{format.dateTime(n.createdAt)}</p>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {unread > 0 ? (
            <Form method="post" className="mt-2">
              {link ? <input type="hidden" name="link" value={link} /> : <input type="hidden" name="id" value={latest.id} />}
              <input type="hidden" name="intent" value={link ? "object" : "one"} />
              <Button variant="tertiary">{t("notifications.markRead")}</Button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
