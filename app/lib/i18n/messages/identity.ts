// Organisations, members and invitations, the administrators' organisation list, settings and API
// tokens.
// Each message in Japanese (the source of truth) and, beside it, English.
import type { Messages } from "./message";

export const prefixes = ["org", "admin", "invite", "members", "settings"] as const;

export const messages = {
  "org.title": { ja: "組織", en: "Organisation" },
  "org.kind": { ja: "種別", en: "Kind" },
  "org.name": { ja: "名称", en: "Name" },
  "org.nameKana": { ja: "名称（ふりがな）", en: "Name (kana)" },
  "org.corporateNumber": { ja: "法人番号", en: "Corporate number" },
  "org.corporateNumber.hint": {
    ja: "13桁の数字。個人事業主など法人番号のない場合は空欄にしてください。",
    en: "13 digits. Leave empty if the body has none (e.g. a sole proprietor).",
  },
  "org.municipalityCode": { ja: "団体コード", en: "Local government code" },
  "org.municipality": { ja: "自治体", en: "Municipality" },
  "org.description": { ja: "紹介", en: "Description" },
  "org.fields": { ja: "関心のある分野", en: "Fields of interest" },
  "org.departments": { ja: "部署", en: "Departments" },
  "org.parent": { ja: "上位組織", en: "Parent organisation" },
  "org.switched": { ja: "{org} に切り替えました。", en: "Switched to {org}." },
  "org.create.title": { ja: "組織の登録", en: "Register an organisation" },
  "org.create.submit": { ja: "登録する", en: "Register" },
  "org.created": { ja: "{name} を登録しました。", en: "{name} has been registered." },
  "org.edit.title": { ja: "{name} の登録内容を直す", en: "Correct {name}" },
  "org.edit.submit": { ja: "保存する", en: "Save" },
  "org.edit.link": { ja: "直す", en: "Correct" },
  "org.updated": { ja: "{name} の登録内容を保存しました。", en: "{name} has been saved." },

  "org.municipalityCode.hint": {
    ja: "自治体・都道府県の場合は6桁の全国地方公共団体コード（例: 172031）。",
    en: "For municipalities and prefectures: the 6-digit local government code (e.g. 172031).",
  },
  "org.departments.add": { ja: "部署を追加する", en: "Add a department" },
  "org.departments.lead": {
    ja: "提案の共有先や協定の担当になる部署（原課）を登録します。",
    en: "Departments receive shared proposals and own agreements.",
  },
  "org.departments.none": { ja: "部署はまだ登録されていません。", en: "No departments yet." },
  "org.profile": { ja: "組織の情報", en: "Organisation profile" },

  "admin.organizations.title": { ja: "組織の管理", en: "Organisations" },
  "admin.organizations.lead": {
    ja: "プラットフォームに登録された自治体・企業・大学・中間支援組織などの一覧です。",
    en: "Municipalities, companies, universities, intermediaries and other bodies on the platform.",
  },
  "admin.organizations.new": { ja: "組織を登録する", en: "Register an organisation" },
  "admin.organizations.search": {
    ja: "名称・ふりがな・法人番号・団体コードで検索",
    en: "Search by name, kana, corporate number or local government code",
  },
  "admin.organizations.kindFilter": { ja: "種別で絞り込む", en: "Filter by kind" },
  "admin.organizations.all": { ja: "すべて", en: "All" },
  "admin.organizations.none": { ja: "該当する組織はありません。", en: "No organisation matches." },

  "invite.title": { ja: "メンバーの招待", en: "Invite a colleague" },
  "invite.lead": {
    ja: "同僚をメールで招待します。招待された人はリンクから参加できます。",
    en: "Invite a colleague by email; they join through the link.",
  },
  "invite.submit": { ja: "招待を送る", en: "Send invitation" },
  "invite.sent": { ja: "{email} に招待を送りました。", en: "Invitation sent to {email}." },
  "invite.accept.title": { ja: "招待を受ける", en: "Accept invitation" },
  "invite.accept.lead": { ja: "{org} から {role} として招待されています。", en: "{org} invites you as {role}." },
  "invite.accept.submit": { ja: "参加する", en: "Join" },
  "invite.accept.done": { ja: "{org} に参加しました。", en: "You joined {org}." },
  "invite.accept.invalid": { ja: "招待が無効か、期限切れです。", en: "The invitation is invalid or has expired." },
  "invite.accept.wrongUser": { ja: "この招待は別のメールアドレス宛てです。", en: "This invitation is addressed to another email address." },
  "invite.pending": { ja: "招待中", en: "Pending" },
  "invite.department": { ja: "部署", en: "Department" },
  "invite.department.none": { ja: "（部署なし）", en: "(no department)" },

  "members.title": { ja: "メンバー", en: "Members" },
  "members.role": { ja: "役割", en: "Role" },
  "members.actions": { ja: "変更", en: "Changes" },
  "members.manage": { ja: "{name} さんの役割の変更・削除", en: "Change or remove {name}" },
  "members.department.hint": { ja: "部署職員のときだけ使います。", en: "For department staff only." },
  "members.changeRole": { ja: "役割を変更する", en: "Change role" },
  "members.changed": { ja: "メンバーの役割を変更しました。", en: "The member's role was changed." },
  "members.remove.confirm": {
    ja: "{name} さんをこの組織のメンバーから外します。アカウントとほかの組織での利用はそのままです。",
    en: "{name} will no longer be a member of this organisation. Their account and other organisations stay.",
  },
  "members.remove.submit": { ja: "メンバーから外す", en: "Remove from the organisation" },
  "members.removed": { ja: "メンバーから外しました。", en: "The member was removed." },
  "members.department": { ja: "部署", en: "Department" },
  "members.since": { ja: "参加日・期限", en: "Joined / expires" },
  "members.empty": { ja: "メンバーはいません。", en: "No members." },

  "settings.title": { ja: "設定", en: "Settings" },
  "settings.tokens": { ja: "API トークン", en: "API tokens" },
  "settings.tokens.lead": {
    ja: "外部システムから API を使うための個人用トークンです。作成時に一度だけ表示されます。",
    en: "Personal tokens for using the API from other systems. A token is shown only once, when created.",
  },
  "settings.tokens.name": { ja: "トークン名", en: "Token name" },
  "settings.tokens.create": { ja: "トークンを作成", en: "Create token" },
  "settings.tokens.created": {
    ja: "トークンを作成しました。今だけ表示されるので、安全な場所に保存してください。",
    en: "Token created. It is shown only now: store it somewhere safe.",
  },
  "settings.tokens.revoke": { ja: "無効にする", en: "Revoke" },
  "settings.tokens.revoked": { ja: "トークンを無効にしました。", en: "Token revoked." },
  "settings.tokens.empty": { ja: "トークンはありません。", en: "No tokens." },
  "settings.tokens.lastUsed": { ja: "最終利用", en: "Last used" },
  "settings.tokens.never": { ja: "未使用", en: "Never" },
  "settings.notifications": { ja: "メール通知", en: "Email notifications" },
  "settings.notifications.email": { ja: "お知らせをメールでも受け取る", en: "Also send notifications by email" },
  "settings.mail.legend": { ja: "メールの受け取り方", en: "How mail reaches you" },
  "settings.mail.lead": {
    ja: "お知らせはいつでもこの画面の「お知らせ」で読めます。種類ごとに、メールをすぐ受け取るか、1日1回（朝8時）まとめて受け取るか、受け取らないかを選べます。",
    en: "Notifications are always in the app. For each kind, choose mail at once, once a day (08:00), or none.",
  },
  "settings.mail.proposals": { ja: "提案とテーマ", en: "Proposals and themes" },
  "settings.mail.agreements": { ja: "協定（期限のお知らせを含む）", en: "Agreements (with deadline reminders)" },
  "settings.mail.meetings": { ja: "会議と宿題", en: "Meetings and action items" },
  "settings.mail.delivery.immediate": { ja: "すぐに受け取る", en: "At once" },
  "settings.mail.delivery.daily": { ja: "1日1回まとめて受け取る", en: "Once a day" },
  "settings.mail.delivery.off": { ja: "メールでは受け取らない", en: "No mail" },
  "settings.saved": { ja: "設定を保存しました。", en: "Settings saved." },
  "settings.save": { ja: "保存", en: "Save" },
  "settings.tokens.reference": {
    ja: "API の使い方（エンドポイント、入力、応答）は API リファレンスにあります。",
    en: "How to use the API (endpoints, inputs, answers) is in the API reference.",
  },

  "settings.tokens.revokedBy.password_reset": {
    ja: "{date}にパスワードを再設定したため、API トークン {count} 件（{names}）を無効にしました。使い続ける連携には、新しいトークンを作成してください。",
    en: "Your password was reset on {date}, so {count} API token(s) ({names}) were revoked. Create a new token for each integration that should keep working.",
  },
  "settings.tokens.revokedBy.password_change": {
    ja: "{date}にパスワードを変更したため、API トークン {count} 件（{names}）を無効にしました。使い続ける連携には、新しいトークンを作成してください。",
    en: "Your password was changed on {date}, so {count} API token(s) ({names}) were revoked. Create a new token for each integration that should keep working.",
  },
} satisfies Messages;
