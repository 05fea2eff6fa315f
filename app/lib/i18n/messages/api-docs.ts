// The API reference page (/developers/api).
// Each message in Japanese (the source of truth) and, beside it, English.
import type { Messages } from "./message";

export const prefixes = ["developers"] as const;

export const messages = {
  "developers.api.title": { ja: "API リファレンス", en: "API reference" },
  "developers.api.lead": {
    ja: "外部システムから Renkei を使うための JSON API の一覧です。この画面と OpenAPI 定義は、API が入力の検査と応答に使うスキーマから生成しています。",
    en: "The JSON API for using Renkei from other systems. This page and the OpenAPI document are generated from the schemas the API checks its input with and answers by.",
  },
  "developers.api.auth": {
    ja: "認証: 設定画面（または POST /api/v1/tokens）で作った個人用トークンを Authorization: Bearer ヘッダーで送ります。ログイン中のセッション（Cookie）では API を呼べません。複数の組織に所属している場合は X-Renkei-Organization ヘッダーで組織を選べます。",
    en: "Authentication: send a personal token, made on the settings page (or with POST /api/v1/tokens), in an Authorization: Bearer header. A signed-in session (cookie) does not work for the API. If you belong to several organisations, choose one with the X-Renkei-Organization header.",
  },
  "developers.api.problems": {
    ja: "エラーは RFC 9457 の problem document（application/problem+json）で、title に日本語の説明、422 では errors に項目ごとの誤りが入ります。",
    en: "Errors are RFC 9457 problem documents (application/problem+json): title explains in Japanese, and a 422 lists each field's error in errors.",
  },
  "developers.api.download": { ja: "OpenAPI 3.1 定義（JSON）", en: "OpenAPI 3.1 document (JSON)" },
  "developers.api.version": { ja: "バージョン {version}", en: "version {version}" },
  "developers.api.contents": { ja: "目次", en: "Contents" },
  "developers.api.schemas": { ja: "スキーマ", en: "Schemas" },
  "developers.api.parameters": { ja: "パラメータ", en: "Parameters" },
  "developers.api.requestBody": { ja: "リクエスト本文", en: "Request body" },
  "developers.api.responses": { ja: "レスポンス", en: "Responses" },
  "developers.api.otherStatus": { ja: "その他", en: "Other" },
  "developers.api.name": { ja: "名前", en: "Name" },
  "developers.api.in": { ja: "場所", en: "In" },
  "developers.api.type": { ja: "型", en: "Type" },
  "developers.api.required": { ja: "必須", en: "Required" },
  "developers.api.description": { ja: "説明", en: "Description" },
  "developers.api.values": { ja: "値", en: "Values" },
  "developers.api.access.public": { ja: "トークン不要", en: "No token needed" },
  "developers.api.access.optionalToken": {
    ja: "トークン任意（あれば見える範囲が広がります）",
    en: "Token optional (with one you may see more)",
  },
  "developers.api.access.token": { ja: "トークンが必要", en: "Token required" },
  "developers.api.tag.system": { ja: "システム", en: "System" },
  "developers.api.tag.account": { ja: "アカウント", en: "Account" },
  "developers.api.tag.directory": { ja: "自治体・組織", en: "Municipalities and organisations" },
  "developers.api.tag.themes": { ja: "テーマ募集", en: "Theme calls" },
  "developers.api.tag.proposals": { ja: "提案", en: "Proposals" },
  "developers.api.tag.agreements": { ja: "協定", en: "Agreements" },
  "developers.api.tag.imports": { ja: "協定台帳の取り込み", en: "Register imports" },
  "developers.api.tag.meetings": { ja: "会議", en: "Meetings" },
  "developers.api.tag.results": { ja: "連携事業・KPI", en: "Projects and KPIs" },
  "developers.api.tag.audit": { ja: "監査ログ", en: "Audit log" },
} satisfies Messages;
