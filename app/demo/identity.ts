// Demo organisations and people. Names are fictional (the municipalities are
// real places from the national list); every account uses one password,
// written in the README, so a newcomer can try each role.
import { eq } from "drizzle-orm";
import type { Auth } from "~/lib/auth/auth.server";
import type { Db } from "~/lib/db/client.server";
import { corporateNumberCheckDigit } from "~/lib/corporate-number";
import type { OrganizationKind, Role } from "~/lib/roles";
import { runCommand } from "~/features/audit/run-command.internal.server";
import { memberships, organizations, users } from "~/features/identity/tables";

export const DEMO_PASSWORD = "renkei-demo-2026";

/** A valid 法人番号 from a 12-digit base (check digit in front). */
const corporateNumber = (base12: string) => `${corporateNumberCheckDigit(base12)}${base12}`;

type OrgKey =
  "operator" | "cityA" | "cityB" | "company1" | "company2" | "company3" | "university" | "bank" | "intermediary" | `dept:${string}`;

interface OrgSeed {
  key: OrgKey;
  kind: OrganizationKind;
  name: string;
  nameKana?: string;
  corporateNumber?: string;
  localGovCode?: string;
  parent?: OrgKey;
  description: string;
  fields: string[];
}

export const demoMunicipalities = { cityA: "172031", cityB: "272094" } as const;

const orgSeeds: OrgSeed[] = [
  {
    key: "operator",
    kind: "other",
    name: "Renkei 運営事務局",
    description: "プラットフォームの運営と利用者サポートを担当します。",
    fields: [],
  },
  {
    key: "cityA",
    kind: "municipality",
    name: "小松市",
    localGovCode: demoMunicipalities.cityA,
    description: "企画課に公民連携デスクを置き、企業・大学等からの提案を一つの窓口で受け付けています。",
    fields: ["mobility", "childcare", "environment", "disaster"],
  },
  {
    key: "dept:A:transport",
    kind: "department",
    name: "交通政策課",
    parent: "cityA",
    description: "公共交通と移動支援を担当します。",
    fields: ["mobility"],
  },
  {
    key: "dept:A:children",
    kind: "department",
    name: "こども家庭センター",
    parent: "cityA",
    description: "妊娠期から子育て期までの相談と支援を担当します。",
    fields: ["childcare"],
  },
  {
    key: "dept:A:environment",
    kind: "department",
    name: "環境対策課",
    parent: "cityA",
    description: "脱炭素・ごみ減量・フードロス対策を担当します。",
    fields: ["environment"],
  },
  {
    key: "dept:A:disaster",
    kind: "department",
    name: "防災安全課",
    parent: "cityA",
    description: "地域防災計画と防災訓練を担当します。",
    fields: ["disaster", "safety"],
  },
  {
    key: "cityB",
    kind: "municipality",
    name: "守口市",
    localGovCode: demoMunicipalities.cityB,
    description: "企画課が公民連携の窓口となり、包括連携協定の締結と運用を進めています。",
    fields: ["health", "economy", "digital"],
  },
  {
    key: "dept:B:health",
    kind: "department",
    name: "健康推進課",
    parent: "cityB",
    description: "健康づくりと介護予防を担当します。",
    fields: ["health", "elderly"],
  },
  {
    key: "dept:B:industry",
    kind: "department",
    name: "産業振興課",
    parent: "cityB",
    description: "商工業の振興と創業支援を担当します。",
    fields: ["economy"],
  },
  {
    key: "dept:B:digital",
    kind: "department",
    name: "デジタル推進課",
    parent: "cityB",
    description: "行政手続のオンライン化を担当します。",
    fields: ["digital"],
  },
  {
    key: "company1",
    kind: "company",
    name: "北陸みらいモビリティ株式会社",
    nameKana: "ほくりくみらいもびりてぃ",
    corporateNumber: corporateNumber("220001012345"),
    description: "オンデマンド交通の運行システムを開発・運用しています。",
    fields: ["mobility", "digital"],
  },
  {
    key: "company2",
    kind: "company",
    name: "株式会社かがやきフードラボ",
    nameKana: "かがやきふーどらぼ",
    corporateNumber: corporateNumber("220001067890"),
    description: "地元農産物を使った食品開発と食育プログラムを手がけています。",
    fields: ["agriculture", "health", "childcare"],
  },
  {
    key: "company3",
    kind: "company",
    name: "ひかりネット通信株式会社",
    nameKana: "ひかりねっとつうしん",
    corporateNumber: corporateNumber("120001024680"),
    description: "地域の通信網と見守りサービスを提供しています。",
    fields: ["digital", "safety", "elderly"],
  },
  {
    key: "university",
    kind: "university",
    name: "加賀テクノ大学",
    nameKana: "かがてくのだいがく",
    corporateNumber: corporateNumber("422005001357"),
    description: "地域課題をテーマにした研究と学生の地域実習に取り組んでいます。",
    fields: ["education", "community"],
  },
  {
    key: "bank",
    kind: "financial_institution",
    name: "北陸みどり銀行",
    nameKana: "ほくりくみどりぎんこう",
    corporateNumber: corporateNumber("220001097531"),
    description: "地域企業の事業承継と創業を支援しています。",
    fields: ["economy", "finance"],
  },
  {
    key: "intermediary",
    kind: "intermediary",
    name: "一般社団法人 地域連携コーディネート機構",
    nameKana: "ちいきれんけいこーでぃねーときこう",
    corporateNumber: corporateNumber("010005086420"),
    description: "全国の自治体と企業の連携を仲介し、研修会や事例共有を行っています。",
    fields: ["community", "economy"],
  },
];

interface UserSeed {
  email: string;
  name: string;
  memberships: { org: OrgKey; role: Role; department?: OrgKey }[];
}

export const demoUsers: UserSeed[] = [
  { email: "admin@demo.renkei.example", name: "運営 太郎", memberships: [{ org: "operator", role: "platform_admin" }] },
  { email: "desk@demo.renkei.example", name: "連携 花子", memberships: [{ org: "cityA", role: "desk_admin" }] },
  {
    email: "dept@demo.renkei.example",
    name: "交通 一郎",
    memberships: [{ org: "cityA", role: "department_staff", department: "dept:A:transport" }],
  },
  { email: "company@demo.renkei.example", name: "未来 翔", memberships: [{ org: "company1", role: "member" }] },
  { email: "company2@demo.renkei.example", name: "加賀 彩", memberships: [{ org: "company2", role: "member" }] },
  { email: "desk2@demo.renkei.example", name: "守口 健", memberships: [{ org: "cityB", role: "desk_admin" }] },
  { email: "company3@demo.renkei.example", name: "光 通", memberships: [{ org: "company3", role: "member" }] },
  { email: "univ@demo.renkei.example", name: "加賀 研", memberships: [{ org: "university", role: "member" }] },
  { email: "bank@demo.renkei.example", name: "緑川 融", memberships: [{ org: "bank", role: "member" }] },
  {
    email: "coordinator@demo.renkei.example",
    name: "橋渡 誠",
    // A coordinator seconded to a city's desk: two organisations to switch between.
    memberships: [
      { org: "intermediary", role: "coordinator" },
      { org: "cityB", role: "desk_staff" },
    ],
  },
];

export type DemoIdentity = { organizations: Record<string, string>; users: Record<string, string> };

/** Loads the demo identities once; returns null when they already exist. */
export async function seedDemoIdentities(db: Db, auth: Auth): Promise<DemoIdentity | null> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoUsers[0]!.email)).limit(1);
  if (existing) return null;
  const orgIds: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  for (const user of demoUsers) {
    const created = await auth.api.signUpEmail({ body: { name: user.name, email: user.email, password: DEMO_PASSWORD } });
    userIds[user.email] = created.user.id;
  }
  const seeder = { db, requestId: "demo-seed", actor: { userId: null, userName: "demo", organizationId: null } };
  const after = { organizations: orgSeeds.length, users: demoUsers.length };
  await runCommand(seeder, { action: "demo.seed", targetType: "platform", after }, async (tx) => {
    for (const seed of orgSeeds) {
      const [row] = await tx
        .insert(organizations)
        .values({
          kind: seed.kind,
          name: seed.name,
          nameKana: seed.nameKana ?? null,
          corporateNumber: seed.corporateNumber ?? null,
          localGovCode: seed.localGovCode ?? null,
          parentId: seed.parent ? orgIds[seed.parent]! : null,
          description: seed.description,
          fields: seed.fields,
        })
        .returning({ id: organizations.id });
      orgIds[seed.key] = row!.id;
    }
    for (const user of demoUsers) {
      let first: string | undefined;
      for (const m of user.memberships) {
        const [row] = await tx
          .insert(memberships)
          .values({
            userId: userIds[user.email]!,
            organizationId: orgIds[m.org]!,
            role: m.role,
            departmentId: m.department ? orgIds[m.department]! : null,
          })
          .returning({ id: memberships.id });
        first ??= row!.id;
      }
      await tx.update(users).set({ lastMembershipId: first!, emailVerified: true }).where(eq(users.id, userIds[user.email]!));
    }
  });
  return { organizations: orgIds, users: userIds };
}
