// Agreements at national scale: owned by the municipalities (busy cities far
// more than villages; a few by prefectures), two to five parties drawn from
// the partner organisations (mostly of the same prefecture; universities,
// banks and intermediaries hold many, a few large partners very many; now
// and then the prefecture joins a municipality's agreement), about eight
// cooperation items each tagged with a policy field. The status follows the
// dates: signed in the last eight years (recent ones more often) for a term
// of three to five years, some renewing automatically, so most are active,
// older ones renewed or ended. Every agreement past drafting has its approval
// steps, each status step is on the timeline, and every party has named
// contacts (a secondary for most, a handover now and then).
import { defaultApprovalChain, type AgreementMethod, type AgreementStatus } from "~/features/agreements/constants";
import { translate } from "~/lib/i18n";
import { normalizeForSearch } from "~/lib/japanese-text";
import { policyFieldCodes, type PolicyFieldCode } from "~/lib/policy-fields";
import type { OrganizationKind } from "~/lib/roles";
import { tokyoIsoDate } from "~/lib/wareki";
import {
  agreementRoles,
  ceremonies,
  confidentialities,
  consultationBodies,
  costSharings,
  deskUnit,
  endReasons,
  partnerUnits,
  pressReleases,
  renewalEvaluations,
  signatoryTitles,
  terminationReasons,
} from "../lib/agreement-texts";
import { bulkInsert, withIndexesDeferred, type BulkColumn, type CellValue } from "../lib/bulk";
import { givenNames, surnames } from "../lib/names";
import { cumulative, type Random } from "../lib/random";
import { areas, fieldTexts } from "../lib/texts";
import { staffOf } from "./staff";
import { DAY } from "./themes";
import { required, type GeneratedAgreements, type GeneratorContext, type GeneratorStep } from "./types";

/** Still being drafted, and waiting in the internal approval chain: the rest were signed. */
const DRAFT_SHARE = 0.05;
const APPROVAL_SHARE = 0.04;
/** Owned by a prefecture (県と企業の包括連携協定) rather than a municipality. */
const PREFECTURE_OWNED_SHARE = 0.04;
/** A municipality's agreement the prefecture joins as a party (広域の連携). */
const PREFECTURE_JOINS_SHARE = 0.05;
/** Signed up to eight years ago, recent ones more often (age = 8 y × u^1.6). */
const MAX_AGE_DAYS = 8 * 365;
const AGE_SKEW = 1.6;

const methods: readonly (readonly [AgreementMethod, number])[] = [
  ["comprehensive", 40],
  ["project", 45],
  ["other", 10],
  ["procurement", 5],
];
const methodWeights = cumulative(methods.map(([, w]) => w));
/** Cooperation items per agreement by method: 8 on average over the mix. */
const itemCounts: Readonly<Record<AgreementMethod, readonly [number, number]>> = {
  comprehensive: [8, 18],
  project: [2, 8],
  other: [2, 6],
  procurement: [2, 6],
};
/** Partners besides the owner: 1 (most), up to 4. */
const partnerCountWeights = cumulative([62, 22, 11, 5]);
/** How often a partner of each kind signs agreements, per organisation. */
const kindWeights: Partial<Record<OrganizationKind, number>> = {
  company: 1,
  university: 6,
  financial_institution: 6,
  chamber_of_commerce: 3,
  npo: 0.6,
  intermediary: 12,
  other: 1,
};

const isoPlusDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
function isoPlusYears(iso: string, years: number): string {
  const [y, m, d] = iso.split("-");
  return `${Number(y) + years}-${m}-${m === "02" && d === "29" ? "28" : d}`;
}
/** A moment on a Japanese calendar day. */
const tokyoAt = (iso: string, time = "10:00") => Date.parse(`${iso}T${time}:00+09:00`);
const personName = (random: Random) => `${random.pick(surnames)[0]} ${random.pick(givenNames)[0]}`;
const phone = (random: Random) => `0${random.int(3, 99)}-${random.int(100, 9999)}-${String(random.int(0, 9999)).padStart(4, "0")}`;

interface Life {
  status: AgreementStatus;
  /** Status steps from draft on, each with its epoch ms. */
  path: AgreementStatus[];
  at: number[];
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  renewalRule: "automatic" | "explicit";
  renewalYears: number | null;
  objectionDeadline: string | null;
  liveFrom: number;
  liveUntil: number;
  ongoing: boolean;
}

/**
 * Dates first, status from them: signed `age` days ago, started then or up to
 * two months later, ending after its term; past its end it was renewed
 * (automatic ones mostly), ended, or is still marked active because nobody
 * recorded the end (形骸化). One in ten was never marked as started.
 */
export function lifeOf(random: Random, nowMs: number): Life {
  const none = {
    signedOn: null,
    startsOn: null,
    endsOn: null,
    renewalRule: "explicit" as const,
    renewalYears: null,
    objectionDeadline: null,
    liveFrom: Number.NaN,
    liveUntil: Number.NaN,
    ongoing: false,
  };
  const x = random.next();
  if (x < DRAFT_SHARE) {
    return { ...none, status: "draft", path: ["draft"], at: [nowMs - random.int(1, 180) * DAY - random.int(0, DAY - 1)] };
  }
  if (x < DRAFT_SHARE + APPROVAL_SHARE) {
    const drafted = nowMs - random.int(20, 200) * DAY;
    return {
      ...none,
      status: "internal_approval",
      path: ["draft", "internal_approval"],
      at: [drafted, Math.min(nowMs - 60_000, drafted + random.int(5, 60) * DAY)],
    };
  }
  const signedOn = tokyoIsoDate(new Date(nowMs - Math.floor(MAX_AGE_DAYS * random.next() ** AGE_SKEW * DAY) - DAY));
  const signedAt = tokyoAt(signedOn, random.pick(["10:00", "11:00", "14:00", "15:30"]));
  const startsOn = random.chance(0.5) ? signedOn : isoPlusDays(signedOn, random.int(1, 60));
  const endsOn = isoPlusDays(isoPlusYears(startsOn, random.pick([3, 3, 3, 4, 5, 5])), -1);
  const automatic = random.chance(0.35);
  const objectionDeadline = automatic ? isoPlusDays(endsOn, -random.pick([30, 60, 90])) : null;
  const startAt = Math.max(signedAt + 3_600_000, tokyoAt(startsOn, "09:00"));
  const endAt = tokyoAt(endsOn, "23:59");
  const before: AgreementStatus[] = ["draft", "internal_approval", "signed"];
  const beforeAt = [signedAt - random.int(30, 120) * DAY, signedAt - random.int(7, 25) * DAY, signedAt];
  const life = (status: AgreementStatus, after: [AgreementStatus, number][], liveUntil: number, ongoing: boolean): Life => ({
    status,
    path: [...before, ...after.map(([s]) => s)],
    at: [...beforeAt, ...after.map(([, t]) => Math.min(nowMs - 1000, t))],
    signedOn,
    startsOn,
    endsOn,
    renewalRule: automatic ? "automatic" : "explicit",
    renewalYears: automatic ? random.pick([1, 1, 1, 2, 3]) : null,
    objectionDeadline,
    liveFrom: startAt,
    liveUntil,
    ongoing,
  });
  if (startAt > nowMs || random.chance(0.1)) return life("signed", [], nowMs, true);
  const between = (from: number, to: number) => from + Math.floor(random.next() * Math.max(0, Math.min(to, nowMs) - from));
  if (nowMs <= endAt) {
    if (random.chance(0.03)) {
      const terminatedAt = between(startAt + DAY, nowMs);
      return life(
        "terminated",
        [
          ["active", startAt],
          ["terminated", terminatedAt],
        ],
        terminatedAt,
        false,
      );
    }
    const reviewFrom = endAt - 180 * DAY;
    if (!automatic && nowMs >= reviewFrom && random.chance(0.6))
      return life(
        "renewal_review",
        [
          ["active", startAt],
          ["renewal_review", between(Math.max(startAt, reviewFrom), nowMs)],
        ],
        nowMs,
        true,
      );
    return life("active", [["active", startAt]], nowMs, true);
  }
  const r = random.next();
  const reviewAt = Math.max(startAt + DAY, endAt - random.int(30, 150) * DAY);
  const renewedAt = Math.max(reviewAt + DAY, endAt - random.int(0, 25) * DAY);
  const endedAt = Math.min(nowMs - 1000, endAt + random.int(0, 30) * DAY);
  if (r < (automatic ? 0.7 : 0.35))
    return life(
      "renewed",
      [
        ["active", startAt],
        ["renewal_review", reviewAt],
        ["renewed", renewedAt],
      ],
      nowMs,
      true,
    );
  if (r < (automatic ? 0.8 : 0.85)) {
    const via: [AgreementStatus, number][] = random.chance(0.5) ? [["renewal_review", reviewAt]] : [];
    return life("ended", [["active", startAt], ...via, ["ended", endedAt]], endedAt, false);
  }
  return life("active", [["active", startAt]], nowMs, true);
}

const agreementColumns: BulkColumn[] = [
  { name: "id", type: "uuid" },
  { name: "municipality_id", type: "uuid" },
  { name: "local_gov_code", type: "bpchar" },
  { name: "title", type: "text" },
  { name: "method", type: "text" },
  { name: "purpose", type: "text" },
  { name: "roles", type: "text" },
  { name: "consultation_body", type: "text" },
  { name: "cost_sharing", type: "text" },
  { name: "confidentiality", type: "text" },
  { name: "starts_on", type: "date" },
  { name: "ends_on", type: "date" },
  { name: "renewal_rule", type: "text" },
  { name: "renewal_years", type: "int4" },
  { name: "objection_deadline", type: "date" },
  { name: "status", type: "text" },
  { name: "signed_on", type: "date" },
  { name: "ceremony", type: "text" },
  { name: "press_release", type: "text" },
  { name: "public_summary", type: "text" },
  { name: "is_public", type: "boolean" },
  { name: "evaluation", type: "text" },
  { name: "end_reason", type: "text" },
  { name: "search_text", type: "text" },
  { name: "created_by", type: "uuid" },
  { name: "created_at", type: "timestamptz" },
  { name: "updated_at", type: "timestamptz" },
];
const partyColumns: BulkColumn[] = [
  { name: "agreement_id", type: "uuid" },
  { name: "organization_id", type: "uuid" },
  { name: "position", type: "int4" },
  { name: "signatory_title", type: "text" },
  { name: "signatory_name", type: "text" },
];
const itemColumns: BulkColumn[] = [
  { name: "id", type: "uuid" },
  { name: "agreement_id", type: "uuid" },
  { name: "position", type: "int4" },
  { name: "title", type: "text" },
  { name: "description", type: "text" },
  { name: "field", type: "text" },
  { name: "priority", type: "text" },
  { name: "horizon", type: "text" },
  { name: "department_id", type: "uuid" },
  { name: "partner_owner", type: "text" },
];
const stepColumns: BulkColumn[] = [
  { name: "id", type: "uuid" },
  { name: "agreement_id", type: "uuid" },
  { name: "position", type: "int4" },
  { name: "side", type: "text" },
  { name: "party_org_id", type: "uuid" },
  { name: "label", type: "text" },
  { name: "status", type: "text" },
  { name: "approver_name", type: "text" },
  { name: "decided_on", type: "date" },
  { name: "comment", type: "text" },
  { name: "recorded_by", type: "uuid" },
  { name: "recorded_at", type: "timestamptz" },
];
const eventColumns: BulkColumn[] = [
  { name: "id", type: "uuid" },
  { name: "agreement_id", type: "uuid" },
  { name: "from_status", type: "text" },
  { name: "to_status", type: "text" },
  { name: "actor_user_id", type: "uuid" },
  { name: "actor_name", type: "text" },
  { name: "note", type: "text" },
  { name: "created_at", type: "timestamptz" },
];
const contactColumns: BulkColumn[] = [
  { name: "id", type: "uuid" },
  { name: "agreement_id", type: "uuid" },
  { name: "organization_id", type: "uuid" },
  { name: "rank", type: "text" },
  { name: "person_name", type: "text" },
  { name: "unit", type: "text" },
  { name: "email", type: "text" },
  { name: "phone", type: "text" },
  { name: "active", type: "boolean" },
  { name: "created_at", type: "timestamptz" },
  { name: "ended_at", type: "timestamptz" },
];
const handoverColumns: BulkColumn[] = [
  { name: "id", type: "uuid" },
  { name: "agreement_id", type: "uuid" },
  { name: "organization_id", type: "uuid" },
  { name: "rank", type: "text" },
  { name: "from_name", type: "text" },
  { name: "to_name", type: "text" },
  { name: "notes", type: "text" },
  { name: "open_items", type: "text" },
  { name: "meeting_on", type: "date" },
  { name: "created_by", type: "uuid" },
  { name: "created_at", type: "timestamptz" },
];

export const agreementTables = [
  "agreements",
  "agreement_parties",
  "agreement_items",
  "approval_steps",
  "agreement_events",
  "agreement_contacts",
  "agreement_handovers",
] as const;

const tableColumns: Record<(typeof agreementTables)[number], BulkColumn[]> = {
  agreements: agreementColumns,
  agreement_parties: partyColumns,
  agreement_items: itemColumns,
  approval_steps: stepColumns,
  agreement_events: eventColumns,
  agreement_contacts: contactColumns,
  agreement_handovers: handoverColumns,
};

const fieldLabel = (field: PolicyFieldCode) => translate("ja", `field.${field}`);

/** Who signs agreements: partners with members, by prefecture and nationwide, weighted by kind and a heavy tail (a few sign very many). */
function partnerPools(ctx: GeneratorContext) {
  const { random } = ctx;
  const orgs = required(ctx.organizations, "organisations");
  const staff = staffOf(ctx);
  const operator = orgs.partnersByKind.other?.[0];
  const partners = [...staff.members.keys()]
    .filter((o) => o !== operator && orgs.kinds[o] !== "department" && orgs.kinds[o] !== "municipality" && orgs.kinds[o] !== "prefecture")
    .sort((a, b) => a - b);
  if (partners.length === 0) throw new Error("agreements need partner organisations with members");
  const weightOf = new Map(partners.map((p) => [p, (kindWeights[orgs.kinds[p]!] ?? 1) * (1 + 9 * random.next() ** 8)]));
  const pool = (list: number[]) => ({ list, weights: cumulative(list.map((p) => weightOf.get(p)!)) });
  const byPrefecture = new Map<string, number[]>();
  for (const p of partners) {
    const prefecture = orgs.localGovCodes[p]?.slice(0, 2);
    if (!prefecture) continue;
    const list = byPrefecture.get(prefecture);
    if (list) list.push(p);
    else byPrefecture.set(prefecture, [p]);
  }
  const national = pool(partners);
  const local = new Map([...byPrefecture].map(([code, list]) => [code, pool(list)]));
  return {
    /** One partner: of the same prefecture with probability 0.6 (when there is one). */
    pick(prefecture: string | null): number {
      const near = prefecture === null ? undefined : local.get(prefecture);
      const from = near && random.chance(0.6) ? near : national;
      return from.list[random.weighted(from.weights)]!;
    },
  };
}

interface ItemPlan {
  title: string;
  description: string;
  field: PolicyFieldCode;
  /** The proposal idea behind the item (summary and plan), if any: a project agreement's purpose. */
  idea: readonly [string, string, string] | null;
}

/** Later phases of the same initiative get their own item. */
const phases = ["第2期", "拡充", "他地区への展開", "継続"] as const;

/** Items: a comprehensive agreement spans many fields ("〜に関すること"); a project one goes deep in one or two. */
function planItems(random: Random, method: AgreementMethod): ItemPlan[] {
  const [min, max] = itemCounts[method];
  const count = random.int(min, max);
  const fields =
    method === "comprehensive"
      ? random.sample(policyFieldCodes, Math.min(count, random.int(5, 12)))
      : random.sample(policyFieldCodes, random.chance(0.7) ? 1 : 2);
  const used = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const field = fields[i % fields.length]!;
    if (method === "comprehensive" && i < fields.length && random.chance(0.7))
      return { title: `${fieldLabel(field)}に関すること`, description: "", field, idea: null };
    const idea = random.pick(fieldTexts[field].ideas);
    const title = used.has(idea[0]) ? `${idea[0]}（${random.pick(phases)}）` : idea[0];
    used.add(title);
    return { title, description: random.chance(0.6) ? idea[1] : "", field, idea };
  });
}

function titleOf(random: Random, method: AgreementMethod, owner: string, partners: string[], items: ItemPlan[]): string {
  const names = partners.join("・");
  const main = items[0]!;
  switch (method) {
    case "comprehensive":
      return random.chance(0.5) ? `${owner}と${names}との包括連携協定` : `${names}と${owner}との包括連携に関する協定`;
    case "project":
      return main.idea && random.chance(0.6)
        ? `${main.idea[0]}に関する事業連携協定`
        : `${fieldLabel(main.field).split("・")[0]}に関する連携協定（${partners[0]}）`;
    case "other":
      return `${fieldLabel(main.field).split("・")[0]}に関する覚書`;
    case "procurement":
      return `${main.idea?.[0] ?? fieldLabel(main.field).split("・")[0]}業務に係る連携協定`;
  }
}

function purposeOf(random: Random, method: AgreementMethod, owner: string, partners: string[], items: ItemPlan[]): string {
  const labels = [...new Set(items.map((i) => fieldLabel(i.field).split("・")[0]))].slice(0, 4).join("、");
  const idea = items[0]!.idea;
  if (method === "comprehensive" || !idea) {
    return `${owner}と${partners.join("及び")}は、相互の連携と協力を強化し、${labels}などの分野で協働して地域の課題を解決し、住民サービスの向上と地域の活性化を図ることを目的とする。`;
  }
  const area = random.pick(areas);
  return `${idea[1]}${area ? `${area}を対象に、` : ""}${idea[2]}`;
}

const agreementsStep: GeneratorStep = {
  name: "agreements: agreements, parties, items, approvals, timeline, contacts",
  async run(ctx) {
    const { random, now, database } = ctx;
    const orgs = required(ctx.organizations, "organisations");
    const people = required(ctx.people, "people");
    const themes = required(ctx.themes, "theme calls (for how busy each municipality is)");
    const staff = staffOf(ctx);
    const nowMs = now.getTime();
    const count = ctx.sizes.agreements;
    const pools = partnerPools(ctx);
    const prefectures = orgs.publicBodies.filter((i) => orgs.kinds[i] === "prefecture");
    const prefectureByCode = new Map(prefectures.map((i) => [orgs.localGovCodes[i]!.slice(0, 2), i]));
    const anyone = () => random.int(0, people.ids.length - 1);

    const generated: GeneratedAgreements = {
      ids: [],
      owner: new Int32Array(count),
      method: [],
      keeper: new Int32Array(count),
      liveFrom: new Float64Array(count),
      liveUntil: new Float64Array(count),
      ongoing: new Uint8Array(count),
    };
    const counts: Record<(typeof agreementTables)[number], number> = {
      agreements: 0,
      agreement_parties: 0,
      agreement_items: 0,
      approval_steps: 0,
      agreement_events: 0,
      agreement_contacts: 0,
      agreement_handovers: 0,
    };
    const chunk = 5000;
    await withIndexesDeferred(database, agreementTables, async () => {
      for (let start = 0; start < count; start += chunk) {
        const rows: Record<keyof typeof counts, CellValue[][]> = {
          agreements: [],
          agreement_parties: [],
          agreement_items: [],
          approval_steps: [],
          agreement_events: [],
          agreement_contacts: [],
          agreement_handovers: [],
        };
        for (let n = start; n < Math.min(count, start + chunk); n++) {
          // Who: the owner (busy municipalities more often, now and then a prefecture) and its partners.
          const owner =
            prefectures.length > 0 && random.chance(PREFECTURE_OWNED_SHARE)
              ? random.pick(prefectures)
              : themes.municipalities[random.weighted(themes.activity)]!;
          const ownerCode = orgs.localGovCodes[owner]!;
          const prefecture = ownerCode.slice(0, 2);
          const partners: number[] = [];
          const wanted = 1 + random.weighted(partnerCountWeights);
          for (let tries = 0; partners.length < wanted && tries < wanted * 5; tries++) {
            const p = pools.pick(prefecture);
            if (!partners.includes(p)) partners.push(p);
          }
          const joining = prefectureByCode.get(prefecture);
          if (orgs.kinds[owner] === "municipality" && joining !== undefined && partners.length < 4 && random.chance(PREFECTURE_JOINS_SHARE))
            partners.push(joining);
          const desk = staff.desk.get(owner);
          const keeper = desk ? random.pick(desk) : anyone();
          const method = methods[random.weighted(methodWeights)]![0];
          const items = planItems(random, method);
          const partnerNames = partners.map((p) => orgs.names[p]!);
          const title = titleOf(random, method, orgs.names[owner]!, partnerNames, items);
          const purpose = purposeOf(random, method, orgs.names[owner]!, partnerNames, items);
          const life = lifeOf(random, nowMs);
          const signed = life.signedOn !== null;
          const id = random.uuid();
          const keeperId = people.ids[keeper]!;
          const keeperName = people.names[keeper]!;
          const parties = [owner, ...partners];

          generated.ids.push(id);
          generated.owner[n] = owner;
          generated.method.push(method);
          generated.keeper[n] = keeper;
          generated.liveFrom[n] = life.liveFrom;
          generated.liveUntil[n] = life.liveUntil;
          generated.ongoing[n] = life.ongoing ? 1 : 0;

          parties.forEach((org, position) => {
            rows.agreement_parties.push([
              id,
              orgs.ids[org]!,
              position,
              signed ? (signatoryTitles[orgs.kinds[org]!] ?? "代表者") : "",
              signed ? personName(random) : "",
            ]);
          });
          const departments = orgs.departmentsOf.get(owner) ?? [];
          items.forEach((item, position) => {
            const partnerOwner = random.chance(0.7) ? `${partnerNames[position % partnerNames.length]} ${random.pick(partnerUnits)}` : "";
            rows.agreement_items.push([
              random.uuid(),
              id,
              position,
              item.title,
              item.description,
              item.field,
              random.pick(["high", "medium", "medium", "low"]),
              random.pick(["short", "short", "mid", "mid", "long"]),
              departments.length > 0 && random.chance(0.7) ? orgs.ids[random.pick(departments)]! : null,
              partnerOwner,
            ]);
          });

          // The timeline: every status step by the desk, with why for renewals and endings.
          let from: AgreementStatus | null = null;
          let note: string | null = null;
          let evaluation: string | null = null;
          let endReason: string | null = null;
          life.path.forEach((to, i) => {
            note = null;
            if (to === "renewed") note = evaluation = random.pick(renewalEvaluations);
            if (to === "ended") note = endReason = random.pick(endReasons);
            if (to === "terminated") note = endReason = random.pick(terminationReasons);
            rows.agreement_events.push([random.uuid(), id, from, to, keeperId, keeperName, note, new Date(life.at[i]!)]);
            from = to;
          });

          // Approvals: the city's chain in order, then each partner's own; all approved once signed. A return sends
          // the agreement back to draft (decision 0013), so one in approval has only approved and pending steps.
          if (life.status !== "draft") {
            const submittedAt = life.at[1]!;
            const decidedUntil = signed ? life.at[2]! : nowMs;
            const labels = [
              ...defaultApprovalChain.filter((s) => !s.optional).map((s) => ({ side: "municipality", org: owner, label: s.label })),
              ...partners.map((org) => ({ side: "partner", org, label: "社内決裁（法務確認・取締役会等）" })),
            ];
            const done = signed ? labels.length : random.int(0, labels.length - 1);
            labels.forEach((step, position) => {
              const decided = position < done;
              const at = submittedAt + Math.floor(((position + 1) / (labels.length + 1)) * (decidedUntil - submittedAt));
              rows.approval_steps.push([
                random.uuid(),
                id,
                position,
                step.side,
                orgs.ids[step.org]!,
                step.label,
                decided ? "approved" : "pending",
                decided ? personName(random) : null,
                decided ? tokyoIsoDate(new Date(at)) : null,
                null,
                decided ? keeperId : null,
                decided ? new Date(at) : null,
              ]);
            });
          }

          // Contacts: a primary for every party (a secondary for most), named once approval starts; sometimes handed over.
          if (life.status !== "draft") {
            const namedAt = life.at[1]!;
            for (const org of parties) {
              const side = org === owner || orgs.kinds[org] === "prefecture" ? staff.desk.get(org) : staff.members.get(org);
              if (!side || side.length === 0) continue;
              for (const rank of ["primary", "secondary"] as const) {
                if (rank === "secondary" && !random.chance(0.65)) continue;
                const person = random.pick(side);
                const ownDepartments = orgs.departmentsOf.get(org) ?? [];
                const unit =
                  org === owner || orgs.kinds[org] === "prefecture"
                    ? rank === "primary" || ownDepartments.length === 0
                      ? deskUnit
                      : orgs.names[random.pick(ownDepartments)]!
                    : random.pick(partnerUnits);
                const contact = (name: string, email: string, active: boolean, createdAt: number, endedAt: number | null): CellValue[] => [
                  random.uuid(),
                  id,
                  orgs.ids[org]!,
                  rank,
                  name,
                  unit,
                  email,
                  random.chance(0.8) ? phone(random) : "",
                  active,
                  new Date(createdAt),
                  endedAt === null ? null : new Date(endedAt),
                ];
                // A transfer (人事異動) a year or more in: the old contact stays as history.
                if (signed && nowMs - namedAt > 400 * DAY && random.chance(0.1)) {
                  const handedAt = namedAt + Math.floor((0.3 + 0.6 * random.next()) * (nowMs - namedAt));
                  const before = personName(random);
                  rows.agreement_contacts.push(contact(before, "", false, namedAt, handedAt));
                  rows.agreement_contacts.push(contact(people.names[person]!, people.emails[person]!, true, handedAt, null));
                  rows.agreement_handovers.push([
                    random.uuid(),
                    id,
                    orgs.ids[org]!,
                    rank,
                    before,
                    people.names[person]!,
                    "連携事項ごとの進捗と関係者の連絡先を引き継いだ。",
                    random.chance(0.5) ? "次回の実務者会議の日程調整" : "",
                    random.chance(0.7) ? tokyoIsoDate(new Date(handedAt)) : null,
                    keeperId,
                    new Date(handedAt),
                  ]);
                } else {
                  rows.agreement_contacts.push(contact(people.names[person]!, people.emails[person]!, true, namedAt, null));
                }
              }
            }
          }

          const isPublic = signed && random.chance(0.7);
          const ceremony = signed && random.chance(0.6);
          rows.agreements.push([
            id,
            orgs.ids[owner]!,
            ownerCode,
            title,
            method,
            purpose,
            random.pick(agreementRoles),
            random.pick(consultationBodies),
            random.pick(costSharings),
            random.pick(confidentialities),
            life.startsOn,
            life.endsOn,
            life.renewalRule,
            life.renewalYears,
            life.objectionDeadline,
            life.status,
            life.signedOn,
            ceremony ? random.pick(ceremonies) : "",
            ceremony ? random.pick(pressReleases) : "",
            isPublic
              ? `${orgs.names[owner]}と${partnerNames.join("、")}が連携し、${[...new Set(items.map((i) => fieldLabel(i.field).split("・")[0]))].slice(0, 3).join("、")}などに取り組みます。`
              : "",
            isPublic,
            evaluation,
            endReason,
            // The app's columnsOf: title, purpose and the items' titles, normalised.
            normalizeForSearch(`${title} ${purpose} ${items.map((i) => i.title).join(" ")}`),
            keeperId,
            new Date(life.at[0]!),
            new Date(life.at.at(-1)!),
          ]);
        }
        for (const table of agreementTables)
          counts[table] += await bulkInsert(database, table, tableColumns[table], rows[table], table === "agreements" ? 2500 : 5000);
      }
    });
    ctx.agreements = generated;
    return counts;
  },
};

export const agreementSteps: GeneratorStep[] = [agreementsStep];
