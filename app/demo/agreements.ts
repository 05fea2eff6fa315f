// Demo agreements: an active comprehensive agreement with three parties and
// eight items, a project agreement in internal approval, and one ending soon.
import type { Db } from "~/lib/db/client.server";
import { normalizeForSearch } from "~/lib/japanese-text";
import { tokyoIsoDate } from "~/lib/wareki";
import { eq } from "drizzle-orm";
import {
  agreementContacts,
  agreementDocumentVersions,
  agreementEvents,
  agreementItems,
  agreementParties,
  agreements,
  approvalSteps,
} from "~/features/agreements/tables";
import { currentDocumentData } from "~/features/agreements/data.internal.server";
import { defaultApprovalChain, type AgreementStatus } from "~/features/agreements/constants";
import { addDays, addMonths, termEnd } from "~/features/agreements/register/term";

interface Demo {
  organizations: Record<string, string>;
  users: Record<string, string>;
}

const daysFromNow = (days: number) => tokyoIsoDate(new Date(Date.now() + days * 86_400_000));

/** The demo agreements other features build on (the comprehensive agreement has meetings). */
export interface DemoAgreements {
  comprehensive: { id: string; municipalityId: string; startsOn: string; endsOn: string };
}

export async function seedDemoAgreements(db: Db, demo: Demo, codes: { cityA: string; cityB: string }): Promise<DemoAgreements> {
  const o = demo.organizations;
  const deskA = demo.users["desk@demo.renkei.example"]!;
  const deskB = demo.users["desk2@demo.renkei.example"]!;

  const create = async (input: {
    municipality: "cityA" | "cityB";
    title: string;
    method: "comprehensive" | "project" | "other";
    partners: string[];
    purpose: string;
    items: {
      title: string;
      field: string;
      priority?: "high" | "medium" | "low";
      horizon?: "short" | "mid" | "long";
      department?: string;
      partnerOwner?: string;
    }[];
    status: AgreementStatus;
    path: AgreementStatus[];
    startsOn: string;
    endsOn: string;
    signedOn?: string;
    isPublic?: boolean;
    publicSummary?: string;
    renewal?: { years: number; objectionDeadline: string };
  }) => {
    const municipalityId = o[input.municipality]!;
    const createdBy = input.municipality === "cityA" ? deskA : deskB;
    const [row] = await db
      .insert(agreements)
      .values({
        municipalityId,
        localGovCode: codes[input.municipality],
        title: input.title,
        method: input.method,
        purpose: input.purpose,
        roles: "市は場所・データ・広報を提供し、相手方は人材・技術・ノウハウを提供する。",
        consultationBody: "推進会議（年2回）と実務者会議（四半期ごと）を置く。",
        costSharing: "各自の費用は各自が負担する。",
        confidentiality: "連携を通じて知り得た秘密を第三者に漏らさない。",
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        renewalRule: input.renewal ? "automatic" : "explicit",
        renewalYears: input.renewal?.years ?? null,
        objectionDeadline: input.renewal?.objectionDeadline ?? null,
        status: input.status,
        signedOn: input.signedOn ?? null,
        isPublic: input.isPublic ?? false,
        publicSummary: input.publicSummary ?? "",
        searchText: normalizeForSearch(`${input.title} ${input.purpose} ${input.items.map((i) => i.title).join(" ")}`),
        createdBy,
      })
      .returning({ id: agreements.id });
    const id = row!.id;
    await db.insert(agreementParties).values(
      [municipalityId, ...input.partners.map((p) => o[p]!)].map((organizationId, position) => ({
        agreementId: id,
        organizationId,
        position,
      })),
    );
    await db.insert(agreementItems).values(
      input.items.map((item, position) => ({
        agreementId: id,
        position,
        title: item.title,
        field: item.field,
        priority: item.priority ?? "medium",
        horizon: item.horizon ?? "short",
        departmentId: item.department ? o[item.department]! : null,
        partnerOwner: item.partnerOwner ?? "",
      })),
    );
    let from: AgreementStatus | null = null;
    // The timeline follows the agreement's own dates: drafted two months and
    // sent for approval one month before signing, started on its start date.
    const anchor = Date.parse(`${input.signedOn ?? daysFromNow(0)}T10:00:00+09:00`);
    const at: Record<AgreementStatus, number> = {
      draft: anchor - 60 * 86_400_000,
      internal_approval: anchor - (input.signedOn ? 30 : 10) * 86_400_000,
      signed: anchor,
      active: Math.max(anchor, Date.parse(`${input.startsOn}T09:00:00+09:00`)),
      renewal_review: Date.now(),
      renewed: Date.now(),
      ended: Date.now(),
      terminated: Date.now(),
    };
    for (const to of input.path) {
      await db.insert(agreementEvents).values({
        agreementId: id,
        fromStatus: from,
        toStatus: to,
        actorUserId: createdBy,
        actorName: input.municipality === "cityA" ? "連携 花子" : "守口 健",
        createdAt: new Date(Math.min(at[to], Date.now())),
      });
      from = to;
    }
    // The document as it went to approval and as it was signed, as the app keeps it.
    const [full] = await db.select().from(agreements).where(eq(agreements.id, id));
    const versions = (
      [
        ["internal_approval", "決裁に回した時点の内容"],
        ["signed", "締結時の内容"],
      ] as const
    ).filter(([status]) => input.path.includes(status));
    for (const [version, [status, reason]] of versions.entries()) {
      await db.insert(agreementDocumentVersions).values({
        agreementId: id,
        version: version + 1,
        reason,
        snapshot: await currentDocumentData(db, status === "signed" ? full! : { ...full!, signedOn: null }),
        createdBy,
        createdByName: input.municipality === "cityA" ? "連携 花子" : "守口 健",
        createdAt: new Date(Math.min(at[status], Date.now())),
      });
    }
    return { id, municipalityId };
  };

  // Three-year terms, as the desk writes them: from the start date to the day
  // before the same date three years later.
  const comprehensiveStart = daysFromNow(-730);
  const comprehensiveEnd = termEnd(comprehensiveStart, 36);
  const endingSoonEnd = daysFromNow(60);
  const endingSoonStart = addDays(addMonths(endingSoonEnd, -36), 1);

  const comprehensive = await create({
    municipality: "cityA",
    title: "小松市と北陸みらいモビリティ株式会社・加賀テクノ大学との包括連携協定",
    method: "comprehensive",
    partners: ["company1", "university"],
    purpose: "三者が持つ資源とノウハウを生かし、移動・子育て・環境・防災など幅広い分野で地域課題の解決と市民サービスの向上を図る。",
    items: [
      {
        title: "オンデマンド交通の実証と本格運行",
        field: "mobility",
        priority: "high",
        horizon: "mid",
        department: "dept:A:transport",
        partnerOwner: "北陸みらいモビリティ 事業開発部",
      },
      {
        title: "高齢者の外出支援と見守り",
        field: "elderly",
        priority: "high",
        horizon: "mid",
        department: "dept:A:transport",
        partnerOwner: "北陸みらいモビリティ 運行管理課",
      },
      {
        title: "子育て世帯の移動支援",
        field: "childcare",
        horizon: "short",
        department: "dept:A:children",
        partnerOwner: "北陸みらいモビリティ 事業開発部",
      },
      {
        title: "ごみ収集ルートの最適化",
        field: "environment",
        horizon: "mid",
        department: "dept:A:environment",
        partnerOwner: "加賀テクノ大学 情報工学科",
      },
      {
        title: "災害時の移動手段の確保",
        field: "disaster",
        priority: "high",
        horizon: "short",
        department: "dept:A:disaster",
        partnerOwner: "北陸みらいモビリティ 総務部",
      },
      {
        title: "学生による地域課題の調査",
        field: "education",
        priority: "low",
        horizon: "long",
        partnerOwner: "加賀テクノ大学 地域連携センター",
      },
      { title: "行政手続のデジタル化の助言", field: "digital", horizon: "mid", partnerOwner: "加賀テクノ大学 情報工学科" },
      {
        title: "移住者向けの地域交通案内",
        field: "community",
        priority: "low",
        horizon: "short",
        department: "dept:A:transport",
        partnerOwner: "北陸みらいモビリティ 広報室",
      },
    ],
    status: "active",
    path: ["draft", "internal_approval", "signed", "active"],
    startsOn: comprehensiveStart,
    endsOn: comprehensiveEnd,
    signedOn: daysFromNow(-735),
    isPublic: true,
    publicSummary: "市・企業・大学の三者で、移動、子育て、環境、防災など8つの分野で連携します。",
    // Objections up to three months before the term ends.
    renewal: { years: 1, objectionDeadline: addMonths(comprehensiveEnd, -3) },
  });

  const underApproval = await create({
    municipality: "cityB",
    title: "働く世代の健康づくりに関する事業連携協定",
    method: "project",
    partners: ["company2"],
    purpose: "職場で受けられる健診と健康ポイントにより、働く世代の健診受診率を高める。",
    items: [
      {
        title: "事業所巡回健診と健康ポイント",
        field: "health",
        priority: "high",
        horizon: "short",
        department: "dept:B:health",
        partnerOwner: "かがやきフードラボ 健康事業部",
      },
    ],
    status: "internal_approval",
    path: ["draft", "internal_approval"],
    startsOn: daysFromNow(60),
    endsOn: daysFromNow(60 + 365 * 3),
  });
  // A project agreement: no report to the council, so only the chain's required steps.
  const chain = defaultApprovalChain.filter((s) => !s.optional).map((s) => s.label);
  await db.insert(approvalSteps).values([
    ...chain.map((label, position) => ({
      agreementId: underApproval.id,
      position,
      side: "municipality" as const,
      partyOrgId: underApproval.municipalityId,
      label,
      status: position < 2 ? ("approved" as const) : ("pending" as const),
      approverName: position === 0 ? "健康推進課長" : position === 1 ? "健康福祉部長" : null,
      decidedOn: position < 2 ? daysFromNow(-10 + position * 3) : null,
      recordedBy: position < 2 ? deskB : null,
    })),
    {
      agreementId: underApproval.id,
      position: chain.length,
      side: "partner" as const,
      partyOrgId: o.company2!,
      label: "社内決裁（法務確認・取締役会等）",
      status: "approved" as const,
      approverName: "代表取締役",
      decidedOn: daysFromNow(-5),
      recordedBy: deskB,
    },
  ]);

  const endingSoon = await create({
    municipality: "cityB",
    title: "創業支援に関する事業連携協定",
    method: "project",
    partners: ["bank"],
    purpose: "創業希望者への相談と融資の橋渡しで、市内の創業を増やす。",
    items: [
      {
        title: "創業相談会の共催",
        field: "economy",
        horizon: "short",
        department: "dept:B:industry",
        partnerOwner: "北陸みどり銀行 地域振興部",
      },
    ],
    status: "active",
    path: ["draft", "internal_approval", "signed", "active"],
    startsOn: endingSoonStart,
    endsOn: endingSoonEnd,
    signedOn: addDays(endingSoonStart, -5),
    isPublic: true,
    publicSummary: "銀行と市が創業相談会を共催し、創業を後押しします。",
  });

  // Named contacts: complete for the comprehensive agreement; the bank has no
  // secondary contact on the agreement that ends soon (flagged in the register).
  const contact = (agreementId: string, org: string, rank: "primary" | "secondary", personName: string, unit: string) => ({
    agreementId,
    organizationId: o[org]!,
    rank,
    personName,
    unit,
    email: "",
    phone: "",
  });
  await db
    .insert(agreementContacts)
    .values([
      contact(comprehensive.id, "cityA", "primary", "連携 花子", "企画課 公民連携デスク"),
      contact(comprehensive.id, "cityA", "secondary", "交通 一郎", "交通政策課"),
      contact(comprehensive.id, "company1", "primary", "未来 翔", "事業開発部"),
      contact(comprehensive.id, "company1", "secondary", "北陸 進", "総務部"),
      contact(comprehensive.id, "university", "primary", "加賀 研", "地域連携センター"),
      contact(comprehensive.id, "university", "secondary", "手取 学", "情報工学科"),
      contact(endingSoon.id, "cityB", "primary", "守口 健", "企画課"),
      contact(endingSoon.id, "cityB", "secondary", "橋渡 誠", "企画課"),
      contact(endingSoon.id, "bank", "primary", "緑川 融", "地域振興部"),
    ]);
  return {
    comprehensive: {
      id: comprehensive.id,
      municipalityId: comprehensive.municipalityId,
      startsOn: comprehensiveStart,
      endsOn: comprehensiveEnd,
    },
  };
}
