// Demo theme calls for both demo municipalities: open, due soon, closed and a
// draft. Text written for the demo (the municipalities are real places; the
// calls are not).
import { sql } from "drizzle-orm";
import type { Db } from "~/lib/db/client.server";
import { normalizeForSearch } from "~/lib/japanese-text";
import { tokyoIsoDate } from "~/lib/wareki";
import { themeFollows, themes } from "~/features/themes/tables";

interface DemoOrgs {
  organizations: Record<string, string>;
  users: Record<string, string>;
}

const addDays = (days: number) => tokyoIsoDate(new Date(Date.now() + days * 86_400_000));

export async function seedDemoThemes(db: Db, demo: DemoOrgs, codes: { cityA: string; cityB: string }): Promise<Record<string, string>> {
  const o = demo.organizations;
  const deskA = demo.users["desk@demo.renkei.example"]!;
  const deskB = demo.users["desk2@demo.renkei.example"]!;
  const rows = [
    {
      key: "A:mobility",
      municipalityId: o.cityA!,
      localGovCode: codes.cityA,
      departmentId: o["dept:A:transport"]!,
      title: "郊外部の買い物・通院の足を確保したい",
      background:
        "市の郊外部では路線バスの減便が続き、高齢者が買い物や通院に出かけにくくなっています。運転免許を返納した方からの相談も増えています。",
      goal: "予約制の乗合交通や貨客混載など、地域の実情に合った移動手段を試行し、3年以内に郊外部の外出機会を増やしたい。",
      offer: "利用者アンケートの実施と結果データの提供、公共施設の乗降場所としての利用、市報・ウェブサイトでの周知。",
      fields: ["mobility", "elderly"],
      planPolicy: "基本目標3 施策2「持続可能な地域公共交通の確保」",
      planField: "mobility",
      deadline: addDays(45),
      status: "published" as const,
      createdBy: deskA,
      publishedDaysAgo: 10,
    },
    {
      key: "A:foodloss",
      municipalityId: o.cityA!,
      localGovCode: codes.cityA,
      departmentId: o["dept:A:environment"]!,
      title: "家庭から出る食品ロスを減らしたい",
      background: "燃やすごみの約3割が生ごみで、その中には手つかずの食品も含まれています。",
      goal: "家庭での食べきり・使いきりを広げ、2年で家庭系食品ロスを1割減らしたい。",
      offer: "ごみ組成調査データ、公民館での啓発イベントの場、子ども食堂ネットワークとの橋渡し。",
      fields: ["environment", "agriculture"],
      planPolicy: "基本目標5 施策1「循環型社会の形成」",
      planField: "environment",
      deadline: addDays(12),
      status: "published" as const,
      createdBy: deskA,
      publishedDaysAgo: 30,
    },
    {
      key: "A:childcare",
      municipalityId: o.cityA!,
      localGovCode: codes.cityA,
      departmentId: o["dept:A:children"]!,
      title: "子育て世帯の孤立を防ぐ見守りの仕組み",
      background: "転入したばかりの子育て世帯が相談先を知らないまま孤立する例があります。",
      goal: "民間のサービスや店舗と連携し、気軽に立ち寄れる相談の入口を増やしたい。",
      offer: "こども家庭センターの相談員との連携、子育て応援アプリでの告知。",
      fields: ["childcare", "community"],
      planPolicy: "",
      planField: null,
      deadline: addDays(-20),
      status: "closed" as const,
      createdBy: deskA,
      publishedDaysAgo: 120,
    },
    {
      key: "A:disaster-draft",
      municipalityId: o.cityA!,
      localGovCode: codes.cityA,
      departmentId: o["dept:A:disaster"]!,
      title: "（下書き）避難所運営の担い手づくり",
      background: "避難所運営訓練の参加者が固定化し、若い世代の参加が少ない状況です。",
      goal: "企業の防災訓練と連携し、地域の担い手を増やしたい。",
      offer: "",
      fields: ["disaster"],
      planPolicy: "",
      planField: null,
      deadline: null,
      status: "draft" as const,
      createdBy: deskA,
      publishedDaysAgo: null,
    },
    {
      key: "B:health",
      municipalityId: o.cityB!,
      localGovCode: codes.cityB,
      departmentId: o["dept:B:health"]!,
      title: "働く世代の健康診断受診率を上げたい",
      background: "40〜50代の特定健診の受診率が府内平均を下回っています。",
      goal: "職場や通勤動線で受診を後押しする仕組みをつくり、受診率を5ポイント上げたい。",
      offer: "健診データ（個人を特定しない集計値）、商店街・駅前での啓発の場。",
      fields: ["health"],
      planPolicy: "施策4「健康寿命の延伸」",
      planField: "health",
      deadline: null,
      status: "published" as const,
      createdBy: deskB,
      publishedDaysAgo: 5,
    },
    {
      key: "B:digital",
      municipalityId: o.cityB!,
      localGovCode: codes.cityB,
      departmentId: o["dept:B:digital"]!,
      title: "窓口に来なくても済む手続を増やしたい",
      background: "オンラインで完結できる手続が全体の約4割にとどまっています。",
      goal: "利用の多い手続から順にオンライン化し、1年でオンライン利用率を20%上げたい。",
      offer: "手続ごとの件数データ、職員ワークショップの場。",
      fields: ["digital"],
      planPolicy: "",
      planField: "digital",
      deadline: addDays(60),
      status: "published" as const,
      createdBy: deskB,
      publishedDaysAgo: 2,
    },
  ];
  const ids: Record<string, string> = {};
  for (const { key, publishedDaysAgo, ...row } of rows) {
    const [created] = await db
      .insert(themes)
      .values({
        ...row,
        prefectureCode: row.localGovCode.slice(0, 2),
        searchText: normalizeForSearch(`${row.title} ${row.background} ${row.goal}`),
        publishedAt: publishedDaysAgo === null ? null : sql`now() - make_interval(days => ${publishedDaysAgo})`,
        closedAt: row.status === "closed" ? sql`now() - interval '20 days'` : null,
      })
      .returning({ id: themes.id });
    ids[key] = created!.id;
  }
  // Company 2 follows the health field: it hears of new health calls.
  await db.insert(themeFollows).values({ userId: demo.users["company2@demo.renkei.example"]!, kind: "field", value: "health" });
  return ids;
}
