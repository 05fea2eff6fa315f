// Agreements: the register (GET /api/v1/agreements) of the busiest
// municipality's desk, with status + field filters and with keywords, for
// the 50 busiest desks in turn and for the partner with the most agreements;
// one agreement (as the desk and as a partner); its meetings; and the CSV
// export in Shift_JIS. The product has no prefecture-wide export (every
// register is "the agreements my organisation is a party to"), so "one
// prefecture's export" is what a prefecture's desk gets: the agreements the
// prefecture owns or has joined. Each through the real route module, next
// to the SQL it boils down to, run the same way (the same statements, in the
// same order, with the same parallelism) straight through the driver. Before
// timing, each case checks that both return the same ids or rows.
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import type { Database } from "~/lib/db/client.server";
import { containsPattern } from "~/lib/db/like";
import { normalizeForSearch } from "~/lib/japanese-text";
import { tokyoIsoDate } from "~/lib/wareki";
import * as agreementRoute from "~/routes/api/agreement";
import * as agreementMeetingsRoute from "~/routes/api/agreement-meetings";
import * as agreementsRoute from "~/routes/api/agreements";
import * as exportRoute from "~/routes/api/agreements-export";
import { arrayLiteral } from "../lib/bulk";
import { measure } from "../lib/stats";
import { callOptions, identityBaseline, issueTokens, okJson, type BenchContext, type Caller, type Row } from "./callers";

/** Status + field pairs a desk filters its register by. */
const statusFieldFilters = [
  ["active", "mobility"],
  ["active", "disaster"],
  ["active", "elderly"],
  ["renewed", "economy"],
  ["signed", "digital"],
] as const;
/** Keywords as people type them: two-character kanji (no trigram), longer words, katakana (stored as hiragana). */
const registerKeywords = ["防災", "見守り", "子育て支援", "オンデマンド", "包括連携"];
/** How many desks take turns in the "in turn" register case. */
const BUSY_DESKS = 50;
const PAGE = 50;

const ids = (rows: Row[]) => arrayLiteral(rows.map((r) => r.id as string));
const q = async (database: Database, text: string, params: unknown[] = []) => (await database.executeSql(text, params)).rows as Row[];

// ── the register ──────────────────────────────────────────────────────────────
/** What the register's page and the export read of each agreement (summaryColumns, exportedColumns). */
const SUMMARY_COLUMNS =
  "a.id, a.municipality_id, a.local_gov_code, a.title, a.method, a.status, a.starts_on, a.ends_on, a.signed_on, a.updated_at";
const EXPORT_COLUMNS =
  "a.id, a.title, a.method, a.status, a.municipality_id, a.local_gov_code, a.starts_on, a.ends_on, a.signed_on, a.renewal_rule, a.renewal_years, a.objection_deadline, a.purpose";

interface RegisterFilter {
  status?: string;
  field?: string;
  q?: string;
}

interface RegisterCase {
  path: string;
  where: string;
  params: unknown[];
}

/** listAgreements' and exportRows' WHERE: a party to it, then the filters. */
function registerCase(
  caller: Caller,
  filter: RegisterFilter,
  base = "/api/v1/agreements",
  extra: Record<string, string> = {},
): RegisterCase {
  const params: unknown[] = [caller.organizationId];
  let where = "exists (select 1 from agreement_parties ap where ap.agreement_id = a.id and ap.organization_id = $1)";
  if (filter.status) {
    params.push(filter.status);
    where += ` and a.status = $${params.length}`;
  }
  if (filter.field) {
    params.push(filter.field);
    where += ` and exists (select 1 from agreement_items i where i.agreement_id = a.id and i.field = $${params.length})`;
  }
  if (filter.q) {
    params.push(containsPattern(normalizeForSearch(filter.q)));
    where += ` and a.search_text like $${params.length}`;
  }
  const query = new URLSearchParams({ ...filter, ...extra });
  return { path: `${base}${query.size ? `?${query}` : ""}`, where, params };
}

/** summarize(): parties, item fields, place names and secondary contacts at once, then the partners' names. */
async function summaryBaseline(database: Database, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const [parties] = await Promise.all([
    q(database, "select * from agreement_parties where agreement_id = any($1::uuid[]) order by position", [ids(rows)]),
    q(database, "select agreement_id, field from agreement_items where agreement_id = any($1::uuid[])", [ids(rows)]),
    q(database, "select code, name, full_name from local_governments where code = any($1::text[])", [
      arrayLiteral([...new Set(rows.map((r) => r.local_gov_code as string))]),
    ]),
    q(
      database,
      "select agreement_id, organization_id from agreement_contacts where agreement_id = any($1::uuid[]) and rank = 'secondary' and active = true",
      [ids(rows)],
    ),
  ]);
  await q(database, "select id, name from organizations where id = any($1::uuid[])", [
    arrayLiteral([...new Set(parties.map((p) => p.organization_id as string))]),
  ]);
}

async function registerBaseline(database: Database, caller: Caller, c: RegisterCase): Promise<{ ids: string[]; total: number }> {
  await identityBaseline(database, caller.tokenHash);
  const [list, counted] = await Promise.all([
    q(
      database,
      `select ${SUMMARY_COLUMNS} from agreements a where ${c.where} order by a.updated_at desc, a.id desc limit ${PAGE + 1}`,
      c.params,
    ),
    q(database, `select count(*)::int as n from agreements a where ${c.where}`, c.params),
  ]);
  const rows = list.slice(0, PAGE);
  await summaryBaseline(database, rows);
  return { ids: rows.map((r) => r.id as string), total: counted[0]!.n as number };
}

// ── the export ────────────────────────────────────────────────────────────────
async function exportBaseline(database: Database, caller: Caller, c: RegisterCase): Promise<{ rows: number; firstId: string | null }> {
  await identityBaseline(database, caller.tokenHash);
  const rows = await q(
    database,
    `select ${EXPORT_COLUMNS} from agreements a where ${c.where} order by a.created_at asc, a.id desc limit 50000`,
    c.params,
  );
  if (rows.length > 0) {
    const [parties] = await Promise.all([
      q(database, "select agreement_id, organization_id from agreement_parties where agreement_id = any($1::uuid[]) order by position", [
        ids(rows),
      ]),
      q(
        database,
        "select agreement_id, field, title from agreement_items where agreement_id = any($1::uuid[]) order by agreement_id, position",
        [ids(rows)],
      ),
      q(database, "select code, name, full_name from local_governments where code = any($1::text[])", [
        arrayLiteral([...new Set(rows.map((r) => r.local_gov_code as string))]),
      ]),
    ]);
    await q(database, "select id, name, kind, corporate_number, local_gov_code from organizations where id = any($1::uuid[])", [
      arrayLiteral([...new Set(parties.map((p) => p.organization_id as string))]),
    ]);
  }
  return { rows: rows.length, firstId: (rows[0]?.id as string | undefined) ?? null };
}

/** The CSV's data rows (header off) and the first id, decoded from Shift_JIS. */
async function csvRows(response: Response, what: string): Promise<{ rows: number; firstId: string | null; bytes: number }> {
  const bytes = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`${what}: expected 200, got ${response.status}: ${bytes.toString("utf8").slice(0, 300)}`);
  if (!response.headers.get("content-type")?.includes("Shift_JIS")) throw new Error(`${what}: not Shift_JIS`);
  // Parsed, not split: purposes and item lists carry line breaks inside quoted cells.
  const records = (parse(iconv.decode(bytes, "cp932")) as string[][]).slice(1);
  return { rows: records.length, firstId: records[0]?.[0] ?? null, bytes: bytes.length };
}

// ── one agreement, its meetings ───────────────────────────────────────────────
async function visibleBaseline(database: Database, id: string): Promise<Row> {
  const [a] = await q(database, "select * from agreements where id = $1 limit 1", [id]);
  if (!a) throw new Error(`baseline: agreement ${id} not found`);
  await q(database, "select organization_id from agreement_parties where agreement_id = $1", [id]);
  return a;
}

async function detailBaseline(
  database: Database,
  caller: Caller,
  id: string,
): Promise<{ items: number; timeline: number; approvals: number; contacts: number }> {
  await identityBaseline(database, caller.tokenHash);
  const a = await visibleBaseline(database, id);
  const [, parties, items, steps, events, , contacts] = await Promise.all([
    summaryBaseline(database, [a]),
    q(database, "select * from agreement_parties where agreement_id = $1 order by position", [id]),
    q(database, "select * from agreement_items where agreement_id = $1 order by position", [id]),
    q(database, "select * from approval_steps where agreement_id = $1 order by position", [id]),
    q(database, "select * from agreement_events where agreement_id = $1 order by created_at", [id]),
    q(
      database,
      "select version, reason, created_by_name, created_at from agreement_document_versions where agreement_id = $1 order by version",
      [id],
    ),
    q(database, "select * from agreement_contacts where agreement_id = $1 and active = true", [id]),
    q(database, "select * from agreement_handovers where agreement_id = $1 order by created_at desc", [id]),
  ]);
  const orgIds = [...parties.map((p) => p.organization_id), ...items.map((i) => i.department_id).filter(Boolean)] as string[];
  await q(database, "select id, name, kind, corporate_number, local_gov_code from organizations where id = any($1::uuid[])", [
    arrayLiteral([...new Set(orgIds)]),
  ]);
  // A partner reads its own side's approval steps only (the city's are the city's business).
  const approvals = steps.filter((s) => caller.organizationId === a.municipality_id || caller.organizationId === s.party_org_id);
  return { items: items.length, timeline: events.length, approvals: approvals.length, contacts: contacts.length };
}

async function meetingsBaseline(database: Database, caller: Caller, id: string): Promise<{ ids: string[] }> {
  await identityBaseline(database, caller.tokenHash);
  await visibleBaseline(database, id);
  const meetings = await q(database, "select * from meetings where agreement_id = $1 order by starts_at, id", [id]);
  if (meetings.length > 0) {
    await q(
      database,
      `select meeting_id, count(*) filter (where done_at is null)::int as open, count(*) filter (where done_at is null and due_date < $2)::int as overdue
         from meeting_action_items where meeting_id = any($1::uuid[]) group by meeting_id`,
      [ids(meetings), tokyoIsoDate()],
    );
  }
  return { ids: meetings.map((m) => m.id as string) };
}

// ── who calls ─────────────────────────────────────────────────────────────────
interface Place {
  id: string;
  name: string;
  agreements: number;
}

interface Actors {
  municipality: Place;
  desk: Caller;
  /** Desk admins of the municipalities with the most agreements, busiest first. */
  busyDesks: { caller: Caller; agreements: number }[];
  /** The prefecture with the most agreements (none in a tiny run without any). */
  prefecture: (Place & { caller: Caller }) | null;
  partner: Place & { caller: Caller };
  deskAgreements: string[];
  partnerCases: { id: string; caller: Caller }[];
  meetingAgreements: string[];
}

const DESK_ADMIN =
  "(select user_id from memberships m where m.organization_id = o.id and m.role = 'desk_admin' order by m.created_at, m.id limit 1)";
const MEMBER =
  "(select user_id from memberships m where m.organization_id = o.id and m.role in ('member', 'coordinator') order by m.created_at, m.id limit 1)";

/** The parties with the most agreements, of the given kinds, with who acts for them. */
const busiestParties = (kinds: string, who: string, limit: number) => `
  select o.id, o.name, count(*)::int as n, ${who} as user_id
    from agreement_parties p join organizations o on o.id = p.organization_id
   where o.kind in (${kinds}) group by o.id, o.name order by n desc, o.id limit ${limit}`;

async function findActors(database: Database): Promise<Actors> {
  const municipalities = (await q(database, busiestParties("'municipality'", DESK_ADMIN, BUSY_DESKS))).filter((r) => r.user_id);
  const [prefecture] = (await q(database, busiestParties("'prefecture'", DESK_ADMIN, 5))).filter((r) => r.user_id);
  const [partner] = (
    await q(
      database,
      busiestParties("'company', 'university', 'financial_institution', 'chamber_of_commerce', 'npo', 'intermediary'", MEMBER, 5),
    )
  ).filter((r) => r.user_id);
  const busy = municipalities[0];
  if (!busy || !partner) throw new Error("no municipality or partner with agreements and someone to act for it");
  const deskAgreements = (
    await q(
      database,
      "select agreement_id as id from agreement_parties where organization_id = $1 order by md5(agreement_id::text) limit 100",
      [busy.id],
    )
  ).map((r) => r.id as string);
  const meetingAgreements = (
    await q(
      database,
      "select distinct m.agreement_id as id, md5(m.agreement_id::text) from meetings m where m.municipality_id = $1 order by 2 limit 100",
      [busy.id],
    )
  ).map((r) => r.id as string);
  // Random agreements, each opened by a member of one of its partners.
  const partnerRows = await q(
    database,
    `select a.id, p.organization_id, m.user_id from (select id from agreements order by md5(id::text) limit 100) a
       cross join lateral (select organization_id from agreement_parties where agreement_id = a.id and position = 1) p
       cross join lateral (select user_id from memberships where organization_id = p.organization_id and role in ('member', 'coordinator') order by created_at, id limit 1) m
      order by md5(a.id::text)`,
  );
  const callers = await issueTokens(database, [
    ...municipalities.map((r) => ({
      label: "desk admin",
      userId: r.user_id as string,
      organizationId: r.id as string,
      departmentId: null,
    })),
    { label: "partner member", userId: partner.user_id as string, organizationId: partner.id as string, departmentId: null },
    ...(prefecture
      ? [
          {
            label: "prefecture desk admin",
            userId: prefecture.user_id as string,
            organizationId: prefecture.id as string,
            departmentId: null,
          },
        ]
      : []),
    ...partnerRows.map((r) => ({
      label: "partner member",
      userId: r.user_id as string,
      organizationId: r.organization_id as string,
      departmentId: null,
    })),
  ]);
  const desks = callers.slice(0, municipalities.length);
  const [partnerCaller, ...rest] = callers.slice(municipalities.length);
  const prefectureCaller = prefecture ? rest.shift() : undefined;
  const partnerCallers = rest;
  const place = (r: Row): Place => ({ id: r.id as string, name: r.name as string, agreements: r.n as number });
  return {
    municipality: place(busy),
    desk: desks[0]!,
    busyDesks: desks.map((caller, i) => ({ caller, agreements: municipalities[i]!.n as number })),
    prefecture: prefecture ? { ...place(prefecture), caller: prefectureCaller! } : null,
    partner: { ...place(partner), caller: partnerCaller! },
    deskAgreements,
    partnerCases: partnerRows.map((r, i) => ({ id: r.id as string, caller: partnerCallers[i]! })),
    meetingAgreements,
  };
}

export async function benchmarkAgreements(bench: BenchContext): Promise<void> {
  const { app, iterations, warmup, add, log } = bench;
  const database = app.runtime.database;
  const actors = await findActors(database);
  log(
    `  busiest municipality: ${actors.municipality.name}, ${actors.municipality.agreements.toLocaleString("en")} agreements; prefecture: ${actors.prefecture ? `${actors.prefecture.name}, ${actors.prefecture.agreements}` : "none"}; partner: ${actors.partner.name}, ${actors.partner.agreements}`,
  );

  // The register.
  const register = async (label: string, detail: string, cases: { caller: Caller; c: RegisterCase }[]) => {
    for (const { caller, c } of cases) {
      const body = await okJson(await app.call(agreementsRoute.loader, callOptions(caller, c.path)), c.path);
      const appIds = (body.items as { id: string }[]).map((i) => i.id);
      const base = await registerBaseline(database, caller, c);
      if (appIds.join() !== base.ids.join() || body.total !== base.total) {
        throw new Error(
          `${label} baseline differs for ${c.path}: app ${String(body.total)} [${appIds.join()}] vs SQL ${base.total} [${base.ids.join()}]`,
        );
      }
      if (appIds.length === 0) log(`  (note: ${c.path} as ${caller.label} returns nothing)`);
    }
    add(
      label,
      detail,
      await measure(
        iterations,
        warmup,
        async (i) => {
          const { caller, c } = cases[i % cases.length]!;
          await okJson(await app.call(agreementsRoute.loader, callOptions(caller, c.path)), c.path);
        },
        async (i) => {
          const { caller, c } = cases[i % cases.length]!;
          await registerBaseline(database, caller, c);
        },
      ),
      "token + memberships, list + count, summaries SQL",
    );
  };
  const desk = actors.desk;
  const place = `${actors.municipality.name}, ${actors.municipality.agreements.toLocaleString("en")} agreements`;
  await register(
    "agreement register: GET /api/v1/agreements",
    `desk admin of the municipality with the most agreements (${place}); first page of ${PAGE}`,
    [{ caller: desk, c: registerCase(desk, {}) }],
  );
  await register(
    "agreement register: ?status=&field=",
    `as above, ${statusFieldFilters.map(([s, f]) => `${s}+${f}`).join(", ")}`,
    statusFieldFilters.map(([status, field]) => ({ caller: desk, c: registerCase(desk, { status, field }) })),
  );
  await register(
    "agreement register: ?q=",
    `as above, q ${registerKeywords.join(", ")}`,
    registerKeywords.map((keyword) => ({ caller: desk, c: registerCase(desk, { q: keyword }) })),
  );
  await register(
    "agreement register: GET /api/v1/agreements (50 desks in turn)",
    `desk admins of the ${actors.busyDesks.length} municipalities with the most agreements in turn (${actors.busyDesks.at(-1)?.agreements}–${actors.municipality.agreements} each)`,
    actors.busyDesks.map(({ caller }) => ({ caller, c: registerCase(caller, {}) })),
  );
  await register(
    "agreement register: partner (most agreements)",
    `a member of the partner with the most agreements (${actors.partner.name}, ${actors.partner.agreements})`,
    [{ caller: actors.partner.caller, c: registerCase(actors.partner.caller, {}) }],
  );

  // One agreement.
  const detail = async (label: string, detailText: string, cases: { id: string; caller: Caller }[]) => {
    for (const c of cases.slice(0, 10)) {
      const body = await okJson(
        await app.call(agreementRoute.loader, callOptions(c.caller, `/api/v1/agreements/${c.id}`, { id: c.id })),
        `agreement ${c.id}`,
      );
      const base = await detailBaseline(database, c.caller, c.id);
      const got = {
        items: (body.items as unknown[]).length,
        timeline: (body.timeline as unknown[]).length,
        approvals: (body.approvals as unknown[]).length,
        contacts: (body.contacts as unknown[]).length,
      };
      if (body.id !== c.id || JSON.stringify(got) !== JSON.stringify(base))
        throw new Error(`${label} baseline differs for ${c.id}: app ${JSON.stringify(got)} vs SQL ${JSON.stringify(base)}`);
    }
    add(
      label,
      detailText,
      await measure(
        iterations,
        warmup,
        async (i) => {
          const c = cases[i % cases.length]!;
          await okJson(
            await app.call(agreementRoute.loader, callOptions(c.caller, `/api/v1/agreements/${c.id}`, { id: c.id })),
            `agreement ${c.id}`,
          );
        },
        async (i) => {
          const c = cases[i % cases.length]!;
          await detailBaseline(database, c.caller, c.id);
        },
      ),
      "token, memberships, load, parties, items, approvals, timeline… SQL",
    );
  };
  await detail(
    "agreement detail: GET /api/v1/agreements/:id (desk)",
    `desk admin, ${actors.deskAgreements.length} agreements of ${actors.municipality.name}`,
    actors.deskAgreements.map((id) => ({ id, caller: desk })),
  );
  await detail(
    "agreement detail: GET /api/v1/agreements/:id (partner)",
    `${actors.partnerCases.length} random agreements, each by a member of its first partner`,
    actors.partnerCases,
  );

  // Its meetings.
  const meetingCases = actors.meetingAgreements.map((id) => ({ id, path: `/api/v1/agreements/${id}/meetings` }));
  for (const c of meetingCases.slice(0, 10)) {
    const body = await okJson(await app.call(agreementMeetingsRoute.loader, callOptions(desk, c.path, { id: c.id })), c.path);
    const appIds = (body.meetings as { id: string }[]).map((m) => m.id);
    const base = await meetingsBaseline(database, desk, c.id);
    if (appIds.join() !== base.ids.join())
      throw new Error(`meetings baseline differs for ${c.id}: app [${appIds.join()}] vs SQL [${base.ids.join()}]`);
  }
  add(
    "agreement meetings: GET /api/v1/agreements/:id/meetings",
    `desk admin, ${meetingCases.length} agreements of ${actors.municipality.name} that hold meetings`,
    await measure(
      iterations,
      warmup,
      async (i) => {
        const c = meetingCases[i % meetingCases.length]!;
        await okJson(await app.call(agreementMeetingsRoute.loader, callOptions(desk, c.path, { id: c.id })), c.path);
      },
      async (i) => {
        await meetingsBaseline(database, desk, meetingCases[i % meetingCases.length]!.id);
      },
    ),
    "token, memberships, load, meetings, action-item counts SQL",
  );

  // The export, Shift_JIS.
  const exportCsv = async (label: string, detailText: string, caller: Caller) => {
    const c = registerCase(caller, {}, "/api/v1/agreements/export.csv", { encoding: "shift_jis" });
    const got = await csvRows(await app.call(exportRoute.loader, callOptions(caller, c.path)), c.path);
    const base = await exportBaseline(database, caller, c);
    if (got.rows !== base.rows || got.firstId !== base.firstId)
      throw new Error(`${label} baseline differs: app ${got.rows} rows from ${got.firstId} vs SQL ${base.rows} from ${base.firstId}`);
    add(
      label,
      `${detailText}: ${got.rows.toLocaleString("en")} rows, ${(got.bytes / 1024).toFixed(0)} KiB`,
      await measure(
        iterations,
        warmup,
        async () => {
          await csvRows(await app.call(exportRoute.loader, callOptions(caller, c.path)), c.path);
        },
        async () => {
          await exportBaseline(database, caller, c);
        },
      ),
      "token + memberships, rows, parties, items, places, organisations SQL",
    );
  };
  if (actors.prefecture) {
    await exportCsv(
      "CSV export (Shift_JIS): prefecture desk",
      `GET /api/v1/agreements/export.csv?encoding=shift_jis as the desk admin of the prefecture with the most agreements (${actors.prefecture.name}, owned or joined)`,
      actors.prefecture.caller,
    );
  } else {
    log("  (skipping the prefecture desk's export: no prefecture is a party to any agreement)");
  }
  await exportCsv("CSV export (Shift_JIS): busiest municipality desk", `the same as the desk admin of ${actors.municipality.name}`, desk);
}
