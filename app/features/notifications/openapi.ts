// In-app notifications in the OpenAPI document.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { pageOf } from "~/lib/api-schemas";
import { notificationItem } from "./schema";
import { operation } from "~/lib/openapi/operation";

export const notificationList = pageOf(notificationItem).extend({ unread: z.number().int() });
export type NotificationList = z.output<typeof notificationList>;
export const notificationPaths: ZodOpenApiPathsObject = {
  "/api/v1/notifications": {
    get: operation({
      tag: "account",
      summary: "The caller's notifications",
      description: "自分宛てのお知らせ（新しい順、最大 50 件）と未読の数。",
      access: "token",
      responses: { 200: { description: "Newest first.", schema: notificationList } },
    }),
  },
};
