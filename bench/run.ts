// `npm run bench`: for each driver (PGlite in a temporary data directory, and
// PostgreSQL when a server answers), migrate, generate national-scale data,
// then time the API's hot paths through the real route modules next to the
// raw SQL they boil down to. Results go to BENCHMARKS.md and bench/results/.
//
//   BENCH_ORGS=100000 BENCH_PEOPLE=300000   data size
//   BENCH_THEMES=20000 BENCH_PROPOSALS=200000  (default: organisations / 5 and × 2)
//   BENCH_AGREEMENTS=50000 BENCH_MEETINGS=300000  (default: organisations / 2, and agreements × 6)
//   BENCH_ITERATIONS=200                    timed calls per operation (logins: a quarter, at least 10)
//   BENCH_LOGIN_ITERATIONS=50               override for the logins
//   BENCH_DRIVERS=pglite,postgresql         which drivers (PostgreSQL needs a URL, below)
//   BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL   the server; a database
//                                           `renkei_bench` is created there and dropped after
//   BENCH_DATABASE_NAME=renkei_bench        that database's name (one per concurrent run)
//   BENCH_KEEP=1                            keep the generated database (PostgreSQL) or data directory (PGlite)
//   BENCH_SEED=20260401                     generator seed
//   BENCH_RECORD=0                          do not add the run to BENCHMARKS.md
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { verify } from "@node-rs/argon2";
import pg from "pg";
import { migrateDatabase, openPglite, openPostgres, type Database, type DatabaseKind } from "~/lib/db/client.server";
import { hashToken } from "~/features/identity/tokens";
import { isKanaOnly, normalizeForSearch } from "~/lib/japanese-text";
import * as me from "~/routes/api/me";
import * as municipalities from "~/routes/api/municipalities";
import * as tokens from "~/routes/api/tokens";
import { generateFoundationData, type GenerationResult } from "./generate";
import { startBenchApp, type BenchApp } from "./lib/app";
import { benchmarkAgreements } from "./operations/agreements";
import { benchmarkAgreementImport } from "./operations/agreement-import";
import { benchmarkThemesAndProposals } from "./operations/themes-proposals";
import { measure, summarize } from "./lib/stats";
import { machineInfo, renderRun, recordRun, type DriverRun, type OperationResult, type RunReport } from "./lib/report";

const env = process.env;
const int = (value: string | undefined, fallback: number) => {
  const n = value === undefined || value === "" ? fallback : Number(value.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a whole number: ${value}`);
  return n;
};

const organizations = int(env.BENCH_ORGS, 100_000);
const agreements = int(env.BENCH_AGREEMENTS, Math.round(organizations / 2));
const settings = {
  organizations,
  people: int(env.BENCH_PEOPLE, 300_000),
  themes: int(env.BENCH_THEMES, Math.round(organizations / 5)),
  proposals: int(env.BENCH_PROPOSALS, organizations * 2),
  agreements,
  meetings: int(env.BENCH_MEETINGS, agreements * 6),
  iterations: Math.max(1, int(env.BENCH_ITERATIONS, 200)),
  seed: int(env.BENCH_SEED, 20260401),
  record: env.BENCH_RECORD !== "0",
};
const loginIterations = Math.max(1, int(env.BENCH_LOGIN_ITERATIONS, Math.max(10, Math.round(settings.iterations / 4))));
const warmup = Math.min(20, Math.max(3, Math.round(settings.iterations / 10)));
const loginWarmup = Math.min(5, loginIterations);
const serverUrl = env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL || env.DATABASE_URL || undefined;
const BENCH_DB = env.BENCH_DATABASE_NAME || "renkei_bench";
if (!/^[a-z_][a-z0-9_]*$/.test(BENCH_DB)) throw new Error(`BENCH_DATABASE_NAME: not a plain lower-case identifier: ${BENCH_DB}`);
const keep = env.BENCH_KEEP === "1";

const log = (message: string) => console.log(`[bench] ${message}`);

/** Search queries by class: kanji, kana (as people type them) and code prefixes. */
const searchQueries: Record<"kanji" | "kana" | "code", string[]> = {
  kanji: ["守口", "札幌市中央", "横浜", "大阪府", "金沢市", "北"],
  kana: ["もりぐち", "さっぽろ", "よこはま", "かなざわ", "ちゅうおう", "しじょうなわて"],
  code: ["2720", "13", "011002", "47", "1310", "27"],
};

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function chooseDrivers(): Promise<DatabaseKind[]> {
  const requested = env.BENCH_DRIVERS?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const driver of requested ?? []) {
    if (driver !== "pglite" && driver !== "postgresql") throw new Error(`BENCH_DRIVERS: unknown driver "${driver}" (pglite, postgresql)`);
  }
  const wanted = (requested ?? ["pglite", "postgresql"]) as DatabaseKind[];
  if (!wanted.includes("postgresql")) return wanted;
  if (serverUrl && (await postgresAnswers(serverUrl))) return wanted;
  const reason = serverUrl
    ? `PostgreSQL at ${redact(serverUrl)} does not answer`
    : "no BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL";
  if (requested) throw new Error(`BENCH_DRIVERS asks for postgresql but ${reason}`);
  log(`skipping PostgreSQL: ${reason}`);
  return wanted.filter((d) => d !== "postgresql");
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

interface OpenDriver {
  database: Database;
  dataDir: string;
  databaseUrl?: string;
  description: string;
  cleanup(): Promise<void>;
}

async function openDriver(kind: DatabaseKind): Promise<OpenDriver> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "renkei-bench-"));
  const dataDir = path.join(tmp, "app");
  if (kind === "pglite") {
    const database = await openPglite({ dataDir: path.join(tmp, "pglite") });
    return {
      database,
      dataDir,
      description: "WASM in the Node process, data directory on local disk (OS temp directory)",
      cleanup: async () =>
        keep ? log(`kept the PGlite data directory ${path.join(tmp, "pglite")}`) : rmSync(tmp, { recursive: true, force: true }),
    };
  }
  const url = serverUrl!;
  await admin(url, `DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  await admin(url, `CREATE DATABASE ${BENCH_DB} ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' TEMPLATE template0`);
  const databaseUrl = withDatabase(url, BENCH_DB);
  const host = new URL(url).hostname;
  const local = ["localhost", "127.0.0.1", "::1", "[::1]", ""].includes(host);
  return {
    database: openPostgres(databaseUrl),
    dataDir,
    databaseUrl,
    description: `${local ? "server on the same machine" : `server at ${host}`}, node-postgres ${packageVersion("pg")} (pool of 10)`,
    cleanup: async () => {
      if (keep) return log(`kept the database ${BENCH_DB}`);
      await admin(url, `DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(path.resolve("node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

async function expectStatus(response: Response, status: number, what: string): Promise<void> {
  const body = await response.text();
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status}: ${body.slice(0, 300)}`);
}

type Row = Record<string, unknown>;

/** The SQL a search boils down to, with the same parameters the app derives from q. */
function searchSql(q: string): { list: string; count: string; params: unknown[]; countParams: unknown[] } {
  const columns = "code, kind, name, full_name, name_kana, prefecture_code, parent_code";
  const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  const n = normalizeForSearch(q);
  if (/^\d+$/.test(n)) {
    const where = "code like $1";
    const p = `${escapeLike(n.slice(0, 6))}%`;
    return {
      list: `select ${columns} from local_governments where ${where} order by sort_order limit 20`,
      count: `select count(*)::int as n from local_governments where ${where}`,
      params: [p],
      countParams: [p],
    };
  }
  if (isKanaOnly(n)) {
    const pattern = escapeLike(n);
    return {
      list: `select ${columns} from local_governments where name_kana like $1 order by case when name_kana = $2 then 0 when name_kana like $3 then 1 else 2 end, sort_order limit 20`,
      count: "select count(*)::int as n from local_governments where name_kana like $1",
      params: [`%${pattern}%`, n, `${pattern}%`],
      countParams: [`%${pattern}%`],
    };
  }
  const raw = escapeLike(q.normalize("NFKC").trim());
  return {
    list: `select ${columns} from local_governments where (full_name ilike $1 or name ilike $1) order by case when name = $2 or full_name = $2 then 0 when name like $3 then 1 else 2 end, sort_order limit 20`,
    count: "select count(*)::int as n from local_governments where (full_name ilike $1 or name ilike $1)",
    params: [`%${raw}%`, q.trim(), `${raw}%`],
    countParams: [`%${raw}%`],
  };
}

const ME_TOKEN_SQL = `select t.id as token_id, t.last_used_at, u.* from api_tokens t join users u on u.id = t.user_id
  where t.token_hash = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > now()) limit 1`;
const ME_TOUCH_SQL = "update api_tokens set last_used_at = now() where id = $1 returning id";
const ME_MEMBERSHIPS_SQL = `select m.id, o.id as organization_id, o.kind, o.name, m.role, m.department_id, d.name as department_name, o.local_gov_code
  from memberships m join organizations o on o.id = m.organization_id left join organizations d on d.id = m.department_id
  where m.user_id = $1 order by m.created_at, m.id`;
const LOGIN_SQL = `select u.id, u.name, u.email, a.password from users u
  join auth_accounts a on a.user_id = u.id and a.provider_id = 'credential' where u.email = $1`;

/** The baseline must return what the app returns, or the comparison means nothing. */
async function checkSearchBaseline(app: BenchApp, q: string, sql: ReturnType<typeof searchSql>): Promise<void> {
  const response = await app.call(municipalities.loader, { path: `/api/v1/municipalities?q=${encodeURIComponent(q)}` });
  const body = (await response.json()) as { items: { code: string }[]; total: number };
  const [list, counted] = await Promise.all([
    app.runtime.database.executeSql(sql.list, sql.params),
    app.runtime.database.executeSql(sql.count, sql.countParams),
  ]);
  const appCodes = body.items.map((i) => i.code).join(",");
  const baseCodes = (list.rows as { code: string }[]).map((r) => r.code).join(",");
  const total = (counted.rows[0] as { n: number }).n;
  if (appCodes !== baseCodes || body.total !== total)
    throw new Error(`search baseline differs for "${q}": app ${body.total} [${appCodes}] vs SQL ${total} [${baseCodes}]`);
}

async function checkMeBaseline(app: BenchApp, token: string): Promise<void> {
  const body = (await (await app.call(me.loader, { path: "/api/v1/me", token })).json()) as {
    user: { id: string };
    memberships: { membershipId: string }[];
  };
  const { rows } = await app.runtime.database.executeSql(ME_TOKEN_SQL, [hashToken(token)]);
  const user = rows[0] as Row | undefined;
  const memberships = await app.runtime.database.executeSql(ME_MEMBERSHIPS_SQL, [user?.id]);
  const appIds = body.memberships.map((m) => m.membershipId).join(",");
  const baseIds = (memberships.rows as { id: string }[]).map((r) => r.id).join(",");
  if (user?.id !== body.user.id || appIds !== baseIds)
    throw new Error(`/me baseline differs: app ${body.user.id} [${appIds}] vs SQL ${String(user?.id)} [${baseIds}]`);
}

async function benchmarkDriver(app: BenchApp, generated: GenerationResult): Promise<OperationResult[]> {
  const { database, auth } = app.runtime;
  const results: OperationResult[] = [];
  const add = (operation: string, detail: string, samples: { app: number[]; baseline: number[] | null }, baselineLabel: string | null) => {
    const result: OperationResult = {
      operation,
      detail,
      app: summarize(samples.app),
      baseline: samples.baseline && baselineLabel ? { label: baselineLabel, ...summarize(samples.baseline) } : null,
      samples,
    };
    results.push(result);
    log(
      `  ${operation.padEnd(40)} p50 ${fmt(result.app.p50)} p95 ${fmt(result.app.p95)} ms${result.baseline ? `  | baseline p50 ${fmt(result.baseline.p50)} p95 ${fmt(result.baseline.p95)} ms` : ""}`,
    );
  };

  // Logins: every call signs in a different generated person (correct sign-ins are not rate-limited; each costs the limiter's upserts and refunds).
  const people = generated.samples.people;
  let nextPerson = 0;
  const person = () => people[nextPerson++ % people.length]!;
  const password = generated.password;
  add(
    "login: POST /api/v1/tokens",
    "route action: validate, better-auth lookup, Argon2id verify, insert token + audit",
    await measure(
      loginIterations,
      loginWarmup,
      async () => {
        const p = person();
        await expectStatus(
          await app.call(tokens.action, { path: "/api/v1/tokens", method: "POST", json: { email: p.email, password } }),
          201,
          "POST /api/v1/tokens",
        );
      },
      async () => {
        const p = person();
        const { rows } = await database.executeSql(LOGIN_SQL, [p.email]);
        const row = rows[0] as Row | undefined;
        if (!row || !(await verify(String(row.password), password))) throw new Error("baseline login failed");
      },
    ),
    "SQL lookup + Argon2id verify",
  );
  add(
    "login: better-auth signInEmail (session)",
    "what the login form does: session row + cookie",
    await measure(loginIterations, loginWarmup, async () => {
      const p = person();
      const response = await auth.api.signInEmail({ body: { email: p.email, password }, headers: new Headers(), asResponse: true });
      await expectStatus(response, 200, "signInEmail");
    }),
    null,
  );

  // GET /me. A token used in the last minute is read-only; its first use in a minute also writes last_used_at.
  const allTokens = generated.samples.tokens;
  const steady = allTokens.slice(0, Math.min(200, allTokens.length));
  const fresh = allTokens.slice(steady.length);
  const meCall = async (token: string) => expectStatus(await app.call(me.loader, { path: "/api/v1/me", token }), 200, "GET /api/v1/me");
  const meBaseline = async (token: string, touch: boolean) => {
    const { rows } = await database.executeSql(ME_TOKEN_SQL, [hashToken(token)]);
    const row = rows[0] as Row | undefined;
    if (!row) throw new Error("baseline /me: token not found");
    if (touch && (await database.executeSql(ME_TOUCH_SQL, [row.token_id])).rows.length !== 1)
      throw new Error("baseline /me: token not updated");
    const memberships = await database.executeSql(ME_MEMBERSHIPS_SQL, [row.id]);
    if (memberships.rows.length === 0) throw new Error("baseline /me: no memberships");
  };
  for (const t of steady) await meCall(t.token);
  await checkMeBaseline(app, steady[0]!.token);
  const steadyToken = () => steady[Math.floor(Math.random() * steady.length)]!.token;
  add(
    "GET /api/v1/me",
    `bearer token → user → memberships; ${steady.length} tokens, each used within the last minute`,
    await measure(
      settings.iterations,
      warmup,
      () => meCall(steadyToken()),
      () => meBaseline(steadyToken(), false),
    ),
    "token + memberships SQL",
  );
  const freshNeeded = 2 * (settings.iterations + warmup);
  if (fresh.length >= freshNeeded) {
    let nextFresh = 0;
    add(
      "GET /api/v1/me (token's first use)",
      "as above plus UPDATE api_tokens.last_used_at",
      await measure(
        settings.iterations,
        warmup,
        () => meCall(fresh[nextFresh++]!.token),
        () => meBaseline(fresh[nextFresh++]!.token, true),
      ),
      "token + update + memberships SQL",
    );
  } else {
    log(`  (skipping /me first use: needs ${freshNeeded} unused tokens, have ${fresh.length})`);
  }

  // Municipality search, per kind of query.
  for (const [kind, queries] of Object.entries(searchQueries)) {
    const prepared = queries.map((q) => ({ q, sql: searchSql(q) }));
    for (const { q, sql } of prepared) await checkSearchBaseline(app, q, sql);
    add(
      `GET /api/v1/municipalities?q= (${kind})`,
      queries.join(", "),
      await measure(
        settings.iterations,
        warmup,
        async (i) => {
          const { q } = prepared[i % prepared.length]!;
          await expectStatus(
            await app.call(municipalities.loader, { path: `/api/v1/municipalities?q=${encodeURIComponent(q)}` }),
            200,
            `search ${q}`,
          );
        },
        async (i) => {
          const { sql } = prepared[i % prepared.length]!;
          await Promise.all([database.executeSql(sql.list, sql.params), database.executeSql(sql.count, sql.countParams)]);
        },
      ),
      "the same two SELECTs",
    );
  }
  await benchmarkThemesAndProposals({ app, iterations: settings.iterations, warmup, add, log });
  await benchmarkAgreements({ app, iterations: settings.iterations, warmup, add, log });
  // Last: confirming imports adds agreements.
  await benchmarkAgreementImport({ app, iterations: settings.iterations, warmup, add, log });
  return results;
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : "–");

async function runDriver(kind: DatabaseKind): Promise<DriverRun> {
  log(`── ${kind} ──`);
  const driver = await openDriver(kind);
  let app: BenchApp | undefined;
  try {
    const t0 = performance.now();
    await migrateDatabase(driver.database);
    const migrateMs = performance.now() - t0;
    log(`migrated in ${(migrateMs / 1000).toFixed(1)} s`);
    const sizes = {
      organizations: settings.organizations,
      people: settings.people,
      themes: settings.themes,
      proposals: settings.proposals,
      agreements: settings.agreements,
      meetings: settings.meetings,
    };
    const generated = await generateFoundationData(driver.database, sizes, { seed: settings.seed, log: (m) => log(m) });
    log(`generated in ${(generated.totalMs / 1000).toFixed(1)} s`);
    const info = (
      await driver.database.executeSql(
        "select version() as version, current_setting('shared_buffers') as shared_buffers, pg_database_size(current_database())::bigint as bytes",
        [],
      )
    ).rows[0] as { version: string; shared_buffers: string; bytes: string | number };
    app = await startBenchApp(driver.database, { dataDir: driver.dataDir, databaseUrl: driver.databaseUrl });
    const operations = await benchmarkDriver(app, generated);
    return {
      driver: kind,
      description: driver.description,
      serverVersion: `${info.version.replace(/ on .*$/, "").replace(/,.*$/, "")}, shared_buffers ${info.shared_buffers}`,
      databaseBytes: Number(info.bytes),
      migrateMs,
      generation: { totalMs: generated.totalMs, steps: generated.steps, seed: generated.seed },
      counts: generated.counts,
      operations,
    };
  } finally {
    if (app) await app.close();
    else await driver.database.close();
    await driver.cleanup();
  }
}

async function main() {
  const drivers = await chooseDrivers();
  const machine = machineInfo();
  if (machine.loadAverage.start > machine.cores / 2)
    log(`warning: load average ${machine.loadAverage.start} on ${machine.cores} cores; other work will skew the latencies`);
  log(
    `${settings.organizations.toLocaleString("en")} organisations, ${settings.people.toLocaleString("en")} people, ${settings.themes.toLocaleString("en")} themes, ${settings.proposals.toLocaleString("en")} proposals, ${settings.agreements.toLocaleString("en")} agreements, ${settings.meetings.toLocaleString("en")} meetings; ${settings.iterations} iterations (${loginIterations} for logins) after ${warmup} (${loginWarmup}) warm-up; drivers: ${drivers.join(", ")}`,
  );
  const startedAt = new Date();
  const runs: DriverRun[] = [];
  for (const driver of drivers) runs.push(await runDriver(driver));
  const report: RunReport = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { ...machine, loadAverage: { ...machine.loadAverage, end: Math.round(os.loadavg()[0]! * 100) / 100 } },
    settings: { ...settings, loginIterations, warmup, loginWarmup },
    runs,
  };
  const markdown = renderRun(report);
  console.log(`\n${markdown}`);
  const resultsDir = path.resolve("bench/results");
  mkdirSync(resultsDir, { recursive: true });
  const jsonFile = path.join(resultsDir, `${report.startedAt.replace(/[:.]/g, "-")}.json`);
  writeFileSync(jsonFile, JSON.stringify(report, null, 2));
  log(`raw results: ${path.relative(process.cwd(), jsonFile)}`);
  if (settings.record) {
    recordRun(path.resolve("BENCHMARKS.md"), markdown);
    log("BENCHMARKS.md updated");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
