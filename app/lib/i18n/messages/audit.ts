// The audit log: its page and the label of every recorded action.
// Each message in Japanese (the source of truth) and, beside it, English.
import type { Messages } from "./message";

export const prefixes = ["audit"] as const;

export const messages = {
  "audit.title": { ja: "監査ログ", en: "Audit log" },
  "audit.lead": { ja: "この組織で行われた変更の記録です。", en: "Changes made in this organisation." },
  "audit.time": { ja: "日時", en: "Time" },
  "audit.actor": { ja: "操作した人", en: "Actor" },
  "audit.action": { ja: "操作", en: "Action" },
  "audit.target": { ja: "対象", en: "Target" },
  "audit.requestId": { ja: "リクエストID", en: "Request ID" },
  "audit.changes": { ja: "変更内容", en: "Changes" },
  "audit.empty": { ja: "記録はまだありません。", en: "No entries yet." },
  "audit.more": { ja: "さらに表示", en: "Show more" },

  "audit.action.theme.create": { ja: "テーマを起案", en: "Drafted a theme" },
  "audit.action.theme.update": { ja: "テーマを編集", en: "Edited a theme" },
  "audit.action.theme.publish": { ja: "テーマを公開", en: "Published a theme" },
  "audit.action.theme.close": { ja: "テーマの募集を終了", en: "Closed a theme call" },
  "audit.action.attachment.upload": { ja: "ファイルを添付", en: "Attached a file" },
  "audit.action.attachment.delete": { ja: "添付ファイルを削除", en: "Removed an attachment" },
  "audit.action.follow.create": { ja: "フォローを追加", en: "Followed" },
  "audit.action.follow.delete": { ja: "フォローを解除", en: "Unfollowed" },

  "audit.action.proposal.create": { ja: "提案を作成", en: "Created a proposal" },
  "audit.action.proposal.update": { ja: "提案の下書きを保存", en: "Saved a proposal draft" },
  "audit.action.proposal.delete": { ja: "提案の下書きを削除", en: "Deleted a proposal draft" },
  "audit.action.proposal.submit": { ja: "提案を提出", en: "Submitted a proposal" },
  "audit.action.proposal.startScreening": { ja: "提案の審査を開始", en: "Started screening" },
  "audit.action.proposal.decline": { ja: "提案に「お受けできません」と回答", en: "Declined a proposal" },
  "audit.action.proposal.accept": { ja: "提案を対話に進めた", en: "Accepted a proposal for dialogue" },
  "audit.action.proposal.startDialogue": { ja: "対話を開始", en: "Started dialogue" },
  "audit.action.proposal.prepareAgreement": { ja: "協定の準備に進めた", en: "Moved to agreement preparation" },
  "audit.action.proposal.implementWithoutAgreement": { ja: "協定なしで実施に進めた", en: "Moved to implementation without agreement" },
  "audit.action.proposal.moveToProcurement": { ja: "公募・調達に移した", en: "Moved to procurement" },
  "audit.action.proposal.close": { ja: "提案を終了", en: "Closed a proposal" },
  "audit.action.proposal.withdraw": { ja: "提案を取り下げ", en: "Withdrew a proposal" },
  "audit.action.proposal.share": { ja: "提案を部署に共有", en: "Shared a proposal" },
  "audit.action.proposal.message": { ja: "提案に投稿", en: "Posted on a proposal" },
  "audit.action.proposal.actionItem": { ja: "宿題を追加", en: "Added an action item" },
  "audit.action.proposal.actionItemDone": { ja: "宿題を完了", en: "Completed an action item" },
  "audit.action.proposal.publication": { ja: "概要の公開設定", en: "Set publication consent" },
  "audit.action.roleMatrix.update": { ja: "役割分担表を変更", en: "Changed the role matrix" },

  "audit.action.agreement.create": { ja: "協定を登録", en: "Registered an agreement" },
  "audit.action.agreement.update": { ja: "協定を編集", en: "Edited an agreement" },
  "audit.action.agreement.approval": { ja: "決裁を記録", en: "Recorded an approval" },
  "audit.action.agreement.submitForApproval": { ja: "協定を決裁に回した", en: "Sent an agreement for approval" },
  "audit.action.agreement.sign": { ja: "協定の締結を記録", en: "Recorded a signing" },
  "audit.action.agreement.activate": { ja: "協定の連携を開始", en: "Started a partnership" },
  "audit.action.agreement.startRenewalReview": { ja: "協定の更新検討を開始", en: "Started a renewal review" },
  "audit.action.agreement.renew": { ja: "協定を更新", en: "Renewed an agreement" },
  "audit.action.agreement.end": { ja: "協定を終了", en: "Ended an agreement" },
  "audit.action.agreement.terminate": { ja: "協定を解除", en: "Terminated an agreement" },

  "audit.action.agreement.amend": { ja: "協定の改定版を記録", en: "Recorded an amended agreement version" },
  "audit.action.agreementTemplate.update": { ja: "協定書のひな形を変更", en: "Changed the agreement document template" },
  "audit.action.agreementTemplate.reset": {
    ja: "協定書のひな形を標準に戻した",
    en: "Reset the agreement document template to the standard wording",
  },

  "audit.action.agreement.contact": { ja: "協定の担当者を登録", en: "Named an agreement contact" },
  "audit.action.agreement.handover": { ja: "協定の担当者を引継ぎ", en: "Recorded a contact handover" },

  "audit.action.agreement.reminder": { ja: "協定の期限を通知", en: "Sent an agreement deadline reminder" },

  "audit.action.meeting.create": { ja: "会議を登録", en: "Scheduled a meeting" },
  "audit.action.meeting.update": { ja: "会議を編集", en: "Edited a meeting" },
  "audit.action.meeting.actionItem.create": { ja: "会議の宿題を追加", en: "Added a meeting action item" },
  "audit.action.meeting.actionItem.done": { ja: "会議の宿題を完了", en: "Completed a meeting action item" },
  "audit.action.calendarFeed.rotate": { ja: "カレンダー購読URLを作成", en: "Created a calendar feed URL" },
  "audit.action.calendarFeed.revoke": { ja: "カレンダー購読URLを無効化", en: "Stopped a calendar feed" },
  "audit.action.meeting.reminder": { ja: "会議の開催を通知", en: "Sent a meeting reminder" },
  "audit.action.meeting.actionItem.reminder": { ja: "期限切れの宿題を通知", en: "Sent an overdue action item reminder" },

  "audit.action.organization.create": { ja: "組織を登録", en: "Registered an organisation" },
  "audit.action.organization.signup": { ja: "提案者として登録", en: "Registered as a proposer" },
  "audit.action.membership.create": { ja: "メンバーを追加", en: "Added a member" },
  "audit.action.invitation.create": { ja: "メンバーを招待", en: "Invited a member" },
  "audit.action.invitation.accept": { ja: "招待を承諾", en: "Accepted an invitation" },
  "audit.action.token.create": { ja: "API トークンを作成", en: "Created an API token" },
  "audit.action.token.revoke": { ja: "API トークンを無効化", en: "Revoked an API token" },
  "audit.action.user.settings": { ja: "通知設定を変更", en: "Changed notification settings" },
  "audit.action.user.passwordReset": { ja: "パスワードを再設定", en: "Reset a password" },
  "audit.action.notification.read": { ja: "お知らせを既読", en: "Read a notification" },

  "audit.action.agreement.import": { ja: "協定台帳を取り込み", en: "Imported an agreement register" },
  "audit.action.agreement.importStage": { ja: "協定台帳のファイルを読み込み", en: "Read an agreement register file" },
  "audit.action.agreement.importMapping": { ja: "協定台帳の列の対応を変更", en: "Changed the columns of a register import" },
  "audit.action.agreement.importCancel": { ja: "協定台帳の取り込みを取りやめ", en: "Cancelled a register import" },

  "audit.action.agreement.approvalChain": { ja: "決裁の流れを変更", en: "Changed the approval chain" },

  "audit.redacted": { ja: "（閲覧権限のない対象のため、変更内容は表示しません）", en: "(Changes withheld: you may not see this object.)" },

  "audit.action.token.revokeAll": {
    ja: "パスワードの再設定・変更に伴い API トークンをすべて無効化",
    en: "Revoked all API tokens after a password reset or change",
  },
} satisfies Messages;
