// Proposals, their workflow and the role matrix in the OpenAPI document.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { pageOf, rowId } from "~/lib/api-schemas";
import {
  accessLogEntry,
  actionItemInput,
  actionItemView,
  declineInput,
  messageInput,
  messageView,
  noteInput,
  proposalDetail,
  proposalDraftInput,
  proposalListInput,
  proposalSummary,
  proposalUpdateInput,
  publicationInput,
  publishedProposal,
  roleMatrixInput,
  roleMatrixView,
  shareInput,
  timelineEntry,
} from "./schema";
import { transitionNames, transitions, type TransitionName } from "~/features/proposals/policy";
import { createdId, locationHeader, patchOf } from "~/lib/openapi/shared";
import { fileDownload, filesUpload } from "~/features/files/openapi";
import { idPath, operation, type OperationSpec } from "~/lib/openapi/operation";

export const proposalTimeline = z.object({ items: z.array(timelineEntry) });
export type ProposalTimeline = z.output<typeof proposalTimeline>;
export const done = z.object({ ok: z.literal(true) });
export type Done = z.output<typeof done>;

/** English summary and Japanese description of each workflow command (a new one must be described here). */
const transitionTexts: Record<TransitionName, [string, string]> = {
  submit: ["Submit a draft", "下書きを提出します。三方よしの各項目など、必須項目がそろっている必要があります。"],
  startScreening: ["Start screening", "デスクが受け付けて審査を始めます。"],
  decline: ["Decline", "デスクが不採用にします。根拠（7 つの基準から 1 つ以上）と理由を記録し、提案者に伝えます。"],
  accept: ["Accept into the dialogue", "デスクが受け付け、提案者・原課・デスクの対話を始めます（状態は in_dialogue になります）。"],
  startDialogue: ["Start the dialogue (legacy)", "2026年12月より前に受理され accepted のままの提案について、対話を始めます。"],
  prepareAgreement: ["Prepare an agreement", "協定の締結準備に進みます（POST /agreements の fromProposal で協定を起こせます）。"],
  implementWithoutAgreement: ["Implement without an agreement", "協定を結ばずに事業を実施します。"],
  moveToProcurement: ["Move to procurement", "公募・調達を伴う連携に移ります。"],
  close: ["Close", "デスクが案件を終了します。"],
  withdraw: ["Withdraw", "提案者が提案を取り下げます。"],
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const detail = { 200: { description: "The proposal as it is now.", schema: proposalDetail } };

function transitionOperation(name: TransitionName): OperationSpec {
  const [summary, description] = transitionTexts[name];
  const who = transitions[name].by === "desk" ? "デスクのみ。" : "提案者のみ。";
  const body = name === "decline" ? { body: declineInput } : name === "submit" ? {} : { body: noteInput, bodyOptional: true };
  return {
    tag: "proposals",
    summary,
    description: `${description}${who}`,
    access: "token",
    path: idPath,
    ...body,
    responses: detail,
    problems: [409],
  };
}

const list = <T extends z.ZodType>(summary: string, description: string, item: T) =>
  operation({
    tag: "proposals",
    summary,
    description,
    access: "token",
    path: idPath,
    responses: { 200: { description: "The list.", schema: pageOf(item) } },
  });

export const proposalPaths: ZodOpenApiPathsObject = {
  "/api/v1/proposals/published": {
    get: operation({
      tag: "proposals",
      summary: "Published proposal summaries",
      description: "提案者とデスクの双方が公開に同意した要約だけを返します（トークン不要）。提案そのものは非公開です。",
      access: "public",
      query: z.object({
        municipality: z
          .string()
          .regex(/^\d{6}$/)
          .optional()
          .meta({ description: "団体コード." }),
      }),
      responses: { 200: { description: "Newest decision first.", schema: pageOf(publishedProposal) } },
    }),
  },
  "/api/v1/proposals": {
    get: operation({
      tag: "proposals",
      summary: "Proposals the caller may see",
      description: "自組織の提案（下書きを含む）、デスクなら自治体宛ての提案、原課なら共有された提案。",
      access: "token",
      query: proposalListInput,
      responses: { 200: { description: "Latest first.", schema: pageOf(proposalSummary) } },
    }),
    post: operation({
      tag: "proposals",
      summary: "Create a proposal",
      description:
        "企業・大学等が提案の下書きを作ります（テーマ募集への応募は themeId、自由提案は municipalityCode）。submit: true ですぐ提出します。Idempotency-Key ヘッダー（または clientToken）を付けると、再送しても同じ提案が返ります。",
      access: "token",
      headers: z.object({
        "idempotency-key": z
          .string()
          .max(100)
          .optional()
          .meta({ description: "Makes retries return the same proposal (200 instead of 201)." }),
      }),
      body: z.object({
        ...proposalDraftInput.shape,
        submit: z.boolean().optional().meta({ description: "Submit at once (the content must then be complete)." }),
      }),
      responses: {
        201: { description: "Created.", schema: proposalDetail, headers: locationHeader },
        200: { description: "Already created with this Idempotency-Key.", schema: proposalDetail, headers: locationHeader },
      },
    }),
  },
  "/api/v1/proposals/{id}": {
    get: operation({
      tag: "proposals",
      summary: "One proposal",
      description:
        "提案の詳細、経過、共有先、呼び出し元ができる操作。自治体職員が開くと閲覧記録に残り、提案者が確認できます。見る権限がなければ 404 です。",
      access: "token",
      path: idPath,
      responses: detail,
    }),
    patch: operation({
      tag: "proposals",
      summary: "Edit a draft",
      description: "提案者が下書きを編集します。",
      access: "token",
      path: idPath,
      body: patchOf(proposalUpdateInput),
      responses: detail,
      problems: [409],
    }),
    delete: operation({
      tag: "proposals",
      summary: "Delete a draft",
      description: "提案者が下書きを添付ファイルごと削除します。提出後の提案は削除できません（取り下げてください）。",
      access: "token",
      path: idPath,
      responses: { 204: { description: "Deleted." } },
      problems: [409],
    }),
  },
  ...Object.fromEntries(
    transitionNames.map((name) => [`/api/v1/proposals/{id}/${kebab(name)}`, { post: operation(transitionOperation(name)) }]),
  ),
  "/api/v1/proposals/{id}/share": {
    post: operation({
      tag: "proposals",
      summary: "Share with departments",
      description: "デスクが関係する原課に提案を共有します。",
      access: "token",
      path: idPath,
      body: shareInput,
      responses: detail,
      problems: [409],
    }),
  },
  "/api/v1/proposals/{id}/publication": {
    post: operation({
      tag: "proposals",
      summary: "Consent to publishing a summary",
      description: "デスクが公開用の要約を書いて同意し、提案者も同意すると要約が公開されます。同意はいつでも取り消せます。",
      access: "token",
      path: idPath,
      body: publicationInput,
      responses: detail,
      problems: [409],
    }),
  },
  "/api/v1/proposals/{id}/attachments": {
    post: operation({
      tag: "proposals",
      summary: "Attach files to a draft",
      description: "提案者が下書きに資料を添付します（multipart/form-data の files）。",
      access: "token",
      path: idPath,
      body: filesUpload,
      responses: detail,
      problems: [409],
    }),
  },
  "/api/v1/proposals/{id}/attachments/{fileId}": {
    get: operation({
      tag: "proposals",
      summary: "Download a file of a proposal",
      description: "提案またはそのメッセージの添付ファイル。提案と同じ範囲の人だけが取得できます。",
      access: "token",
      path: z.object({ id: rowId(), fileId: rowId() }),
      responses: { 200: { description: "The file, with its own content type.", content: fileDownload } },
    }),
  },
  "/api/v1/proposals/{id}/messages": {
    get: list("The dialogue", "提案者・デスク・原課のやりとり（古い順）。", messageView),
    post: operation({
      tag: "proposals",
      summary: "Post a message",
      description: "やりとりにメッセージ、または打合せの記録（kind: meeting）を残します。",
      access: "token",
      path: idPath,
      body: messageInput,
      responses: { 201: { description: "Posted.", schema: createdId } },
      problems: [409],
    }),
  },
  "/api/v1/proposals/{id}/action-items": {
    get: list("Action items", "対話で決まった宿題（未完了が先）。", actionItemView),
    post: operation({
      tag: "proposals",
      summary: "Add an action item",
      description: "宿題を追加します。",
      access: "token",
      path: idPath,
      body: actionItemInput,
      responses: { 201: { description: "Added.", schema: createdId } },
      problems: [409],
    }),
  },
  "/api/v1/proposals/{id}/action-items/{itemId}/done": {
    post: operation({
      tag: "proposals",
      summary: "Mark an action item done",
      description: "宿題を完了にします。",
      access: "token",
      path: z.object({ id: rowId(), itemId: rowId() }),
      responses: { 200: { description: "Done.", schema: done } },
    }),
  },
  "/api/v1/proposals/{id}/access-log": {
    get: list("Who in the city opened it", "自治体のどの部署が何回、最後にいつ開いたか（提案者とデスク）。", accessLogEntry),
  },
  "/api/v1/proposals/{id}/timeline": {
    get: operation({
      tag: "proposals",
      summary: "The workflow timeline",
      description: "状態の変化の記録（古い順）。",
      access: "token",
      path: idPath,
      responses: { 200: { description: "Oldest first.", schema: proposalTimeline } },
    }),
  },
  "/api/v1/role-matrix": {
    get: operation({
      tag: "proposals",
      summary: "The role matrix",
      description: "連携手法と段階ごとの、デスクと原課の役割（◎主担当・○関与・△必要に応じて）。自治体のデスクと原課が読めます。",
      access: "token",
      responses: { 200: { description: "The caller's municipality's matrix.", schema: roleMatrixView } },
    }),
    put: operation({
      tag: "proposals",
      summary: "Change the role matrix",
      description: "デスク管理者が役割分担を変えます（指定したマスだけ）。",
      access: "token",
      body: roleMatrixInput,
      responses: { 200: { description: "The matrix as it is now.", schema: roleMatrixView } },
    }),
  },
};
