// Demo results of the comprehensive agreement: three joint projects on its
// items (the other items visibly not started), two years of monthly figures
// and quarterly surveys, one project behind its target with its latest figure
// missing, and yearly plans. Dates are counted from today, so the demo never
// goes stale; the figures are made up but move the way such projects do.
import { asc, eq } from "drizzle-orm";
import type { Db } from "~/lib/db/client.server";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { tokyoIsoDate } from "~/lib/wareki";
import { agreementItems } from "~/features/agreements/tables";
import { kpiMeasurements, kpis, projectItems, projectPlans, projects } from "~/features/results/tables";
import type { KpiFrequency } from "~/features/results/constants";
import { lastDuePeriod, periodAfter, periodStartOf } from "~/features/results/periods";
import type { DemoIdentity } from "./identity";

interface DemoKpi {
  name: string;
  definition: string;
  unit: string;
  baselineValue: number;
  targetValue: number;
  direction: "increase" | "decrease";
  frequency: KpiFrequency;
  dataSource: string;
  ownerName: string;
  isPublic?: boolean;
  /** The figure of the n-th period after the baseline's (0 first), of `count`. */
  figure: (n: number, count: number) => number;
  /** Leave the latest due periods empty (a report that is late). */
  missing?: number;
  /** Who enters the figures: a demo account's e-mail. */
  enteredBy: string;
}

const DAY = 86_400_000;

export async function seedDemoResults(
  db: Db,
  demo: DemoIdentity,
  agreement: { id: string; municipalityId: string; startsOn: string; endsOn: string },
) {
  const o = demo.organizations;
  const users = demo.users;
  const today = tokyoIsoDate();
  const items = await db
    .select()
    .from(agreementItems)
    .where(eq(agreementItems.agreementId, agreement.id))
    .orderBy(asc(agreementItems.position));
  const item = (title: string) => items.find((i) => i.title === title)!.id;
  const desk = users["desk@demo.renkei.example"]!;

  const project = async (input: {
    title: string;
    summary: string;
    items: string[];
    field: string;
    lead: string;
    partner: string;
    partnerOwner: string;
    kpis: DemoKpi[];
    plans?: {
      fiscalYear: number;
      goals: string;
      activities: string;
      resources: { party: string; kind: "people" | "money" | "goods" | "places" | "data"; description: string }[];
      milestones: { title: string; dueOn: string; doneOn?: string }[];
    }[];
  }) => {
    const [row] = await db
      .insert(projects)
      .values({
        municipalityId: agreement.municipalityId,
        agreementId: agreement.id,
        title: input.title,
        summary: input.summary,
        field: input.field,
        leadDepartmentId: o[input.lead]!,
        partnerOrgId: o[input.partner]!,
        partnerOwner: input.partnerOwner,
        status: "active",
        startsOn: agreement.startsOn,
        endsOn: agreement.endsOn,
        createdBy: desk,
        createdAt: new Date(Date.parse(`${agreement.startsOn}T10:00:00+09:00`)),
      })
      .returning({ id: projects.id });
    const projectId = row!.id;
    await db.insert(projectItems).values(input.items.map((title) => ({ projectId, itemId: item(title) })));
    for (const plan of input.plans ?? []) {
      await db.insert(projectPlans).values({
        projectId,
        fiscalYear: plan.fiscalYear,
        goals: plan.goals,
        activities: plan.activities,
        resources: plan.resources.map((r) => ({ partyOrgId: o[r.party]!, kind: r.kind, description: r.description })),
        milestones: plan.milestones,
        updatedBy: desk,
      });
    }
    for (const k of input.kpis) {
      const [kpi] = await db
        .insert(kpis)
        .values({
          projectId,
          agreementId: agreement.id,
          municipalityId: agreement.municipalityId,
          name: k.name,
          definition: k.definition,
          unit: k.unit,
          baselineValue: k.baselineValue,
          baselineOn: agreement.startsOn,
          targetValue: k.targetValue,
          targetOn: agreement.endsOn,
          direction: k.direction,
          frequency: k.frequency,
          dataSource: k.dataSource,
          ownerName: k.ownerName,
          isPublic: k.isPublic ?? false,
          createdBy: desk,
        })
        .returning({ id: kpis.id });
      const periods: string[] = [];
      const last = lastDuePeriod(today, k.frequency);
      for (let p = periodStartOf(agreement.startsOn, k.frequency); p <= last; p = periodAfter(p, k.frequency)) periods.push(p);
      const entered = periods.slice(0, periods.length - (k.missing ?? 0));
      if (entered.length)
        await db.insert(kpiMeasurements).values(
          entered.map((periodStart, n) => ({
            kpiId: kpi!.id,
            periodStart,
            value: k.figure(n, periods.length),
            enteredBy: users[k.enteredBy]!,
            // Entered some three weeks after the period began (a month's figure, once counted).
            enteredAt: new Date(Math.min(Date.parse(`${periodAfter(periodStart, k.frequency)}T10:00:00+09:00`) + 20 * DAY, Date.now())),
          })),
        );
    }
    return projectId;
  };

  const thisYear = fiscalYearOf(new Date());
  // Gentle seasonality: fewer rides in the snowy months.
  const winter = (n: number) => ([9, 10].includes((n + Number(agreement.startsOn.slice(5, 7)) - 1) % 12) ? 0.9 : 1);

  await project({
    title: "オンデマンド交通「のりあいこまつ」の運行",
    summary: "予約に応じて走る乗合車両で、バス路線のない地区と市街地を結ぶ。移住者向けの交通案内も兼ねる。",
    items: ["オンデマンド交通の実証と本格運行", "移住者向けの地域交通案内"],
    field: "mobility",
    lead: "dept:A:transport",
    partner: "company1",
    partnerOwner: "事業開発部 未来 翔",
    kpis: [
      {
        name: "オンデマンド交通の月間利用者数",
        definition: "のりあいこまつの月間延べ乗車人数（予約1件に同乗した人数を含む）",
        unit: "人",
        baselineValue: 0,
        targetValue: 1500,
        direction: "increase",
        frequency: "monthly",
        dataSource: "運行事業者の乗降データ",
        ownerName: "北陸みらいモビリティ 運行管理課",
        isPublic: true,
        figure: (n) => Math.round((60 + 45 * n) * winter(n)),
        enteredBy: "company@demo.renkei.example",
      },
      {
        name: "利用者満足度",
        definition: "利用者アンケートで「満足」「やや満足」と答えた人の割合",
        unit: "%",
        baselineValue: 60,
        targetValue: 80,
        direction: "increase",
        frequency: "quarterly",
        dataSource: "車内アンケート（四半期ごと）",
        ownerName: "小松市 交通政策課",
        isPublic: true,
        figure: (n) => 62 + 2 * n,
        enteredBy: "dept@demo.renkei.example",
      },
    ],
    plans: [
      {
        fiscalYear: thisYear - 1,
        goals: "実証区域を2地区から4地区に広げ、月800人の利用を目指す。",
        activities: "新地区での説明会（4回）、停留所の追加、高齢者向け電話予約の開始。",
        resources: [
          { party: "cityA", kind: "places", description: "市有地の乗降場所と広報紙の紙面" },
          { party: "company1", kind: "people", description: "運行管理者1名と車両3台" },
          { party: "university", kind: "data", description: "乗降データの分析" },
        ],
        milestones: [
          { title: "新地区での運行開始", dueOn: `${thisYear - 1}-07-01`, doneOn: `${thisYear - 1}-07-01` },
          { title: "中間評価（推進会議で報告）", dueOn: `${thisYear - 1}-11-30`, doneOn: `${thisYear - 1}-11-20` },
        ],
      },
      {
        fiscalYear: thisYear,
        goals: "全市での本格運行に移り、月1,200人の利用と満足度75%を目指す。",
        activities: "運賃と運行時間の見直し、移住者向けの案内冊子、学生による利用調査。",
        resources: [
          { party: "cityA", kind: "money", description: "運行経費の一部（本格運行の補助）" },
          { party: "company1", kind: "goods", description: "予約システムと車両5台" },
          { party: "university", kind: "people", description: "利用調査を行う学生10名" },
        ],
        milestones: [
          { title: "本格運行の開始", dueOn: `${thisYear}-04-01`, doneOn: `${thisYear}-04-01` },
          { title: "移住者向け案内冊子の発行", dueOn: `${thisYear}-09-30` },
          { title: "次年度計画の合意", dueOn: `${thisYear + 1}-02-28` },
        ],
      },
    ],
  });

  await project({
    title: "高齢者の外出支援と見守り",
    summary: "運転免許を返納した高齢者の通院・買い物の外出を支え、乗降の記録で見守りにつなげる。",
    items: ["高齢者の外出支援と見守り"],
    field: "elderly",
    lead: "dept:A:transport",
    partner: "company1",
    partnerOwner: "総務部 北陸 進",
    kpis: [
      {
        name: "外出支援の利用登録者数",
        definition: "外出支援サービスに登録した65歳以上の市民の数（累計）",
        unit: "人",
        baselineValue: 0,
        targetValue: 600,
        direction: "increase",
        frequency: "monthly",
        dataSource: "利用登録の台帳",
        ownerName: "小松市 交通政策課",
        // Slow to take off: a quarter of the way with two thirds of the time gone.
        figure: (n) => 5 + 6 * n,
        missing: 2,
        enteredBy: "dept@demo.renkei.example",
      },
    ],
  });

  await project({
    title: "ごみ収集ルートの最適化",
    summary: "収集車の走行データから経路を組み直し、走行距離と排出ガスを減らす。",
    items: ["ごみ収集ルートの最適化"],
    field: "environment",
    lead: "dept:A:environment",
    partner: "university",
    partnerOwner: "情報工学科 手取 学",
    kpis: [
      {
        name: "収集車の月間走行距離",
        definition: "市の収集車全台の月間走行距離の合計",
        unit: "km",
        baselineValue: 3500,
        targetValue: 2800,
        direction: "decrease",
        frequency: "monthly",
        dataSource: "収集車の運行記録",
        ownerName: "小松市 環境対策課",
        figure: (n) => Math.round(3500 - 22 * n),
        enteredBy: "desk@demo.renkei.example",
      },
    ],
  });
}
