import { z } from "zod";
import { instant, rowId } from "~/lib/api-schemas";
import { choice } from "~/lib/validation";
import { mailDeliveries } from "./constants";

export const notificationItem = z
  .object({
    id: rowId(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().meta({ description: "A page of the app (path)." }),
    readAt: instant().nullable(),
    createdAt: instant(),
  })
  .meta({ id: "Notification" });
export type NotificationItem = z.output<typeof notificationItem>;

export interface OutboxItem {
  id: string;
  toAddress: string;
  subject: string;
  bodyText: string;
  status: "pending" | "sent" | "kept" | "failed";
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

const delivery = z.preprocess((v) => (v === "" || v === undefined ? "immediate" : v), choice(mailDeliveries));

/** How a person takes the mail of each category (settings page and API). */
export const mailPreferencesInput = z.object({ proposals: delivery, agreements: delivery, meetings: delivery });
export type MailPreferences = z.output<typeof mailPreferencesInput>;
