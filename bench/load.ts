// `npm run load`: the product under HTTP load, as people run it. On PostgreSQL
// (national-scale data from the bench's generator) and on PGlite (demo data)
// it starts `node server.mjs` on 127.0.0.1, signs real people in through the
// login form and POST /api/v1/tokens, and drives autocannon against 127.0.0.1
// only: /api/v1/health alone (the ceiling), each read route alone (closed
// loop), the mix of pages, API lists and a trickle of writes (closed loop),
// and the mix at a steady rate. Requests/s, p50/p95/p99/max and errors per
// route go to the console, BENCHMARKS.md and bench/results/load-*.json.
//
//   BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL   the PostgreSQL server (else PostgreSQL is skipped)
//   LOAD_DATABASE_NAME=renkei_load   the database the data is generated into (kept for LOAD_REUSE)
//   LOAD_REUSE=1                     use that database as it is when a finished generation is there
//   LOAD_KEEP=0                      drop it at the end
//   LOAD_ORGS=100000 LOAD_PEOPLE=300000 LOAD_SEED=20260401   data size (the rest as in `npm run bench`)
//   LOAD_DRIVERS=postgresql,pglite   which databases
//   LOAD_PROCESSES=1                 app processes on PostgreSQL (the product's RENKEI_PROCESSES: one port, Node's cluster)
//   LOAD_CONNECTIONS=50              PostgreSQL connections; LOAD_PGLITE_CONNECTIONS=20, then a short run at LOAD_PGLITE_BEYOND=50
//   LOAD_SECONDS=10                  each closed-loop run; LOAD_STEADY_SECONDS=20 the steady mix; LOAD_WARMUP_SECONDS=5
//   LOAD_RATE=50                     the steady mix's requests/s
//   LOAD_TIMEOUT=10                  seconds before a request counts as timed out
//   LOAD_NODE_ENV=development        the app's NODE_ENV (default: none, so server.mjs picks production, as with `npm start`)
//   LOAD_RECORD=0                    do not add the run to BENCHMARKS.md
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { migrateDatabase, openPostgres } from "~/lib/db/client.server";
import { BENCH_PASSWORD, generateFoundationData } from "./generate";
import { createRandom } from "./lib/random";
import { machineInfo } from "./lib/report";
import { validProposal } from "~/test/api-inputs";
import {
  automaticNotes,
  emptyTally,
  mergeTallies,
  recordLoadRun,
  renderLoadRun,
  summarizeRoute,
  type DatabaseLoad,
  type LoadReport,
  type LoadRun,
  type RouteSummary,
  type TargetRule,
} from "./lib/load-report";
import { runClosedLoop, runSteady, type LoadOutcome, type LoadRoute } from "./lib/load-runner";
import { machineCpuSeconds, processCpuSeconds, startServer, type ServerProcess } from "./lib/server-process";

const env = process.env;
const int = (name: string, fallback: number, min = 0) => {
  const value = env[name];
  const n = value === undefined || value === "" ? fallback : Number(value.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < min) throw new Error(`${name}: not a whole number ≥ ${min}: ${value}`);
  return n;
};

const organizations = int("LOAD_ORGS", 100_000, 1);
const agreements = Math.round(organizations / 2);
const sizes = {
  organizations,
  people: int("LOAD_PEOPLE", 300_000, 1),
  themes: Math.round(organizations / 5),
  proposals: organizations * 2,
  agreements,
  meetings: agreements * 6,
};
const settings = {
  seconds: int("LOAD_SECONDS", 10, 1),
  steadySeconds: int("LOAD_STEADY_SECONDS", 20, 1),
  warmupSeconds: int("LOAD_WARMUP_SECONDS", 5),
  connections: int("LOAD_CONNECTIONS", 50, 1),
  pgliteConnections: int("LOAD_PGLITE_CONNECTIONS", 20, 1),
  pgliteBeyond: int("LOAD_PGLITE_BEYOND", 50),
  rate: int("LOAD_RATE", 50, 1),
  processes: int("LOAD_PROCESSES", 1, 1),
  timeoutSeconds: int("LOAD_TIMEOUT", 10, 1),
  seed: int("LOAD_SEED", 20260401),
};
const record = env.LOAD_RECORD !== "0";
const reuse = env.LOAD_REUSE === "1";
const keep = env.LOAD_KEEP !== "0";
const LOAD_DB = env.LOAD_DATABASE_NAME || "renkei_load";
if (!/^[a-z_][a-z0-9_]*$/.test(LOAD_DB)) throw new Error(`LOAD_DATABASE_NAME: not a plain lower-case identifier: ${LOAD_DB}`);
const serverUrl = env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL || env.DATABASE_URL || undefined;
const SECRET = "load-test-secret-load-test-secret-0123456789";
/** The app's NODE_ENV: unset by default, as `npm start` runs it (server.mjs then picks production). */
const nodeEnv = env.LOAD_NODE_ENV ?? "";
const nodeEnvText = nodeEnv ? `NODE_ENV=${nodeEnv}` : "NODE_ENV as `npm start` leaves it (server.mjs: production)";
const DEMO_PASSWORD = "renkei-demo-2026";

const log = (message: string) => console.log(`[load] ${message}`);
const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const count = (n: number) => n.toLocaleString("en");

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(path.resolve("node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

// ── PostgreSQL: the national-scale database ─────────────────────────────────
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function postgresAnswers(url: string): Promise<boolean> {
  try {
    await sql(url, "select 1");
    return true;
  } catch {
    return false;
  }
}

/** What a finished generation notes on its database (COMMENT ON DATABASE), so LOAD_REUSE never takes a half-built one. */
interface Generated {
  sizes: typeof sizes;
  seed: number;
  generatedAt: string;
  seconds: number;
}

async function prepareDatabase(server: string): Promise<{ url: string; generated: Generated; reused: boolean }> {
  const url = withDatabase(server, LOAD_DB);
  const [existing] = await sql<{ note: string | null }>(
    server,
    "select shobj_description(oid, 'pg_database') as note from pg_database where datname = $1",
    [LOAD_DB],
  );
  let previous: Generated | null = null;
  try {
    previous = existing?.note ? (JSON.parse(existing.note) as Generated) : null;
  } catch {
    previous = null;
  }
  if (reuse && previous?.sizes) {
    log(`reusing database ${LOAD_DB} (generated ${previous.generatedAt}, ${count(previous.sizes.organizations)} organisations)`);
    if (previous.sizes.organizations !== sizes.organizations || previous.sizes.people !== sizes.people)
      log(`  note: it was generated with other sizes than asked for now; the report gives its own`);
    return { url, generated: previous, reused: true };
  }
  if (reuse)
    log(existing ? `database ${LOAD_DB} holds no finished generation: generating it again` : `no database ${LOAD_DB} yet: generating it`);
  await sql(server, `DROP DATABASE IF EXISTS ${LOAD_DB} WITH (FORCE)`);
  await sql(server, `CREATE DATABASE ${LOAD_DB} ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' TEMPLATE template0`);
  const database = openPostgres(url);
  const t0 = performance.now();
  try {
    await migrateDatabase(database);
    log(
      `generating ${count(sizes.organizations)} organisations, ${count(sizes.people)} people, ${count(sizes.proposals)} proposals, ${count(sizes.agreements)} agreements … into ${LOAD_DB}`,
    );
    await generateFoundationData(database, sizes, { seed: settings.seed, log: (m) => log(`  ${m}`) });
  } finally {
    await database.close();
  }
  const generated: Generated = {
    sizes,
    seed: settings.seed,
    generatedAt: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    seconds: Math.round((performance.now() - t0) / 1000),
  };
  await sql(server, `COMMENT ON DATABASE ${LOAD_DB} IS '${JSON.stringify(generated).replace(/'/g, "''")}'`);
  log(`generated in ${generated.seconds} s`);
  return { url, generated, reused: false };
}

interface Person {
  role: "desk_admin" | "department_staff" | "member";
  email: string;
  organizationId?: string;
  password: string;
}

/** As bench/operations pick their callers: the busiest municipality's desk admin and its most-shared department's staff; the company with the most agreements. */
async function generatedPeople(url: string): Promise<{ desk: Person; department: Person; company: Person; place: string }> {
  const [busy] = await sql<{ id: string; name: string; n: number; desk_user: string }>(
    url,
    `select p.municipality_id as id, o.name, count(*)::int as n,
            (select user_id from memberships m where m.organization_id = p.municipality_id and m.role = 'desk_admin' order by m.created_at, m.id limit 1) as desk_user
       from proposals p join organizations o on o.id = p.municipality_id
      where p.status <> 'draft' group by 1, 2 order by n desc, 1 limit 1`,
  );
  if (!busy?.desk_user) throw new Error("no municipality with proposals and a desk admin");
  const [dept] = await sql<{ user_id: string }>(
    url,
    `with d as (select s.department_id, count(*)::int as n from proposal_shares s join proposals p on p.id = s.proposal_id
                 where p.municipality_id = $1 and p.status <> 'draft' group by 1)
     select m.user_id from memberships m join d on d.department_id = m.department_id
      where m.organization_id = $1 and m.role = 'department_staff' order by d.n desc, m.created_at, m.id limit 1`,
    [busy.id],
  );
  const [company] = await sql<{ id: string; user_id: string }>(
    url,
    `select o.id, (select user_id from memberships m where m.organization_id = o.id and m.role = 'member' order by m.created_at, m.id limit 1) as user_id
       from agreement_parties p join organizations o on o.id = p.organization_id
      where o.kind = 'company' group by o.id order by count(*) desc, o.id limit 1`,
  );
  if (!dept || !company?.user_id) throw new Error("no department staff with shared proposals, or no company member with agreements");
  const emails = new Map(
    (
      await sql<{ id: string; email: string }>(url, "select id, email from users where id = any($1::uuid[])", [
        [busy.desk_user, dept.user_id, company.user_id],
      ])
    ).map((r) => [r.id, r.email]),
  );
  const person = (role: Person["role"], userId: string, organizationId: string): Person => ({
    role,
    email: emails.get(userId)!,
    organizationId,
    password: BENCH_PASSWORD,
  });
  return {
    desk: person("desk_admin", busy.desk_user, busy.id),
    department: person("department_staff", dept.user_id, busy.id),
    company: person("member", company.user_id, company.id),
    place: `${count(busy.n)} besides drafts`,
  };
}

// ── signing in, finding what to open ─────────────────────────────────────────
interface Membership {
  membershipId: string;
  organizationId: string;
  organizationName: string;
  role: string;
  departmentName: string | null;
  localGovCode: string | null;
}

interface SignedIn {
  person: Person;
  /** Cookie header for pages: the session and the active organisation. */
  cookie: string;
  /** Headers for the API: the token and the organisation acted for. */
  api: Record<string, string>;
  membership: Membership;
}

async function expectOk(response: Response, what: string, status = 200): Promise<string> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status}: ${text.slice(0, 300)}`);
  return text;
}

/** Signs in through the login form (a session cookie, as a browser) and POST /api/v1/tokens (a token, as an integration). */
async function signIn(base: string, person: Person): Promise<SignedIn> {
  const form = new URLSearchParams({ email: person.email, password: person.password, next: "/" });
  const login = await fetch(`${base}/login`, {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
  });
  await login.arrayBuffer();
  const cookies = login.headers
    .getSetCookie()
    .filter((c) => !/max-age=0\b/i.test(c))
    .map((c) => c.split(";")[0]!)
    .filter((c) => /=./.test(c));
  if (login.status !== 302 || cookies.length === 0) throw new Error(`login as ${person.email}: ${login.status}, no session cookie`);
  const issued = JSON.parse(
    await expectOk(
      await fetch(`${base}/api/v1/tokens`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: person.email, password: person.password }),
      }),
      `POST /api/v1/tokens as ${person.email}`,
      201,
    ),
  ) as { token: string };
  const me = JSON.parse(
    await expectOk(await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${issued.token}` } }), "GET /api/v1/me"),
  ) as { memberships: Membership[] };
  const membership = me.memberships.find(
    (m) => m.role === person.role && (!person.organizationId || m.organizationId === person.organizationId),
  );
  if (!membership) throw new Error(`${person.email} has no ${person.role} membership${person.organizationId ? " there" : ""}`);
  return {
    person,
    cookie: [...cookies, `renkei_org=${membership.membershipId}`].join("; "),
    api: { authorization: `Bearer ${issued.token}`, "x-renkei-organization": membership.organizationId },
    membership,
  };
}

interface Page<T> {
  items: T[];
  total: number;
}

async function apiGet<T>(base: string, pathname: string, headers: Record<string, string> = {}): Promise<Page<T>> {
  return JSON.parse(await expectOk(await fetch(`${base}${pathname}`, { headers }), `GET ${pathname}`)) as Page<T>;
}

interface World {
  desk: SignedIn;
  department: SignedIn;
  company: SignedIn;
  themeId: string;
  proposalId: string;
  messageTargets: string[];
  agreementId: string;
  municipalityCode: string;
  callers: string;
}

/** The theme, proposal and agreement the mix opens, found through the API as the callers see them. */
async function discover(base: string, people: { desk: Person; department: Person; company: Person }, place: string): Promise<World> {
  const [desk, department, company] = await Promise.all([
    signIn(base, people.desk),
    signIn(base, people.department),
    signIn(base, people.company),
  ]);
  const code = desk.membership.localGovCode;
  if (!code) throw new Error("the desk's organisation has no 団体コード");
  const inbox = await apiGet<{ id: string }>(base, "/api/v1/proposals", desk.api);
  const dialogue = await apiGet<{ id: string }>(base, "/api/v1/proposals?status=in_dialogue&limit=21", desk.api);
  const shared = await apiGet<{ id: string }>(base, "/api/v1/proposals", department.api);
  const register = await apiGet<{ id: string }>(base, "/api/v1/agreements", desk.api);
  const active = await apiGet<{ id: string }>(base, "/api/v1/agreements?status=active", desk.api);
  const partnerRegister = await apiGet<{ id: string }>(base, "/api/v1/agreements", company.api);
  let themes = await apiGet<{ id: string }>(base, `/api/v1/themes?municipality=${code}`);
  if (themes.items.length === 0) themes = await apiGet<{ id: string }>(base, "/api/v1/themes");
  const proposal = dialogue.items[0] ?? inbox.items[0];
  const agreement = active.items[0] ?? register.items[0];
  const theme = themes.items[0];
  if (!proposal || !agreement || !theme) throw new Error("the desk sees no proposal or agreement, or there is no published theme");
  // Messages go to other proposals in dialogue where there are some, so the page read stays the same size.
  const others = dialogue.items.slice(1).map((p) => p.id);
  const unit = (s: SignedIn) =>
    `${s.membership.organizationName}${s.membership.departmentName ? ` ${s.membership.departmentName}` : ""} (${s.person.email})`;
  return {
    desk,
    department,
    company,
    themeId: theme.id,
    proposalId: proposal.id,
    messageTargets: others.length ? others : [proposal.id],
    agreementId: agreement.id,
    municipalityCode: code,
    callers:
      `desk admin ${unit(desk)}${place ? `, the municipality with the most proposals (${place})` : ""}: inbox ${count(inbox.total)} proposals, register ${count(register.total)} agreements; ` +
      `department staff ${unit(department)}: ${count(shared.total)} shared proposals; company member ${unit(company)}: register ${count(partnerRegister.total)} agreements. ` +
      `Signed in through the login form (session cookie) and POST /api/v1/tokens.`,
  };
}

// ── the routes and the mix ───────────────────────────────────────────────────
/** Signed-in pages: what the ≥ 150 req/s target speaks of. */
const SIGNED_IN_PAGES = ["inbox", "register", "agreement", "proposal", "shared"];

/**
 * Issue 19's targets, shown beside the runs they speak of (reported, never
 * enforced). PostgreSQL (2 cores, 50 connections): every signed-in page
 * ≥ 150 req/s with p95 < 500 ms and no error; at a steady 50 req/s of the
 * mix, p95 < 100 ms per route. PGlite: no request over 2 s at 20 connections.
 */
const POSTGRES_TARGETS: TargetRule[] = [
  { kind: "alone", connections: 50, signedInPagesOnly: true, target: { minPerSecond: 150, maxP95: 500, noErrors: true } },
  { kind: "steady", connections: 50, target: { maxP95: 100 } },
];
const PGLITE_TARGETS: TargetRule[] = [
  { kind: "alone", connections: 20, target: { maxLatency: 2000 } },
  { kind: "mix", connections: 20, target: { maxLatency: 2000 } },
];

function routesFor(w: World): LoadRoute[] {
  let drafts = 0;
  let messages = 0;
  const run = Date.now().toString(36);
  const page = (s: SignedIn) => ({ cookie: s.cookie });
  const json = (s: SignedIn) => ({ ...s.api, "content-type": "application/json" });
  return [
    { key: "home", label: "GET /", who: "anonymous", method: "GET", path: "/", weight: 8 },
    { key: "themes", label: "GET /themes", who: "anonymous", method: "GET", path: "/themes", weight: 10 },
    { key: "theme", label: "GET /themes/:id", who: "anonymous", method: "GET", path: `/themes/${w.themeId}`, weight: 10 },
    {
      key: "inbox",
      label: "GET /proposals (inbox)",
      who: "desk admin",
      method: "GET",
      path: "/proposals",
      headers: page(w.desk),
      weight: 10,
    },
    {
      key: "register",
      label: "GET /agreements (register)",
      who: "desk admin",
      method: "GET",
      path: "/agreements",
      headers: page(w.desk),
      weight: 10,
    },
    {
      key: "agreement",
      label: "GET /agreements/:id",
      who: "desk admin",
      method: "GET",
      path: `/agreements/${w.agreementId}`,
      headers: page(w.desk),
      weight: 8,
    },
    {
      key: "proposal",
      label: "GET /proposals/:id",
      who: "desk admin",
      method: "GET",
      path: `/proposals/${w.proposalId}`,
      headers: page(w.desk),
      weight: 8,
    },
    {
      key: "shared",
      label: "GET /proposals (shared)",
      who: "department staff",
      method: "GET",
      path: "/proposals",
      headers: page(w.department),
      weight: 6,
    },
    {
      key: "api-proposals",
      label: "GET /api/v1/proposals",
      who: "desk admin, token",
      method: "GET",
      path: "/api/v1/proposals",
      headers: w.desk.api,
      weight: 8,
    },
    {
      key: "api-agreements",
      label: "GET /api/v1/agreements",
      who: "company member, token",
      method: "GET",
      path: "/api/v1/agreements",
      headers: w.company.api,
      weight: 8,
    },
    { key: "api-themes", label: "GET /api/v1/themes", who: "anonymous", method: "GET", path: "/api/v1/themes", weight: 12 },
    {
      key: "draft",
      label: "POST /api/v1/proposals (draft)",
      who: "company member, token",
      method: "POST",
      path: "/api/v1/proposals",
      headers: json(w.company),
      weight: 1,
      body: () =>
        JSON.stringify({
          ...validProposal,
          title: `負荷試験の提案 ${run}-${++drafts}`,
          contactName: "負荷 太郎",
          contactEmail: "load@example.jp",
          municipalityCode: w.municipalityCode,
        }),
    },
    {
      key: "message",
      label: "POST /api/v1/proposals/:id/messages",
      who: "desk admin, token",
      method: "POST",
      path: () => `/api/v1/proposals/${w.messageTargets[messages % w.messageTargets.length]}/messages`,
      headers: json(w.desk),
      weight: 1,
      body: () => JSON.stringify({ body: `負荷試験のメッセージ ${run}-${++messages}` }),
    },
  ];
}

const HEALTH: LoadRoute = {
  key: "health",
  label: "GET /api/v1/health",
  who: "anonymous",
  method: "GET",
  path: "/api/v1/health",
  weight: 1,
};

/** Every route once, before any load: a sign-in that did not take (a redirect to /login) must not pass for a fast page. */
async function preflight(base: string, routes: LoadRoute[]): Promise<void> {
  for (const r of [HEALTH, ...routes]) {
    const pathname = typeof r.path === "function" ? r.path() : r.path;
    const response = await fetch(`${base}${pathname}`, { method: r.method, headers: r.headers, body: r.body?.(), redirect: "manual" });
    const body = await response.text();
    if (response.status < 200 || response.status > 299)
      throw new Error(`${r.label} as ${r.who}: ${response.status} ${response.headers.get("location") ?? ""} ${body.slice(0, 200)}`);
  }
}

// ── one database ─────────────────────────────────────────────────────────────
interface Subject {
  servers: ServerProcess[];
  /** CPU seconds so far of each PostgreSQL backend serving the app (PostgreSQL only). */
  databaseCpu?: () => Promise<Map<number, number>>;
  world: World;
  connections: number;
  /** A short closed-loop run of the mix beyond `connections` (PGlite). */
  beyond: number;
}

async function measure(
  t: Subject,
  kind: LoadRun["kind"],
  routes: LoadRoute[],
  connections: number,
  drive: () => Promise<LoadOutcome>,
  rate: number | null = null,
): Promise<LoadRun> {
  const app0 = t.servers.reduce((a, s) => a + s.cpuSeconds(), 0);
  const db0 = await t.databaseCpu?.();
  const machine0 = machineCpuSeconds();
  const t0 = performance.now();
  const outcome = await drive();
  const wall = (performance.now() - t0) / 1000;
  const app1 = t.servers.reduce((a, s) => a + s.cpuSeconds(), 0);
  const db1 = await t.databaseCpu?.();
  // A backend opened during the run counts from its start.
  const dbSeconds = db0 && db1 ? [...db1].reduce((a, [pid, seconds]) => a + seconds - (db0.get(pid) ?? 0), 0) : null;
  const machine1 = machineCpuSeconds();
  const total = [...outcome.tallies.values()].reduce((a, x) => a + x.samples.length, 0);
  // Every route asked for gets its row, also one that got no answer at all.
  const summaries: RouteSummary[] = routes
    .filter((r) => r.weight > 0)
    .map((r) => summarizeRoute(r, outcome.tallies.get(r.key) ?? emptyTally(), outcome.seconds, total));
  const all = summarizeRoute({ key: "all", label: "all", who: "" }, mergeTallies([...outcome.tallies.values()]), outcome.seconds, total);
  const run: LoadRun = {
    kind,
    connections,
    rate,
    seconds: outcome.seconds,
    routes: summaries,
    all,
    cpu: {
      app: (app1 - app0) / wall,
      database: dbSeconds === null ? null : dbSeconds / wall,
      load: outcome.loadCpuSeconds / wall,
      machine: (machine1.busy - machine0.busy) / wall,
    },
    samples: Object.fromEntries([...outcome.tallies].map(([key, tally]) => [key, tally.samples.map((x) => Math.round(x * 100) / 100)])),
  };
  const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : "–");
  for (const s of kind === "alone" ? summaries : [...summaries, all]) {
    log(
      `  ${s.label.padEnd(38)} ${s.who.padEnd(22)} ${fmt(s.perSecond).padStart(8)} req/s  p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  p99 ${fmt(s.p99)}  max ${fmt(s.max)} ms` +
        (s.non2xx + s.errors + s.timeouts
          ? `  non-2xx ${s.non2xx} ${JSON.stringify(s.statuses)} errors ${s.errors} timeouts ${s.timeouts}`
          : ""),
    );
  }
  log(
    `  CPU (cores): app ${run.cpu.app.toFixed(2)}, PostgreSQL ${run.cpu.database?.toFixed(2) ?? "–"}, load generator ${run.cpu.load.toFixed(2)}, machine ${run.cpu.machine.toFixed(2)}`,
  );
  await sleep(1000); // let the answers to abandoned requests drain before the next run
  return run;
}

async function drive(t: Subject): Promise<LoadRun[]> {
  const urls = t.servers.map((s) => s.url);
  const routes = routesFor(t.world);
  await preflight(urls[0]!, routes);
  for (const url of urls.slice(1))
    await preflight(
      url,
      routes.filter((r) => r.method === "GET"),
    );
  const random = createRandom(settings.seed);
  const common = {
    urls,
    timeoutSeconds: settings.timeoutSeconds,
    random,
    headers: { "accept-encoding": "gzip", "user-agent": "renkei-load" },
  };
  if (settings.warmupSeconds > 0) {
    log(`warm-up: the mix for ${settings.warmupSeconds} s at ${t.connections} connections`);
    await runClosedLoop({ ...common, routes, connections: t.connections, seconds: settings.warmupSeconds });
    await sleep(1000);
  }
  const runs: LoadRun[] = [];
  log(`each route alone, ${t.connections} connections, ${settings.seconds} s each`);
  for (const route of [HEALTH, ...routes.filter((r) => r.method === "GET")]) {
    const alone = { ...route, weight: 1 };
    runs.push(
      await measure(t, "alone", [alone], t.connections, () =>
        runClosedLoop({ ...common, routes: [alone], connections: t.connections, seconds: settings.seconds }),
      ),
    );
  }
  for (const connections of [t.connections, ...(t.beyond > t.connections ? [t.beyond] : [])]) {
    log(`the mix, ${connections} connections, ${settings.seconds} s`);
    runs.push(
      await measure(t, "mix", routes, connections, () => runClosedLoop({ ...common, routes, connections, seconds: settings.seconds })),
    );
  }
  log(`the mix at a steady ${settings.rate} req/s, ${settings.steadySeconds} s`);
  runs.push(
    await measure(
      t,
      "steady",
      routes,
      settings.rate,
      () => runSteady({ ...common, routes, rate: settings.rate, seconds: settings.steadySeconds }),
      settings.rate,
    ),
  );
  return runs;
}

function directoryMiB(dir: string): number {
  let bytes = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) bytes += statSync(p).size;
    }
  };
  walk(dir);
  return bytes / 2 ** 20;
}

async function runPostgres(server: string): Promise<DatabaseLoad> {
  log(`── PostgreSQL (${redact(server)}) ──`);
  const prepared = await prepareDatabase(server);
  const [info] = await sql<{ version: string; shared_buffers: string; max_connections: string; bytes: string }>(
    prepared.url,
    "select version(), current_setting('shared_buffers') as shared_buffers, current_setting('max_connections') as max_connections, pg_database_size(current_database())::bigint as bytes",
  );
  const people = await generatedPeople(prepared.url);
  const host = new URL(server).hostname;
  const local = ["localhost", "127.0.0.1", "::1", "[::1]"].includes(host);
  const servers: ServerProcess[] = [];
  try {
    const serverEnv = {
      DATABASE_URL: prepared.url,
      RENKEI_SECRET: SECRET,
      RENKEI_JOBS: "off",
      RENKEI_DEMO_DATA: "0",
      NODE_ENV: nodeEnv,
      RENKEI_PROCESSES: String(settings.processes),
    };
    servers.push(await startServer(serverEnv));
    log(`${servers.length} app process${servers.length > 1 ? "es" : ""}: ${servers.map((s) => `${s.url} (pid ${s.pid})`).join(", ")}`);
    const world = await discover(servers[0]!.url, people, people.place);
    log(world.callers);
    const g = prepared.generated;
    // The backends of this database other than the one asking (pg_stat_activity; their CPU time from /proc when on this machine).
    const monitor = new pg.Client({ connectionString: prepared.url });
    await monitor.connect();
    const databaseCpu = async () =>
      new Map(
        (
          await monitor.query<{ pid: number }>(
            "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
          )
        ).rows.map((r) => [r.pid, processCpuSeconds(r.pid)]),
      );
    const runs = await drive({
      servers,
      world,
      connections: settings.connections,
      beyond: 0,
      databaseCpu: local ? databaseCpu : undefined,
    }).finally(() => monitor.end());
    return {
      driver: "postgresql",
      server: `${info!.version.replace(/ on .*$/, "").replace(/,.*$/, "")}, shared_buffers ${info!.shared_buffers}, max_connections ${info!.max_connections}; ${local ? "on the same machine" : `at ${host}`}`,
      data: `database \`${LOAD_DB}\`, ${(Number(info!.bytes) / 2 ** 20).toFixed(0)} MiB: ${count(g.sizes.organizations)} organisations, ${count(g.sizes.people)} people, ${count(g.sizes.themes)} themes, ${count(g.sizes.proposals)} proposals, ${count(g.sizes.agreements)} agreements, ${count(g.sizes.meetings)} meetings (bench generator, seed ${g.seed}; ${prepared.reused ? `generated ${g.generatedAt}, reused` : `generated in ${g.seconds} s`})`,
      app: `\`node server.mjs\` with RENKEI_PROCESSES=${settings.processes} (${settings.processes > 1 ? `${settings.processes} processes on one port, Node's cluster` : "one process"}), ${nodeEnvText}, RENKEI_JOBS=off, node-postgres ${packageVersion("pg")} pool of 10 per process`,
      callers: world.callers,
      peakRssMiB: servers.map((s) => s.memoryMiB().peak),
      runs,
      targets: POSTGRES_TARGETS,
      signedInPages: SIGNED_IN_PAGES,
    };
  } catch (error) {
    for (const s of servers) console.error(`[load] output of ${s.url}:\n${s.output().slice(-3000)}`);
    throw error;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    if (!keep) {
      await sql(server, `DROP DATABASE IF EXISTS ${LOAD_DB} WITH (FORCE)`);
      log(`dropped ${LOAD_DB}`);
    }
  }
}

async function runPglite(): Promise<DatabaseLoad> {
  log("── PGlite (demo data) ──");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "renkei-load-"));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  process.once("exit", removeDataDir);
  let server: ServerProcess | undefined;
  try {
    const t0 = performance.now();
    server = await startServer({
      DATABASE_URL: "",
      RENKEI_DATA_DIR: dataDir,
      RENKEI_DEMO_DATA: "1",
      RENKEI_JOBS: "off",
      RENKEI_SECRET: SECRET,
      NODE_ENV: nodeEnv,
    });
    log(`app process ${server.url} (pid ${server.pid}), demo data loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const demo = (role: Person["role"], who: string): Person => ({ role, email: `${who}@demo.renkei.example`, password: DEMO_PASSWORD });
    const world = await discover(
      server.url,
      { desk: demo("desk_admin", "desk"), department: demo("department_staff", "dept"), company: demo("member", "company") },
      "",
    );
    log(world.callers);
    const runs = await drive({ servers: [server], world, connections: settings.pgliteConnections, beyond: settings.pgliteBeyond });
    return {
      driver: "pglite",
      server: `PGlite ${packageVersion("@electric-sql/pglite")} (PostgreSQL in WASM inside the app process), data directory in the OS temp directory`,
      data: `the demo data (RENKEI_DEMO_DATA=1) on a fresh data directory, ${directoryMiB(dataDir).toFixed(0)} MiB after the run`,
      app: `1 × \`node server.mjs\` (one process per data directory), ${nodeEnvText}, RENKEI_JOBS=off`,
      callers: world.callers,
      peakRssMiB: [server.memoryMiB().peak],
      runs,
      targets: PGLITE_TARGETS,
      signedInPages: SIGNED_IN_PAGES,
    };
  } catch (error) {
    if (server) console.error(`[load] server output:\n${server.output().slice(-3000)}`);
    throw error;
  } finally {
    await server?.stop();
    removeDataDir();
    process.off("exit", removeDataDir);
  }
}

async function chooseDrivers(): Promise<("postgresql" | "pglite")[]> {
  const requested = env.LOAD_DRIVERS?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const d of requested ?? [])
    if (d !== "postgresql" && d !== "pglite") throw new Error(`LOAD_DRIVERS: unknown "${d}" (postgresql, pglite)`);
  const wanted = (requested ?? ["postgresql", "pglite"]) as ("postgresql" | "pglite")[];
  if (!wanted.includes("postgresql")) return wanted;
  if (serverUrl && (await postgresAnswers(serverUrl))) return wanted;
  const reason = serverUrl
    ? `PostgreSQL at ${redact(serverUrl)} does not answer`
    : "no BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL";
  if (requested) throw new Error(`LOAD_DRIVERS asks for postgresql but ${reason}`);
  log(`skipping PostgreSQL: ${reason}`);
  return wanted.filter((d) => d !== "postgresql");
}

function commandLine(): string {
  const shown = Object.keys(env)
    .filter((k) => k.startsWith("LOAD_") && k !== "LOAD_RECORD")
    .sort()
    .map((k) => `${k}=${env[k]}`);
  const url = env.BENCH_DATABASE_URL
    ? "BENCH_DATABASE_URL"
    : env.TEST_DATABASE_URL
      ? "TEST_DATABASE_URL"
      : env.DATABASE_URL
        ? "DATABASE_URL"
        : null;
  return [...(url ? [`${url}=${redact(env[url]!)}`] : []), ...shown, "npm run load"].join(" ");
}

async function main() {
  // The exit hooks stop the servers and remove the PGlite data directory.
  process.once("SIGINT", () => process.exit(130));
  process.once("SIGTERM", () => process.exit(143));
  const drivers = await chooseDrivers();
  if (drivers.length === 0) return log("nothing to do");
  const machine = machineInfo();
  if (machine.loadAverage.start > machine.cores / 2)
    log(`warning: load average ${machine.loadAverage.start} on ${machine.cores} cores; other work will skew the numbers`);
  log("building the app (react-router build)");
  try {
    execFileSync(path.resolve("node_modules/.bin/react-router"), ["build"], { stdio: "pipe" });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    console.error(`${e.stdout?.toString() ?? ""}${e.stderr?.toString() ?? ""}`);
    throw new Error("react-router build failed");
  }
  const startedAt = new Date();
  const databases: DatabaseLoad[] = [];
  for (const driver of drivers) databases.push(driver === "postgresql" ? await runPostgres(serverUrl!) : await runPglite());
  const report: LoadReport = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { ...machine, loadAverage: { ...machine.loadAverage, end: Math.round(os.loadavg()[0]! * 100) / 100 } },
    tool:
      `autocannon ${packageVersion("autocannon")} in the same Node process as this script, on the same machine (it shares the cores with the app and the database), ` +
      `HTTP/1.1 keep-alive to 127.0.0.1 only, \`accept-encoding: gzip\`, timeout ${settings.timeoutSeconds} s; ${settings.warmupSeconds} s of the mix first as a warm-up. ` +
      `Closed loop: every connection sends its next request when the answer is in. Steady: ${settings.rate} connections, each sending one request a second, started ${(1000 / settings.rate).toFixed(0)} ms apart. ` +
      `The mix (per 100 requests): pages 60 (/, /themes, /themes/:id 8/10/10 anonymous; the desk's inbox and register 10/10, an agreement and a proposal 8/8; a department's shared list 6), ` +
      `API lists 28 (proposals as the desk, agreements as a company, themes anonymous 8/8/12), writes 2 (a company's draft proposal, a desk message on a proposal in dialogue). ` +
      `Latency of every response (any status), nearest-rank percentiles, in ms; CPU in cores busy on average: the app process(es) / the PostgreSQL backends serving them / this load generator / the whole machine (anything else running shows as the difference).`,
    command: commandLine(),
    settings: { ...settings, database: LOAD_DB, reuse: reuse ? 1 : 0 },
    databases,
    notes: [],
  };
  report.notes = automaticNotes(report);
  const markdown = renderLoadRun(report);
  console.log(`\n${markdown}`);
  const resultsDir = path.resolve("bench/results");
  mkdirSync(resultsDir, { recursive: true });
  const jsonFile = path.join(resultsDir, `load-${report.startedAt.replace(/[:.]/g, "-")}.json`);
  writeFileSync(jsonFile, JSON.stringify(report, null, 2));
  log(`raw results: ${path.relative(process.cwd(), jsonFile)}`);
  if (record) {
    recordLoadRun(path.resolve("BENCHMARKS.md"), markdown);
    log("BENCHMARKS.md updated");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
