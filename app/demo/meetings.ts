// Demo meetings: two years of the comprehensive demo agreement's steering
// meetings (推進会議, twice a year) and working meetings (実務者会議,
// quarterly), with agendas, attendees, minutes, decisions and action items
// (some done, one overdue, some open), and the next two meetings ahead.
// Dates are counted from today, so the demo never goes stale; the people and
// the text are fictional.
import type { Db } from "~/lib/db/client.server";
import { fiscalYearOf, formatFiscalYear } from "~/lib/fiscal-year";
import { meetingActionItems, meetings } from "~/features/meetings/tables";
import { calendarKindLabels, type MeetingKind } from "~/features/meetings/constants";

const DAY = 86_400_000;
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Attendees as the desk writes them: organisation, unit and name, one a line. */
const people = {
  director: "小松市 企画部長 安宅 正",
  desk: "小松市 企画課 公民連携デスク 連携 花子",
  transport: "小松市 交通政策課 交通 一郎",
  children: "小松市 こども家庭センター 子安 美穂",
  environment: "小松市 環境対策課 梯 亮",
  disaster: "小松市 防災安全課 木場 守",
  ceo: "北陸みらいモビリティ株式会社 代表取締役 白山 拓海",
  development: "北陸みらいモビリティ株式会社 事業開発部 未来 翔",
  operations: "北陸みらいモビリティ株式会社 運行管理課 粟津 大地",
  general: "北陸みらいモビリティ株式会社 総務部 北陸 進",
  vicePresident: "加賀テクノ大学 副学長 那谷 聡子",
  center: "加賀テクノ大学 地域連携センター 加賀 研",
  informatics: "加賀テクノ大学 情報工学科 手取 学",
} as const;
type Person = keyof typeof people;

const steeringMembers: Person[] = [
  "director",
  "desk",
  "transport",
  "children",
  "environment",
  "disaster",
  "ceo",
  "development",
  "vicePresident",
  "center",
  "informatics",
];

const CITY_HALL = "小松市役所 本庁舎 5階 第1会議室";
const WORKING_ROOM = "小松市役所 本庁舎 3階 交通政策課会議室";
const ONLINE = "https://meet.example.jp/komatsu-renkei-jitsumu";

interface DemoActionItem {
  title: string;
  ownerName: string;
  /** Demo account of the owner (an e-mail), when they have one. */
  owner?: string;
  /** Days from today. */
  due: number;
  /** Days from today when it was done; none: still open. */
  done?: number;
  doneBy?: string;
}

interface DemoMeeting {
  kind: MeetingKind;
  /** Days from today (a weekend day moves to the nearest weekday). */
  day: number;
  /** Japan time. */
  start: string;
  minutes: number;
  place: string;
  online?: boolean;
  agenda: string[];
  attendees: Person[];
  /** Only for meetings already held. */
  record?: { minutes: string[]; decisions: string[] };
  actionItems?: DemoActionItem[];
}

const DESK = "desk@demo.renkei.example";
const COMPANY = "company@demo.renkei.example";

const demoMeetings: DemoMeeting[] = [
  {
    kind: "steering",
    day: -710,
    start: "14:00",
    minutes: 90,
    place: CITY_HALL,
    agenda: ["協定の趣旨と推進体制の確認", "連携事項ごとの担当と連絡窓口", "1年目の取組計画とKPI（案）", "今後の会議の進め方"],
    attendees: [...steeringMembers, "general"],
    record: {
      minutes: [
        "開会に当たり企画部長から、三者の強みを持ち寄り、市民に成果が見える連携にしたいとのあいさつがあった。",
        "公民連携デスクから、推進会議を年2回、実務者会議を四半期ごとに開く体制と、連携事項8項目の担当課・担当者、正副の連絡窓口を説明し、了承された。",
        "交通政策課から、1年目はオンデマンド交通の実証運行を市内2地区で始める案を説明した。北陸みらいモビリティからは、予約システムと車両2台を用意できること、運行データは個人が特定できない形で三者に共有することが示された。",
        "加賀テクノ大学から、ごみ収集ルートの分析に収集実績のデータが必要との説明があり、環境対策課が提供できる範囲を整理することになった。",
        "KPIは、実証地区の利用登録者数、月間の乗車回数、65歳以上の利用者の割合を中心とし、年度末に目標との差を確かめる。",
      ],
      decisions: [
        "推進体制と連携事項ごとの担当を案のとおり決定した。",
        "オンデマンド交通の実証運行を2地区で始める。KPIは利用登録者数、月間乗車回数、高齢者の利用割合とする。",
        "運行データとごみ収集実績の共有範囲は、次回の実務者会議までに各担当が整理する。",
      ],
    },
    actionItems: [
      { title: "実証地区を選んだ根拠の資料を作る", ownerName: "小松市 交通政策課", due: -680, done: -684, doneBy: DESK },
      { title: "ごみ収集実績のデータの提供範囲と提供方法を整理する", ownerName: "小松市 環境対策課", due: -660, done: -662, doneBy: DESK },
    ],
  },
  {
    kind: "working",
    day: -650,
    start: "10:00",
    minutes: 90,
    place: WORKING_ROOM,
    online: true,
    agenda: ["実証運行の地区・運行時間・予約方法", "データ共有の範囲と取扱いのルール", "市民への周知の方法"],
    attendees: ["desk", "transport", "environment", "development", "operations", "informatics"],
    record: {
      minutes: [
        "実証運行は、バス路線から離れた2地区で、平日の9時から16時までとする案で合意した。予約は電話とスマートフォンの両方で受け付け、電話は北陸みらいモビリティのコールセンターが受ける。",
        "環境対策課から、収集実績は収集日・ルート・重量の集計値を提供し、世帯が分かる情報は含めない方針が示された。情報工学科もこの範囲で分析できることを確かめた。",
        "周知は、市報、町内会の回覧、地区の集会での説明会を組み合わせる。説明会の資料は交通政策課と北陸みらいモビリティが一緒に作る。",
      ],
      decisions: [
        "実証地区は2地区、平日9時〜16時、電話とアプリで予約を受け付ける。",
        "共有するデータは集計値に限り、取扱いのルールを文書にまとめる。",
        "各地区で説明会を1回以上開く。",
      ],
    },
    actionItems: [
      {
        title: "データの取扱いルール（案）を作る",
        ownerName: "小松市 企画課 公民連携デスク",
        owner: DESK,
        due: -620,
        done: -623,
        doneBy: DESK,
      },
    ],
  },
  {
    kind: "working",
    day: -560,
    start: "10:00",
    minutes: 90,
    place: WORKING_ROOM,
    online: true,
    agenda: ["実証運行を始めて1か月の利用状況", "地区説明会で出た意見", "子育て世帯の移動支援の進め方"],
    attendees: ["desk", "transport", "children", "development", "operations", "center"],
    record: {
      minutes: [
        "利用登録者は2地区合わせて約180人で、うち7割が65歳以上だった。乗車の目的は通院と買い物が中心で、予約は午前に集中している。運行管理課から、午前の便を増やせば待ち時間が短くなるとの報告があった。",
        "説明会では「予約の電話がつながりにくい」「帰りの便も一緒に予約したい」との声があった。往復をまとめて予約できるよう、予約システムの改修を検討する。",
        "こども家庭センターから、乳幼児健診や子育て支援センターへの移動に困っている世帯があるとの説明があった。子育て世帯も登録できるよう、対象を広げる方向で検討する。",
      ],
      decisions: [
        "午前の運行枠を増やす。",
        "往復予約の機能を次の四半期のうちに加える。",
        "子育て世帯の登録の対象と確認の方法を、こども家庭センターと北陸みらいモビリティで詰める。",
      ],
    },
    actionItems: [
      {
        title: "往復予約の機能を加える日程を示す",
        ownerName: "北陸みらいモビリティ 事業開発部",
        owner: COMPANY,
        due: -540,
        done: -545,
        doneBy: COMPANY,
      },
    ],
  },
  {
    kind: "steering",
    day: -530,
    start: "14:00",
    minutes: 90,
    place: CITY_HALL,
    agenda: ["上半期の取組状況", "KPIの途中経過", "ごみ収集ルート最適化の分析方針", "下半期の重点事項"],
    attendees: [...steeringMembers],
    record: {
      minutes: [
        "公民連携デスクから8項目の取組状況を報告した。実証運行の利用登録者数は目標の8割に達し、月間の乗車回数も増えている。一方で、災害時の移動手段の確保と移住者向けの交通案内は、まだ具体的な検討に入れていない。",
        "加賀テクノ大学から、収集実績をもとにした分析の方針が示された。収集車の走行距離を減らせる見込みがあり、まず1つの収集地区で試行ルートを作る。",
        "北陸みらいモビリティの代表取締役から、実証の結果が良ければ本格運行を見据えて車両を増やす用意があるとの発言があった。企画部長は、費用の分担も含めて2年目の早い時期に判断したいと述べた。",
      ],
      decisions: [
        "下半期は、災害時の移動手段と移住者向け案内の検討を始める。",
        "ごみ収集ルートは1地区で試行ルートを作る。",
        "本格運行を判断する材料として、実証の費用と効果を年度末までにまとめる。",
      ],
    },
    actionItems: [
      {
        title: "災害時の車両提供について論点を整理する",
        ownerName: "小松市 防災安全課／北陸みらいモビリティ 総務部",
        due: -470,
        done: -474,
        doneBy: DESK,
      },
    ],
  },
  {
    kind: "working",
    day: -470,
    start: "10:00",
    minutes: 90,
    place: WORKING_ROOM,
    online: true,
    agenda: ["往復予約の機能を入れた結果", "災害時の移動手段の確保（論点の整理）", "学生による地域課題調査のテーマ"],
    attendees: ["desk", "transport", "disaster", "development", "general", "center"],
    record: {
      minutes: [
        "往復予約を入れてから電話予約が約2割減り、コールセンターの負担が軽くなった。",
        "防災安全課から、避難所への移動が難しい人の送迎に車両と運転手を出してもらう仕組みを作りたいとの説明があった。北陸みらいモビリティの総務部からは、運転手の安全の確保と、費用・保険の扱いを先に決めておく必要があるとの指摘があった。",
        "地域連携センターから、学生の調査テーマとして「実証地区の高齢者の外出の変化」が提案され、了承された。",
      ],
      decisions: ["災害時の車両提供は、本協定とは別に覚書を結ぶ方向で検討する。", "学生の調査は、実証地区の高齢者への聞き取りとする。"],
    },
  },
  {
    kind: "working",
    day: -380,
    start: "10:00",
    minutes: 90,
    place: WORKING_ROOM,
    online: true,
    agenda: ["1年目の実績とKPIの集計", "学生調査の結果（速報）", "推進会議の資料の分担"],
    attendees: ["desk", "transport", "children", "environment", "development", "operations", "center", "informatics"],
    record: {
      minutes: [
        "1年目の利用登録者数は目標を上回り、月間の乗車回数も目標に近い水準となった。65歳以上の利用割合は約7割で推移している。",
        "学生の聞き取りでは「外出の回数が増えた」と答えた人が半数を超え、「家族に送迎を頼まなくてよくなった」との声が多かった。運行時間を延ばしてほしいとの声もあった。",
        "ごみ収集の試行ルートでは、対象地区の走行距離が約1割短くなった。ただ、収集の順番が変わったことへの問合せが数件あり、住民への知らせ方に課題が残った。",
      ],
      decisions: ["推進会議では、KPIの実績、学生調査の結果、ごみ収集の試行結果を報告する。", "資料は公民連携デスクがとりまとめる。"],
    },
  },
  {
    kind: "steering",
    day: -345,
    start: "14:00",
    minutes: 90,
    place: CITY_HALL,
    agenda: ["1年目の取組の評価", "2年目の計画とKPI", "オンデマンド交通の本格運行に向けた検討"],
    attendees: [...steeringMembers, "general"],
    record: {
      minutes: [
        "公民連携デスクからKPIの実績を報告し、利用登録者数と高齢者の利用割合は目標を達成し、月間の乗車回数は目標の9割だったことを確かめた。副学長からは、外出の機会が増えたことは健康づくりの面でも意味が大きいとの発言があった。",
        "2年目は実証地区を3地区に広げ、子育て世帯の登録を正式に始める。ごみ収集の試行は2地区に増やす。",
        "本格運行について企画部長から、費用対効果と市の負担の上限を示したうえで判断したいとの考えが示された。北陸みらいモビリティが運行経費の内訳を、交通政策課が既存のバス路線との役割分担を整理する。",
      ],
      decisions: [
        "1年目の評価を了承した。",
        "2年目は実証地区を3地区とし、子育て世帯の登録を始める。",
        "本格運行に移るかどうかは、次回の推進会議で決める。",
      ],
    },
    actionItems: [
      {
        title: "運行経費の内訳と本格運行のときの負担案を示す",
        ownerName: "北陸みらいモビリティ 事業開発部",
        owner: COMPANY,
        due: -230,
        done: -236,
        doneBy: COMPANY,
      },
      { title: "既存のバス路線との役割分担を整理する", ownerName: "小松市 交通政策課", due: -230, done: -232, doneBy: DESK },
    ],
  },
  {
    kind: "working",
    day: -290,
    start: "10:00",
    minutes: 90,
    place: WORKING_ROOM,
    online: true,
    agenda: ["3地区目の運行開始の準備", "子育て世帯の登録の受付方法", "移住者向けの地域交通案内の内容"],
    attendees: ["desk", "transport", "children", "development", "operations", "center"],
    record: {
      minutes: [
        "3地区目は、地区の役員への説明を終え、運行を始める日を調整している。",
        "子育て世帯の登録は、こども家庭センターの窓口と、母子健康手帳を渡すときに案内する。ベビーカーを載せられる車両を優先して配車する。",
        "移住者向けの案内は、移住相談の窓口で配る冊子に、バスとオンデマンド交通の使い方を1ページにまとめて載せる案で進める。",
      ],
      decisions: ["子育て世帯の登録を始める。", "移住者向け案内の原稿は北陸みらいモビリティの広報室が作り、交通政策課が確かめる。"],
    },
  },
  {
    kind: "working",
    day: -200,
    start: "10:00",
    minutes: 90,
    place: WORKING_ROOM,
    online: true,
    agenda: ["運行経費の内訳と負担案", "子育て世帯の利用状況", "災害時の車両提供に関する覚書の進め方"],
    attendees: ["desk", "transport", "children", "disaster", "development", "general", "informatics"],
    record: {
      minutes: [
        "北陸みらいモビリティから、1台当たりの運行経費と、利用者・市・会社の負担の割合を変えた3つの案が示された。交通政策課は、バス路線の見直しで生まれる財源を充てる案を説明した。",
        "子育て世帯の登録は約40世帯で、健診や予防接種の日の利用が多い。",
        "災害時の覚書は、防災安全課が案文を作り、北陸みらいモビリティの総務部が社内の法務確認に回す段取りとした。",
      ],
      decisions: ["負担案は、市の負担に上限を設ける案を軸に推進会議に諮る。", "覚書の案文を防災安全課が作る。"],
    },
    actionItems: [
      {
        title: "直近3か月の運行データを地区別に集計して共有する",
        ownerName: "北陸みらいモビリティ 運行管理課",
        due: -170,
        done: -171,
        doneBy: COMPANY,
      },
    ],
  },
  {
    kind: "steering",
    day: -165,
    start: "14:00",
    minutes: 90,
    place: CITY_HALL,
    agenda: ["2年目上半期の取組状況", "オンデマンド交通の本格運行の判断", "協定の残りの期間での重点事項"],
    attendees: [...steeringMembers],
    record: {
      minutes: [
        "上半期は3地区で運行し、利用登録者数は前年の同じ時期の約1.5倍となった。子育て世帯の登録も順調に増えている。",
        "本格運行について、市の負担に上限を設け、利用者の運賃は今のまま据え置く案で三者が合意した。企画部長から、次年度の予算要求に向けて担当課で手続を進めるよう指示があった。",
        "ごみ収集ルートは2地区で試行し、走行距離を減らす効果が続いている。加賀テクノ大学は、分析の手法を報告書にまとめ、市内の他の地区でも使えるようにする。",
      ],
      decisions: [
        "オンデマンド交通は、次年度から本格運行に移る方向で予算要求の準備を進める。",
        "ごみ収集ルート最適化の報告書を大学がまとめる。",
        "協定の有効期間の満了に向け、3年目の早い時期に総合評価の進め方を決める。",
      ],
    },
    actionItems: [{ title: "本格運行の予算要求の資料を作る", ownerName: "小松市 交通政策課", due: -120, done: -125, doneBy: DESK }],
  },
  {
    kind: "working",
    day: -110,
    start: "10:00",
    minutes: 90,
    place: WORKING_ROOM,
    online: true,
    agenda: ["本格運行に向けた運行計画", "ごみ収集ルート最適化の報告書の構成", "災害時の車両提供に関する覚書（案）"],
    attendees: ["desk", "transport", "environment", "disaster", "development", "operations", "general", "informatics"],
    record: {
      minutes: [
        "本格運行の運行計画として、運行エリアを3地区から5地区に広げ、車両を4台とする案が示された。",
        "環境対策課と情報工学科で報告書の構成を確かめた。試行の前後の走行距離と収集時間の比較に加え、住民からの問合せへの対応も記録として残す。",
        "覚書の案文について、北陸みらいモビリティの総務部から、運転手の安全を優先して出動を判断できる条項を加えたいとの意見があり、防災安全課が案文を直す。",
      ],
      decisions: ["本格運行は5地区・4台を基本とする。", "覚書の案文を直し、次回の実務者会議で確かめる。"],
    },
    actionItems: [
      { title: "ごみ収集ルート最適化の試行結果を報告書にまとめる", ownerName: "加賀テクノ大学 情報工学科 手取 学", due: -40 },
      { title: "覚書の案文に運転手の安全に関する条項を加える", ownerName: "小松市 防災安全課", due: -60, done: -63, doneBy: DESK },
    ],
  },
  {
    kind: "working",
    day: -25,
    start: "10:00",
    minutes: 90,
    place: WORKING_ROOM,
    online: true,
    agenda: [
      "本格運行の準備状況",
      "災害時の車両提供に関する覚書（修正案）",
      "移住者向け案内の配布状況",
      "総合評価の進め方（推進会議に向けて）",
    ],
    attendees: ["desk", "transport", "children", "disaster", "development", "general", "center"],
    record: {
      minutes: [
        "本格運行に向けて、予約システムの改修と運転手の採用が進んでいる。",
        "覚書の修正案を確かめ、それぞれの内部手続に進むことで一致した。",
        "移住者向けの案内は、移住相談の窓口と転入手続の窓口で配り始め、問合せが数件あった。",
        "協定の有効期間が残り1年となるため、公民連携デスクから、連携事項ごとに「続ける・改める・加える・終える」を整理する総合評価の進め方を説明した。地域連携センターからは、学生の聞き取りをもう一度行い、1年目との比較を評価に生かしたいとの提案があった。",
        "ごみ収集の報告書は、大学側の作業が遅れており、次回までに出す見込みである。",
      ],
      decisions: ["覚書の修正案を了承し、それぞれの内部手続に進む。", "総合評価の進め方の案を推進会議に諮る。"],
    },
    actionItems: [
      {
        title: "移住者向け案内の配布部数と問合せの件数を記録する",
        ownerName: "北陸みらいモビリティ 広報室",
        due: -5,
        done: -6,
        doneBy: COMPANY,
      },
      { title: "子育て世帯の登録者の利用状況を集計する", ownerName: "小松市 こども家庭センター", due: 10 },
      { title: "覚書の締結に向けて社内の法務確認を終える", ownerName: "北陸みらいモビリティ 総務部", owner: COMPANY, due: 30 },
    ],
  },
  {
    kind: "working",
    day: 20,
    start: "10:00",
    minutes: 90,
    place: WORKING_ROOM,
    online: true,
    agenda: ["本格運行を始める前の最終確認", "ごみ収集ルート最適化の報告書", "総合評価のための学生の聞き取りの計画"],
    attendees: ["desk", "transport", "children", "environment", "development", "operations", "center", "informatics"],
  },
  {
    kind: "steering",
    day: 48,
    start: "14:00",
    minutes: 90,
    place: CITY_HALL,
    agenda: ["2年目の取組の評価", "3年目の計画とKPI", "協定の更新に向けた総合評価の進め方", "災害時の車両提供に関する覚書の締結"],
    attendees: [...steeringMembers, "general"],
  },
];

/** Today in Japan plus `days`, moved off a weekend, at a Japan time: the moment. */
function meetingMoment(now: number, days: number, time: string): Date {
  const tokyo = new Date(now + TOKYO_OFFSET_MS + days * DAY);
  const weekday = tokyo.getUTCDay();
  // Saturday → Friday, Sunday → Monday: the same side of today (meetings are ≥ 20 days away).
  const shift = weekday === 6 ? -1 : weekday === 0 ? 1 : 0;
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  return new Date(Date.UTC(tokyo.getUTCFullYear(), tokyo.getUTCMonth(), tokyo.getUTCDate() + shift, hour, minute) - TOKYO_OFFSET_MS);
}

const isoDay = (now: number, days: number) => new Date(now + TOKYO_OFFSET_MS + days * DAY).toISOString().slice(0, 10);

const lines = (items: string[]) => items.join("\n");
const numbered = (items: string[]) => items.map((item, i) => `${i + 1}. ${item}`).join("\n");
const bulleted = (items: string[]) => items.map((item) => `・${item}`).join("\n");

/**
 * Seeds the meetings of the demo comprehensive agreement, scheduled by its
 * desk (`desk@demo…`). Titles are numbered within each fiscal year
 * ("令和7年度 第2回実務者会議").
 */
export async function seedDemoMeetings(
  db: Db,
  demo: { users: Record<string, string> },
  agreement: { id: string; municipalityId: string },
  now = Date.now(),
): Promise<void> {
  const desk = demo.users[DESK]!;
  const counters = new Map<string, number>();
  for (const m of demoMeetings) {
    const startsAt = meetingMoment(now, m.day, m.start);
    const fiscalYear = fiscalYearOf(startsAt);
    const key = `${fiscalYear}:${m.kind}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const held = startsAt.getTime() < now;
    // Scheduled about a month ahead; the minutes recorded a few days after.
    const createdAt = new Date(Math.min(startsAt.getTime() - 30 * DAY, now));
    const updatedAt = held && m.record ? new Date(Math.min(startsAt.getTime() + 3 * DAY, now)) : createdAt;
    const [row] = await db
      .insert(meetings)
      .values({
        agreementId: agreement.id,
        municipalityId: agreement.municipalityId,
        kind: m.kind,
        title: `${formatFiscalYear(fiscalYear)} 第${n}回${calendarKindLabels[m.kind]}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + m.minutes * 60_000),
        place: m.place,
        onlineUrl: m.online ? ONLINE : "",
        agenda: numbered(m.agenda),
        attendees: lines(m.attendees.map((p) => people[p])),
        minutes: m.record ? lines(m.record.minutes) : "",
        decisions: m.record ? bulleted(m.record.decisions) : "",
        sequence: m.record ? 1 : 0,
        // Past meetings were announced; upcoming ones will be, by the reminder job.
        remindedAt: held ? new Date(startsAt.getTime() - DAY) : null,
        createdBy: desk,
        createdAt,
        updatedAt,
      })
      .returning({ id: meetings.id });
    for (const item of m.actionItems ?? []) {
      const doneAt = item.done === undefined ? null : new Date(Math.min(meetingMoment(now, item.done, "17:00").getTime(), now));
      await db.insert(meetingActionItems).values({
        meetingId: row!.id,
        agreementId: agreement.id,
        title: item.title,
        ownerName: item.ownerName,
        ownerUserId: item.owner ? demo.users[item.owner]! : null,
        dueDate: isoDay(now, item.due),
        doneAt,
        doneBy: doneAt ? demo.users[item.doneBy ?? DESK]! : null,
        createdBy: desk,
        createdAt: new Date(Math.min(startsAt.getTime() + 2 * 60 * 60 * 1000, now)),
      });
    }
  }
}
