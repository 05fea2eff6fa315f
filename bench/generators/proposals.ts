// Proposals at national scale: from partner organisations (mostly of the same
// prefecture) to the municipalities, busy cities far more than villages; about
// a third against a theme call of that municipality, submitted while it was
// open. Status follows age (fresh ones wait in the inbox, old ones are
// implemented, closed or declined), every status step is on the timeline with
// who and when, proposals accepted and beyond are shared with departments, and
// those in dialogue have a few messages and meeting notes.
import { declineGrounds, type PartnershipMethod, type ProposalStatus } from "~/features/proposals/constants";
import { normalizeForSearch } from "~/lib/japanese-text";
import { policyFieldCodes } from "~/lib/policy-fields";
import { tokyoIsoDate } from "~/lib/wareki";
import { bulkInsert, withIndexesDeferred, type BulkColumn, type CellValue } from "../lib/bulk";
import { cumulative, type Random } from "../lib/random";
import { areas, benefits, declineReasons, deskMessages, fieldTexts, meetingNotes, partnerMessages, resources } from "../lib/texts";
import { staffOf } from "./staff";
import { DAY, moreFields } from "./themes";
import { required, type GeneratorContext, type GeneratorStep } from "./types";

type Weights = readonly (readonly [ProposalStatus, number])[];

/** Where a submitted proposal stands, by its age in days: young ones wait, old ones are done. */
const statusByAge: readonly { maxDays: number; weights: Weights }[] = [
  {
    maxDays: 7,
    weights: [
      ["submitted", 65],
      ["screening", 22],
      ["declined", 4],
      ["in_dialogue", 6],
      ["withdrawn", 3],
    ],
  },
  {
    maxDays: 30,
    weights: [
      ["submitted", 18],
      ["screening", 32],
      ["declined", 15],
      ["in_dialogue", 29],
      ["withdrawn", 6],
    ],
  },
  {
    maxDays: 120,
    weights: [
      ["submitted", 2],
      ["screening", 6],
      ["declined", 20],
      ["in_dialogue", 40],
      ["agreement_preparation", 10],
      ["procurement", 5],
      ["implementing", 9],
      ["withdrawn", 8],
    ],
  },
  {
    maxDays: 365,
    weights: [
      ["declined", 20],
      ["in_dialogue", 14],
      ["agreement_preparation", 8],
      ["procurement", 6],
      ["implementing", 26],
      ["withdrawn", 8],
      ["closed", 18],
    ],
  },
  {
    maxDays: Infinity,
    weights: [
      ["declined", 20],
      ["in_dialogue", 3],
      ["agreement_preparation", 2],
      ["procurement", 3],
      ["implementing", 25],
      ["withdrawn", 7],
      ["closed", 40],
    ],
  },
];
const statusTables = statusByAge.map((b) => ({
  maxDays: b.maxDays,
  statuses: b.weights.map(([s]) => s),
  cumulative: cumulative(b.weights.map(([, w]) => w)),
}));

/** Share of proposals still drafts (never submitted). */
const DRAFT_SHARE = 0.07;
/** Share of proposals answering a theme call (when the municipality has one). */
const THEME_SHARE = 0.35;

/** The timeline to a status: the workflow steps of features/proposals/policy.ts, with the common detours. */
export function pathTo(random: Random, status: ProposalStatus): ProposalStatus[] {
  const intake: ProposalStatus[] = random.chance(0.85) ? ["submitted", "screening"] : ["submitted"];
  // Accepting opens the dialogue in one step (decision 0032).
  const dialogue: ProposalStatus[] = [...intake, "in_dialogue"];
  switch (status) {
    case "draft":
      return [];
    case "submitted":
      return ["submitted"];
    case "screening":
      return ["submitted", "screening"];
    case "declined":
      return [...intake, status];
    case "accepted":
      // Only proposals accepted before decision 0032 stand here; the generator makes none.
      return [...intake, status];
    case "in_dialogue":
      return dialogue;
    case "agreement_preparation":
    case "implementing":
    case "procurement":
      return [...dialogue, status];
    case "withdrawn":
      return random.chance(0.65) ? [...intake, "withdrawn"] : [...dialogue, "withdrawn"];
    case "closed": {
      const x = random.next();
      const via: ProposalStatus[] = x < 0.6 ? ["implementing"] : x < 0.75 ? ["agreement_preparation"] : x < 0.85 ? ["procurement"] : [];
      return [...dialogue, ...via, "closed"];
    }
  }
}

const byProposer = (s: ProposalStatus) => s === "submitted" || s === "withdrawn";

function methodFor(random: Random, path: readonly ProposalStatus[]): PartnershipMethod {
  if (path.includes("procurement")) return "procurement";
  if (path.includes("agreement_preparation")) return random.chance(0.4) ? "comprehensive" : "project";
  const x = random.next();
  return x < 0.35 ? "project" : x < 0.6 ? "other" : x < 0.7 ? "comprehensive" : x < 0.75 ? "procurement" : "undecided";
}

const proposalColumns: BulkColumn[] = [
  { name: "id", type: "uuid" },
  { name: "proposer_org_id", type: "uuid" },
  { name: "municipality_id", type: "uuid" },
  { name: "local_gov_code", type: "bpchar" },
  { name: "theme_id", type: "uuid" },
  { name: "kind", type: "text" },
  { name: "title", type: "text" },
  { name: "summary", type: "text" },
  { name: "plan", type: "text" },
  { name: "benefit_citizens", type: "text" },
  { name: "benefit_partner", type: "text" },
  { name: "benefit_municipality", type: "text" },
  { name: "fields", type: "text[]" },
  { name: "method", type: "text" },
  { name: "resources", type: "text" },
  { name: "period_start", type: "date" },
  { name: "period_end", type: "date" },
  { name: "contact_name", type: "text" },
  { name: "contact_email", type: "text" },
  { name: "contact_phone", type: "text" },
  { name: "status", type: "text" },
  { name: "decline_grounds", type: "text[]" },
  { name: "decline_reason", type: "text" },
  { name: "publish_agreed_by_desk", type: "boolean" },
  { name: "publish_agreed_by_proposer", type: "boolean" },
  { name: "public_summary", type: "text" },
  { name: "search_text", type: "text" },
  { name: "submitted_at", type: "timestamptz" },
  { name: "decided_at", type: "timestamptz" },
  { name: "created_by", type: "uuid" },
  { name: "created_at", type: "timestamptz" },
  { name: "updated_at", type: "timestamptz" },
];
const eventColumns: BulkColumn[] = [
  { name: "id", type: "uuid" },
  { name: "proposal_id", type: "uuid" },
  { name: "from_status", type: "text" },
  { name: "to_status", type: "text" },
  { name: "actor_user_id", type: "uuid" },
  { name: "actor_name", type: "text" },
  { name: "actor_org_id", type: "uuid" },
  { name: "note", type: "text" },
  { name: "grounds", type: "text[]" },
  { name: "created_at", type: "timestamptz" },
];
const shareColumns: BulkColumn[] = [
  { name: "proposal_id", type: "uuid" },
  { name: "department_id", type: "uuid" },
  { name: "shared_by", type: "uuid" },
  { name: "created_at", type: "timestamptz" },
];
const messageColumns: BulkColumn[] = [
  { name: "id", type: "uuid" },
  { name: "proposal_id", type: "uuid" },
  { name: "kind", type: "text" },
  { name: "body", type: "text" },
  { name: "meeting_date", type: "date" },
  { name: "attendees", type: "text" },
  { name: "author_user_id", type: "uuid" },
  { name: "author_name", type: "text" },
  { name: "author_org_id", type: "uuid" },
  { name: "author_unit", type: "text" },
  { name: "created_at", type: "timestamptz" },
];

const phone = (random: Random) => `0${random.int(3, 99)}-${random.int(100, 9999)}-${String(random.int(0, 9999)).padStart(4, "0")}`;

/** k sorted times strictly after `from`, spread over up to `share` of the span to `to`. */
function stepTimes(random: Random, from: number, to: number, k: number): number[] {
  const span = Math.max(0, to - from) * (0.2 + 0.75 * random.next());
  return Array.from({ length: k }, () => random.next())
    .sort((a, b) => a - b)
    .map((f, i) => Math.floor(from + f * span) + i + 1);
}

const proposalsStep: GeneratorStep = {
  name: "proposals: proposals, timeline, shares, messages",
  async run(ctx: GeneratorContext) {
    const { random, now, database } = ctx;
    const orgs = required(ctx.organizations, "organisations");
    const people = required(ctx.people, "people");
    const themes = required(ctx.themes, "theme calls");
    const staff = staffOf(ctx);
    const nowMs = now.getTime();

    // Proposers: partners with at least one member (not the platform operator), by prefecture.
    const operator = orgs.partnersByKind.other?.[0];
    const partners = [...staff.members.keys()].filter((o) => o !== operator && orgs.kinds[o] !== "department").sort((a, b) => a - b);
    if (partners.length === 0) throw new Error("proposals need partner organisations with members");
    const partnersByPrefecture = new Map<string, number[]>();
    for (const p of partners) {
      const prefecture = orgs.localGovCodes[p]?.slice(0, 2);
      if (!prefecture) continue;
      const list = partnersByPrefecture.get(prefecture);
      if (list) list.push(p);
      else partnersByPrefecture.set(prefecture, [p]);
    }
    const openThemesOf = new Map<number, number[]>();
    for (const [m, list] of themes.byMunicipality)
      openThemesOf.set(
        m,
        list.filter((t) => themes.open[t] === 1),
      );

    const counts = {
      proposals: 0,
      proposal_events: 0,
      proposal_shares: 0,
      proposal_messages: 0,
    };
    const chunk = 5000;
    await withIndexesDeferred(database, Object.keys(counts), async () => {
      for (let start = 0; start < ctx.sizes.proposals; start += chunk) {
        const proposals: CellValue[][] = [];
        const events: CellValue[][] = [];
        const shares: CellValue[][] = [];
        const messages: CellValue[][] = [];
        for (let n = start; n < Math.min(ctx.sizes.proposals, start + chunk); n++) {
          const m = themes.municipalities[random.weighted(themes.activity)]!;
          const code = orgs.localGovCodes[m]!;
          const isDraft = random.chance(DRAFT_SHARE);
          const candidates = (isDraft ? openThemesOf.get(m) : themes.byMunicipality.get(m)) ?? [];
          const theme = candidates.length > 0 && random.chance(THEME_SHARE) ? random.pick(candidates) : -1;

          const local = partnersByPrefecture.get(code.slice(0, 2));
          const proposer = local && random.chance(0.6) ? random.pick(local) : random.pick(partners);
          const author = random.pick(staff.members.get(proposer)!);
          const desk = staff.desk.get(m);
          const deskPerson = desk ? random.pick(desk) : null;
          const deskUser = deskPerson === null ? people.ids[author]! : people.ids[deskPerson]!;

          // When it was sent: within its call's window, else anywhere in the last three years (recent ones more often).
          let submittedAt: number | null = null;
          let status: ProposalStatus = "draft";
          if (!isDraft) {
            if (theme >= 0) {
              const opened = themes.publishedAt[theme]!;
              submittedAt = Math.min(nowMs - 60_000, opened + Math.floor(random.next() * Math.max(0, themes.openUntil[theme]! - opened)));
            } else {
              submittedAt = nowMs - Math.floor(1095 * random.next() ** 1.6 * DAY) - random.int(60_000, DAY);
            }
            const ageDays = (nowMs - submittedAt) / DAY;
            const table = statusTables.find((t) => ageDays <= t.maxDays)!;
            status = table.statuses[random.weighted(table.cumulative)]!;
          }
          const path = pathTo(random, status);

          const field = theme >= 0 ? themes.fields[theme]![0]! : random.pick(policyFieldCodes);
          const [ideaTitle, summary, ideaPlan] = random.pick(fieldTexts[field as keyof typeof fieldTexts].ideas);
          const title = random.chance(0.25) ? `${orgs.names[m]}での${ideaTitle}` : ideaTitle;
          const area = random.pick(areas);
          const plan = `${ideaPlan}${area ? `${area}を対象に、` : ""}期間は${random.int(3, 36)}か月を想定しています。`;
          const fields = theme >= 0 ? themes.fields[theme]! : moreFields(random, field, random.int(0, 2));
          const id = random.uuid();

          // The timeline: each step after the submission at a later time, up to now.
          const times = submittedAt === null ? [] : [submittedAt, ...stepTimes(random, submittedAt, nowMs - 1000, path.length - 1)];
          let from: ProposalStatus = "draft";
          let decidedAt: number | null = null;
          let grounds: string[] = [];
          let reason: string | null = null;
          for (const [i, to] of path.entries()) {
            const proposerStep = byProposer(to);
            if (to === "declined") {
              grounds = random.sample(declineGrounds, random.chance(0.7) ? 1 : 2);
              reason = random.pick(declineReasons);
            }
            if (to !== "submitted" && to !== "screening") decidedAt = times[i]!;
            const actor = proposerStep ? author : deskPerson;
            events.push([
              random.uuid(),
              id,
              from,
              to,
              actor === null ? null : people.ids[actor]!,
              actor === null ? null : people.names[actor]!,
              orgs.ids[proposerStep ? proposer : m]!,
              to === "declined" ? reason : to === "in_dialogue" && random.chance(0.3) ? "担当課と協議のうえ、対話に進みます。" : null,
              to === "declined" ? grounds : [],
              new Date(times[i]!),
            ]);
            from = to;
          }

          // Shares: accepted (into the dialogue) and beyond go to one to three departments (the call's own department first).
          const acceptedAt = times[path.indexOf("in_dialogue")];
          const departments = orgs.departmentsOf.get(m) ?? [];
          if (acceptedAt !== undefined && departments.length > 0) {
            const k = Math.min(departments.length, random.chance(0.6) ? 1 : random.chance(0.75) ? 2 : 3);
            const chosen = new Set<number>();
            const own = theme >= 0 ? themes.department[theme]! : -1;
            if (own >= 0) chosen.add(own);
            for (const d of random.sample(departments, k)) if (chosen.size < k) chosen.add(d);
            for (const d of chosen)
              shares.push([id, orgs.ids[d]!, deskUser, new Date(Math.min(nowMs - 1000, acceptedAt + random.int(60_000, 3 * DAY)))]);
          }

          // A few messages once in dialogue: the desk asks, the partner answers, sometimes meeting notes.
          const dialogueAt = times[path.indexOf("in_dialogue")];
          if (dialogueAt !== undefined) {
            const until = path.at(-1) === "in_dialogue" ? nowMs - 1000 : times.at(-1)!;
            const k = random.int(0, 3);
            stepTimes(random, dialogueAt, until, k).forEach((at, i) => {
              const meeting = i > 0 && random.chance(0.25);
              const fromDesk = meeting || i % 2 === 0;
              const person = fromDesk ? (deskPerson ?? author) : author;
              const org = fromDesk ? m : proposer;
              messages.push([
                random.uuid(),
                id,
                meeting ? "meeting" : "message",
                meeting ? random.pick(meetingNotes) : fromDesk ? random.pick(deskMessages) : random.pick(partnerMessages),
                meeting ? tokyoIsoDate(new Date(at)) : null,
                meeting
                  ? `${people.names[author]}（${orgs.names[proposer]}）、${deskPerson === null ? "" : people.names[deskPerson]}（公民連携デスク）`
                  : null,
                people.ids[person]!,
                people.names[person]!,
                orgs.ids[org]!,
                orgs.names[org]!,
                new Date(at),
              ]);
            });
          }

          const published = (status === "implementing" || status === "closed") && random.chance(0.1);
          const createdAt = (submittedAt ?? nowMs - random.int(0, 90) * DAY) - random.int(60_000, 14 * DAY);
          const updatedAt = times.at(-1) ?? Math.min(nowMs - 1000, createdAt + random.int(60_000, 14 * DAY));
          const periodStart = submittedAt === null && random.chance(0.5) ? null : (submittedAt ?? nowMs) + random.int(30, 120) * DAY;
          const complete = !isDraft || random.chance(0.5);
          proposals.push([
            id,
            orgs.ids[proposer]!,
            orgs.ids[m]!,
            code,
            theme >= 0 ? themes.ids[theme]! : null,
            theme >= 0 ? "theme" : "free",
            title,
            summary,
            plan,
            complete ? random.pick(benefits.citizens) : "",
            complete ? random.pick(benefits.partner) : "",
            complete ? random.pick(benefits.municipality) : "",
            fields,
            methodFor(random, path),
            random.pick(resources),
            periodStart === null ? null : tokyoIsoDate(new Date(periodStart)),
            periodStart === null ? null : tokyoIsoDate(new Date(periodStart + random.int(90, 730) * DAY)),
            people.names[author]!,
            people.emails[author]!,
            random.chance(0.7) ? phone(random) : "",
            status,
            grounds,
            reason,
            published,
            published,
            published ? `${orgs.names[proposer]}と${orgs.names[m]}が連携し、${summary}` : null,
            // The app's contentColumns: title, summary and plan, normalised.
            normalizeForSearch(`${title} ${summary} ${plan}`),
            submittedAt === null ? null : new Date(submittedAt),
            decidedAt === null ? null : new Date(decidedAt),
            people.ids[author]!,
            new Date(createdAt),
            new Date(updatedAt),
          ]);
        }
        counts.proposals += await bulkInsert(database, "proposals", proposalColumns, proposals, 2500);
        counts.proposal_events += await bulkInsert(database, "proposal_events", eventColumns, events);
        counts.proposal_shares += await bulkInsert(database, "proposal_shares", shareColumns, shares);
        counts.proposal_messages += await bulkInsert(database, "proposal_messages", messageColumns, messages);
      }
    });
    return counts;
  },
};

export const proposalSteps: GeneratorStep[] = [proposalsStep];
