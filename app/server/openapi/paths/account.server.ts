// System, account, directory and audit endpoints of the OpenAPI document.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { pageOf, rowId } from "~/lib/api-schemas";
import { auditEntry, auditListInput } from "~/features/audit/schema";
import { localGovernment, municipalitySearchInput } from "~/features/directory/schema";
import {
  createOrganizationInput,
  issuedToken,
  meView,
  organizationListInput,
  organizationView,
  tokenRequestInput,
} from "~/features/identity/schema";
import { notificationItem } from "~/features/notifications/schema";
import { followInput, followView } from "~/features/themes/schema";
import { calendarFeedView } from "~/features/meetings/schema";
import { createdId, locationHeader } from "./shared.server";
import { operation } from "../operation.server";

/** GET /api/v1/health: what a load balancer and a monitor read. */
export const healthView = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    database: z.enum(["pglite", "postgresql"]).meta({ description: "The database driver (kept for existing monitors)." }),
    version: z.string(),
    checks: z.object({ database: z.object({ kind: z.enum(["pglite", "postgresql"]), reachable: z.boolean(), latencyMs: z.number() }) }),
  })
  .meta({ id: "Health" });
export type HealthView = z.output<typeof healthView>;

export const notificationList = pageOf(notificationItem).extend({ unread: z.number().int() });
export type NotificationList = z.output<typeof notificationList>;
export const followList = z.object({ items: z.array(followView) });
export type FollowList = z.output<typeof followList>;

export const accountPaths: ZodOpenApiPathsObject = {
  "/api/v1/health": {
    get: operation({
      tag: "system",
      summary: "Health of the service",
      description: "死活監視用。データベースに接続できない間は 503 を返し、ロードバランサが切り離せるようにします。",
      access: "public",
      responses: {
        200: { description: "Up, and the database answers.", schema: healthView },
        503: { description: "The database does not answer (Retry-After).", schema: healthView },
      },
      problems: [],
    }),
  },
  "/api/v1/openapi.json": {
    get: operation({
      tag: "system",
      summary: "This API description (OpenAPI 3.1)",
      description: "この API の OpenAPI 3.1 形式の定義。アプリの /developers/api で読める形にも表示します。",
      access: "public",
      responses: { 200: { description: "The OpenAPI document.", content: { "application/json": { schema: { type: "object" } } } } },
    }),
  },
  "/api/v1/tokens": {
    post: operation({
      tag: "account",
      summary: "Issue a personal API token",
      description:
        "メールアドレスとパスワードで、30 日間有効な個人用トークンを発行します。ログイン画面と同じ回数制限があり、超えると 429 です。パスワードの再設定・変更でそのユーザーのトークンはすべて無効になります。",
      access: "public",
      body: tokenRequestInput,
      responses: { 201: { description: "The token, shown only now.", schema: issuedToken } },
      problems: [401],
    }),
  },
  "/api/v1/me": {
    get: operation({
      tag: "account",
      summary: "The caller and their memberships",
      description: "トークンの持ち主と、所属する組織（所属ごとの役割）。",
      access: "token",
      responses: { 200: { description: "The caller.", schema: meView } },
    }),
  },
  "/api/v1/notifications": {
    get: operation({
      tag: "account",
      summary: "The caller's notifications",
      description: "自分宛てのお知らせ（新しい順、最大 50 件）と未読の数。",
      access: "token",
      responses: { 200: { description: "Newest first.", schema: notificationList } },
    }),
  },
  "/api/v1/follows": {
    get: operation({
      tag: "account",
      summary: "Fields and municipalities the caller follows",
      description: "フォローしている分野・自治体。新しいテーマ募集が出るとお知らせが届きます。",
      access: "token",
      responses: { 200: { description: "The follows.", schema: pageOf(followView) } },
    }),
    post: operation({
      tag: "account",
      summary: "Follow a field or a municipality",
      description: "分野（政策分野コード）または自治体（団体コード）をフォローします。",
      access: "token",
      body: followInput,
      responses: { 201: { description: "Every follow of the caller, the new one included.", schema: followList } },
    }),
  },
  "/api/v1/follows/{id}": {
    delete: operation({
      tag: "account",
      summary: "Stop following",
      description: "フォローをやめます（自分のフォローのみ）。",
      access: "token",
      path: z.object({ id: rowId() }),
      responses: { 204: { description: "Done." } },
    }),
  },
  "/api/v1/calendar-feed": {
    post: operation({
      tag: "account",
      summary: "Create or renew the private calendar feed",
      description:
        "自分が関わる会議の iCalendar フィードの URL を発行します。再発行すると前の URL は使えなくなります。URL はこの応答でだけ示します。",
      access: "token",
      responses: { 201: { description: "The feed's URL (/calendar/<secret>.ics).", schema: calendarFeedView } },
    }),
  },
  "/api/v1/municipalities": {
    get: operation({
      tag: "directory",
      summary: "Search the national list of local governments",
      description: "全国の地方公共団体を漢字・かな・団体コードの先頭で検索します（トークン不要）。",
      access: "public",
      query: municipalitySearchInput,
      responses: { 200: { description: "Best matches first.", schema: pageOf(localGovernment) } },
    }),
  },
  "/api/v1/organizations": {
    get: operation({
      tag: "directory",
      summary: "The organisation register",
      description: "Renkei に登録された組織の一覧（プラットフォーム管理者のみ）。名前・種別・法人番号・団体コードで絞り込めます。",
      access: "token",
      query: organizationListInput,
      responses: { 200: { description: "In name order.", schema: pageOf(organizationView) } },
    }),
    post: operation({
      tag: "directory",
      summary: "Register an organisation",
      description: "プラットフォーム管理者はあらゆる組織を、自治体のデスク管理者は自団体の部署（原課）を登録します。",
      access: "token",
      body: createOrganizationInput,
      responses: { 201: { description: "Registered.", schema: createdId, headers: locationHeader } },
    }),
  },
  "/api/v1/audit": {
    get: operation({
      tag: "audit",
      summary: "The audit log",
      description:
        "デスク管理者は自組織の、プラットフォーム管理者は全体の監査ログを読めます（新しい順）。見る権限のない対象の記録は before/after を伏せ、redacted を true にします。",
      access: "token",
      query: auditListInput,
      responses: { 200: { description: "Newest first.", schema: pageOf(auditEntry) } },
    }),
  },
};
