// Word material for realistic (fictional) agreements and their meetings:
// the standard clauses of a 協定書 as desks write them, units on both sides,
// and what steering, working and project meetings put on the agenda. Item
// titles come from the policy fields ("防災・減災に関すること") and from the
// proposal ideas in texts.ts, so keyword searches hit a realistic share.

/** Roles (役割分担), as written in the agreement. */
export const agreementRoles: readonly string[] = [
  "市は場所・データ・広報を提供し、相手方は人材・技術・ノウハウを提供する。",
  "甲は関係課との調整と市民への周知を行い、乙は事業の企画と運営を担う。",
  "各当事者は、それぞれの強みを生かし、協議のうえで具体的な役割を定める。",
  "市は実証の場を提供し、相手方は機材と運営体制を用意し、大学は効果を検証する。",
];

/** The consultation body (協議の場). */
export const consultationBodies: readonly string[] = [
  "推進会議（年2回）と実務者会議（四半期ごと）を置く。",
  "連携推進会議を年1回以上、実務者会議を随時開催する。",
  "事業ごとにプロジェクトチームを置き、進捗を実務者会議に報告する。",
];

export const costSharings: readonly string[] = [
  "各自の費用は各自が負担する。",
  "費用の分担は、事業ごとに協議して定める。",
  "本協定に基づく事業に要する経費は、原則として各当事者の負担とする。",
];

export const confidentialities: readonly string[] = [
  "連携を通じて知り得た秘密を第三者に漏らさない。協定の終了後も同様とする。",
  "個人情報の取扱いは関係法令及び市の条例に従い、目的外に利用しない。",
];

/** Why an agreement ended or was terminated, and what the renewal review found. */
export const endReasons: readonly string[] = [
  "協定期間が満了し、所期の目的を達成したため終了する。",
  "相手方の事業方針の変更により、連携の継続が難しくなったため。",
  "事業を市の委託事業に移行したため、本協定は終了とする。",
];
export const terminationReasons: readonly string[] = [
  "相手方の事業撤退により、双方合意のうえで解約する。",
  "連携事業の実施が困難となったため、協議により解約する。",
];
export const renewalEvaluations: readonly string[] = [
  "KPI の達成状況を確認し、連携事項を見直したうえで継続する。",
  "推進会議での評価を踏まえ、重点分野を絞って更新する。",
  "成果が出ているため、同じ内容で更新する。",
];

/** Units that sign up as a partner's contact or owner of an item. */
export const partnerUnits: readonly string[] = [
  "経営企画部",
  "事業開発部",
  "地域連携センター",
  "CSR推進室",
  "総務部",
  "法人営業部",
  "サステナビリティ推進室",
  "地域振興部",
];
export const deskUnit = "企画課 公民連携デスク";

/** 締結式 and press release, for a share of the signed ones. */
export const ceremonies: readonly string[] = [
  "市長と代表者が出席し、市役所で締結式を行った。",
  "締結式を相手方本社で行い、報道機関に公開した。",
  "",
];
export const pressReleases: readonly string[] = [
  "本日、連携協定を締結しましたのでお知らせします。",
  "協定の締結について、市ホームページと広報紙で公表しました。",
];

/** Signatories: the body's head, and the partner's representative by kind. */
export const signatoryTitles: Readonly<Record<string, string>> = {
  municipality: "市長",
  prefecture: "知事",
  company: "代表取締役",
  university: "学長",
  financial_institution: "取締役頭取",
  chamber_of_commerce: "会頭",
  npo: "理事長",
  intermediary: "代表理事",
  other: "理事長",
};

// ── meetings (chosen in SQL by a hash of the meeting id) ──────────────────────
export const meetingPlaces: readonly string[] = [
  "市役所 本庁舎 3階 第1会議室",
  "市役所 別館 大会議室",
  "相手方 本社会議室",
  "市民交流センター 会議室",
  "オンライン",
  "市役所 本庁舎 5階 庁議室",
];
export const meetingAgendas: Readonly<Record<"steering" | "working" | "project", readonly string[]>> = {
  steering: [
    "1. 前年度の連携事業の報告\n2. KPI の達成状況\n3. 今年度の事業計画\n4. 意見交換",
    "1. 連携事項ごとの進捗\n2. 課題と対応策\n3. 次年度に向けた方針",
  ],
  working: [
    "1. 各事業の進捗確認\n2. 次回イベントの役割分担\n3. 広報の進め方",
    "1. 前回の宿題の確認\n2. 実施計画の修正\n3. 今後の日程",
    "1. 利用データの共有\n2. 改善案の検討\n3. その他",
  ],
  project: ["1. 実証の準備状況\n2. 住民説明会の段取り\n3. リスクと対応", "1. 実証結果の速報\n2. 次期の計画\n3. 予算の確認"],
};
export const meetingMinutes: readonly string[] = [
  "各事業の進捗を確認した。イベントは予定どおり実施し、参加者数は目標を上回った。",
  "KPI の達成状況を共有した。利用者数は前年比で増加したが、満足度の把握が課題である。",
  "実施計画の修正案について協議し、実施区域を2地区に広げることで合意した。",
  "前回の宿題を確認した。費用の概算は相手方が次回までに提示する。",
];
export const meetingDecisions: readonly string[] = [
  "次回の推進会議までに KPI の中間報告をまとめる。",
  "広報は市が担い、運営は相手方が担う。",
  "実証を3か月延長する。",
  "",
];
export const actionItemTitles: readonly string[] = [
  "費用の概算を提示する",
  "住民向けチラシの案を作成する",
  "関係課と実施日程を調整する",
  "利用データを集計して共有する",
  "会場を確保する",
  "KPI の中間報告をまとめる",
  "議事録を作成して共有する",
];
export const actionItemOwners: readonly string[] = ["公民連携デスク", "担当課", "相手方 事業開発部", "相手方 担当者", "大学 研究室"];
