// Identity & tenancy at national scale: organisations of every kind spread
// over the real municipalities (public bodies with their departments,
// companies with valid 法人番号, universities, NPOs, banks, chambers of
// commerce, intermediaries), people with Japanese names, their memberships
// (roles fitting the organisation kind), credential accounts and API tokens.
import { corporateNumberCheckDigit } from "~/lib/corporate-number";
import { policyFieldCodes } from "~/lib/policy-fields";
import type { OrganizationKind, Role } from "~/lib/roles";
import { generateApiToken } from "~/features/identity/tokens";
import { bulkInsert, type BulkColumn, type CellValue } from "../lib/bulk";
import {
  brandWords,
  companyForms,
  departmentNames,
  givenNames,
  industryWords,
  middleWords,
  npoThemes,
  policyFieldDescriptions,
  surnames,
  universityKinds,
} from "../lib/names";
import { cumulative, type Random } from "../lib/random";
import {
  required,
  type DirectoryEntry,
  type GeneratedOrganizations,
  type GeneratedPeople,
  type GeneratorContext,
  type GeneratorStep,
} from "./types";

const DAY = 86_400_000;

/** How many organisations of each kind make up `total`. */
export function planOrganizations(total: number): Record<OrganizationKind, number> & { departmentsPerBody: number } {
  const prefecture = Math.min(47, Math.max(1, Math.round(total * 0.00047)));
  const municipality = Math.min(1747, Math.max(1, Math.round(total * 0.012)));
  const bodies = prefecture + municipality;
  const departmentsPerBody = Math.max(0, Math.min(8, Math.floor((total * 0.15) / bodies)));
  const department = bodies * departmentsPerBody;
  const partners = total - bodies - department;
  if (partners < 2) throw new RangeError(`too few organisations to generate: ${total}`);
  const share = (p: number) => Math.floor(partners * p);
  const plan = {
    prefecture,
    municipality,
    department,
    departmentsPerBody,
    university: share(0.02),
    financial_institution: share(0.015),
    npo: share(0.1),
    chamber_of_commerce: share(0.02),
    intermediary: Math.max(1, share(0.01)),
    other: Math.max(1, share(0.003)),
    company: 0,
  };
  plan.company =
    partners - plan.university - plan.financial_institution - plan.npo - plan.chamber_of_commerce - plan.intermediary - plan.other;
  return plan;
}

/** A valid 法人番号 from its 12-digit base (check digit in front). */
const corporateNumber = (base12: string) => `${corporateNumberCheckDigit(base12)}${base12}`;

/** The place-name stem of a local government ("守口市" → "守口"), with its reading. */
function placeStem(entry: DirectoryEntry): [string, string] {
  const suffixes: [string, string[]][] = [
    ["市", ["し"]],
    ["区", ["く"]],
    ["町", ["ちよう", "まち"]],
    ["村", ["むら", "そん"]],
    ["府", ["ふ"]],
    ["県", ["けん"]],
    ["都", ["と"]],
  ];
  for (const [kanji, readings] of suffixes) {
    if (!entry.name.endsWith(kanji) || entry.name.length < 2) continue;
    const reading = readings.find((r) => entry.nameKana.endsWith(r));
    return [entry.name.slice(0, -1), reading ? entry.nameKana.slice(0, -reading.length) : entry.nameKana];
  }
  return [entry.name, entry.nameKana];
}

function pickFields(random: Random, min: number, max: number): string[] {
  return random.sample(policyFieldCodes, random.int(min, max));
}

interface OrgRow {
  id: string;
  kind: OrganizationKind;
  name: string;
  nameKana: string | null;
  corporateNumber: string | null;
  localGovCode: string | null;
  parentId: string | null;
  description: string;
  fields: string[];
  createdAt: Date;
  domain: string;
}

const organizationColumns: BulkColumn[] = [
  { name: "id", type: "uuid" },
  { name: "kind", type: "text" },
  { name: "name", type: "text" },
  { name: "name_kana", type: "text" },
  { name: "corporate_number", type: "bpchar" },
  { name: "local_gov_code", type: "bpchar" },
  { name: "parent_id", type: "uuid" },
  { name: "description", type: "text" },
  { name: "fields", type: "text[]" },
  { name: "created_at", type: "timestamptz" },
  { name: "updated_at", type: "timestamptz" },
];

function generateOrganizations(ctx: GeneratorContext): { rows: OrgRow[]; result: GeneratedOrganizations } {
  const { random, now } = ctx;
  const directory = required(ctx.directory, "the national directory");
  const plan = planOrganizations(ctx.sizes.organizations);
  const prefectures = directory.filter((d) => d.kind === "prefecture");
  const municipalities = directory.filter((d) => d.kind === "municipality");
  // Partners cluster in cities: a 市 or 特別区 is four times as likely a head office as a 町 or 村.
  const homeWeights = cumulative(municipalities.map((m) => (/[市区]$/.test(m.name) ? 4 : 1)));
  const home = () => municipalities[random.weighted(homeWeights)]!;
  const createdAt = () => new Date(now.getTime() - random.int(1, 3 * 365) * DAY - random.int(0, DAY - 1));
  // 会社法人等番号: 4-digit registry office + 2-digit kind + 6-digit serial, unique per office and kind.
  const serials = new Map<string, number>();
  const partnerCorporateNumber = (entry: DirectoryEntry, kindCode: string) => {
    const office = `${entry.prefectureCode}${String(1 + random.int(0, 19)).padStart(2, "0")}${kindCode}`;
    const serial = (serials.get(office) ?? 0) + 1;
    serials.set(office, serial);
    return corporateNumber(`${office}${String(serial).padStart(6, "0")}`);
  };

  const rows: OrgRow[] = [];
  const result: GeneratedOrganizations = {
    ids: [],
    kinds: [],
    names: [],
    localGovCodes: [],
    domains: [],
    publicBodies: [],
    departmentsOf: new Map(),
    partnersByKind: {},
  };
  const add = (row: Omit<OrgRow, "id" | "createdAt"> & { createdAt?: Date }): number => {
    const full: OrgRow = { ...row, id: random.uuid(), createdAt: row.createdAt ?? createdAt() };
    const index = rows.push(full) - 1;
    result.ids.push(full.id);
    result.kinds.push(full.kind);
    result.names.push(full.name);
    result.localGovCodes.push(full.localGovCode);
    result.domains.push(full.domain);
    if (full.kind === "municipality" || full.kind === "prefecture") result.publicBodies.push(index);
    else if (full.kind !== "department") (result.partnersByKind[full.kind] ??= []).push(index);
    return index;
  };

  // Public bodies: real codes, 法人番号 of a local government = check + "000020" + code.
  const bodies = [
    ...random.sample(prefectures, plan.prefecture).map((entry) => ({ entry, kind: "prefecture" as const })),
    ...random.sample(municipalities, plan.municipality).map((entry) => ({ entry, kind: "municipality" as const })),
  ];
  for (const { entry, kind } of bodies) {
    const index = add({
      kind,
      name: entry.name,
      nameKana: entry.nameKana,
      corporateNumber: corporateNumber(`000020${entry.code}`),
      localGovCode: entry.code,
      parentId: null,
      description: `${entry.name}は${policyFieldDescriptions[kind]}`,
      fields: pickFields(random, 2, 5),
      domain: `${kind === "prefecture" ? "pref" : "city"}-${entry.code}.example.lg.jp`,
    });
    const parent = rows[index]!;
    const departments = random.sample(departmentNames, plan.departmentsPerBody).map((name) =>
      add({
        kind: "department",
        name,
        nameKana: null,
        corporateNumber: null,
        localGovCode: null,
        parentId: parent.id,
        description: `${parent.name}の${name}です。`,
        fields: pickFields(random, 1, 2),
        createdAt: parent.createdAt,
        domain: parent.domain,
      }),
    );
    result.departmentsOf.set(index, departments);
  }

  const partnerKinds: OrganizationKind[] = [
    "other",
    "intermediary",
    "university",
    "financial_institution",
    "chamber_of_commerce",
    "npo",
    "company",
  ];
  const formWeights = cumulative(companyForms.map((f) => f.weight));
  const formKindCode = ["01", "01", "03", "02"] as const;
  let otherCount = 0;
  for (const kind of partnerKinds) {
    for (let n = 0; n < plan[kind]; n++) {
      const place = home();
      const [stem, stemKana] = placeStem(place);
      const brand = random.pick(brandWords);
      const serial = rows.length;
      let name: string;
      let nameKana: string;
      let kindCode = "05";
      switch (kind) {
        case "company": {
          const formIndex = random.weighted(formWeights);
          const form = companyForms[formIndex]!;
          const middle = random.pick(middleWords);
          const industry = random.pick(industryWords);
          name = `${form.prefix}${brand[0]}${middle[0]}${industry[0]}${form.suffix}`;
          nameKana = `${brand[1]}${middle[1]}${industry[1]}`;
          kindCode = formKindCode[formIndex]!;
          break;
        }
        case "university": {
          const type = random.pick(universityKinds);
          const useBrand = random.chance(0.3);
          name = `${useBrand ? brand[0] : stem}${type[0]}`;
          nameKana = `${useBrand ? brand[1] : stemKana}${type[1]}`;
          break;
        }
        case "financial_institution": {
          const variant = random.int(0, 2);
          [name, nameKana] =
            variant === 0
              ? [`${brand[0]}銀行`, `${brand[1]}ぎんこう`]
              : variant === 1
                ? [`${stem}信用金庫`, `${stemKana}しんようきんこ`]
                : [`${stem}信用組合`, `${stemKana}しんようくみあい`];
          break;
        }
        case "chamber_of_commerce":
          [name, nameKana] = place.name.endsWith("市")
            ? [`${place.name}商工会議所`, `${stemKana}しょうこうかいぎしょ`]
            : [`${place.name}商工会`, `${stemKana}しょうこうかい`];
          break;
        case "npo": {
          const theme = random.pick(npoThemes);
          name = `特定非営利活動法人 ${stem}${theme[0]}`;
          nameKana = `${stemKana}${theme[1]}`;
          break;
        }
        case "intermediary": {
          const variant = random.int(0, 2);
          [name, nameKana] =
            variant === 0
              ? [`一般社団法人 ${brand[0]}地域連携機構`, `${brand[1]}ちいきれんけいきこう`]
              : variant === 1
                ? [`株式会社${brand[0]}パブリックパートナーズ`, `${brand[1]}ぱぶりっくぱーとなーず`]
                : [`一般財団法人 ${brand[0]}公民連携センター`, `${brand[1]}こうみんれんけいせんたー`];
          if (variant === 1) kindCode = "01";
          break;
        }
        default:
          // "other": the platform operator first, then foundations and associations.
          [name, nameKana] =
            otherCount++ === 0
              ? ["Renkei 運営事務局", "れんけいうんえいじむきょく"]
              : [`一般財団法人 ${brand[0]}まちづくり財団`, `${brand[1]}まちづくりざいだん`];
      }
      const isOperator = kind === "other" && otherCount === 1;
      add({
        kind,
        name,
        nameKana,
        corporateNumber: isOperator ? null : partnerCorporateNumber(place, kindCode),
        localGovCode: isOperator ? null : place.code,
        parentId: null,
        description: policyFieldDescriptions[kind] ?? "",
        fields: pickFields(random, 1, 3),
        domain: isOperator ? "operator.renkei.example" : `${brand[2]}-${serial.toString(36)}.example.jp`,
      });
    }
  }
  return { rows, result };
}

const organizationsStep: GeneratorStep = {
  name: "identity: organisations",
  async run(ctx) {
    const { rows, result } = generateOrganizations(ctx);
    const cells = rows.map((r): CellValue[] => [
      r.id,
      r.kind,
      r.name,
      r.nameKana,
      r.corporateNumber,
      r.localGovCode,
      r.parentId,
      r.description,
      r.fields,
      r.createdAt,
      r.createdAt,
    ]);
    const inserted = await bulkInsert(ctx.database, "organizations", organizationColumns, cells);
    ctx.organizations = result;
    return { organizations: inserted };
  },
};

const userColumns: BulkColumn[] = [
  { name: "id", type: "uuid" },
  { name: "name", type: "text" },
  { name: "email", type: "text" },
  { name: "email_verified", type: "boolean" },
  { name: "locale", type: "text" },
  { name: "last_membership_id", type: "uuid" },
  { name: "created_at", type: "timestamptz" },
  { name: "updated_at", type: "timestamptz" },
];
const accountColumns: BulkColumn[] = [
  { name: "id", type: "uuid" },
  { name: "account_id", type: "text" },
  { name: "provider_id", type: "text" },
  { name: "user_id", type: "uuid" },
  { name: "password", type: "text" },
  { name: "created_at", type: "timestamptz" },
  { name: "updated_at", type: "timestamptz" },
];
const membershipColumns: BulkColumn[] = [
  { name: "id", type: "uuid" },
  { name: "user_id", type: "uuid" },
  { name: "organization_id", type: "uuid" },
  { name: "role", type: "text" },
  { name: "department_id", type: "uuid" },
  { name: "created_at", type: "timestamptz" },
];

interface Assignment {
  organization: number;
  role: Role;
  department: number | null;
}

/**
 * Who works where. The first people fill every seat that must exist (platform
 * admins, a desk admin per public body, a member per partner, desk staff);
 * the rest are spread 30 % over public bodies (mostly department staff) and
 * 70 % over partners. Some take a second membership: coordinators seconded to
 * a municipality's desk, company and university people in an NPO or chamber
 * of commerce.
 */
function assigner(ctx: GeneratorContext) {
  const { random } = ctx;
  const orgs = required(ctx.organizations, "organisations");
  const partners = Object.values(orgs.partnersByKind)
    .flat()
    .sort((a, b) => a - b);
  const operator = orgs.partnersByKind.other?.[0];
  const municipalities = orgs.publicBodies.filter((i) => orgs.kinds[i] === "municipality");
  const community = [...(orgs.partnersByKind.npo ?? []), ...(orgs.partnersByKind.chamber_of_commerce ?? [])];

  const publicSeat = (body: number, role: Role): Assignment => {
    const departments = orgs.departmentsOf.get(body) ?? [];
    if (role === "department_staff" && departments.length === 0) return { organization: body, role: "desk_staff", department: null };
    return { organization: body, role, department: role === "department_staff" ? random.pick(departments) : null };
  };
  const partnerSeat = (org: number): Assignment => ({
    organization: org,
    role: orgs.kinds[org] === "intermediary" && random.chance(0.6) ? "coordinator" : "member",
    department: null,
  });

  const guaranteed: (() => Assignment)[] = [];
  if (operator !== undefined)
    for (let n = 0; n < 2; n++) guaranteed.push(() => ({ organization: operator, role: "platform_admin", department: null }));
  for (const body of orgs.publicBodies) guaranteed.push(() => publicSeat(body, "desk_admin"));
  for (const org of partners) if (org !== operator) guaranteed.push(() => partnerSeat(org));
  for (const body of orgs.publicBodies) guaranteed.push(() => publicSeat(body, "desk_staff"));

  const primary = (person: number): Assignment => {
    const seat = guaranteed[person];
    if (seat) return seat();
    if (random.chance(0.3)) {
      const x = random.next();
      return publicSeat(random.pick(orgs.publicBodies), x < 0.8 ? "department_staff" : x < 0.95 ? "desk_staff" : "desk_admin");
    }
    return partnerSeat(random.pick(partners));
  };
  const secondary = (first: Assignment): Assignment | null => {
    if (first.role === "coordinator" && municipalities.length && random.chance(0.5))
      return publicSeat(random.pick(municipalities), "desk_staff");
    const kind = orgs.kinds[first.organization];
    if ((kind === "company" || kind === "university") && community.length && random.chance(kind === "company" ? 0.12 : 0.2)) {
      return { organization: random.pick(community), role: "member", department: null };
    }
    return null;
  };
  return { primary, secondary };
}

const peopleStep: GeneratorStep = {
  name: "identity: people, credentials, memberships",
  async run(ctx) {
    const { random, now, sizes, database } = ctx;
    const orgs = required(ctx.organizations, "organisations");
    const assign = assigner(ctx);
    const people: GeneratedPeople = {
      ids: [],
      emails: [],
      names: [],
      primaryOrganization: new Int32Array(sizes.people),
      primaryRole: [],
      membershipCount: 0,
    };
    const counts = { users: 0, auth_accounts: 0, memberships: 0 };
    const chunk = 5000;
    for (let start = 0; start < sizes.people; start += chunk) {
      const users: CellValue[][] = [];
      const accounts: CellValue[][] = [];
      const memberships: CellValue[][] = [];
      for (let person = start; person < Math.min(sizes.people, start + chunk); person++) {
        const surname = random.pick(surnames);
        const given = random.pick(givenNames);
        const first = assign.primary(person);
        const second = assign.secondary(first);
        const userId = random.uuid();
        const membershipId = random.uuid();
        const email = `${given[2]}.${surname[2]}.${person.toString(36)}@${orgs.domains[first.organization]}`;
        const joined = new Date(now.getTime() - random.int(1, 2 * 365) * DAY - random.int(0, DAY - 1));
        const name = `${surname[0]} ${given[0]}`;
        users.push([userId, name, email, true, random.chance(0.03) ? "en" : "ja", membershipId, joined, joined]);
        accounts.push([random.uuid(), userId, "credential", userId, ctx.passwordHash, joined, joined]);
        memberships.push([
          membershipId,
          userId,
          orgs.ids[first.organization]!,
          first.role,
          first.department === null ? null : orgs.ids[first.department]!,
          joined,
        ]);
        if (second) {
          const later = new Date(joined.getTime() + random.int(1, 300) * DAY);
          memberships.push([
            random.uuid(),
            userId,
            orgs.ids[second.organization]!,
            second.role,
            second.department === null ? null : orgs.ids[second.department]!,
            later,
          ]);
        }
        people.ids.push(userId);
        people.emails.push(email);
        people.names.push(name);
        people.primaryOrganization[person] = first.organization;
        people.primaryRole.push(first.role);
      }
      counts.users += await bulkInsert(database, "users", userColumns, users);
      counts.auth_accounts += await bulkInsert(database, "auth_accounts", accountColumns, accounts);
      counts.memberships += await bulkInsert(database, "memberships", membershipColumns, memberships);
    }
    people.membershipCount = counts.memberships;
    ctx.people = people;
    const sample = random.sample(
      people.ids.map((_, i) => i),
      sizes.samplePeople,
    );
    ctx.samples.people.push(...sample.map((i) => ({ userId: people.ids[i]!, email: people.emails[i]! })));
    return counts;
  },
};

const tokenColumns: BulkColumn[] = [
  { name: "id", type: "uuid" },
  { name: "user_id", type: "uuid" },
  { name: "name", type: "text" },
  { name: "token_hash", type: "text" },
  { name: "prefix", type: "text" },
  { name: "created_at", type: "timestamptz" },
  { name: "expires_at", type: "timestamptz" },
];

const apiTokensStep: GeneratorStep = {
  name: "identity: API tokens",
  async run(ctx) {
    const { random, now } = ctx;
    const people = required(ctx.people, "people");
    const owners = random.sample(
      people.ids.map((_, i) => i),
      ctx.sizes.apiTokens,
    );
    const rows: CellValue[][] = [];
    for (const owner of owners) {
      // The secret is random (not seeded): tokens are credentials even in a benchmark.
      const issued = generateApiToken();
      const userId = people.ids[owner]!;
      const expiresAt = random.chance(0.5) ? null : new Date(now.getTime() + random.int(7, 365) * DAY);
      rows.push([
        random.uuid(),
        userId,
        random.pick(["連携システム", "CLI", "BIツール", "API (POST /api/v1/tokens)"]),
        issued.hash,
        issued.prefix,
        now,
        expiresAt,
      ]);
      ctx.samples.tokens.push({ userId, token: issued.token });
    }
    return { api_tokens: await bulkInsert(ctx.database, "api_tokens", tokenColumns, rows) };
  },
};

export const identitySteps: GeneratorStep[] = [organizationsStep, peopleStep, apiTokensStep];
