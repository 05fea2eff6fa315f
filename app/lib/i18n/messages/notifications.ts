// In-app notifications, the mail they send and the outbox.
// Each message in Japanese (the source of truth) and, beside it, English.
import type { Messages } from "./message";

export const prefixes = ["notifications", "notify", "mail", "outbox"] as const;

export const messages = {
  "notifications.title": { ja: "お知らせ", en: "Notifications" },
  "notifications.empty": { ja: "お知らせはありません。", en: "No notifications." },
  "notifications.markRead": { ja: "既読にする", en: "Mark as read" },
  "notifications.markAllRead": { ja: "すべて既読にする", en: "Mark all as read" },
  "notifications.unread": { ja: "未読", en: "Unread" },
  "notifications.unreadCount": { ja: "未読 {count}件", en: "{count} unread" },
  "notifications.earlier": { ja: "これまでのお知らせ（{count}件）", en: "Earlier ({count})" },

  "notify.memberJoined.title": { ja: "{name} さんが参加しました", en: "{name} joined" },
  "notify.memberJoined.body": { ja: "{name} さんが {org} に {role} として参加しました。", en: "{name} joined {org} as {role}." },
  "notify.memberChanged.title": { ja: "{org} での役割が変わりました", en: "Your role in {org} changed" },
  "notify.memberChanged.body": { ja: "{org} での役割が「{role}」になりました。", en: "You are now {role} in {org}." },
  "notify.memberRemoved.title": { ja: "{org} のメンバーから外れました", en: "You left {org}" },
  "notify.memberRemoved.body": {
    ja: "{org} の管理者が、あなたをメンバーから外しました。ほかの組織での利用は続けられます。",
    en: "An administrator of {org} removed you from it. Your other organisations are unaffected.",
  },
  "notify.welcome.title": { ja: "Renkei へようこそ", en: "Welcome to Renkei" },
  "notify.welcome.body": { ja: "{org} の登録が完了しました。", en: "{org} has been registered." },

  "notify.themePublished.title": { ja: "新しい募集テーマ: {title}", en: "New theme call: {title}" },
  "notify.themePublished.body": {
    ja: "{municipality} が「{title}」の提案募集を始めました（{deadline}）。",
    en: '{municipality} invites proposals on "{title}" ({deadline}).',
  },

  "notify.proposalSubmitted.title": { ja: "新しい提案: {title}", en: "New proposal: {title}" },
  "notify.proposalSubmitted.body": { ja: "{proposer} から提案「{title}」が届きました。", en: '{proposer} submitted "{title}".' },
  "notify.proposalStatus.title": { ja: "提案の状態が変わりました: {title}", en: "Proposal status changed: {title}" },
  "notify.proposalStatus.body": { ja: "提案「{title}」が「{status}」になりました。", en: '"{title}" is now "{status}".' },
  "notify.proposalShared.title": { ja: "提案が共有されました: {title}", en: "Proposal shared: {title}" },
  "notify.proposalShared.body": {
    ja: "{municipality} の公民連携デスクから提案「{title}」が共有されました。",
    en: 'The partnership desk of {municipality} shared "{title}" with you.',
  },
  "notify.proposalMessage.title": { ja: "提案へのメッセージ: {title}", en: "New message: {title}" },
  "notify.proposalMessage.body": { ja: "{author} さんが提案「{title}」に投稿しました。", en: '{author} posted on "{title}".' },

  "notify.agreementStatus.title": { ja: "協定の状態が変わりました: {title}", en: "Agreement status changed: {title}" },
  "notify.agreementStatus.body": { ja: "協定「{title}」が「{status}」になりました。", en: '"{title}" is now "{status}".' },

  "notify.agreementHandover.title": { ja: "協定の担当者が交代しました: {title}", en: "New contact on an agreement: {title}" },
  "notify.agreementHandover.body": {
    ja: "協定「{title}」の担当者が {from} さんから {to} さんに交代しました。引継ぎの記録を確認してください。",
    en: 'On "{title}", {to} took over from {from}. Read the handover notes.',
  },

  "notify.healthDigest.title": {
    ja: "動きが止まりかけている協定が{count}件あります",
    en: "{count} agreements are going quiet",
  },
  "notify.healthDigest.body": {
    ja: "健康度が70点を下回る協定が{count}件あります。最も低いのは「{title}」（{score}点、主な理由: {reason}）です。一覧から内訳と次の一手を確かめてください。",
    en: '{count} agreements score below 70. The lowest is "{title}" ({score}, main reason: {reason}). See each one\'s factors and what to do next.',
  },
  "notify.agreementEnding.title": { ja: "協定の有効期間があと{days}日で終わります: {title}", en: "Agreement ends in {days} days: {title}" },
  "notify.agreementEnding.body": {
    ja: "協定「{title}」は{date}に有効期間が満了します。更新の検討（総合評価）を始めてください。",
    en: '"{title}" ends on {date}. Start the renewal review (overall evaluation).',
  },
  "notify.agreementObjection.title": {
    ja: "自動更新の異議申出期限まであと{days}日: {title}",
    en: "{days} days to object to automatic renewal: {title}",
  },
  "notify.agreementObjection.body": {
    ja: "協定「{title}」の自動更新について、異議を申し出る期限は{date}です。続けるか、内容を見直すかを確認してください。",
    en: 'The deadline to object to the automatic renewal of "{title}" is {date}. Decide whether to continue or revise it.',
  },

  "notify.meetingReminder.title": { ja: "会議のお知らせ: {title}", en: "Meeting reminder: {title}" },
  "notify.meetingReminder.body": {
    ja: "協定「{agreement}」の{kind}「{title}」が {startsAt} から開かれます（場所: {place}）。",
    en: '{kind} "{title}" (agreement "{agreement}") starts at {startsAt} (place: {place}).',
  },
  "notify.actionItemOverdue.title": { ja: "期限を過ぎた宿題: {title}", en: "Overdue action item: {title}" },
  "notify.actionItemOverdue.body": {
    ja: "協定「{agreement}」の会議「{meeting}」で決めた宿題「{title}」（担当: {owner}）が期限（{due}）を過ぎています。",
    en: 'The action item "{title}" (owner: {owner}) from the meeting "{meeting}" of the agreement "{agreement}" was due on {due}.',
  },

  "mail.passwordReset.subject": { ja: "【Renkei】パスワード再設定のご案内", en: "[Renkei] Reset your password" },
  "mail.passwordReset.body": {
    ja: "{name} 様\n\nパスワード再設定のお申し込みを受け付けました。次のリンクから新しいパスワードを設定してください（1時間有効）。\n\n{url}\n\nお心当たりのない場合は、このメールを破棄してください。",
    en: "Dear {name},\n\nWe received a request to reset your password. Set a new one through this link (valid for one hour):\n\n{url}\n\nIf you did not ask for this, ignore this email.",
  },
  "mail.invitation.subject": { ja: "【Renkei】{org} への招待", en: "[Renkei] Invitation to {org}" },
  "mail.invitation.body": {
    ja: "{inviter} さんから {org} のメンバー（{role}）として招待されました。\n\n次のリンクから参加してください（7日間有効）。\n\n{url}",
    en: "{inviter} invited you to join {org} as {role}.\n\nJoin through this link (valid for 7 days):\n\n{url}",
  },
  "mail.notification.subject": { ja: "【Renkei】{title}", en: "[Renkei] {title}" },
  "mail.notification.body": { ja: "{body}\n\n{url}", en: "{body}\n\n{url}" },
  "mail.digest.subject": { ja: "【Renkei】{date}のお知らせまとめ（{count}件）", en: "[Renkei] Your digest for {date} ({count})" },
  "mail.digest.body": {
    ja: "1日1回まとめて受け取る設定のお知らせです。\n\n{lines}\n\nお知らせの一覧: {url}\n受け取り方は「設定」で変えられます。",
    en: "The notifications you take once a day.\n\n{lines}\n\nAll notifications: {url}\nChange how you receive them in Settings.",
  },
  "mail.digest.line.many": { ja: "・{title}（{count}件の更新）", en: "• {title} ({count} updates)" },

  "outbox.title": { ja: "送信メール（アウトボックス）", en: "Outbox" },
  "outbox.recipient": { ja: "{to}（{count}通）", en: "{to} ({count})" },
  "outbox.lead": {
    ja: "SMTP が設定されていないため、送信予定のメールをここに保管しています。",
    en: "SMTP is not configured, so outgoing mail is kept here.",
  },
  "outbox.to": { ja: "宛先", en: "To" },
  "outbox.subject": { ja: "件名", en: "Subject" },
  "outbox.status": { ja: "状態", en: "Status" },
  "outbox.created": { ja: "作成日時", en: "Created" },
  "outbox.empty": { ja: "メールはありません。", en: "No mail." },
  "outbox.status.pending": { ja: "送信待ち", en: "Pending" },
  "outbox.status.sent": { ja: "送信済み", en: "Sent" },
  "outbox.status.kept": { ja: "保管（SMTP未設定）", en: "Kept (no SMTP)" },
  "outbox.status.failed": { ja: "失敗（再試行します）", en: "Failed (will retry)" },
} satisfies Messages;
