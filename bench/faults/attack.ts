// Attacks a running Renkei server (with the demo data) and reports two
// figures of issue 17:
//   - cross-tenant tries and leaks: every id-scoped API route with another
//     tenant's ids, and every caller with another tenant's organisation in
//     X-Renkei-Organization; a leak is a 2xx, or a body carrying a title the
//     caller may not see;
//   - hostile inputs and 5xx: the API campaign of app/test/fuzz (every api/v1
//     route, hostile paths, queries, bodies, callers, and the poison sweep) plus hostile page
//     requests (Basic authorization, crafted Referer and next=, NUL in queries).
//
//   RENKEI_DEMO_DATA=1 PORT=5400 node server.mjs &
//   npx tsx bench/faults/attack.ts --url http://127.0.0.1:5400 [--cases 5000] [--seed 17]
//
// Bounded: a fixed number of requests, each with a timeout. Exits 1 on any
// 5xx, rule break or leak. Nothing here talks to any other host.
import { readdirSync } from "node:fs";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { z } from "zod";
import routeConfig from "~/routes";
import { apiRoutes, attackCase, encodeHostile, judge, poisonSweep, toRequest, type World } from "~/test/fuzz/campaign";
import { FUZZ_SEED } from "~/test/fuzz/hostile";

const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:5400" },
    cases: { type: "string", default: "5000" },
    seed: { type: "string", default: String(FUZZ_SEED) },
    password: { type: "string", default: "renkei-demo-2026" },
  },
});
const BASE = args.url!;
const TIMEOUT_MS = 30_000;
const DEMO_ACCOUNTS = ["admin", "desk", "dept", "company", "company2", "desk2", "company3", "univ", "bank", "coordinator"].map(
  (n) => `${n}@demo.renkei.example`,
);

type Json = Record<string, unknown>;
const send = (request: Request) => fetch(request, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "manual" });
const call = (path: string, init: RequestInit = {}) => send(new Request(new URL(path, BASE), init));
async function getJson(path: string, headers: Record<string, string>): Promise<Json | null> {
  const response = await call(path, { headers });
  return response.ok ? ((await response.json()) as Json) : (await response.body?.cancel(), null);
}

// ---- who is who -----------------------------------------------------------
interface Caller {
  email: string;
  headers: Record<string, string>;
  organizationIds: string[];
}

async function signIn(email: string): Promise<Caller | null> {
  const response = await call("/api/v1/tokens", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: args.password }),
  });
  if (response.status !== 201) return (await response.body?.cancel(), null);
  const { token } = (await response.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  const me = (await getJson("/api/v1/me", headers)) as { memberships?: { organizationId: string }[] } | null;
  return { email, headers, organizationIds: (me?.memberships ?? []).map((m) => m.organizationId) };
}

// ---- what each caller sees --------------------------------------------------
interface Seen {
  id: string;
  title: string;
  /** The API routes that address this kind of object ("api/v1/themes/"). */
  routes: string;
}
/** Lists, and the routes that address their items. */
const LISTS: [string, string][] = [
  ["/api/v1/themes?limit=100", "api/v1/themes/"],
  ["/api/v1/proposals?limit=100", "api/v1/proposals/"],
  ["/api/v1/proposals/published?limit=100", "api/v1/proposals/"],
  ["/api/v1/agreements?limit=100", "api/v1/agreements/"],
  ["/api/v1/agreements/public?limit=100", "api/v1/agreements/"],
  ["/api/v1/agreements/imports", "api/v1/agreements/imports/"],
  ["/api/v1/follows", "api/v1/follows/"],
];

async function visibleTo(headers: Record<string, string>): Promise<Seen[]> {
  const seen: Seen[] = [];
  for (const [list, routes] of LISTS) {
    const body = await getJson(list, headers);
    for (const item of (body?.items as Json[] | undefined) ?? [])
      seen.push({ id: String(item.id), title: String(item.title ?? item.value ?? ""), routes });
  }
  // Meetings of the agreements the caller sees, and their action items.
  for (const agreement of seen.filter((s) => s.routes === "api/v1/agreements/")) {
    const meetings = await getJson(`/api/v1/agreements/${agreement.id}/meetings`, headers);
    for (const meeting of (meetings?.meetings as Json[] | undefined) ?? []) {
      seen.push({ id: String(meeting.id), title: String(meeting.title ?? ""), routes: "api/v1/meetings/" });
      const detail = await getJson(`/api/v1/meetings/${String(meeting.id)}`, headers);
      for (const item of (detail?.actionItems as Json[] | undefined) ?? [])
        seen.push({ id: String(item.id), title: String(item.title ?? ""), routes: "api/v1/meeting-action-items/" });
    }
  }
  return seen;
}

// ---- cross-tenant ----------------------------------------------------------
const addresses = (route: string, kind: string) =>
  route.startsWith(kind) && (kind === "api/v1/agreements/imports/" || !route.startsWith("api/v1/agreements/imports/"));

async function crossTenant(callers: Caller[]) {
  const anonymous = new Set((await visibleTo({})).map((s) => s.id));
  const views = new Map<Caller, Seen[]>();
  for (const caller of callers) views.set(caller, await visibleTo(caller.headers));
  const confidential = new Map<string, Seen>();
  for (const seen of views.values()) for (const s of seen) if (!anonymous.has(s.id)) confidential.set(s.id, s);
  const idRoutes = apiRoutes().filter((r) => r.path.includes(":id"));
  let tries = 0;
  const leaks: string[] = [];
  /** A leak: a 2xx that names the object (or has no body, as a DELETE), or any answer carrying its confidential title. */
  const check = async (
    caller: Caller,
    method: string,
    path: string,
    id: string | null,
    secret: string | null,
    headers: Record<string, string> = {},
  ) => {
    tries++;
    const withBody = method !== "GET" && method !== "DELETE";
    const response = await call(path, {
      method,
      headers: { ...caller.headers, ...headers, ...(withBody ? { "content-type": "application/json" } : {}) },
      body: withBody ? "{}" : undefined,
    });
    const text = await response.text();
    const ok = response.status >= 200 && response.status < 300;
    if (ok && (id === null || text === "" || text.includes(id))) leaks.push(`${caller.email} ${method} ${path} → ${response.status}`);
    else if (secret && secret.length >= 4 && text.includes(secret))
      leaks.push(`${caller.email} ${method} ${path} → ${response.status}, body carries "${secret}"`);
  };
  for (const caller of callers) {
    const own = new Set(views.get(caller)!.map((s) => s.id));
    const ownTitles = new Set(views.get(caller)!.map((s) => s.title));
    for (const [id, object] of confidential) {
      if (own.has(id)) continue;
      const secret = ownTitles.has(object.title) ? null : object.title;
      for (const route of idRoutes.filter((r) => addresses(r.path, object.routes))) {
        for (const action of route.path.includes(":action") ? route.words : [""]) {
          const path =
            "/" +
            route.path
              .replace(":id", id)
              .replace(":action", action)
              .replace(/:(\w+)/g, "00000000-0000-4000-8000-000000000000");
          for (const method of route.methods.filter((m) => m !== "PUT")) await check(caller, method, path, id, secret);
        }
      }
    }
    // Another tenant's organisation named in X-Renkei-Organization.
    for (const other of callers) {
      for (const organizationId of other.organizationIds) {
        if (caller.organizationIds.includes(organizationId)) continue;
        for (const path of ["/api/v1/me", "/api/v1/proposals", "/api/v1/agreements", "/api/v1/audit"])
          await check(caller, "GET", path, null, null, { "x-renkei-organization": organizationId });
      }
    }
  }
  return { tries, leaks };
}

// ---- hostile inputs ------------------------------------------------------------
async function schemaKeys(): Promise<string[]> {
  const keys = new Set<string>();
  const features = new URL("../../app/features/", import.meta.url);
  for (const name of readdirSync(features)) {
    const module = (await import(new URL(`${name}/schema.ts`, features).href).catch(() => ({}))) as Record<string, unknown>;
    for (const value of Object.values(module))
      if (value instanceof z.ZodType) for (const key of Object.keys((value as { shape?: object }).shape ?? {})) keys.add(key);
  }
  return [...keys];
}

/** Page requests that broke pages before: foreign Authorization, crafted Referer and next=, bad queries. */
function hostilePageRequests(ids: string[]): Request[] {
  const pages = (routeConfig as { path?: string }[]).map((r) => r.path ?? "").filter((p) => !p.startsWith("api/") && p !== "*");
  const requests: Request[] = [];
  const fill = (path: string, value: string) =>
    "/" + path.replace(/:(\w+)(\.ics)?/g, (_, __, ext: string | undefined) => encodeHostile(value) + (ext ?? ""));
  for (const page of pages) {
    for (const value of [ids[0] ?? "x", "%00", "\uD800", "0000-01-01"]) {
      requests.push(new Request(new URL(fill(page, value), BASE), { headers: { authorization: "Basic cHJveHk6cHc=" } }));
      requests.push(new Request(new URL(`${fill(page, value)}?q=${encodeHostile("\u0000")}&cursor=${encodeHostile(value)}&page=-1`, BASE)));
      requests.push(new Request(new URL(`${fill(page, value)}.data`, BASE), { headers: { authorization: "Bearer rk_nope" } }));
    }
  }
  for (const referer of ["http://[::1", "not a url", "//evil.example/x", `${BASE}/%ED%A0%80`, "http://127.0.0.1:1/\u0000"]) {
    requests.push(
      new Request(new URL("/locale", BASE), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE, referer: referer.replace(/[^\x20-\x7e]/g, "?") },
        body: "locale=en",
      }),
    );
  }
  for (const next of ["/%09/evil.example", "/themes?q=交通", "%00", "//evil.example", "/\\evil.example"]) {
    requests.push(new Request(new URL(`/login?next=${encodeURIComponent(next)}`, BASE)));
  }
  for (const body of ["--x\r\n", "title=%00&deadline=0000-01-01"]) {
    requests.push(
      new Request(new URL("/desk/themes/new", BASE), {
        method: "POST",
        headers: {
          origin: BASE,
          "content-type": body.startsWith("--") ? "multipart/form-data; boundary=x" : "application/x-www-form-urlencoded",
        },
        body,
      }),
    );
  }
  return requests;
}

async function hostileInputs(callers: Caller[], ids: string[]) {
  const world: World = {
    ids,
    keys: await schemaKeys(),
    callers: {
      anonymous: {},
      invalidToken: { authorization: "Bearer rk_not-a-real-token" },
      basic: { authorization: "Basic cHJveHk6cHc=" },
      ...Object.fromEntries(callers.slice(0, 5).map((c) => [c.email, c.headers])),
    },
  };
  const signedIn = callers.slice(0, 5).map((c) => c.email);
  const cases = [
    ...fc.sample(attackCase(apiRoutes(), world), { seed: Number(args.seed), numRuns: Number(args.cases) }),
    ...poisonSweep(apiRoutes(), world, signedIn),
  ];
  let inputs = 0;
  const serverErrors = new Map<string, number>();
  const ruleBreaks = new Map<string, number>();
  /** No HTTP answer from the app: Node's parser refused the request (431, bad bytes) and closed. */
  const unanswered = new Map<string, number>();
  const cause = (error: unknown) =>
    String((error as { cause?: { code?: string; message?: string } }).cause?.code ?? (error as Error).message).slice(0, 60);
  const tally = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const [n, attack] of cases.entries()) {
    inputs++;
    try {
      const verdict = await judge(await send(toRequest(BASE, attack, `attack-${n}`)));
      if (verdict.status >= 500) tally(serverErrors, `${attack.method} /${attack.route} ${verdict.problem?.slice(0, 80)}`);
      // 431 comes from Node's HTTP parser (headers or URL over 16 KiB), before the app.
      else if (verdict.problem && verdict.status !== 431)
        tally(ruleBreaks, `${attack.method} /${attack.route}: ${verdict.problem.replace(/\s+/g, " ").slice(0, 100)}`);
    } catch (error) {
      tally(unanswered, `${attack.method} /${attack.route}: ${cause(error)}`);
    }
  }
  for (const request of hostilePageRequests(ids)) {
    inputs++;
    try {
      const response = await send(request);
      await response.body?.cancel();
      if (response.status >= 500)
        tally(serverErrors, `${request.method} ${new URL(request.url).pathname.slice(0, 60)} (page) ${response.status}`);
    } catch (error) {
      tally(unanswered, `${request.method} ${new URL(request.url).pathname.slice(0, 60)} (page): ${cause(error)}`);
    }
  }
  return { inputs, serverErrors, ruleBreaks, unanswered };
}

// ---- main --------------------------------------------------------------------------
const health = (await (await call("/api/v1/health")).json()) as { database?: string };
const callers = (await Promise.all(DEMO_ACCOUNTS.map(signIn))).filter((c): c is Caller => c !== null);
if (callers.length < 4) throw new Error(`signed in only ${callers.length} demo accounts: is the server running with RENKEI_DEMO_DATA=1?`);
const started = Date.now();
const tenancy = await crossTenant(callers);
const ids = [...new Set((await Promise.all(callers.map((c) => visibleTo(c.headers)))).flat().map((s) => s.id))];
const hostile = await hostileInputs(callers, ids);
const total5xx = [...hostile.serverErrors.values()].reduce((a, b) => a + b, 0);
const totalBreaks = [...hostile.ruleBreaks.values()].reduce((a, b) => a + b, 0);

console.log(`database: ${health.database}; ${callers.length} demo accounts; ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`cross-tenant tries: ${tenancy.tries}, leaks: ${tenancy.leaks.length}`);
for (const leak of tenancy.leaks.slice(0, 30)) console.log(`  leak: ${leak}`);
console.log(`hostile inputs: ${hostile.inputs}, 5xx: ${total5xx}, other rule breaks (4xx not a Japanese problem document): ${totalBreaks}`);
for (const [what, n] of hostile.serverErrors) console.log(`  5xx ×${n}: ${what}`);
for (const [what, n] of [...hostile.ruleBreaks].slice(0, 30)) console.log(`  rule ×${n}: ${what}`);
const totalUnanswered = [...hostile.unanswered.values()].reduce((a, b) => a + b, 0);
console.log(`no HTTP answer (connection closed before the app): ${totalUnanswered}`);
for (const [what, n] of [...hostile.unanswered].slice(0, 10)) console.log(`  ×${n}: ${what}`);
process.exitCode = tenancy.leaks.length + total5xx + totalBreaks > 0 ? 1 : 0;
