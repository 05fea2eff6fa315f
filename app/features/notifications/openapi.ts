// In-app notifications in the OpenAPI document.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { pageOf } from "~/lib/api-schemas";
import { mailPreferencesInput, notificationItem } from "./schema";
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
  "/api/v1/me/mail-preferences": {
    get: operation({
      tag: "account",
      summary: "How the caller takes mail",
      description:
        "お知らせのメールを種類（proposals: 提案とテーマ、agreements: 協定、meetings: 会議と宿題）ごとに、すぐ（immediate）、1日1回まとめて（daily、朝8時）、受け取らない（off）のどれで受け取るか。",
      access: "token",
      responses: { 200: { description: "Every category.", schema: mailPreferencesInput } },
    }),
    put: operation({
      tag: "account",
      summary: "Choose how the caller takes mail",
      description: "種類ごとの受け取り方を設定します（省略した種類は immediate）。アカウントのメール（招待・参加）は常にすぐ届きます。",
      access: "token",
      body: mailPreferencesInput,
      responses: { 200: { description: "As it is now.", schema: mailPreferencesInput } },
    }),
  },
};
