import type { Route } from "./+types/notifications";
import { api, json, requireApiScope } from "~/server/context.server";
import { countUnreadNotifications, listNotifications } from "~/features/notifications/data.server";
import type { NotificationList } from "~/features/notifications/openapi";

export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    const [items, unread] = await Promise.all([listNotifications(ctx), countUnreadNotifications(ctx)]);
    return json({ items, total: items.length, unread, nextCursor: null } satisfies NotificationList);
  });
}
