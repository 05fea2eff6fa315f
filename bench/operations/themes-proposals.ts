// Theme calls and proposals: the desk's inbox, a department's shared list,
// one proposal (as the desk, which writes the access log, and as its
// proposer) and the public list of calls. Each through the real route
// module, next to the SQL it boils down to, run the same way (the same
// statements, in the same order, with the same parallelism) straight through
// the driver. Before timing, each case checks that both return the same ids.
import type { Database } from "~/lib/db/client.server";
import { normalizeForSearch } from "~/lib/japanese-text";
import { tokyoIsoDate } from "~/lib/wareki";
import * as proposalRoute from "~/routes/api/proposal";
import * as proposalsRoute from "~/routes/api/proposals";
import * as themesRoute from "~/routes/api/themes";
import { arrayLiteral } from "../lib/bulk";
import { measure } from "../lib/stats";
import { callOptions, identityBaseline, issueTokens, okJson, type BenchContext, type Caller, type Row } from "./callers";

export type { BenchContext } from "./callers";

/** Keyword searches as people type them: kanji of two and three characters, katakana (stored as hiragana). */
const proposalKeywords = ["高齢者", "防災", "見守り", "シェアサイクル"];
const themeKeywords = ["高齢者", "防災", "子育て", "公共交通", "食品ロス"];
const inboxStatuses = ["submitted", "screening", "in_dialogue", "implementing"];
const themeFields = ["health", "mobility", "digital", "childcare", "disaster"];
const themePrefectures = ["13", "27", "01", "17", "47"];
/** How many desks take turns in the "in turn" inbox case. */
const BUSY_DESKS = 50;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The names every proposal summary carries: proposer, municipality, theme title. */
async function proposalNames(database: Database, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const themeIds = [...new Set(rows.map((r) => r.theme_id).filter(Boolean))] as string[];
  await Promise.all([
    database.executeSql("select id, name from organizations where id = any($1::uuid[])", [
      arrayLiteral([...new Set(rows.map((r) => r.proposer_org_id as string))]),
    ]),
    database.executeSql("select code, name, full_name from local_governments where code = any($1::text[])", [
      arrayLiteral([...new Set(rows.map((r) => r.local_gov_code as string))]),
    ]),
    themeIds.length
      ? database.executeSql("select id, title from themes where id = any($1::uuid[])", [arrayLiteral(themeIds)])
      : Promise.resolve(null),
  ]);
}

// ── the inbox / shared list ───────────────────────────────────────────────────
interface ListCase {
  path: string;
  list: string;
  count: string;
  params: unknown[];
}

const SORT_KEY = "coalesce(p.submitted_at, p.updated_at)";

function proposalListCase(caller: Caller, filter: { status?: string; q?: string }, limit = 25): ListCase {
  const params: unknown[] = [caller.organizationId];
  let where = "p.municipality_id = $1 and p.status <> 'draft'";
  if (caller.departmentId) {
    params.push(caller.departmentId);
    where += ` and exists (select 1 from proposal_shares s where s.proposal_id = p.id and s.department_id = $${params.length})`;
  }
  if (filter.status) {
    params.push(filter.status);
    where += ` and p.status = $${params.length}`;
  }
  if (filter.q) {
    params.push(`%${escapeLike(normalizeForSearch(filter.q))}%`);
    where += ` and p.search_text like $${params.length}`;
  }
  const query = new URLSearchParams();
  if (filter.status) query.set("status", filter.status);
  if (filter.q) query.set("q", filter.q);
  return {
    path: `/api/v1/proposals${query.size ? `?${query}` : ""}`,
    list: `select p.*, to_char(${SORT_KEY} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as sort_key_text from proposals p where ${where} order by ${SORT_KEY} desc, p.id desc limit ${limit + 1}`,
    count: `select count(*)::int as n from proposals p where ${where}`,
    params,
  };
}

async function listBaseline(database: Database, caller: Caller, c: ListCase): Promise<{ ids: string[]; total: number }> {
  await identityBaseline(database, caller.tokenHash);
  const [list, counted] = await Promise.all([database.executeSql(c.list, c.params), database.executeSql(c.count, c.params)]);
  const rows = (list.rows as Row[]).slice(0, 25);
  await proposalNames(database, rows);
  return { ids: rows.map((r) => r.id as string), total: (counted.rows[0] as { n: number }).n };
}

// ── one proposal ──────────────────────────────────────────────────────────────
async function detailBaseline(
  database: Database,
  caller: Caller,
  id: string,
  cityStaff: boolean,
): Promise<{ id: string; events: number; shares: number }> {
  const user = await identityBaseline(database, caller.tokenHash);
  const { rows } = await database.executeSql("select * from proposals where id = $1 limit 1", [id]);
  const p = rows[0] as Row | undefined;
  if (!p) throw new Error(`baseline: proposal ${id} not found`);
  await database.executeSql("select department_id from proposal_shares where proposal_id = $1", [id]);
  if (cityStaff) {
    await database.executeSql(
      "insert into proposal_views (proposal_id, user_id, organization_id, department_id, role) values ($1, $2, $3, $4, $5)",
      [id, user.id, caller.organizationId, caller.departmentId, caller.departmentId ? "department_staff" : "desk_admin"],
    );
  }
  const [, , events, shares] = await Promise.all([
    proposalNames(database, [p]),
    database.executeSql(
      "select id, subject_id, filename, content_type, size, created_at from attachments where subject_type = $1 and subject_id = any($2::uuid[]) order by created_at",
      ["proposal", arrayLiteral([id])],
    ),
    database.executeSql("select * from proposal_events where proposal_id = $1 order by created_at", [id]),
    database.executeSql("select * from proposal_shares where proposal_id = $1 order by created_at", [id]),
    database.executeSql("select * from role_matrix where municipality_id = $1", [p.municipality_id]),
  ]);
  const orgIds = [
    ...new Set(
      [...(shares.rows as Row[]).map((s) => s.department_id), ...(events.rows as Row[]).map((e) => e.actor_org_id)].filter(Boolean),
    ),
  ] as string[];
  if (orgIds.length) await database.executeSql("select id, name from organizations where id = any($1::uuid[])", [arrayLiteral(orgIds)]);
  return { id, events: events.rows.length, shares: shares.rows.length };
}

// ── public theme list ─────────────────────────────────────────────────────────
interface ThemeCase {
  path: string;
  list: string;
  count: string;
  params: unknown[];
}

function themeListCase(filter: { field?: string; prefecture?: string; municipality?: string; q?: string }, limit = 20): ThemeCase {
  const params: unknown[] = [tokyoIsoDate()];
  let where = "status = 'published' and (deadline is null or deadline >= $1)";
  const query = new URLSearchParams();
  if (filter.field) {
    params.push(arrayLiteral([filter.field]));
    where += ` and fields @> $${params.length}::text[]`;
    query.set("field", filter.field);
  }
  if (filter.municipality) {
    params.push(filter.municipality);
    where += ` and local_gov_code = $${params.length}`;
    query.set("municipality", filter.municipality);
  }
  if (filter.prefecture) {
    params.push(filter.prefecture);
    where += ` and prefecture_code = $${params.length}`;
    query.set("prefecture", filter.prefecture);
  }
  if (filter.q) {
    params.push(`%${escapeLike(normalizeForSearch(filter.q))}%`);
    where += ` and search_text like $${params.length}`;
    query.set("q", filter.q);
  }
  const columns = "id, title, status, municipality_id, local_gov_code, prefecture_code, fields, deadline, published_at, department_id";
  return {
    path: `/api/v1/themes${query.size ? `?${query}` : ""}`,
    list: `select ${columns} from themes where ${where} order by published_at desc, id desc limit ${limit + 1}`,
    count: `select count(*)::int as n from themes where ${where}`,
    params,
  };
}

async function themeBaseline(database: Database, c: ThemeCase): Promise<{ ids: string[]; total: number }> {
  const [list, counted] = await Promise.all([database.executeSql(c.list, c.params), database.executeSql(c.count, c.params)]);
  const rows = (list.rows as Row[]).slice(0, 20);
  const departments = [...new Set(rows.map((r) => r.department_id).filter(Boolean))] as string[];
  await Promise.all([
    rows.length
      ? database.executeSql("select code, name, full_name from local_governments where code = any($1::text[])", [
          arrayLiteral([...new Set(rows.map((r) => r.local_gov_code as string))]),
        ])
      : null,
    departments.length
      ? database.executeSql("select id, name from organizations where id = any($1::uuid[])", [arrayLiteral(departments)])
      : null,
  ]);
  return { ids: rows.map((r) => r.id as string), total: (counted.rows[0] as { n: number }).n };
}

interface Actors {
  municipality: { id: string; code: string; name: string; proposals: number };
  desk: Caller;
  /** Desk admins of the busiest municipalities, busiest first (the first is `desk`'s municipality). */
  busyDesks: { caller: Caller; proposals: number }[];
  department: Caller & { shared: number };
  deskProposals: string[];
  proposerCases: { id: string; caller: Caller }[];
  busyThemeCodes: string[];
}

/** The busiest municipality's desk admin and most-shared department's staff, and proposers of random proposals. */
async function findActors(database: Database): Promise<Actors> {
  const q = async (text: string, params: unknown[] = []) => (await database.executeSql(text, params)).rows as Row[];
  const busiest = await q(
    `select p.municipality_id as id, o.local_gov_code as code, o.name, count(*)::int as n,
            (select user_id from memberships m where m.organization_id = p.municipality_id and m.role = 'desk_admin' order by m.created_at, m.id limit 1) as desk_user
       from proposals p join organizations o on o.id = p.municipality_id
      where p.status <> 'draft' group by 1, 2, 3 order by n desc, 1 limit ${BUSY_DESKS}`,
  );
  const busy = busiest[0];
  if (!busy) throw new Error("no proposals to benchmark");
  const [deptUser] = await q(
    `with d as (select s.department_id, count(*)::int as n from proposal_shares s join proposals p on p.id = s.proposal_id
                 where p.municipality_id = $1 and p.status <> 'draft' group by 1)
     select m.user_id, m.department_id, d.n from memberships m join d on d.department_id = m.department_id
      where m.organization_id = $1 and m.role = 'department_staff' order by d.n desc, m.created_at, m.id limit 1`,
    [busy.id],
  );
  if (!busy.desk_user || !deptUser)
    throw new Error("the busiest municipality has no desk admin or no department staff with shared proposals");
  const deskProposals = (
    await q("select id from proposals where municipality_id = $1 and status <> 'draft' order by md5(id::text) limit 100", [busy.id])
  ).map((r) => r.id as string);
  const proposerRows = await q(
    `select p.id, p.proposer_org_id, m.user_id from (select id, proposer_org_id from proposals order by md5(id::text) limit 100) p
       cross join lateral (select user_id from memberships where organization_id = p.proposer_org_id and role in ('member', 'coordinator') order by created_at, id limit 1) m
      order by md5(p.id::text)`,
  );
  const busyThemeCodes = (
    await q("select local_gov_code as code from themes where status = 'published' group by 1 order by count(*) desc, 1 limit 5")
  ).map((r) => r.code as string);

  const busyWithDesk = busiest.filter((b) => b.desk_user);
  const callers = await issueTokens(database, [
    ...busyWithDesk.map((b) => ({
      label: "desk admin",
      userId: b.desk_user as string,
      organizationId: b.id as string,
      departmentId: null,
    })),
    {
      label: "department staff",
      userId: deptUser.user_id as string,
      organizationId: busy.id as string,
      departmentId: deptUser.department_id as string,
    },
    ...proposerRows.map((r) => ({
      label: "proposer",
      userId: r.user_id as string,
      organizationId: r.proposer_org_id as string,
      departmentId: null,
    })),
  ]);
  const desks = callers.slice(0, busyWithDesk.length);
  const [department, ...proposers] = callers.slice(busyWithDesk.length);
  return {
    municipality: { id: busy.id as string, code: busy.code as string, name: busy.name as string, proposals: busy.n as number },
    desk: desks[0]!,
    busyDesks: desks.map((caller, i) => ({ caller, proposals: busyWithDesk[i]!.n as number })),
    department: { ...department!, shared: deptUser.n as number },
    deskProposals,
    proposerCases: proposerRows.map((r, i) => ({ id: r.id as string, caller: proposers[i]! })),
    busyThemeCodes,
  };
}

export async function benchmarkThemesAndProposals(bench: BenchContext): Promise<void> {
  const { app, iterations, warmup, add, log } = bench;
  const database = app.runtime.database;
  const actors = await findActors(database);
  log(
    `  busiest municipality: ${actors.municipality.name} (${actors.municipality.code}), ${actors.municipality.proposals.toLocaleString("en")} proposals; its most-shared department sees ${actors.department.shared}`,
  );

  // The inbox and the shared list.
  const inbox = async (label: string, detail: string, cases: { caller: Caller; c: ListCase }[]) => {
    for (const { caller, c } of cases) {
      const body = await okJson(await app.call(proposalsRoute.loader, callOptions(caller, c.path)), c.path);
      const appIds = (body.items as { id: string }[]).map((i) => i.id);
      const base = await listBaseline(database, caller, c);
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
          await okJson(await app.call(proposalsRoute.loader, callOptions(caller, c.path)), c.path);
        },
        async (i) => {
          const { caller, c } = cases[i % cases.length]!;
          await listBaseline(database, caller, c);
        },
      ),
      "token + memberships, list + count, names SQL",
    );
  };
  const place = `${actors.municipality.name}, ${actors.municipality.proposals.toLocaleString("en")} proposals`;
  const desk = actors.desk;
  await inbox("desk inbox: GET /api/v1/proposals", `desk admin of the busiest municipality (${place}); first page of 25`, [
    { caller: desk, c: proposalListCase(desk, {}) },
  ]);
  await inbox(
    "desk inbox: ?status=",
    `as above, status ${inboxStatuses.join(", ")}`,
    inboxStatuses.map((status) => ({ caller: desk, c: proposalListCase(desk, { status }) })),
  );
  await inbox(
    "desk inbox: ?q=",
    `as above, q ${proposalKeywords.join(", ")}`,
    proposalKeywords.map((q) => ({ caller: desk, c: proposalListCase(desk, { q }) })),
  );
  await inbox(
    "desk inbox: GET /api/v1/proposals (50 desks in turn)",
    `desk admins of the ${actors.busyDesks.length} busiest municipalities in turn (${actors.busyDesks.at(-1)?.proposals.toLocaleString("en")}–${actors.municipality.proposals.toLocaleString("en")} proposals each): a working set larger than shared_buffers`,
    actors.busyDesks.map(({ caller }) => ({ caller, c: proposalListCase(caller, {}) })),
  );
  await inbox(
    "department: GET /api/v1/proposals (shared)",
    `department staff of its most-shared department (${actors.department.shared} proposals shared)`,
    [{ caller: actors.department, c: proposalListCase(actors.department, {}) }],
  );

  // One proposal.
  const detail = async (label: string, detailText: string, cases: { id: string; caller: Caller }[], cityStaff: boolean) => {
    for (const c of cases.slice(0, 10)) {
      const body = await okJson(
        await app.call(proposalRoute.loader, callOptions(c.caller, `/api/v1/proposals/${c.id}`, { id: c.id })),
        `proposal ${c.id}`,
      );
      const base = await detailBaseline(database, c.caller, c.id, cityStaff);
      const timeline = body.timeline as unknown[];
      const shares = body.shares as unknown[];
      if (body.id !== base.id || timeline.length !== base.events || shares.length !== base.shares) {
        throw new Error(
          `${label} baseline differs for ${c.id}: app ${timeline.length} events, ${shares.length} shares vs SQL ${base.events}, ${base.shares}`,
        );
      }
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
            await app.call(proposalRoute.loader, callOptions(c.caller, `/api/v1/proposals/${c.id}`, { id: c.id })),
            `proposal ${c.id}`,
          );
        },
        async (i) => {
          const c = cases[i % cases.length]!;
          await detailBaseline(database, c.caller, c.id, cityStaff);
        },
      ),
      cityStaff ? "token, memberships, load, view INSERT, timeline… SQL" : "token, memberships, load, timeline… SQL",
    );
  };
  await detail(
    "proposal detail: GET /api/v1/proposals/:id (desk)",
    `desk admin, ${actors.deskProposals.length} proposals of ${actors.municipality.name}; writes an access-log row`,
    actors.deskProposals.map((id) => ({ id, caller: actors.desk })),
    true,
  );
  await detail(
    "proposal detail: GET /api/v1/proposals/:id (proposer)",
    `${actors.proposerCases.length} random proposals, each by a member of its proposer`,
    actors.proposerCases,
    false,
  );

  // The public list of calls.
  const themes = async (label: string, detailText: string, cases: ThemeCase[]) => {
    for (const c of cases) {
      const body = await okJson(await app.call(themesRoute.loader, { path: c.path }), c.path);
      const appIds = (body.items as { id: string }[]).map((i) => i.id);
      const base = await themeBaseline(database, c);
      if (appIds.join() !== base.ids.join() || body.total !== base.total) {
        throw new Error(
          `theme list baseline differs for ${c.path}: app ${String(body.total)} [${appIds.join()}] vs SQL ${base.total} [${base.ids.join()}]`,
        );
      }
      if (appIds.length === 0) log(`  (note: ${c.path} returns nothing)`);
    }
    add(
      label,
      detailText,
      await measure(
        iterations,
        warmup,
        async (i) => {
          const c = cases[i % cases.length]!;
          await okJson(await app.call(themesRoute.loader, { path: c.path }), c.path);
        },
        async (i) => {
          await themeBaseline(database, cases[i % cases.length]!);
        },
      ),
      "list + count, names SQL",
    );
  };
  await themes("public themes: GET /api/v1/themes", "open calls, whole country, first page of 20", [themeListCase({})]);
  await themes(
    "public themes: ?field=",
    themeFields.join(", "),
    themeFields.map((field) => themeListCase({ field })),
  );
  await themes(
    "public themes: ?prefecture=",
    themePrefectures.join(", "),
    themePrefectures.map((prefecture) => themeListCase({ prefecture })),
  );
  await themes(
    "public themes: ?municipality=",
    `the ${actors.busyThemeCodes.length} municipalities with the most calls`,
    actors.busyThemeCodes.map((municipality) => themeListCase({ municipality })),
  );
  await themes(
    "public themes: ?q=",
    themeKeywords.join(", "),
    themeKeywords.map((q) => themeListCase({ q })),
  );
}
