// Meetings under the agreements: a steering meeting (推進会議) every half
// year for a comprehensive agreement and yearly otherwise, a working meeting
// (実務者会議) every quarter, and for some a project team meeting monthly for
// a while; from the start to the end (or now, with the next ones already
// scheduled). A quarter of the agreements stop meeting after their first
// year (形骸化). The series are planned here, then thinned (or thickened)
// evenly to the requested total and written by the database itself
// (INSERT … SELECT generate_series), with minutes and decisions for the past
// ones and action items from some working and project meetings.
import { arrayLiteral, bulkInsert, countRows, withIndexesDeferred, type BulkColumn, type CellValue } from "../lib/bulk";
import {
  actionItemOwners,
  actionItemTitles,
  meetingAgendas,
  meetingDecisions,
  meetingMinutes,
  meetingPlaces,
} from "../lib/agreement-texts";
import { hashInt, pickFrom, tokyoDate, tokyoMoment, uuidFromMd5 } from "../lib/set-based";
import { tokyoIsoDate } from "~/lib/wareki";
import { DAY } from "./themes";
import { required, type GeneratorContext, type GeneratorStep } from "./types";

/** Share of agreements that stop meeting after their first year. */
const DORMANT_SHARE = 0.25;
/** How far ahead the next meetings of a running agreement are already scheduled. */
const SCHEDULED_AHEAD_DAYS = 90;

interface Series {
  agreement: number;
  kind: "steering" | "working" | "project";
  first: number;
  last: number;
  n: number;
}

/** Every agreement's meeting series at its natural cadence. */
export function planSeries(ctx: GeneratorContext): Series[] {
  const { random } = ctx;
  const agreements = required(ctx.agreements, "agreements");
  const series: Series[] = [];
  for (let a = 0; a < agreements.ids.length; a++) {
    const from = agreements.liveFrom[a]!;
    if (Number.isNaN(from)) continue;
    let until = agreements.liveUntil[a]! + (agreements.ongoing[a] ? SCHEDULED_AHEAD_DAYS * DAY : 0);
    if (random.chance(DORMANT_SHARE)) until = Math.min(until, from + 365 * DAY);
    until = Math.max(until, from);
    const span = (until - from) / DAY;
    const steeringEvery = agreements.method[a] === "comprehensive" ? 182 : 365;
    series.push({ agreement: a, kind: "steering", first: from, last: until, n: Math.floor(span / steeringEvery) + 1 });
    const working = Math.floor(span / 91);
    if (working > 0 && (agreements.method[a] !== "other" || random.chance(0.5)))
      series.push({ agreement: a, kind: "working", first: from + 45 * DAY, last: until, n: working });
    if (random.chance(0.3)) {
      const first = from + random.int(0, 180) * DAY;
      const n = Math.min(random.int(4, 12), Math.floor((until - first) / (30 * DAY)) + 1);
      if (n > 0) series.push({ agreement: a, kind: "project", first, last: first + (n - 1) * 30 * DAY, n });
    }
  }
  return series;
}

const seriesColumns: BulkColumn[] = [
  { name: "id", type: "uuid" },
  { name: "agreement_id", type: "uuid" },
  { name: "municipality_id", type: "uuid" },
  { name: "created_by", type: "uuid" },
  { name: "kind", type: "text" },
  { name: "first_day", type: "date" },
  { name: "last_day", type: "date" },
  { name: "n", type: "int4" },
];

const SERIES_TABLE = "bench_meeting_series";

// $1 now, $2 places, $3–$5 agendas (steering, working, project), $6 minutes, $7 decisions.
const meetingMd5 = "md5(s.id::text || ':' || g)";
const INSERT_MEETINGS = `
insert into meetings (id, agreement_id, municipality_id, kind, title, starts_at, ends_at, place, online_url, agenda, attendees, minutes, decisions,
                      sequence, reminded_at, created_by, created_at, updated_at)
select ${uuidFromMd5("h.d")}, s.agreement_id, s.municipality_id, s.kind,
       case s.kind when 'steering' then format('第%s回 連携推進会議', g + 1) when 'working' then format('第%s回 実務者会議', g + 1)
                   else format('プロジェクトチーム会議（第%s回）', g + 1) end,
       t.starts_at, t.starts_at + (case s.kind when 'steering' then 90 else 60 end) * interval '1 minute',
       ${pickFrom("$2::text[]", hashInt("h.d", 1))},
       case when ${hashInt("h.d", 8)} % 10 < 4 then 'https://meet.example.jp/' || substr(h.d, 20, 10) else '' end,
       case s.kind when 'steering' then ${pickFrom("$3::text[]", hashInt("h.d", 15))} when 'working' then ${pickFrom("$4::text[]", hashInt("h.d", 15))}
                   else ${pickFrom("$5::text[]", hashInt("h.d", 15))} end,
       case s.kind when 'steering' then '市長、副市長、公民連携デスク、関係部長／相手方 代表者、担当役員' else '公民連携デスク、担当課／相手方 担当部署' end,
       case when t.past and ${hashInt("h.d", 22)} % 100 < 85 then ${pickFrom("$6::text[]", hashInt("h.d", 22))} else '' end,
       case when t.past and ${hashInt("h.d", 22)} % 100 < 85 then ${pickFrom("$7::text[]", hashInt("h.d", 8))} else '' end,
       case when ${hashInt("h.d", 15)} % 10 = 0 then 1 else 0 end,
       case when t.past then t.starts_at - interval '1 day' end,
       s.created_by, t.created_at, case when t.past then least($1::timestamptz, t.starts_at + interval '2 days') else t.created_at end
  from ${SERIES_TABLE} s
 cross join lateral generate_series(0, s.n - 1) as g
 cross join lateral (select ${meetingMd5} as d) h
 cross join lateral (select ${tokyoMoment("s.first_day + (s.last_day - s.first_day) * g / greatest(s.n - 1, 1)", pickFrom("array['10:00', '13:30', '15:00']", hashInt("h.d", 26)))} as starts_at) m
 cross join lateral (select m.starts_at, m.starts_at < $1::timestamptz as past,
                            least($1::timestamptz - interval '1 minute', m.starts_at - (14 + ${hashInt("h.d", 26)} % 17) * interval '1 day') as created_at) t`;

// $1 now, $2 today (Tokyo), $3 titles, $4 owners. Some past working and project meetings leave one to three action items.
const INSERT_ACTION_ITEMS = `
insert into meeting_action_items (id, meeting_id, agreement_id, title, owner_name, owner_user_id, due_date, done_at, done_by, reminded_at, created_by, created_at)
select ${uuidFromMd5("x.d")}, m.id, m.agreement_id, ${pickFrom("$3::text[]", hashInt("x.d", 1))}, ${pickFrom("$4::text[]", hashInt("x.d", 8))},
       case when ${hashInt("x.d", 15)} % 3 = 0 then m.created_by end,
       x.due,
       case when x.done then greatest(m.starts_at + interval '1 day', ${tokyoMoment("x.due - " + hashInt("x.d", 22) + " % 10", "'17:00'")}) end,
       case when x.done then m.created_by end,
       case when not x.done and x.due < $2::date then ${tokyoMoment("x.due + 1", "'09:00'")} end,
       m.created_by, least($1::timestamptz, m.starts_at + interval '3 hours')
  from meetings m
 cross join lateral (select md5(m.id::text || ':actions') as d) h
 cross join lateral generate_series(1, case when ${hashInt("h.d", 1)} % 100 < 45 then 1 + ${hashInt("h.d", 8)} % 3 else 0 end) as k
 cross join lateral (select md5(m.id::text || ':' || k) as d) i
 cross join lateral (select i.d, ${tokyoDate("m.starts_at")} + 14 + ${hashInt("i.d", 15)} % 47 as due) y
 cross join lateral (select y.d, y.due, y.due < $2::date and ${hashInt("y.d", 22)} % 100 < 85 as done) x
 where m.kind in ('working', 'project') and m.starts_at < $1::timestamptz`;

const meetingsStep: GeneratorStep = {
  name: "meetings: meetings, action items (set-based)",
  async run(ctx) {
    const { random, database, now } = ctx;
    const orgs = required(ctx.organizations, "organisations");
    const people = required(ctx.people, "people");
    const agreements = required(ctx.agreements, "agreements");
    const planned = planSeries(ctx);
    // Thin (or thicken) every series alike, so the total is what was asked for.
    const natural = planned.reduce((sum, s) => sum + s.n, 0);
    const factor = natural > 0 ? ctx.sizes.meetings / natural : 0;
    const rows: CellValue[][] = [];
    for (const s of planned) {
      const n = Math.floor(s.n * factor + random.next());
      if (n === 0) continue;
      rows.push([
        random.uuid(),
        agreements.ids[s.agreement]!,
        orgs.ids[agreements.owner[s.agreement]!]!,
        people.ids[agreements.keeper[s.agreement]!]!,
        s.kind,
        tokyoIsoDate(new Date(s.first)),
        tokyoIsoDate(new Date(n === 1 ? s.first : s.last)),
        n,
      ]);
    }
    await database.executeSql(
      `create unlogged table ${SERIES_TABLE} (id uuid, agreement_id uuid, municipality_id uuid, created_by uuid, kind text, first_day date, last_day date, n int)`,
      [],
    );
    try {
      await bulkInsert(database, SERIES_TABLE, seriesColumns, rows);
      await withIndexesDeferred(database, ["meetings", "meeting_action_items"], async () => {
        const nowIso = now.toISOString();
        await database.executeSql(INSERT_MEETINGS, [
          nowIso,
          arrayLiteral(meetingPlaces),
          arrayLiteral(meetingAgendas.steering),
          arrayLiteral(meetingAgendas.working),
          arrayLiteral(meetingAgendas.project),
          arrayLiteral(meetingMinutes),
          arrayLiteral(meetingDecisions),
        ]);
        await database.executeSql(INSERT_ACTION_ITEMS, [
          nowIso,
          tokyoIsoDate(now),
          arrayLiteral(actionItemTitles),
          arrayLiteral(actionItemOwners),
        ]);
      });
    } finally {
      await database.executeSql(`drop table if exists ${SERIES_TABLE}`, []);
    }
    return { meetings: await countRows(database, "meetings"), meeting_action_items: await countRows(database, "meeting_action_items") };
  },
};

export const meetingSteps: GeneratorStep[] = [meetingsStep];
