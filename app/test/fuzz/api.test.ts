// Property-based attack on every endpoint of the JSON API (issue 17), through
// the real request pipeline (middleware included) on a database with the demo
// data, as anonymous, with broken credentials and as signed-in desk, department,
// company and platform-admin tokens. Rules: no 5xx; every 4xx a problem
// document with a Japanese title; every 422 with Japanese field errors; and
// nothing stored from a rejected request. Fixed seed, bounded count: the same
// requests in CI as on a laptop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { freshDatabase, testDrivers } from "~/test/database";
import { pipelineHandler } from "~/test/pipeline";
import { readConfig } from "~/server/config.server";
import { createRuntime, type Runtime } from "~/server/runtime.server";
import { issueApiToken } from "~/features/identity/commands.server";
import { apiRoutes, attackCase, judge, poisonSweep, toRequest, type AttackCase, type World } from "./campaign";
import { FUZZ_SEED } from "./hostile";
import { isView } from "~/lib/api-schemas";

const drivers = await testDrivers();
const CASES = Number(process.env.RENKEI_FUZZ_CASES ?? 1500);
const DEMO_CALLERS = {
  desk: "desk@demo.renkei.example",
  department: "dept@demo.renkei.example",
  company: "company@demo.renkei.example",
  admin: "admin@demo.renkei.example",
};

const schemaModules = import.meta.glob<Record<string, unknown>>("../../features/*/schema.ts", { eager: true });
const schemaKeys = [
  ...new Set(
    Object.values(schemaModules)
      .flatMap((m) => Object.values(m))
      .filter((v): v is z.ZodType => v instanceof z.ZodType && !isView(v))
      .flatMap((s) => Object.keys((s as { shape?: object }).shape ?? {})),
  ),
];

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? result : ((result as { rows?: Row[] }).rows ?? []));

/** Row counts of every table, in one statement. */
async function tableCounts(runtime: Runtime): Promise<Record<string, number>> {
  const tables = rowsOf(
    await runtime.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  ).map((r) => String(r.table_name));
  const counts =
    rowsOf(
      await runtime.db.execute(sql.raw(`select ${tables.map((t) => `(select count(*) from "${t}")::int as "${t}"`).join(", ")}`)),
    )[0] ?? {};
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)]));
}

/** Ids of real objects the API addresses: a few of every such table (new tables of these kinds included). */
async function knownIds(runtime: Runtime): Promise<string[]> {
  const tables = rowsOf(
    await runtime.db.execute(
      sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'id' and data_type = 'uuid' order by 1`,
    ),
  )
    .map((r) => String(r.table_name))
    .filter((t) => /theme|proposal|agreement|meeting|follow|file|attachment|import|action_item/.test(t));
  const ids: string[] = [];
  for (const table of tables)
    ids.push(...rowsOf(await runtime.db.execute(sql.raw(`select id::text as id from "${table}" limit 6`))).map((r) => String(r.id)));
  return ids;
}

describe.each(drivers)("the JSON API under attack on %s", (kind) => {
  let runtime: Runtime;
  let send: (request: Request) => Promise<Response>;
  let world: World;
  const routes = apiRoutes();

  beforeAll(async () => {
    const database = await freshDatabase(kind);
    const config = {
      ...readConfig({ PORT: "3999", RENKEI_SECRET: "test-secret-test-secret-test-secret-00" } as NodeJS.ProcessEnv),
      seedDemo: true,
      runJobs: false,
    };
    runtime = await createRuntime(config, { database, migrate: false, log: () => undefined });
    send = pipelineHandler(runtime);
    const callers: World["callers"] = {
      anonymous: {},
      invalidToken: { authorization: "Bearer rk_not-a-real-token" },
      basic: { authorization: `Basic ${Buffer.from("proxy:pw").toString("base64")}` },
    };
    for (const [name, email] of Object.entries(DEMO_CALLERS)) {
      const [user] = rowsOf(await runtime.db.execute(sql`select id from users where email = ${email}`));
      const { token } = await issueApiToken(
        { db: runtime.db, requestId: "fuzz", baseUrl: runtime.config.baseUrl, scope: null },
        { id: String(user!.id), name: null },
        "fuzz",
      );
      callers[name] = { authorization: `Bearer ${token}` };
    }
    world = { ids: await knownIds(runtime), callers, keys: schemaKeys };
  }, 180_000);
  afterAll(() => runtime?.close());

  it("finds every API route in app/routes.ts", () => {
    expect(routes.length).toBeGreaterThanOrEqual(40);
    expect(routes.every((r) => r.methods.length > 0)).toBe(true);
  });

  it(`answers ${CASES} hostile requests without a 5xx, with Japanese problem documents, and writes no audit entry for a rejected one`, async () => {
    const cases = fc.sample(attackCase(routes, world), { seed: FUZZ_SEED, numRuns: CASES });
    const failures: string[] = [];
    const rejected: string[] = [];
    for (const [n, attack] of cases.entries()) {
      const requestId = `fuzz-${kind}-${n}`;
      const verdict = await judge(await send(toRequest(runtime.config.baseUrl, attack, requestId)));
      if (verdict.problem) failures.push(`${describeCase(attack)} → ${verdict.problem}`);
      if (verdict.status >= 400) rejected.push(requestId);
    }
    expect(failures).toEqual([]);
    const audited = rowsOf(await runtime.db.execute(sql`select request_id from audit_log where request_id like ${`fuzz-${kind}-%`}`)).map(
      (r) => String(r.request_id),
    );
    expect(audited.filter((id) => rejected.includes(id))).toEqual([]);
    // The run did reach past validation: some answers were 2xx.
    expect(rejected.length).toBeLessThan(cases.length);
  }, 240_000);

  it("answers the poison sweep (each route, one refused value where nothing else fails first) without a 5xx", async () => {
    const cases = poisonSweep(routes, world, ["desk", "company", "department"]);
    const failures: string[] = [];
    for (const [n, attack] of cases.entries()) {
      const verdict = await judge(await send(toRequest(runtime.config.baseUrl, attack, `sweep-${kind}-${n}`)));
      if (verdict.problem) failures.push(`${describeCase(attack)} → ${verdict.problem}`);
    }
    expect(failures).toEqual([]);
    expect(cases.length).toBeGreaterThan(500);
  }, 240_000);

  it("stores nothing from rejected writes: every table keeps its row count", async () => {
    const poisoned = JSON.stringify(Object.fromEntries(schemaKeys.map((k) => [k, "\u0000"])));
    let checked = 0;
    let refused = 0;
    const storedAnyway: string[] = [];
    for (const route of routes.filter((r) => r.methods.includes("POST"))) {
      for (const caller of ["desk", "company"]) {
        const path = route.path.replace(/:(\w+)/g, (_, name: string) =>
          name === "action" ? (route.words[0] ?? "x") : (world.ids[0] ?? "x"),
        );
        const attack: AttackCase = {
          route: route.path,
          method: "POST",
          url: `/${path}`,
          caller,
          headers: { ...world.callers[caller], "content-type": "application/json" },
          body: poisoned,
        };
        const before = await tableCounts(runtime);
        const response = await send(toRequest(runtime.config.baseUrl, attack, `fuzz-write-${checked}`));
        const after = await tableCounts(runtime);
        checked++;
        expect(response.status, describeCase(attack)).toBeLessThan(500);
        // A refusal that still changed a table is a leak; a success may write.
        if (response.status < 400) continue;
        refused++;
        const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
        if (changed.length) storedAnyway.push(`${describeCase(attack)} → ${response.status}, changed ${changed.join(", ")}`);
      }
    }
    expect(storedAnyway).toEqual([]);
    expect(checked).toBeGreaterThan(20);
    // The check above had refusals to look at.
    expect(refused, `${refused} of ${checked} refused`).toBeGreaterThan(checked / 2);
  }, 240_000);
});

function describeCase(attack: AttackCase): string {
  const body = typeof attack.body === "string" ? attack.body.slice(0, 120) : attack.body ? "[form]" : "";
  return `${attack.method} ${attack.url.slice(0, 160)} as ${attack.caller} ${body}`;
}
