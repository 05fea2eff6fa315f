// Agreements (the register, approvals, documents, contacts, the desk's
// settings) and register imports in the OpenAPI document.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { pageOf, rowId } from "~/lib/api-schemas";
import { MAX_TABULAR_BYTES } from "~/lib/tabular.server";
import {
  agreementDetail,
  agreementInput,
  agreementListInput,
  agreementSummary,
  agreementTemplateInput,
  agreementTemplateView,
  amendInput,
  approvalChainInput,
  approvalChainView,
  approvalDecisionInput,
  contactInput,
  endInput,
  handoverInput,
  publicAgreement,
  renewInput,
  signInput,
  submitForApprovalInput,
  transitionNoteInput,
} from "./schema";
import { agreementTransitionNames, type AgreementTransition } from "~/features/agreements/policy";
import { importCommitResult, importSummary, importTargets, importView } from "~/features/agreements/import/import";
import { binary, idPath, operation } from "~/lib/openapi/operation";
import { locationHeader, patchOf } from "~/lib/openapi/shared";

const detail = { 200: { description: "The agreement as it is now.", schema: agreementDetail } };
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** English summary, Japanese description and input of each lifecycle command (a new one must be described here). */
const transitionTexts: Record<AgreementTransition, { summary: string; description: string; body: z.ZodType; bodyOptional?: boolean }> = {
  submitForApproval: {
    summary: "Submit for internal approval",
    description: "下書きを庁内決裁と相手方の社内決裁に回します。承認ルートの任意の段階（議会への報告など）は includeSteps で指定します。",
    body: submitForApprovalInput,
    bodyOptional: true,
  },
  sign: {
    summary: "Record the signing",
    description: "すべての決裁が承認されたあと、締結日などを記録します。isPublic で公開協定一覧に載せます。",
    body: signInput,
  },
  activate: {
    summary: "Start the partnership",
    description: "締結した協定の取組を開始します。",
    body: transitionNoteInput,
    bodyOptional: true,
  },
  startRenewalReview: {
    summary: "Start the renewal review",
    description: "期間満了前の更新検討を始めます。",
    body: transitionNoteInput,
    bodyOptional: true,
  },
  renew: {
    summary: "Renew",
    description: "評価を記録して更新します。endsOn がなければ更新期間（なければ前の期間と同じ長さ）だけ延びます。",
    body: renewInput,
  },
  end: { summary: "End at term", description: "期間満了で終了します。理由を記録します。", body: endInput },
  terminate: { summary: "Terminate early", description: "期間中に解除します。理由を記録します。", body: endInput },
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const command = (summary: string, description: string, body: z.ZodType, bodyOptional = false) =>
  operation({
    tag: "agreements",
    summary,
    description: `${description}協定を所管するデスクのみ。`,
    access: "token",
    path: idPath,
    body,
    bodyOptional,
    responses: detail,
    problems: [409],
  });

const exportQuery = agreementListInput.omit({ limit: true, cursor: true });
const municipalityQuery = z.object({
  municipality: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .meta({ description: "団体コード." }),
});

export const agreementPaths: ZodOpenApiPathsObject = {
  "/api/v1/agreements": {
    get: operation({
      tag: "agreements",
      summary: "The agreement register",
      description: "自組織が当事者である協定の一覧（更新の新しい順）。状態・手法・分野・キーワードで絞り込めます。",
      access: "token",
      query: agreementListInput,
      responses: { 200: { description: "Latest change first.", schema: pageOf(agreementSummary) } },
    }),
    post: operation({
      tag: "agreements",
      summary: "Enter an agreement",
      description:
        "自治体のデスクが協定を登録します。fromProposal を付けると「協定締結準備」の提案から内容を引き継ぎます（title も渡すと、渡した内容で登録します）。",
      access: "token",
      body: z.union([agreementInput, z.object({ ...z.object(agreementInput.shape).partial().shape, fromProposal: rowId() })]),
      responses: { 201: { description: "The new draft.", schema: agreementDetail, headers: locationHeader } },
      problems: [404, 409],
    }),
  },
  "/api/v1/agreements/public": {
    get: operation({
      tag: "agreements",
      summary: "Public agreements",
      description: "締結済みで公開とした協定の一覧（トークン不要）。",
      access: "public",
      query: municipalityQuery,
      responses: { 200: { description: "Latest signing first.", schema: pageOf(agreementSummary) } },
    }),
  },
  "/api/v1/agreements/public/{id}": {
    get: operation({
      tag: "agreements",
      summary: "One public agreement",
      description: "公開協定の公開項目（トークン不要）。公開でない協定は 404 です。",
      access: "public",
      path: idPath,
      responses: { 200: { description: "Its public fields.", schema: publicAgreement } },
    }),
  },
  "/api/v1/agreements/export.csv": {
    get: operation({
      tag: "agreements",
      summary: "Export the register as CSV",
      description:
        "協定台帳を CSV で出力します（団体コード・法人番号の列つき、数式として読まれない形）。encoding=shift_jis で Excel 向けの Shift_JIS。",
      access: "token",
      query: exportQuery.extend({ encoding: z.enum(["utf-8", "shift_jis", "sjis"]).optional() }),
      responses: { 200: { description: "The register (an attachment).", content: { "text/csv": { schema: binary } } } },
    }),
  },
  "/api/v1/agreements/export.xlsx": {
    get: operation({
      tag: "agreements",
      summary: "Export the register as Excel",
      description: "協定台帳を Excel（.xlsx）で出力します。",
      access: "token",
      query: exportQuery,
      responses: { 200: { description: "The register (an attachment).", content: { [XLSX]: { schema: binary } } } },
    }),
  },
  "/api/v1/agreements/{id}": {
    get: operation({
      tag: "agreements",
      summary: "One agreement",
      description: "協定の詳細（当事者の組織の人だけ。ほかは 404）。",
      access: "token",
      path: idPath,
      responses: detail,
    }),
    patch: operation({
      tag: "agreements",
      summary: "Edit a draft agreement",
      description: "下書きの協定を編集します（所管のデスクのみ）。",
      access: "token",
      path: idPath,
      body: patchOf(agreementInput),
      responses: detail,
      problems: [409],
    }),
  },
  ...Object.fromEntries(
    agreementTransitionNames.map((name) => {
      const t = transitionTexts[name];
      return [`/api/v1/agreements/{id}/${kebab(name)}`, { post: command(t.summary, t.description, t.body, t.bodyOptional) }];
    }),
  ),
  "/api/v1/agreements/{id}/approvals": {
    post: command(
      "Record an approval step",
      "決裁の段階を承認（approved）または差戻し（returned）として記録します。自治体の段階は順に、相手方の段階は独立して。デスクはすべての段階を、相手方は自社の段階だけを記録できます（他の当事者の段階を指定すると stepId の入力エラー）。差戻すと協定は下書きに戻ります。",
      approvalDecisionInput,
    ),
  },
  "/api/v1/agreements/{id}/amend": {
    post: command("Record an amendment", "締結後の変更を、理由とともに協定書の新しい版として記録します。", amendInput),
  },
  "/api/v1/agreements/{id}/contacts": {
    post: operation({
      tag: "agreements",
      summary: "Name a party's contact",
      description: "当事者ごとの正・副の担当者を登録します。デスクはすべての当事者の、相手方は自組織の担当者を登録できます。",
      access: "token",
      path: idPath,
      body: contactInput,
      responses: detail,
      problems: [409],
    }),
  },
  "/api/v1/agreements/{id}/handovers": {
    post: operation({
      tag: "agreements",
      summary: "Hand a contact over",
      description: "担当者の交代を、引継ぎの内容とともに記録します。",
      access: "token",
      path: idPath,
      body: handoverInput,
      responses: detail,
      problems: [409],
    }),
  },
  "/api/v1/agreements/{id}/document.docx": {
    get: operation({
      tag: "agreements",
      summary: "The agreement document (協定書) as Word",
      description: "協定書を Word で出力します（和暦の日付つき）。version で過去の版を、なければ最新の版（下書きは現在の内容）を返します。",
      access: "token",
      path: idPath,
      query: z.object({ version: z.coerce.number().int().min(1).optional() }),
      responses: { 200: { description: "The document (an attachment).", content: { [DOCX]: { schema: binary } } } },
    }),
  },
  "/api/v1/agreement-template": {
    get: operation({
      tag: "agreements",
      summary: "The municipality's document wording",
      description: "協定書の前文・変更条項・紛争条項（自治体のデスク）。",
      access: "token",
      responses: { 200: { description: "The wording.", schema: agreementTemplateView } },
    }),
    put: operation({
      tag: "agreements",
      summary: "Change the document wording",
      description: "デスク管理者が協定書の定型文を変えます。使える差し込み記号だけを含められます。",
      access: "token",
      body: agreementTemplateInput,
      responses: { 200: { description: "The wording as it is now.", schema: agreementTemplateView } },
    }),
  },
  "/api/v1/approval-chain": {
    get: operation({
      tag: "agreements",
      summary: "The municipality's approval chain",
      description: "庁内決裁の順序（自治体のデスク）。",
      access: "token",
      responses: { 200: { description: "In order.", schema: approvalChainView } },
    }),
    put: operation({
      tag: "agreements",
      summary: "Change the approval chain",
      description:
        "デスク管理者が決裁の段階を 1〜12 個、順に設定します。任意の段階は submit-for-approval の includeSteps で指定したときだけ使います。",
      access: "token",
      body: approvalChainInput,
      responses: { 200: { description: "The chain as it is now.", schema: approvalChainView } },
    }),
  },
  "/api/v1/agreements/imports": {
    get: operation({
      tag: "imports",
      summary: "Latest register imports",
      description: "自治体のデスクが取り込んだ協定台帳（最新 10 件）。",
      access: "token",
      responses: { 200: { description: "Newest first.", schema: pageOf(importSummary) } },
    }),
    post: operation({
      tag: "imports",
      summary: "Read a register file",
      description: `既存の協定台帳（.xlsx、または UTF-8 / Shift_JIS の CSV、${MAX_TABULAR_BYTES / 1024 / 1024} MB まで）を読み込み、取り込むとどうなるかを返します。この時点では台帳に何も書き込みません。multipart の file、または本文そのもの（?filename= で名前）で送ります。`,
      access: "token",
      query: z.object({ filename: z.string().optional().meta({ description: "The file's name, when the body is the file itself." }) }),
      body: {
        "multipart/form-data": { schema: { type: "object", properties: { file: binary }, required: ["file"] } },
        "text/csv": { schema: binary },
        [XLSX]: { schema: binary },
      },
      responses: {
        201: {
          description: "The preview: guessed mapping, per-row problems, partners that would be registered.",
          schema: importView,
          headers: locationHeader,
        },
      },
    }),
  },
  "/api/v1/agreements/imports/{id}": {
    get: operation({
      tag: "imports",
      summary: "One register import",
      description: "取り込みのプレビュー（列の対応、行ごとの問題）。",
      access: "token",
      path: idPath,
      responses: { 200: { description: "The import.", schema: importView } },
    }),
    patch: operation({
      tag: "imports",
      summary: "Choose the columns",
      description: "項目ごとに使う列を、見出しまたは列番号で指定します。",
      access: "token",
      path: idPath,
      body: z.object({ mapping: z.partialRecord(z.enum(importTargets), z.union([z.string(), z.number().int()])) }),
      responses: { 200: { description: "The import with the new mapping.", schema: importView } },
      problems: [409],
    }),
    delete: operation({
      tag: "imports",
      summary: "Cancel a register import",
      description: "取り込みを取り消します。",
      access: "token",
      path: idPath,
      responses: { 204: { description: "Cancelled." } },
      problems: [409],
    }),
  },
  "/api/v1/agreements/imports/{id}/commit": {
    post: operation({
      tag: "imports",
      summary: "Write every row of the import",
      description:
        "すべての行を 1 つのトランザクションで協定として登録します（全部か、何もしないか）。問題のある行があれば 422 で rows.<行>.<列> ごとの誤りを返します。Accept: application/x-ndjson なら進み具合を 1 行ずつ流します。",
      access: "token",
      path: idPath,
      responses: {
        201: { description: "Written.", schema: importCommitResult },
        200: {
          description:
            'With Accept: application/x-ndjson: one JSON object per line, {"type":"progress","done","total"} per batch, then {"type":"done","created"} or {"type":"error", …problem document}.',
          content: { "application/x-ndjson": { schema: { type: "string" } } },
        },
      },
      problems: [409],
    }),
  },
};
