// Tokens, the caller and the organisations on Renkei in the OpenAPI document.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { pageOf } from "~/lib/api-schemas";
import {
  createOrganizationInput,
  issuedToken,
  memberList,
  memberRoleInput,
  meView,
  organizationListInput,
  organizationView,
  tokenRequestInput,
  updateOrganizationInput,
} from "./schema";
import { createdId, locationHeader } from "~/lib/openapi/shared";
import { idPath, operation } from "~/lib/openapi/operation";
import { z } from "zod";

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
  "/api/v1/organizations/{id}": {
    get: operation({
      tag: "directory",
      summary: "One registered organisation",
      description: "登録された組織ひとつ（プラットフォーム管理者のみ）。",
      access: "token",
      path: idPath,
      responses: { 200: { description: "As registered.", schema: organizationView } },
    }),
    patch: operation({
      tag: "directory",
      summary: "Correct an organisation",
      description:
        "プラットフォーム管理者が、組織の名称・よみがな・法人番号・団体コード（自治体・都道府県は必須）・説明・分野を直します。種別と所属は変わりません。",
      access: "token",
      path: idPath,
      body: updateOrganizationInput,
      responses: { 200: { description: "As it is now.", schema: organizationView } },
    }),
  },
  "/api/v1/members": {
    get: operation({
      tag: "account",
      summary: "The members of the caller's organisation",
      description: "自組織のメンバーと未承諾の招待（部署職員を除く）。manageable は、呼び出した人が役割の変更・削除をできるメンバーです。",
      access: "token",
      responses: { 200: { description: "By role, then name.", schema: memberList } },
    }),
  },
  "/api/v1/memberships/{id}": {
    patch: operation({
      tag: "account",
      summary: "Change a member's role",
      description:
        "自組織のメンバーの役割（部署職員なら部署も）を変えます。デスク管理者は市の職員を、企業などのメンバーは同僚を。自分自身は変えられず（403）、最後のデスク管理者はほかの役割にできません（409）。",
      access: "token",
      path: idPath,
      body: memberRoleInput,
      responses: { 200: { description: "Changed.", schema: z.object({ ok: z.boolean() }) } },
      problems: [409],
    }),
    delete: operation({
      tag: "account",
      summary: "Remove a member",
      description:
        "自組織のメンバーを外します（アカウントとほかの組織の所属はそのまま）。自分自身は外せず（403）、最後のデスク管理者も外せません（409）。",
      access: "token",
      path: idPath,
      responses: { 204: { description: "Removed." } },
      problems: [409],
    }),
  },
};
