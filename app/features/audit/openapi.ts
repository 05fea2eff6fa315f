// The audit log in the OpenAPI document.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { pageOf } from "~/lib/api-schemas";
import { auditEntry, auditExportInput, auditListInput } from "./schema";
import { binary, operation } from "~/lib/openapi/operation";

export const auditPaths: ZodOpenApiPathsObject = {
  "/api/v1/audit": {
    get: operation({
      tag: "audit",
      summary: "The audit log",
      description:
        "デスク管理者は自組織の、プラットフォーム管理者は全体の監査ログを読めます（新しい順）。action（操作）、actor（操作した人の ID）、from・to（日本時間の日付、両端を含む）で絞り込めます。targetName は対象の件名・名称です。見る権限のない対象の記録は targetName と before/after を伏せ、redacted を true にします。",
      access: "token",
      query: auditListInput,
      responses: { 200: { description: "Newest first.", schema: pageOf(auditEntry) } },
    }),
  },
  "/api/v1/audit/export.csv": {
    get: operation({
      tag: "audit",
      summary: "Export the audit log as CSV",
      description:
        "一覧と同じ絞り込みで、新しい順に最大 10,000 件を CSV で出力します（変更内容は「項目: 変更前 → 変更後」の行）。encoding=shift_jis で Excel 向けの Shift_JIS。",
      access: "token",
      query: auditExportInput,
      responses: { 200: { description: "The log (an attachment).", content: { "text/csv": { schema: binary } } } },
    }),
  },
};
