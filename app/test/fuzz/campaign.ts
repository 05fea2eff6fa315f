// An attack campaign on the JSON API: every api/v1 route of app/routes.ts
// (found by itself — a new endpoint is attacked without touching this file)
// with hostile paths, query strings, bodies and callers, and the checks every
// answer must pass. Runs in-process (API fuzz test, through the real request
// pipeline) and against a running server (bench/faults/attack.ts).
import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import routeConfig from "~/routes";
import { HOSTILE_BODIES, HOSTILE_CURSORS, POISON, hasJapanese, hostileInput, hostileString, hostileValue } from "./hostile";

const APP_DIR = new URL("../../", import.meta.url);

export interface ApiRoute {
  path: string;
  file: string;
  methods: string[];
  /** Words the module's source compares with (`=== "publish"`, `case "close"`): its action names. */
  words: string[];
}

/** The api/v1 routes of app/routes.ts, with the methods their modules handle. */
export function apiRoutes(): ApiRoute[] {
  return (routeConfig as RouteConfigEntry[])
    .filter((entry) => entry.path?.startsWith("api/v1"))
    .map((entry) => {
      const source = readFileSync(new URL(entry.file, APP_DIR), "utf8");
      const exports = (name: string) => new RegExp(`export\\s+(async\\s+function|function|const)\\s+${name}\\b`).test(source);
      const methods = [...(exports("loader") ? ["GET"] : []), ...(exports("action") ? ["POST", "PATCH", "PUT", "DELETE"] : [])];
      const words = [...new Set([...source.matchAll(/(?:===|case)\s*"([a-z][a-z-]{1,30})"/g)].map((m) => m[1]!))];
      return { path: entry.path!, file: entry.file, methods, words };
    });
}

/** What the campaign knows of the world it attacks. */
export interface World {
  /** Ids of real objects of every kind (themes, proposals, agreements, meetings, files …). */
  ids: string[];
  /** Headers per caller ("anonymous" → {}). */
  callers: Record<string, Record<string, string>>;
  /** Field names of the input schemas, so values reach the fields' checks. */
  keys: string[];
}

export interface AttackCase {
  route: string;
  method: string;
  url: string;
  caller: string;
  headers: Record<string, string>;
  body?: BodyInit;
}

/** encodeURIComponent, but lone surrogates go out as the raw bytes an attacker would send. */
export function encodeHostile(value: string): string {
  return [...value]
    .map((ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return "%ED%A0%80";
      }
    })
    .join("");
}

const QUERY_KEYS = [
  "q",
  "cursor",
  "limit",
  "status",
  "kind",
  "field",
  "prefecture",
  "municipality",
  "open",
  "filename",
  "encoding",
  "action",
  "since",
  "unread",
  "version",
  "deadlineBefore",
];

/**
 * Plausible values for the fields of our inputs: a body made of these passes
 * validation on most endpoints (unknown keys are dropped), so a single
 * hostile value among them reaches the command and the database — where the
 * defects that random bodies never get to are.
 */
const VALID: Record<string, fc.Arbitrary<unknown>> = {
  title: fc.constant("郊外の移動手段を確保したい"),
  name: fc.constant("テスト 太郎"),
  background: fc.constant("路線バスの減便で通院が難しくなっています。"),
  goal: fc.constant("予約制の乗合交通を試行したい。"),
  summary: fc.constant("郊外3地区で乗合タクシーを走らせる。"),
  plan: fc.constant("半年間の実証で利用データを取る。"),
  purpose: fc.constant("地域の課題を連携して解決する。"),
  benefitCitizens: fc.constant("通院の足が確保される。"),
  benefitPartner: fc.constant("実績になる。"),
  benefitMunicipality: fc.constant("移動手段を補える。"),
  description: fc.constant("説明です。"),
  body: fc.constant("ご確認ください。"),
  text: fc.constant("高齢者の見守りと移動支援"),
  reason: fc.constant("理由です。"),
  note: fc.constant("メモ"),
  comment: fc.constant("承認します。"),
  evaluation: fc.constant("成果が出ています。"),
  agenda: fc.constant("議題"),
  minutes: fc.constant("議事録"),
  place: fc.constant("市役所 3階会議室"),
  ownerName: fc.constant("担当 花子"),
  contactName: fc.constant("提案 花子"),
  personName: fc.constant("担当 一郎"),
  contactEmail: fc.constant("hanako@example.jp"),
  email: fc.constant("someone@example.jp"),
  password: fc.constant("renkei-demo-2026"),
  fields: fc.constant(["mobility"]),
  field: fc.constant("mobility"),
  method: fc.constantFrom("project", "comprehensive"),
  kind: fc.constantFrom("field", "municipality", "steering", "company", "meeting", "free"),
  value: fc.constantFrom("mobility", "172031"),
  municipalityCode: fc.constantFrom("172031", "272094"),
  deadline: fc.constant("2099-03-31"),
  dueDate: fc.constant("2099-04-30"),
  startsOn: fc.constant("2027-04-01"),
  endsOn: fc.constant("2028-03-31"),
  decidedOn: fc.constant("2027-03-01"),
  signedOn: fc.constant("2027-03-10"),
  meetingOn: fc.constant("2027-02-01"),
  meetingDate: fc.constant("2027-02-01"),
  periodStart: fc.constant("2027-04-01"),
  periodEnd: fc.constant("2027-09-30"),
  startsAt: fc.constant("2099-05-10T14:00"),
  endsAt: fc.constant("2099-05-10T16:00"),
  decision: fc.constantFrom("approve", "return"),
  grounds: fc.constant(["other"]),
  partnerNames: fc.constant(["株式会社テスト"]),
};

/**
 * A body of valid values where some fields carry one value PostgreSQL refuses
 * (NUL, a lone surrogate, year 0 …), and perhaps a stray hostile field: what
 * slips past validation that accepts too much ends in the database.
 */
function nearlyValid(keys: string[]): fc.Arbitrary<Record<string, unknown>> {
  const known = Object.keys(VALID);
  return fc
    .tuple(
      fc.record(VALID),
      fc.constantFrom(...POISON),
      fc.subarray(known, { minLength: 1 }),
      fc.dictionary(fc.constantFrom(...known, ...keys), hostileValue(), { maxKeys: 1 }),
    )
    .map(([valid, poison, poisoned, hostile]) => ({
      ...valid,
      ...Object.fromEntries(poisoned.map((k) => [k, Array.isArray(valid[k]) ? [poison] : poison])),
      ...hostile,
    }));
}

/** Query strings: random hostile parameters, or every common one set to one poison. */
const hostileQuery = (keys: string[]) =>
  fc.oneof(
    fc.dictionary(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...QUERY_KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...keys) }),
      hostileString(),
      { maxKeys: 3 },
    ),
    fc
      .tuple(fc.constantFrom(...POISON, ...HOSTILE_CURSORS), fc.subarray(QUERY_KEYS, { minLength: 1, maxLength: 6 }))
      .map(([poison, names]) => Object.fromEntries(names.map((k) => [k, poison]))),
  );

function bodyFor(keys: string[]): fc.Arbitrary<{ body?: BodyInit; contentType?: string }> {
  const form = fc.dictionary(fc.constantFrom(...keys, "files", "attachments", "file"), hostileString(), { maxKeys: 6 }).map((fields) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.append(k, v);
    data.append("files", new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00])], { type: "application/pdf" }), "\u202Efdp.html");
    return { body: data as BodyInit };
  });
  return fc.oneof(
    { weight: 4, arbitrary: hostileInput(keys).map((v) => ({ body: JSON.stringify(v) ?? "null", contentType: "application/json" })) },
    { weight: 5, arbitrary: nearlyValid(keys).map((v) => ({ body: JSON.stringify(v), contentType: "application/json" })) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_BODIES) },
    { weight: 1, arbitrary: form },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}

/** One hostile request to one of `routes`. */
export function attackCase(routes: ApiRoute[], world: World): fc.Arbitrary<AttackCase> {
  const callerNames = Object.keys(world.callers);
  const signedIn = callerNames.filter((name) => world.callers[name]?.authorization?.startsWith("Bearer rk_") && !name.includes("invalid"));
  return fc.constantFrom(...routes).chain((route) => {
    const segment = (name: string) =>
      name === "action" && route.words.length
        ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...route.words) }, { weight: 1, arbitrary: hostileString() })
        : fc.oneof(
            { weight: 3, arbitrary: world.ids.length ? fc.constantFrom(...world.ids) : fc.uuid() },
            { weight: 1, arbitrary: fc.uuid() },
            { weight: 1, arbitrary: hostileString() },
          );
    const params = route.path.split("/").filter((p) => p.startsWith(":") || p === "*");
    return fc
      .record({
        params: fc.tuple(...params.map((p) => segment(p.replace(/^:/, "")))),
        // Mostly the methods routes really serve (GET, POST, PATCH), sometimes any.
        method: fc.oneof(
          {
            weight: 8,
            arbitrary: fc.constantFrom(
              ...(route.methods.filter((m) => m !== "PUT" && m !== "DELETE").length
                ? route.methods.filter((m) => m !== "PUT" && m !== "DELETE")
                : ["GET"]),
            ),
          },
          { weight: 2, arbitrary: fc.constantFrom("GET", "POST", "PATCH", "PUT", "DELETE") },
        ),
        query: hostileQuery(world.keys),
        // Mostly signed in: anonymous and broken credentials stop at the gate.
        caller: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...(signedIn.length ? signedIn : callerNames)) },
          { weight: 1, arbitrary: fc.constantFrom(...callerNames) },
        ),
        // Now and then a hostile X-Renkei-Organization (fc.option's freq is the odds of null: 1 in freq).
        organization: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostileString() }),
        payload: bodyFor(world.keys),
      })
      .map(({ params: values, method, query, caller, organization, payload }) => {
        let i = 0;
        const path = route.path
          .split("/")
          .map((part) => (part.startsWith(":") || part === "*" ? encodeHostile(values[i++] ?? "") || "x" : part))
          .join("/");
        const search = Object.entries(query)
          .map(([k, v]) => `${encodeHostile(k)}=${encodeHostile(v)}`)
          .join("&");
        const headers: Record<string, string> = { ...world.callers[caller] };
        if (organization !== null) headers["x-renkei-organization"] = organization.replace(/[^\x20-\x7e]/g, "?");
        const withBody = method !== "GET" && method !== "HEAD";
        if (withBody && payload.contentType) headers["content-type"] = payload.contentType;
        return {
          route: route.path,
          method,
          url: `/${path}${search ? `?${search}` : ""}`,
          caller,
          headers,
          body: withBody ? payload.body : undefined,
        };
      });
  });
}

export interface Verdict {
  status: number;
  /** Why the answer breaks a rule, or null. */
  problem: string | null;
}

/** The rules every API answer obeys: no 5xx; a 4xx is a problem document in Japanese; a 422 lists Japanese field errors. */
export async function judge(response: Response): Promise<Verdict> {
  const status = response.status;
  if (status >= 500) return { status, problem: `${status} server error: ${(await response.text()).slice(0, 300)}` };
  if (status < 400) {
    await response.body?.cancel();
    return { status, problem: null };
  }
  const type = response.headers.get("content-type") ?? "";
  const text = await response.text();
  if (!type.startsWith("application/problem+json"))
    return { status, problem: `${status} is ${type || "no content type"}, not a problem document: ${text.slice(0, 200)}` };
  let doc: { title?: unknown; errors?: { message?: unknown }[] };
  try {
    doc = JSON.parse(text);
  } catch {
    return { status, problem: `${status} problem document is not JSON` };
  }
  if (typeof doc.title !== "string" || !hasJapanese(doc.title))
    return { status, problem: `${status} title not in Japanese: ${String(doc.title)}` };
  if (status === 422) {
    if (!Array.isArray(doc.errors) || doc.errors.length === 0) return { status, problem: "422 without field errors" };
    const bad = doc.errors.find((e) => typeof e.message !== "string" || !hasJapanese(e.message));
    if (bad) return { status, problem: `422 field error not in Japanese: ${JSON.stringify(bad)}` };
  }
  return { status, problem: null };
}

export function toRequest(baseUrl: string, attack: AttackCase, requestId: string): Request {
  return new Request(new URL(attack.url, baseUrl), {
    method: attack.method,
    headers: { ...attack.headers, "x-request-id": requestId },
    body: attack.body,
  });
}

const TEXT_KEYS = [
  "title",
  "name",
  "background",
  "goal",
  "summary",
  "plan",
  "purpose",
  "benefitCitizens",
  "benefitPartner",
  "benefitMunicipality",
  "description",
  "body",
  "text",
  "reason",
  "note",
  "comment",
  "evaluation",
  "agenda",
  "minutes",
  "place",
  "ownerName",
  "contactName",
  "personName",
];
const DATE_KEYS = [
  "deadline",
  "dueDate",
  "startsOn",
  "endsOn",
  "decidedOn",
  "signedOn",
  "meetingOn",
  "meetingDate",
  "periodStart",
  "periodEnd",
];
/** One representative of each kind of value PostgreSQL refuses. */
const SWEEP_POISONS = { nul: "a\u0000b", surrogate: "a\uD800b", yearZero: "0000-01-01" } as const;

/**
 * The deterministic half of the campaign: random cases rarely put exactly one
 * refused value where nothing else fails first, so every route gets it on
 * purpose — each common query parameter alone, and bodies valid but for
 * every free-text field (NUL, lone surrogate) or every date (year 0, and
 * meeting times in year 0050).
 */
export function poisonSweep(routes: ApiRoute[], world: World, callers: string[]): AttackCase[] {
  const cases: AttackCase[] = [];
  const valid = fc.sample(fc.record(VALID), { seed: 17, numRuns: 1 })[0]!;
  const fill = (route: ApiRoute, action: string) =>
    "/" + route.path.replace(/:action/, action).replace(/:(\w+)/g, () => world.ids[0] ?? "x");
  const add = (route: ApiRoute, method: string, url: string, caller: string, body?: Record<string, unknown>) =>
    cases.push({
      route: route.path,
      method,
      url,
      caller,
      headers: { ...world.callers[caller], ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  for (const route of routes) {
    for (const action of route.path.includes(":action") ? route.words : [""]) {
      const url = fill(route, action);
      if (route.methods.includes("GET")) {
        for (const key of QUERY_KEYS)
          for (const poison of [...Object.values(SWEEP_POISONS), HOSTILE_CURSORS[3]!])
            add(route, "GET", `${url}?${key}=${encodeHostile(poison)}`, callers[cases.length % callers.length]!);
      }
      for (const method of route.methods.filter((m) => m === "POST" || m === "PATCH")) {
        for (const caller of callers) {
          for (const poison of [SWEEP_POISONS.nul, SWEEP_POISONS.surrogate])
            add(route, method, url, caller, {
              ...valid,
              ...Object.fromEntries(TEXT_KEYS.map((k) => [k, `${String(valid[k] ?? "")}${poison}`])),
            });
          add(route, method, url, caller, {
            ...valid,
            ...Object.fromEntries(DATE_KEYS.map((k) => [k, SWEEP_POISONS.yearZero])),
            startsAt: "0050-05-10T10:00",
            endsAt: "0050-05-10T12:00",
          });
        }
      }
    }
  }
  return cases;
}
