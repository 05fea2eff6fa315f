// Tokens, the caller and the organisations on Renkei in the OpenAPI document.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { pageOf } from "~/lib/api-schemas";
import { createOrganizationInput, issuedToken, meView, organizationListInput, organizationView, tokenRequestInput } from "./schema";
import { createdId, locationHeader } from "~/lib/openapi/shared";
import { operation } from "~/lib/openapi/operation";

export const identityPaths: ZodOpenApiPathsObject = {
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
};
