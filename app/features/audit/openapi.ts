// The audit log in the OpenAPI document.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { pageOf } from "~/lib/api-schemas";
import { auditEntry, auditListInput } from "./schema";
import { operation } from "~/lib/openapi/operation";

export const auditPaths: ZodOpenApiPathsObject = {
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
