// Demo proposals in every status, written for the demo: a declined one with
// its grounds, and a proposal in dialogue with a thread, meeting notes and
// action items, shared with the transport department.
import { sql } from "drizzle-orm";
import type { Db } from "~/lib/db/client.server";
import { normalizeForSearch } from "~/lib/japanese-text";
import { tokyoIsoDate } from "~/lib/wareki";
import {
  proposalActionItems,
  proposalEvents,
  proposalMessages,
  proposalShares,
  proposalViews,
  proposals,
} from "~/features/proposals/tables";
import type { DeclineGround, PartnershipMethod, ProposalStatus } from "~/features/proposals/constants";

interface Demo {
  organizations: Record<string, string>;
  users: Record<string, string>;
}

interface Seed {
  proposer: string;
  author: string;
  to: "cityA" | "cityB";
  theme?: string;
  status: ProposalStatus;
  method: PartnershipMethod;
  title: string;
  summary: string;
  plan: string;
  benefits: [string, string, string];
  fields: string[];
  resources: string;
  daysAgo: number;
  grounds?: DeclineGround[];
  reason?: string;
  sharedWith?: string[];
  /** Both sides agreed to publish this summary. */
  publicSummary?: string;
}

const path: Record<ProposalStatus, ProposalStatus[]> = {
  draft: [],
  submitted: ["submitted"],
  screening: ["submitted", "screening"],
  declined: ["submitted", "screening", "declined"],
  accepted: ["submitted", "screening", "accepted"],
  in_dialogue: ["submitted", "screening", "in_dialogue"],
  agreement_preparation: ["submitted", "screening", "in_dialogue", "agreement_preparation"],
  implementing: ["submitted", "screening", "in_dialogue", "implementing"],
  procurement: ["submitted", "screening", "in_dialogue", "procurement"],
  withdrawn: ["submitted", "screening", "withdrawn"],
  closed: ["submitted", "in_dialogue", "closed"],
};

export async function seedDemoProposals(
  db: Db,
  demo: Demo,
  themeIds: Record<string, string>,
  codes: { cityA: string; cityB: string },
): Promise<void> {
  const o = demo.organizations;
  const u = demo.users;
  const seeds: Seed[] = [
    {
      proposer: "company1",
      author: "company@demo.renkei.example",
      to: "cityA",
      theme: "A:mobility",
      status: "in_dialogue",
      method: "project",
      title: "AI オンデマンド乗合交通の実証運行",
      summary: "郊外3地区で、予約に応じて経路を組む乗合ワゴンを1年間試験運行します。",
      plan: "電話とアプリで予約を受け、AI が最適な経路を計算して乗合運行します。運行データを市と共有し、本格導入の判断材料にします。",
      benefits: [
        "バス停まで歩けない高齢者も、自宅近くから買い物・通院に出かけられる。",
        "地方都市での運行ノウハウと実績を得られ、他地域への展開につながる。",
        "路線バスより少ない費用で移動手段を確保でき、利用データも得られる。",
      ],
      fields: ["mobility", "elderly", "digital"],
      resources: "運行システム一式、車両2台、運行管理者1名",
      daysAgo: 40,
      sharedWith: ["dept:A:transport"],
    },
    {
      proposer: "company2",
      author: "company2@demo.renkei.example",
      to: "cityA",
      status: "submitted",
      method: "undecided",
      title: "地元野菜を使った子ども向け食育ワークショップ",
      summary: "市内の小学校と公民館で、地元の旬の野菜を使った調理体験と栄養の授業を行います。",
      plan: "年間12回、管理栄養士と農家を講師に迎えて開催します。参加者の野菜摂取量の変化を測ります。",
      benefits: [
        "子どもが地元の野菜に親しみ、食生活が良くなる。",
        "商品開発に子育て世帯の声を生かせる。",
        "食育と地産地消の施策を費用をかけずに進められる。",
      ],
      fields: ["agriculture", "childcare", "education"],
      resources: "講師（管理栄養士2名）、食材、レシピ集",
      daysAgo: 3,
    },
    {
      proposer: "university",
      author: "univ@demo.renkei.example",
      to: "cityA",
      theme: "A:foodloss",
      status: "screening",
      method: "other",
      title: "学生によるごみ組成調査と食べきりキャンペーン",
      summary: "ゼミの学生が家庭ごみの組成調査を行い、結果をもとに食べきりを呼びかけます。",
      plan: "2地区の集積所で調査を行い、SNS と商店街で啓発します。半年後に再調査して効果を測ります。",
      benefits: ["食品ロスが減り、家計の負担も軽くなる。", "学生が実地の調査と発信を学べる。", "調査データと啓発の担い手を得られる。"],
      fields: ["environment", "education"],
      resources: "学生20名、調査機材、分析",
      daysAgo: 12,
    },
    {
      proposer: "company3",
      author: "company3@demo.renkei.example",
      to: "cityA",
      status: "declined",
      method: "undecided",
      title: "全戸配布チラシへの自社サービス広告の掲載",
      summary: "市の広報と一緒に自社の見守りサービスのチラシを配布したい。",
      plan: "広報紙の配布に合わせて自社チラシを同封します。",
      benefits: ["見守りサービスを知ってもらえる。", "契約者が増える。", "配布費用の一部を負担する。"],
      fields: ["safety"],
      resources: "チラシの印刷費",
      daysAgo: 30,
      grounds: ["advertising_only", "public_fairness"],
      reason:
        "ご提案は自社サービスの宣伝が主な目的となっており、市の広報物に同封すると特定の事業者だけを優遇することになるため、お受けできません。見守りの仕組みづくりとしてのご提案であれば、改めてご相談ください。",
    },
    {
      proposer: "bank",
      author: "bank@demo.renkei.example",
      to: "cityB",
      status: "in_dialogue",
      method: "comprehensive",
      title: "創業支援と事業承継での包括的な連携",
      summary: "創業セミナー、事業承継の相談会、企業版ふるさと納税の仲介などで幅広く連携します。",
      plan: "産業振興課と四半期ごとに相談会を共催し、年1回の創業セミナーを開催します。",
      benefits: ["市内で創業・承継が進み、働く場が守られる。", "地域の取引先が増える。", "専門人材と金融の知見を施策に生かせる。"],
      fields: ["economy", "finance"],
      resources: "中小企業診断士3名、セミナー会場",
      daysAgo: 20,
    },
    {
      proposer: "company2",
      author: "company2@demo.renkei.example",
      to: "cityB",
      theme: "B:health",
      status: "agreement_preparation",
      method: "project",
      title: "職場で受けられる健診と健康ポイント",
      summary: "市内事業所に健診車を派遣し、受診者にポイントを付与します。",
      plan: "市内20事業所で巡回健診を行い、受診と健康講座の参加にポイントを付けます。",
      benefits: ["忙しい働く世代が職場で健診を受けられる。", "健康関連商品の開発に役立つ。", "受診率が上がり、将来の医療費を抑えられる。"],
      fields: ["health"],
      resources: "健診車1台、ポイント原資",
      daysAgo: 90,
      sharedWith: ["dept:B:health"],
    },
    {
      proposer: "company3",
      author: "company3@demo.renkei.example",
      to: "cityB",
      theme: "B:digital",
      status: "implementing",
      method: "other",
      title: "オンライン申請の使い方教室",
      summary: "公民館でスマートフォンを使ったオンライン申請の体験教室を開きます。",
      plan: "月2回、講師を派遣して教室を開きます。",
      benefits: ["窓口に行かずに手続できる人が増える。", "地域での認知が高まる。", "オンライン利用率の向上につながる。"],
      fields: ["digital", "elderly"],
      resources: "講師、貸出用端末10台",
      daysAgo: 60,
      sharedWith: ["dept:B:digital"],
    },
    {
      proposer: "university",
      author: "univ@demo.renkei.example",
      to: "cityB",
      status: "procurement",
      method: "procurement",
      title: "公共交通の利用実態調査",
      summary: "交通系 IC データと乗降調査を組み合わせた利用実態の分析。",
      plan: "調査設計と分析を行います。委託として実施する必要があるため、市の調達手続に沿って進めます。",
      benefits: ["利用実態に合ったダイヤ改正につながる。", "研究の実証フィールドを得られる。", "根拠のある交通計画を作れる。"],
      fields: ["mobility"],
      resources: "研究員2名、分析ツール",
      daysAgo: 75,
    },
    {
      proposer: "bank",
      author: "bank@demo.renkei.example",
      to: "cityA",
      status: "withdrawn",
      method: "project",
      title: "キャッシュレス決済の商店街導入支援",
      summary: "商店街へのキャッシュレス決済の導入を支援します。",
      plan: "導入説明会と端末の貸出を行います。",
      benefits: ["買い物が便利になる。", "決済サービスの利用が増える。", "商店街の活性化につながる。"],
      fields: ["economy", "digital"],
      resources: "説明会講師、端末",
      daysAgo: 50,
    },
    {
      proposer: "company1",
      author: "company@demo.renkei.example",
      to: "cityA",
      status: "draft",
      method: "undecided",
      title: "通学路の見守りカメラと AI による危険箇所の把握",
      summary: "（作成中）",
      plan: "",
      benefits: ["", "", ""],
      fields: ["safety"],
      resources: "",
      daysAgo: 1,
    },
    {
      proposer: "intermediary",
      author: "coordinator@demo.renkei.example",
      to: "cityA",
      status: "closed",
      method: "other",
      title: "公民連携研修会の共同開催",
      summary: "市職員と地元企業を対象にした公民連携の研修会を企画・運営します。",
      plan: "事例講演とクロストークの研修会を年1回開催しました。",
      benefits: ["市民サービスの改善につながる連携が生まれる。", "ネットワークが広がる。", "職員の公民連携の理解が深まる。"],
      fields: ["community", "education"],
      resources: "企画・ファシリテーション",
      daysAgo: 200,
      publicSummary:
        "市職員約60名と地元企業15社が参加する公民連携研修会を共同で開催しました。部署と企業が組んだクロストークから、新たな相談が5件生まれています。",
    },
  ];

  const deskUser = { cityA: u["desk@demo.renkei.example"]!, cityB: u["desk2@demo.renkei.example"]! };
  const deskName = { cityA: "連携 花子", cityB: "守口 健" };
  for (const seed of seeds) {
    const municipalityId = o[seed.to]!;
    const submitted = seed.status === "draft" ? null : sql`now() - make_interval(days => ${seed.daysAgo})`;
    const [row] = await db
      .insert(proposals)
      .values({
        proposerOrgId: o[seed.proposer]!,
        municipalityId,
        localGovCode: codes[seed.to],
        themeId: seed.theme ? themeIds[seed.theme]! : null,
        kind: seed.theme ? "theme" : "free",
        title: seed.title,
        summary: seed.summary,
        plan: seed.plan,
        benefitCitizens: seed.benefits[0],
        benefitPartner: seed.benefits[1],
        benefitMunicipality: seed.benefits[2],
        fields: seed.fields,
        method: seed.method,
        resources: seed.resources,
        periodStart: seed.status === "draft" ? null : tokyoIsoDate(new Date(Date.now() + 30 * 86_400_000)),
        periodEnd: seed.status === "draft" ? null : tokyoIsoDate(new Date(Date.now() + 395 * 86_400_000)),
        contactName: "担当者",
        contactEmail: seed.author,
        status: seed.status,
        declineGrounds: seed.grounds ?? [],
        declineReason: seed.reason ?? null,
        publicSummary: seed.publicSummary ?? null,
        publishAgreedByDesk: Boolean(seed.publicSummary),
        publishAgreedByProposer: Boolean(seed.publicSummary),
        searchText: normalizeForSearch(`${seed.title} ${seed.summary} ${seed.plan}`),
        submittedAt: submitted,
        decidedAt: ["submitted", "screening", "draft"].includes(seed.status)
          ? null
          : sql`now() - make_interval(days => ${Math.floor(seed.daysAgo / 2)})`,
        createdBy: u[seed.author]!,
      })
      .returning({ id: proposals.id });
    const id = row!.id;
    const steps = path[seed.status];
    let from: ProposalStatus = "draft";
    for (const [i, to] of steps.entries()) {
      const byProposer = to === "submitted" || to === "withdrawn";
      const daysAgo = Math.max(0, seed.daysAgo - i * Math.max(1, Math.floor(seed.daysAgo / (steps.length + 1))));
      await db.insert(proposalEvents).values({
        proposalId: id,
        fromStatus: from,
        toStatus: to,
        actorUserId: byProposer ? u[seed.author]! : deskUser[seed.to],
        actorName: byProposer ? null : deskName[seed.to],
        actorOrgId: byProposer ? o[seed.proposer]! : municipalityId,
        note: to === "declined" ? (seed.reason ?? null) : null,
        grounds: to === "declined" ? (seed.grounds ?? []) : [],
        createdAt: sql`now() - make_interval(days => ${daysAgo})`,
      });
      from = to;
    }
    for (const dept of seed.sharedWith ?? []) {
      await db.insert(proposalShares).values({ proposalId: id, departmentId: o[dept]!, sharedBy: deskUser[seed.to] });
    }
    if (seed.status !== "draft") {
      await db
        .insert(proposalViews)
        .values({ proposalId: id, userId: deskUser[seed.to], organizationId: municipalityId, role: "desk_admin" });
    }
    if (seed.title.startsWith("AI オンデマンド")) await seedDialogue(db, demo, id);
  }
}

async function seedDialogue(db: Db, demo: Demo, proposalId: string) {
  const o = demo.organizations;
  const u = demo.users;
  const messages = [
    {
      user: "desk@demo.renkei.example",
      name: "連携 花子",
      org: o.cityA!,
      unit: "小松市",
      kind: "message" as const,
      body: "ご提案ありがとうございます。交通政策課にも共有しました。運行区域と予約方法について、一度打合せをお願いできますか。",
      days: 30,
    },
    {
      user: "company@demo.renkei.example",
      name: "未来 翔",
      org: o.company1!,
      unit: "北陸みらいモビリティ株式会社",
      kind: "message" as const,
      body: "承知しました。来週以降でご都合のよい日をお知らせください。運行区域の候補図を添付します。",
      days: 29,
    },
    {
      user: "dept@demo.renkei.example",
      name: "交通 一郎",
      org: o.cityA!,
      unit: "小松市 交通政策課",
      kind: "meeting" as const,
      body: "運行区域は3地区で合意。既存のバス路線と重ならないよう、乗降場所を公共施設中心に設定する。料金は路線バスと同額で検討。",
      days: 21,
      meeting: 21,
      attendees: "未来（北陸みらいモビリティ）、交通（交通政策課）、連携（公民連携デスク）",
    },
  ];
  for (const m of messages) {
    await db.insert(proposalMessages).values({
      proposalId,
      kind: m.kind,
      body: m.body,
      meetingDate: m.kind === "meeting" ? tokyoIsoDate(new Date(Date.now() - m.days * 86_400_000)) : null,
      attendees: m.attendees ?? null,
      authorUserId: u[m.user]!,
      authorName: m.name,
      authorOrgId: m.org,
      authorUnit: m.unit,
      createdAt: sql`now() - make_interval(days => ${m.days})`,
    });
  }
  await db.insert(proposalActionItems).values([
    {
      proposalId,
      title: "乗降場所候補（公共施設）の一覧を作成",
      ownerName: "交通政策課 交通",
      dueDate: tokyoIsoDate(new Date(Date.now() + 7 * 86_400_000)),
      createdBy: u["dept@demo.renkei.example"]!,
    },
    {
      proposalId,
      title: "運行経費の概算を提出",
      ownerName: "北陸みらいモビリティ 未来",
      dueDate: tokyoIsoDate(new Date(Date.now() - 3 * 86_400_000)),
      createdBy: u["desk@demo.renkei.example"]!,
    },
  ]);
  await db.insert(proposalViews).values({
    proposalId,
    userId: u["dept@demo.renkei.example"]!,
    organizationId: o.cityA!,
    departmentId: o["dept:A:transport"]!,
    role: "department_staff",
  });
}
