// Theme calls (テーマ型) at national scale: spread over the municipalities that
// have an organisation on the platform, busy cities far more than villages;
// mostly published (some long past their deadline), some drafts and closed
// calls; Japanese titles and issue text per policy field, search_text
// normalised exactly as the app does on save.
import { normalizeForSearch } from "~/lib/japanese-text";
import { policyFieldCodes } from "~/lib/policy-fields";
import { tokyoIsoDate } from "~/lib/wareki";
import { bulkInsert, type BulkColumn, type CellValue } from "../lib/bulk";
import { cumulative, type Random } from "../lib/random";
import { areas, fieldTexts, offers, planPolicies } from "../lib/texts";
import { staffOf } from "./staff";
import { required, type GeneratedThemes, type GeneratorContext, type GeneratorStep } from "./types";

export const DAY = 86_400_000;

/** The end (Tokyo time) of an ISO date, in epoch ms. */
export const endOfTokyoDay = (isoDate: string) => Date.parse(`${isoDate}T23:59:59.999+09:00`);

/** k further fields besides `first`, none repeated. */
export function moreFields(random: Random, first: string, k: number): string[] {
  return [
    first,
    ...random.sample(
      policyFieldCodes.filter((c) => c !== first),
      k,
    ),
  ];
}

/**
 * How busy each municipality is: a 市 or 特別区 four times a 町 or 村, times a
 * heavy tail (1–31×) so a few large cities carry a big share, as 政令市 do.
 */
function municipalityActivity(ctx: GeneratorContext): { municipalities: number[]; activity: Float64Array } {
  const orgs = required(ctx.organizations, "organisations");
  const municipalities = orgs.publicBodies.filter((i) => orgs.kinds[i] === "municipality");
  if (municipalities.length === 0) throw new Error("themes need at least one municipality organisation");
  const weights = municipalities.map((i) => (/[市区]$/.test(orgs.names[i]!) ? 4 : 1) * (1 + 30 * ctx.random.next() ** 6));
  return { municipalities, activity: cumulative(weights) };
}

const themeColumns: BulkColumn[] = [
  { name: "id", type: "uuid" },
  { name: "municipality_id", type: "uuid" },
  { name: "local_gov_code", type: "bpchar" },
  { name: "prefecture_code", type: "bpchar" },
  { name: "department_id", type: "uuid" },
  { name: "title", type: "text" },
  { name: "background", type: "text" },
  { name: "goal", type: "text" },
  { name: "offer", type: "text" },
  { name: "fields", type: "text[]" },
  { name: "plan_policy", type: "text" },
  { name: "plan_field", type: "text" },
  { name: "starts_on", type: "date" },
  { name: "deadline", type: "date" },
  { name: "status", type: "text" },
  { name: "published_at", type: "timestamptz" },
  { name: "closed_at", type: "timestamptz" },
  { name: "search_text", type: "text" },
  { name: "created_by", type: "uuid" },
  { name: "created_at", type: "timestamptz" },
  { name: "updated_at", type: "timestamptz" },
];

const themesStep: GeneratorStep = {
  name: "themes: calls",
  async run(ctx) {
    const { random, now, database } = ctx;
    const orgs = required(ctx.organizations, "organisations");
    const people = required(ctx.people, "people");
    const staff = staffOf(ctx);
    const { municipalities, activity } = municipalityActivity(ctx);
    const nowMs = now.getTime();
    const today = tokyoIsoDate(now);
    const count = ctx.sizes.themes;
    const generated: GeneratedThemes = {
      ids: [],
      municipality: new Int32Array(count),
      status: [],
      publishedAt: new Float64Array(count),
      openUntil: new Float64Array(count),
      open: new Uint8Array(count),
      fields: [],
      department: new Int32Array(count),
      byMunicipality: new Map(),
      municipalities,
      activity,
    };
    const rows: CellValue[][] = [];
    for (let n = 0; n < count; n++) {
      const m = municipalities[random.weighted(activity)]!;
      const code = orgs.localGovCodes[m]!;
      const x = random.next();
      const status = x < 0.08 ? "draft" : x < 0.25 ? "closed" : "published";
      const field = random.pick(policyFieldCodes);
      const [title, background, goal] = random.pick(fieldTexts[field].issues);
      const area = random.pick(areas);
      const fullTitle = area && random.chance(0.5) ? `${title}（${area}）` : title;
      const fullBackground = `${orgs.names[m]}${area ? `の${area}` : ""}の現状：${background}`;
      const fields = moreFields(random, field, random.int(0, 2));
      const departments = orgs.departmentsOf.get(m) ?? [];
      const department = departments.length > 0 && random.chance(0.7) ? random.pick(departments) : -1;
      const desk = staff.desk.get(m);
      const author = desk ? random.pick(desk) : random.int(0, people.ids.length - 1);

      let publishedAt: number | null = null;
      let closedAt: number | null = null;
      let deadline: string | null = null;
      let createdAt: number;
      if (status === "draft") {
        createdAt = nowMs - random.int(0, 120) * DAY - random.int(0, DAY - 1);
        if (random.chance(0.6)) deadline = tokyoIsoDate(new Date(nowMs + random.int(30, 120) * DAY));
      } else {
        // Recent calls outnumber old ones (the platform grows); closed calls are older.
        const ageDays = status === "closed" ? 60 + 1035 * random.next() ** 1.3 : 1095 * random.next() ** 1.6;
        publishedAt = nowMs - Math.floor(ageDays * DAY);
        createdAt = publishedAt - random.int(1, 30) * DAY;
        if (random.chance(0.85)) deadline = tokyoIsoDate(new Date(publishedAt + random.int(30, 120) * DAY));
        if (status === "closed") {
          const end = deadline ? endOfTokyoDay(deadline) + random.int(0, 14) * DAY : publishedAt + random.int(30, 180) * DAY;
          closedAt = Math.min(nowMs - 1000, end);
        }
      }
      const startsOn = publishedAt !== null && random.chance(0.6) ? tokyoIsoDate(new Date(publishedAt)) : null;
      const validDeadline = deadline && startsOn && deadline < startsOn ? startsOn : deadline;
      const open = status === "published" && (validDeadline === null || validDeadline >= today);
      const id = random.uuid();

      generated.ids.push(id);
      generated.municipality[n] = m;
      generated.status.push(status);
      generated.publishedAt[n] = publishedAt ?? Number.NaN;
      generated.openUntil[n] =
        status === "closed"
          ? closedAt!
          : status === "published"
            ? Math.min(nowMs, validDeadline ? endOfTokyoDay(validDeadline) : nowMs)
            : Number.NaN;
      generated.open[n] = open ? 1 : 0;
      generated.fields.push(fields);
      generated.department[n] = department;
      if (status !== "draft") {
        const list = generated.byMunicipality.get(m);
        if (list) list.push(n);
        else generated.byMunicipality.set(m, [n]);
      }

      const updatedAt = new Date(closedAt ?? publishedAt ?? createdAt);
      rows.push([
        id,
        orgs.ids[m]!,
        code,
        code.slice(0, 2),
        department >= 0 ? orgs.ids[department]! : null,
        fullTitle,
        fullBackground,
        goal,
        random.chance(0.8) ? random.pick(offers) : "",
        fields,
        random.pick(planPolicies),
        random.chance(0.5) ? field : null,
        startsOn,
        validDeadline,
        status,
        publishedAt === null ? null : new Date(publishedAt),
        closedAt === null ? null : new Date(closedAt),
        // The app's searchTextOf: title, background and goal, normalised.
        normalizeForSearch(`${fullTitle} ${fullBackground} ${goal}`),
        people.ids[author]!,
        new Date(createdAt),
        updatedAt,
      ]);
    }
    ctx.themes = generated;
    return { themes: await bulkInsert(database, "themes", themeColumns, rows, 2000) };
  },
};

export const themeSteps: GeneratorStep[] = [themesStep];
