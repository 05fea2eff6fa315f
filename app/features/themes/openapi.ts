// Theme calls (テーマ型) and follows in the OpenAPI document.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { pageOf, rowId } from "~/lib/api-schemas";
import { idPath, operation } from "~/lib/openapi/operation";
import { locationHeader, patchOf } from "~/lib/openapi/shared";
import { fileDownload, filesUpload } from "~/features/files/openapi";
import { followInput, followView, themeDetail, themeInput, themeListInput, themeSummary } from "./schema";

const transition = (summary: string, description: string) =>
  operation({
    tag: "themes",
    summary,
    description,
    access: "token",
    path: idPath,
    responses: { 200: { description: "The call as it is now.", schema: themeDetail } },
    problems: [409],
  });

export const themePaths: ZodOpenApiPathsObject = {
  "/api/v1/themes": {
    get: operation({
      tag: "themes",
      summary: "Published theme calls",
      description: "募集中のテーマ（下書きは含みません）。分野・都道府県・自治体・締切・キーワードで絞り込めます。トークン不要。",
      access: "public",
      query: themeListInput,
      responses: { 200: { description: "Newest first.", schema: pageOf(themeSummary) } },
    }),
    post: operation({
      tag: "themes",
      summary: "Draft a theme call",
      description: "自治体のデスク・原課の職員がテーマ募集の下書きを作ります。ファイルは /attachments で添付します。",
      access: "token",
      body: themeInput,
      responses: { 201: { description: "The draft.", schema: themeDetail, headers: locationHeader } },
    }),
  },
  "/api/v1/themes/{id}": {
    get: operation({
      tag: "themes",
      summary: "One theme call",
      description: "募集中のテーマは誰でも読めます。下書きはその自治体の職員のトークンでのみ読めます（他の人には 404）。",
      access: "optionalToken",
      path: idPath,
      responses: { 200: { description: "The call, with what the caller may do.", schema: themeDetail } },
    }),
    patch: operation({
      tag: "themes",
      summary: "Edit a theme call",
      description: "締め切る前の募集を編集します（デスク。下書きなら担当の原課も）。",
      access: "token",
      path: idPath,
      body: patchOf(themeInput),
      responses: { 200: { description: "The call as it is now.", schema: themeDetail } },
      problems: [409],
    }),
  },
  "/api/v1/themes/{id}/publish": {
    post: transition("Publish a theme call", "下書きを公開します（デスクのみ）。フォローしている人にお知らせが届きます。"),
  },
  "/api/v1/themes/{id}/close": { post: transition("Close a theme call", "募集を締め切ります（デスクのみ）。") },
  "/api/v1/themes/{id}/attachments": {
    post: operation({
      tag: "themes",
      summary: "Attach files to a theme call",
      description: "募集に資料を添付します（multipart/form-data の files）。",
      access: "token",
      path: idPath,
      body: filesUpload,
      responses: { 200: { description: "The call with its files.", schema: themeDetail } },
    }),
  },
  "/api/v1/themes/{id}/attachments/{fileId}": {
    get: operation({
      tag: "themes",
      summary: "Download a file of a theme call",
      description: "募集の添付ファイル。募集と同じ公開範囲です。",
      access: "optionalToken",
      path: z.object({ id: rowId(), fileId: rowId() }),
      responses: { 200: { description: "The file, with its own content type (Content-Disposition names it).", content: fileDownload } },
    }),
  },
};

export const followList = z.object({ items: z.array(followView) });
export type FollowList = z.output<typeof followList>;

export const followPaths: ZodOpenApiPathsObject = {
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
};
