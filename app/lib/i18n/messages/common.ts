// The shell (app, navigation, home), form chrome, error pages and problem titles, and the labels of
// the codes lib defines (roles, organisation kinds, policy fields).
// Each message in Japanese (the source of truth) and, beside it, English.
import type { Messages } from "./message";

export const prefixes = ["app", "nav", "home", "form", "error", "role", "orgKind", "field"] as const;

export const messages = {
  "app.name": { ja: "Renkei", en: "Renkei" },
  "app.tagline": { ja: "公民連携プラットフォーム", en: "Public-private partnership platform" },
  "app.documentTitle": { ja: "{page} | Renkei", en: "{page} | Renkei" },
  "app.documentTitle.inSection": { ja: "{section}: {page} | Renkei", en: "{section}: {page} | Renkei" },
  "app.skipToContent": { ja: "本文へスキップ", en: "Skip to main content" },
  "app.footer": {
    ja: "Renkei — 自治体の公民連携デスクのためのオープンソース基盤",
    en: "Renkei — an open-source platform for municipal partnership desks",
  },
  "app.language": { ja: "言語", en: "Language" },
  "app.language.switch": { ja: "English", en: "日本語" },

  "app.footer.api": { ja: "API リファレンス", en: "API reference" },

  "nav.main": { ja: "メインナビゲーション", en: "Main navigation" },
  "nav.home": { ja: "ホーム", en: "Home" },
  "nav.organization": { ja: "組織", en: "Organisation" },
  "nav.members": { ja: "メンバー", en: "Members" },
  "nav.audit": { ja: "監査ログ", en: "Audit log" },
  "nav.notifications": { ja: "お知らせ", en: "Notifications" },
  "nav.settings": { ja: "設定", en: "Settings" },
  "nav.outbox": { ja: "送信メール", en: "Outbox" },
  "nav.admin": { ja: "管理", en: "Administration" },
  "nav.municipalities": { ja: "自治体一覧", en: "Municipalities" },
  "nav.login": { ja: "ログイン", en: "Sign in" },
  "nav.logout": { ja: "ログアウト", en: "Sign out" },
  "nav.signup": { ja: "提案者の新規登録", en: "Register as a proposer" },
  "nav.breadcrumbs": { ja: "パンくずリスト", en: "Breadcrumbs" },
  "nav.orgSwitcher": { ja: "所属組織の切り替え", en: "Switch organisation" },
  "nav.orgSwitcher.submit": { ja: "切り替え", en: "Switch" },
  "nav.orgSwitcher.current": { ja: "現在の組織", en: "Current organisation" },

  "nav.organizations": { ja: "組織の管理", en: "Organisations" },

  "nav.themes": { ja: "募集テーマ", en: "Theme calls" },
  "nav.deskThemes": { ja: "テーマの管理", en: "Manage themes" },
  "nav.follows": { ja: "フォロー", en: "Following" },

  "nav.proposals": { ja: "提案", en: "Proposals" },
  "nav.roleMatrix": { ja: "役割分担", en: "Role matrix" },

  "nav.agreements": { ja: "協定", en: "Agreements" },

  "nav.agreementTemplate": { ja: "協定書のひな形", en: "Agreement template" },

  "home.title": { ja: "ホーム", en: "Home" },
  "home.public.lead": {
    ja: "自治体の公民連携デスクと、企業・大学・金融機関・中間支援組織をつなぐプラットフォームです。",
    en: "Renkei connects municipal partnership desks with companies, universities, financial institutions and intermediaries.",
  },
  "home.public.proposers": {
    ja: "企業・大学の方は、提案者として登録すると自治体に連携の提案ができます。",
    en: "Companies and universities can register as proposers to bring partnership ideas to municipalities.",
  },
  "home.signedIn.lead": { ja: "{org} のホームです。", en: "Home of {org}." },
  "home.role": { ja: "あなたの役割: {role}", en: "Your role: {role}" },
  "home.unread": { ja: "未読のお知らせが {count} 件あります。", en: "You have {count} unread notifications." },
  "home.noMembership": {
    ja: "所属している組織がありません。招待メールのリンクから参加してください。",
    en: "You do not belong to any organisation yet. Join through the link in your invitation email.",
  },
  "home.recentAudit": { ja: "最近の操作", en: "Recent activity" },
  "home.departments": { ja: "部署", en: "Departments" },

  "home.quick": { ja: "よく使う機能", en: "Shortcuts" },
  "home.quick.inbox": { ja: "提案の受付箱", en: "Proposal inbox" },
  "home.quick.deskThemes": { ja: "募集テーマの起案と公開", en: "Draft and publish theme calls" },
  "home.quick.shared": { ja: "共有された提案", en: "Proposals shared with you" },
  "home.quick.newProposal": { ja: "自治体に提案する", en: "Propose to a municipality" },
  "home.quick.myProposals": { ja: "自社の提案と進み具合", en: "Your proposals and their progress" },
  "home.quick.themes": { ja: "募集中のテーマを見る", en: "Open theme calls" },
  "home.quick.org": { ja: "組織の情報と部署", en: "Organisation and departments" },
  "home.quick.members": { ja: "メンバーと招待", en: "Members and invitations" },
  "home.quick.audit": { ja: "監査ログ（だれが・いつ・何を変更したか）", en: "Audit log (who changed what, when)" },
  "home.quick.settings": { ja: "通知設定と API トークン", en: "Notification settings and API tokens" },
  "home.quick.directory": { ja: "全国の自治体を探す", en: "Find a municipality" },
  "home.quick.organizations": { ja: "組織の登録と管理", en: "Register and manage organisations" },
  "home.quick.outbox": { ja: "送信メール（アウトボックス）", en: "Outbox" },

  "form.errorSummary": { ja: "入力内容に {count} 件のエラーがあります。", en: "There are {count} errors in the form." },
  "form.rowField": { ja: "{row}行目の{field}", en: "{field} in row {row}" },
  "form.required": { ja: "必須", en: "Required" },
  "form.optional": { ja: "任意", en: "Optional" },
  "form.saved": { ja: "保存しました。", en: "Saved." },
  "form.cancel": { ja: "キャンセル", en: "Cancel" },
  "form.select": { ja: "選択してください", en: "Please choose" },

  "error.invalidTransition": {
    ja: "この状態ではその操作はできません。画面を読み込み直して、現在の状態を確認してください。",
    en: "This action is not possible in the current state. Reload the page to see the current state.",
  },

  "error.agreementExists": {
    ja: "この提案からはすでに協定が作成されています。",
    en: "An agreement was already created from this proposal.",
  },
  "error.approvalsIncomplete": {
    ja: "決裁がすべて完了するまで締結できません。",
    en: "It cannot be signed before every approval is complete.",
  },
  "error.approvalOrder": {
    ja: "前の決裁が終わっていません。順番に記録してください。",
    en: "An earlier approval is still open. Record them in order.",
  },

  "error.title": { ja: "エラー", en: "Error" },
  "error.validation": { ja: "入力内容に誤りがあります。", en: "The input has errors." },
  "error.unauthorized": { ja: "ログインが必要です。", en: "Please sign in." },
  "error.unauthorized.token": { ja: "API トークンが無効です。", en: "The API token is not valid." },
  "error.forbidden": { ja: "この操作を行う権限がありません。", en: "You are not allowed to do this." },
  "error.notFound": { ja: "ページが見つかりません。", en: "Page not found." },
  "error.notFound.lead": {
    ja: "お探しのページは存在しないか、閲覧する権限がありません。",
    en: "The page does not exist, or you may not see it.",
  },
  "error.conflict": {
    ja: "他の操作と競合しました。画面を読み込み直してください。",
    en: "This conflicts with another change. Please reload.",
  },
  "error.rateLimited": {
    ja: "短時間に操作が集中しています。しばらく待ってから再度お試しください。",
    en: "Too many requests. Please wait a moment and try again.",
  },
  "error.internal": { ja: "システムエラーが発生しました。", en: "A system error occurred." },
  "error.internal.lead": {
    ja: "ご迷惑をおかけしています。時間をおいて再度お試しください。問題が続く場合は、次の番号を添えて管理者にお問い合わせください。",
    en: "Sorry for the trouble. Please try again later. If it persists, contact the administrator with this number.",
  },
  "error.csrf": {
    ja: "フォームの有効期限が切れました。画面を読み込み直して、もう一度送信してください。",
    en: "The form has expired. Reload the page and submit again.",
  },
  "error.backHome": { ja: "ホームへ戻る", en: "Back to home" },
  "error.requestId": { ja: "問い合わせ番号: {id}", en: "Reference: {id}" },
  "error.emailTaken": { ja: "このメールアドレスは既に登録されています。", en: "This email address is already registered." },
  "error.alreadyMember": { ja: "この人は既にこの組織のメンバーです。", en: "This person is already a member of this organisation." },
  "error.corporateNumberTaken": {
    ja: "この法人番号の組織は既に登録されています。",
    en: "An organisation with this corporate number is already registered.",
  },

  "error.import.notPending": {
    ja: "この取り込みはすでに完了したか、取りやめられています。",
    en: "This import is already complete or was cancelled.",
  },

  "error.unavailable": { ja: "ただいまサービスを利用できません。", en: "The service is temporarily unavailable." },
  "error.unavailable.lead": {
    ja: "データベースに接続できないため、この画面を表示できません。しばらく待ってから、もう一度お試しください。送信した内容は保存されていないことがあります。",
    en: "The database cannot be reached, so this page cannot be shown. Please try again in a little while. What you sent may not have been saved.",
  },

  "error.approvalDecided": {
    ja: "この決裁はすでに記録されています。画面を読み込み直して、今の状態を確かめてください。",
    en: "This approval step has already been recorded. Reload the page to see where the agreement stands.",
  },

  "error.rateLimited.wait": {
    ja: "試行が多すぎます。{minutes}分ほど待ってから、もう一度お試しください。",
    en: "Too many attempts. Please wait about {minutes} minutes and try again.",
  },
  "error.payloadTooLarge": { ja: "送信されたデータが大きすぎます。", en: "The data sent is too large." },
  "error.payloadTooLarge.lead": {
    ja: "ファイルは1件20MBまで、1回に10件までです。JSON・フォームの本文は1MBまでです。",
    en: "Files may be up to 20 MB each, 10 at a time. JSON and form bodies may be up to 1 MB.",
  },

  "error.methodNotAllowed": {
    ja: "この URL ではその操作（HTTP メソッド）は使えません。",
    en: "This URL does not support that operation (HTTP method).",
  },
  "error.badRequest": { ja: "リクエストの形式が正しくありません。", en: "The request is malformed." },

  "role.platform_admin": { ja: "プラットフォーム管理者", en: "Platform administrator" },
  "role.desk_admin": { ja: "公民連携デスク管理者", en: "Partnership desk administrator" },
  "role.desk_staff": { ja: "公民連携デスク職員", en: "Partnership desk staff" },
  "role.department_staff": { ja: "部署職員", en: "Department staff" },
  "role.member": { ja: "メンバー", en: "Member" },
  "role.coordinator": { ja: "コーディネーター", en: "Coordinator" },

  "orgKind.municipality": { ja: "市区町村", en: "Municipality" },
  "orgKind.prefecture": { ja: "都道府県", en: "Prefecture" },
  "orgKind.department": { ja: "部署", en: "Department" },
  "orgKind.company": { ja: "企業", en: "Company" },
  "orgKind.university": { ja: "大学・研究機関", en: "University / research institute" },
  "orgKind.financial_institution": { ja: "金融機関", en: "Financial institution" },
  "orgKind.npo": { ja: "NPO・団体", en: "NPO / association" },
  "orgKind.chamber_of_commerce": { ja: "商工会議所・商工会", en: "Chamber of commerce" },
  "orgKind.intermediary": { ja: "中間支援組織", en: "Intermediary" },
  "orgKind.other": { ja: "その他", en: "Other" },

  "field.disaster": { ja: "防災・減災・災害対応", en: "Disaster prevention and response" },
  "field.safety": { ja: "防犯・交通安全・見守り", en: "Crime prevention, traffic safety, watching over" },
  "field.health": { ja: "健康づくり・医療・スポーツによる健康", en: "Health, medical care, sport for health" },
  "field.elderly": { ja: "高齢者・障がい者支援・福祉", en: "Elderly, disability support, welfare" },
  "field.childcare": { ja: "子ども・子育て支援", en: "Children and child-rearing" },
  "field.education": { ja: "教育・人材育成・青少年", en: "Education, skills, youth" },
  "field.environment": { ja: "環境・脱炭素・ごみ・フードロス", en: "Environment, decarbonisation, waste, food loss" },
  "field.tourism": { ja: "観光・シティプロモーション・魅力発信", en: "Tourism and city promotion" },
  "field.economy": { ja: "地域経済・産業振興・創業・雇用", en: "Local economy, industry, start-ups, jobs" },
  "field.agriculture": { ja: "農林水産業・地産地消・食", en: "Agriculture, forestry, fisheries, food" },
  "field.digital": { ja: "DX・デジタル化・行政サービス", en: "DX, digitalisation, public services" },
  "field.community": { ja: "まちづくり・地域活性化・移住定住・関係人口", en: "Community development, migration, relationship population" },
  "field.culture": { ja: "文化・芸術・スポーツ振興", en: "Culture, arts, sport" },
  "field.mobility": { ja: "交通・移動", en: "Transport and mobility" },
  "field.diversity": { ja: "女性活躍・多様性・働き方", en: "Women's participation, diversity, work styles" },
  "field.finance": { ja: "財源・寄附・企業版ふるさと納税", en: "Funding, donations, corporate hometown tax" },
} satisfies Messages;
