// One card per object: a proposal's journey (received, in screening, in
// dialogue, each message …) is one card with its latest news on top and the
// earlier ones folded beneath, rather than a card per step.
import type { NotificationItem } from "./schema";

export interface NotificationGroup {
  /** The object's page, or the notification's own id when it has none. */
  key: string;
  link: string | null;
  latest: NotificationItem;
  earlier: NotificationItem[];
  unread: number;
}

/** Groups newest-first notifications by the page they link to, keeping the newest-first order of the groups. */
export function groupByObject(items: readonly NotificationItem[]): NotificationGroup[] {
  const groups = new Map<string, NotificationGroup>();
  for (const item of items) {
    const key = item.link ?? item.id;
    const group = groups.get(key);
    if (group) group.earlier.push(item);
    else groups.set(key, { key, link: item.link, latest: item, earlier: [], unread: 0 });
    if (!item.readAt) groups.get(key)!.unread += 1;
  }
  return [...groups.values()];
}
