// Starting points for a project's KPIs, per policy field: the examples of the
// 包括連携協定 guide (seed 002: disaster, health, tourism) and a sensible set for
// the other fields. The form fills itself from one and everything stays
// editable; baseline and target are the project's own. Japanese and English
// side by side, like the message catalog.
import type { PolicyFieldCode } from "~/lib/policy-fields";
import type { KpiDirection, KpiFrequency } from "./constants";

type Text = { ja: string; en: string };

export interface KpiTemplate {
  /** "disaster.drillParticipants": stable, for links (?template=). */
  key: string;
  name: Text;
  definition: Text;
  unit: Text;
  direction: KpiDirection;
  frequency: KpiFrequency;
  dataSource: Text;
}

type Entry = [key: string, name: Text, definition: Text, unit: Text, direction: KpiDirection, frequency: KpiFrequency, dataSource: Text];

const people: Text = { ja: "人", en: "people" };
const percent: Text = { ja: "%", en: "%" };
const cases: Text = { ja: "件", en: "cases" };
const times: Text = { ja: "回", en: "times" };
const yen: Text = { ja: "円", en: "yen" };
const records: Text = { ja: "実施記録（参加者名簿）", en: "Activity records (attendance lists)" };
const survey: Text = { ja: "参加者アンケート", en: "Participant survey" };

const entries: Record<PolicyFieldCode, Entry[]> = {
  disaster: [
    [
      "drillParticipants",
      { ja: "防災訓練・講座の参加者数", en: "Participants in disaster drills and courses" },
      { ja: "年度内に実施した防災訓練・講座の延べ参加者数", en: "Total participants in the drills and courses held in the fiscal year" },
      people,
      "increase",
      "quarterly",
      records,
    ],
    [
      "drillSatisfaction",
      { ja: "防災訓練の参加者満足度", en: "Drill participants' satisfaction" },
      {
        ja: "アンケートで「満足」「やや満足」と答えた参加者の割合",
        en: "Share of participants answering 'satisfied' or 'rather satisfied'",
      },
      percent,
      "increase",
      "quarterly",
      survey,
    ],
    [
      "appDownloads",
      { ja: "防災アプリのダウンロード数", en: "Disaster app downloads" },
      { ja: "防災アプリの累計ダウンロード数", en: "Cumulative downloads of the disaster app" },
      { ja: "件", en: "downloads" },
      "increase",
      "monthly",
      { ja: "アプリストアの集計", en: "App store statistics" },
    ],
    [
      "appRetention",
      { ja: "防災アプリの継続利用率", en: "Disaster app retention" },
      { ja: "ダウンロードから90日後も利用している人の割合", en: "Share of people still using the app 90 days after download" },
      percent,
      "increase",
      "quarterly",
      { ja: "アプリの利用状況分析", en: "App usage analytics" },
    ],
    [
      "stockpile",
      { ja: "防災備蓄品の充足率", en: "Emergency stockpile sufficiency" },
      { ja: "備蓄計画の数量に対する確保済み数量の割合", en: "Secured quantity as a share of the stockpile plan" },
      percent,
      "increase",
      "yearly",
      { ja: "備蓄品の棚卸し", en: "Stockpile inventory" },
    ],
  ],
  health: [
    [
      "eventParticipants",
      { ja: "健康イベント・健診の参加者数", en: "Participants in health events and check-ups" },
      { ja: "年度内の健康イベント・健診の延べ参加者数", en: "Total participants in health events and check-ups in the fiscal year" },
      people,
      "increase",
      "quarterly",
      records,
    ],
    [
      "continuation",
      { ja: "参加者の継続率", en: "Participants' continuation rate" },
      { ja: "前年度の参加者のうち今年度も参加した人の割合", en: "Share of last year's participants who took part again" },
      percent,
      "increase",
      "yearly",
      records,
    ],
    [
      "indicatorImprovement",
      { ja: "健康指標の改善率", en: "Health indicator improvement" },
      { ja: "BMI・血圧などの指標が改善した参加者の割合", en: "Share of participants whose BMI, blood pressure etc. improved" },
      percent,
      "increase",
      "yearly",
      { ja: "健診結果（個人を特定しない集計）", en: "Check-up results (anonymised totals)" },
    ],
    [
      "appUsers",
      { ja: "健康アプリの利用者数", en: "Health app users" },
      { ja: "月に1回以上健康アプリを使った人数", en: "People who used the health app at least once in the month" },
      people,
      "increase",
      "monthly",
      { ja: "アプリの利用状況分析", en: "App usage analytics" },
    ],
  ],
  tourism: [
    [
      "visitors",
      { ja: "観光客数", en: "Visitors" },
      { ja: "主要観光施設の入込客数の合計", en: "Total visitors at the main tourist sites" },
      people,
      "increase",
      "monthly",
      { ja: "観光入込客統計", en: "Tourist arrival statistics" },
    ],
    [
      "stayLength",
      { ja: "平均滞在時間", en: "Average length of stay" },
      { ja: "来訪者1人あたりの市内での平均滞在時間", en: "Average time a visitor spends in the city" },
      { ja: "時間", en: "hours" },
      "increase",
      "quarterly",
      { ja: "来訪者アンケート・人流データ", en: "Visitor survey and mobility data" },
    ],
    [
      "spending",
      { ja: "観光消費額", en: "Tourist spending" },
      { ja: "来訪者1人あたりの市内での消費額", en: "Spending per visitor in the city" },
      yen,
      "increase",
      "yearly",
      { ja: "観光消費額調査", en: "Tourist spending survey" },
    ],
    [
      "webVisits",
      { ja: "観光サイトのアクセス数", en: "Tourism website visits" },
      { ja: "観光関連Webサイトの月間訪問数", en: "Monthly visits to the tourism website" },
      { ja: "件", en: "visits" },
      "increase",
      "monthly",
      { ja: "Webサイトのアクセス解析", en: "Website analytics" },
    ],
    [
      "repeatRate",
      { ja: "リピーター率", en: "Repeat visitor rate" },
      { ja: "来訪者のうち2回目以降の来訪者の割合", en: "Share of visitors who have come before" },
      percent,
      "increase",
      "yearly",
      { ja: "来訪者アンケート", en: "Visitor survey" },
    ],
  ],
  safety: [
    [
      "watchers",
      { ja: "見守り活動の協力者数", en: "Community watch volunteers" },
      { ja: "見守り活動に登録した事業者・住民の数", en: "Businesses and residents registered for the community watch" },
      people,
      "increase",
      "quarterly",
      { ja: "登録名簿", en: "Registration list" },
    ],
    [
      "accidents",
      { ja: "交通事故件数", en: "Traffic accidents" },
      { ja: "対象地区の人身交通事故の件数", en: "Injury accidents in the target area" },
      cases,
      "decrease",
      "yearly",
      { ja: "警察の交通事故統計", en: "Police accident statistics" },
    ],
  ],
  elderly: [
    [
      "salonParticipants",
      { ja: "通いの場の参加者数", en: "Participants in community salons" },
      { ja: "高齢者の通いの場の延べ参加者数", en: "Total participants in community salons for older people" },
      people,
      "increase",
      "quarterly",
      records,
    ],
    [
      "consultations",
      { ja: "相談対応件数", en: "Consultations handled" },
      { ja: "連携窓口で受けた福祉の相談件数", en: "Welfare consultations received at the joint desk" },
      cases,
      "increase",
      "monthly",
      { ja: "相談記録", en: "Consultation records" },
    ],
  ],
  childcare: [
    [
      "programParticipants",
      { ja: "子育て支援プログラムの参加者数", en: "Parenting programme participants" },
      { ja: "親子向けプログラムの延べ参加組数", en: "Total families taking part in parent-child programmes" },
      { ja: "組", en: "families" },
      "increase",
      "quarterly",
      records,
    ],
    [
      "satisfaction",
      { ja: "保護者の満足度", en: "Parents' satisfaction" },
      { ja: "アンケートで「満足」と答えた保護者の割合", en: "Share of parents answering 'satisfied'" },
      percent,
      "increase",
      "yearly",
      survey,
    ],
  ],
  education: [
    [
      "classes",
      { ja: "出前授業の実施回数", en: "Classes given at schools" },
      { ja: "連携先が学校で行った授業・講座の回数", en: "Lessons and courses the partner gave at schools" },
      times,
      "increase",
      "quarterly",
      records,
    ],
    [
      "students",
      { ja: "受講した児童・生徒数", en: "Pupils reached" },
      { ja: "授業・講座を受けた児童・生徒の延べ人数", en: "Total pupils who attended the lessons" },
      people,
      "increase",
      "quarterly",
      records,
    ],
  ],
  environment: [
    [
      "co2",
      { ja: "CO2排出削減量", en: "CO2 emissions avoided" },
      { ja: "取組による年間のCO2排出削減量", en: "Yearly CO2 emissions avoided by the initiative" },
      { ja: "t-CO2", en: "t-CO2" },
      "increase",
      "yearly",
      { ja: "エネルギー使用量からの算定", en: "Calculated from energy use" },
    ],
    [
      "foodLoss",
      { ja: "食品ロス量", en: "Food loss" },
      { ja: "対象施設で廃棄された食品の量", en: "Food discarded at the participating sites" },
      { ja: "kg", en: "kg" },
      "decrease",
      "monthly",
      { ja: "計量記録", en: "Weighing records" },
    ],
    [
      "recycling",
      { ja: "資源回収量", en: "Materials collected for recycling" },
      { ja: "回収拠点で集めた資源ごみの量", en: "Recyclables collected at the drop-off points" },
      { ja: "kg", en: "kg" },
      "increase",
      "monthly",
      { ja: "回収事業者の報告", en: "Collector's reports" },
    ],
  ],
  economy: [
    [
      "startups",
      { ja: "創業件数", en: "Businesses started" },
      { ja: "支援を受けて創業した事業者の数", en: "Businesses started with the programme's support" },
      cases,
      "increase",
      "yearly",
      { ja: "創業支援の記録", en: "Start-up support records" },
    ],
    [
      "matches",
      { ja: "商談成立件数", en: "Business deals made" },
      { ja: "商談会・マッチングで成立した取引の件数", en: "Deals agreed at business-matching events" },
      cases,
      "increase",
      "quarterly",
      { ja: "参加事業者への追跡調査", en: "Follow-up survey of participants" },
    ],
  ],
  agriculture: [
    [
      "localSales",
      { ja: "地場産品の販売額", en: "Sales of local produce" },
      { ja: "連携先の店舗での地場産品の販売額", en: "Sales of local produce in the partner's shops" },
      yen,
      "increase",
      "quarterly",
      { ja: "連携先の販売データ", en: "Partner's sales data" },
    ],
    [
      "vegetableIntake",
      { ja: "野菜摂取量", en: "Vegetable intake" },
      { ja: "測定イベントで測った住民の推定野菜摂取量の平均", en: "Residents' average estimated vegetable intake at measuring events" },
      { ja: "g/日", en: "g/day" },
      "increase",
      "yearly",
      { ja: "測定機器の記録", en: "Measuring device records" },
    ],
  ],
  digital: [
    [
      "onlineShare",
      { ja: "オンライン手続きの利用率", en: "Online procedure use" },
      { ja: "対象手続きのうちオンラインで受け付けた割合", en: "Share of the target procedures received online" },
      percent,
      "increase",
      "monthly",
      { ja: "電子申請システムの集計", en: "e-application system statistics" },
    ],
    [
      "processingTime",
      { ja: "窓口の平均処理時間", en: "Average counter processing time" },
      { ja: "対象手続き1件あたりの平均処理時間", en: "Average processing time per procedure" },
      { ja: "分", en: "minutes" },
      "decrease",
      "quarterly",
      { ja: "業務データ", en: "Operational data" },
    ],
  ],
  community: [
    [
      "migrants",
      { ja: "移住相談件数", en: "Relocation enquiries" },
      { ja: "移住相談窓口・イベントで受けた相談の件数", en: "Enquiries at the relocation desk and events" },
      cases,
      "increase",
      "quarterly",
      { ja: "相談記録", en: "Consultation records" },
    ],
    [
      "eventParticipants",
      { ja: "地域イベントの参加者数", en: "Community event participants" },
      { ja: "連携して開いた地域イベントの延べ参加者数", en: "Total participants in the joint community events" },
      people,
      "increase",
      "quarterly",
      records,
    ],
  ],
  culture: [
    [
      "audience",
      { ja: "文化・スポーツ事業の来場者数", en: "Audience at cultural and sports events" },
      { ja: "連携事業の延べ来場者数", en: "Total attendance at the joint events" },
      people,
      "increase",
      "quarterly",
      { ja: "入場者数の記録", en: "Attendance records" },
    ],
  ],
  mobility: [
    [
      "riders",
      { ja: "デマンド交通の利用者数", en: "On-demand transport riders" },
      { ja: "実証運行の月間延べ利用者数", en: "Monthly riders of the trial service" },
      people,
      "increase",
      "monthly",
      { ja: "運行事業者の乗降データ", en: "Operator's boarding data" },
    ],
    [
      "riderSatisfaction",
      { ja: "利用者満足度", en: "Rider satisfaction" },
      { ja: "利用者アンケートで「満足」と答えた人の割合", en: "Share of riders answering 'satisfied'" },
      percent,
      "increase",
      "quarterly",
      { ja: "利用者アンケート", en: "Rider survey" },
    ],
  ],
  diversity: [
    [
      "seminarParticipants",
      { ja: "働き方セミナーの参加企業数", en: "Companies attending work-style seminars" },
      { ja: "セミナーに参加した市内企業の数", en: "Local companies that attended the seminars" },
      { ja: "社", en: "companies" },
      "increase",
      "quarterly",
      records,
    ],
  ],
  finance: [
    [
      "donations",
      { ja: "企業版ふるさと納税の寄附額", en: "Corporate hometown-tax donations" },
      { ja: "連携事業に対する企業版ふるさと納税の寄附額", en: "Corporate hometown-tax donations to the joint projects" },
      yen,
      "increase",
      "yearly",
      { ja: "寄附受領の記録", en: "Donation receipts" },
    ],
  ],
};

/** The starting points offered for a field (each text in Japanese and English). */
export function kpiTemplatesFor(field: PolicyFieldCode): KpiTemplate[] {
  return entries[field].map(([key, name, definition, unit, direction, frequency, dataSource]) => ({
    key: `${field}.${key}`,
    name,
    definition,
    unit,
    direction,
    frequency,
    dataSource,
  }));
}

/** One starting point by its key ("health.appUsers"), or undefined. */
export function kpiTemplate(key: string): KpiTemplate | undefined {
  const [field] = key.split(".");
  if (!field || !Object.hasOwn(entries, field)) return undefined;
  return kpiTemplatesFor(field as PolicyFieldCode).find((t) => t.key === key);
}
