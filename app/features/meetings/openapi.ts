// Meetings of agreements in the OpenAPI document.
import { calendarFeedView, actionItemInput, meetingDetail, meetingInput, meetingList } from "./schema";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { binary, idPath, operation } from "~/lib/openapi/operation";
import { locationHeader, patchOf } from "~/lib/openapi/shared";

const detail = (description: string) => ({ description, schema: meetingDetail });

export const meetingPaths: ZodOpenApiPathsObject = {
  "/api/v1/agreements/{id}/meetings": {
    get: operation({
      tag: "meetings",
      summary: "Meetings of an agreement",
      description: "協定の推進会議・作業部会・プロジェクト会議（古い順）。当事者の組織の人だけが読めます。",
      access: "token",
      path: idPath,
      responses: { 200: { description: "Oldest first.", schema: meetingList } },
    }),
    post: operation({
      tag: "meetings",
      summary: "Schedule a meeting",
      description: "協定を所管するデスクが会議を登録します。時刻にオフセットがなければ日本時間です。",
      access: "token",
      path: idPath,
      body: meetingInput,
      responses: { 201: { ...detail("The meeting."), headers: locationHeader } },
      problems: [409],
    }),
  },
  "/api/v1/meetings/{id}": {
    get: operation({
      tag: "meetings",
      summary: "One meeting",
      description: "議事録・決定事項・宿題つきの会議。",
      access: "token",
      path: idPath,
      responses: { 200: detail("The meeting.") },
    }),
    patch: operation({
      tag: "meetings",
      summary: "Edit a meeting",
      description: "日時・場所・議事録などを更新します（所管のデスク）。",
      access: "token",
      path: idPath,
      body: patchOf(meetingInput),
      responses: { 200: detail("The meeting as it is now.") },
    }),
  },
  "/api/v1/meetings/{id}/meeting.ics": {
    get: operation({
      tag: "meetings",
      summary: "One meeting as iCalendar",
      description: "会議を iCalendar（.ics、時刻は UTC）で返します。",
      access: "token",
      path: idPath,
      responses: { 200: { description: "The calendar file (an attachment).", content: { "text/calendar": { schema: binary } } } },
    }),
  },
  "/api/v1/meetings/{id}/action-items": {
    post: operation({
      tag: "meetings",
      summary: "Add an action item",
      description: "所管のデスクが宿題（担当者、期限）を記録します。ownerUserId を付けると期限切れの通知が届きます。",
      access: "token",
      path: idPath,
      body: actionItemInput,
      responses: { 201: detail("The meeting with the new item.") },
    }),
  },
  "/api/v1/meeting-action-items/{id}/done": {
    post: operation({
      tag: "meetings",
      summary: "Mark a meeting's action item done",
      description: "当事者の組織の人なら誰でも完了にできます（二度目は変化なし）。",
      access: "token",
      path: idPath,
      responses: { 200: detail("The meeting.") },
    }),
  },
};

export const calendarFeedPaths: ZodOpenApiPathsObject = {
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
};
