// An attack campaign on the JSON API: every api/v1 route of app/routes.ts
// (found by itself — a new endpoint is attacked without touching this file)
// with hostile paths, query strings, bodies and callers, and the checks every
// answer must pass. Runs in-process (API fuzz test, through the real request
// pipeline) and against a running server (bench/faults/attack.ts).
import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import routeConfig from "~/routes";
import { HOSTILE_BODIES, hasJapanese, hostileInput, hostileString } from "./hostile";

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
  return [...value].map((ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return "%ED%A0%80";
    }
  }).join("");
}

const QUERY_KEYS = ["q", "cursor", "limit", "status", "kind", "field", "prefecture", "municipality", "open", "filename", "encoding", "action", "since", "unread"];

function bodyFor(keys: string[]): fc.Arbitrary<{ body?: BodyInit; contentType?: string }> {
  const form = fc.dictionary(fc.constantFrom(...keys, "files", "attachments", "file"), hostileString(), { maxKeys: 6 }).map((fields) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.append(k, v);
    data.append("files", new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00])], { type: "application/pdf" }), "\u202Efdp.html");
    return { body: data as BodyInit };
  });
  return fc.oneof(
    { weight: 6, arbitrary: hostileInput(keys).map((v) => ({ body: JSON.stringify(v) ?? "null", contentType: "application/json" })) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_BODIES) },
    { weight: 1, arbitrary: form },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}

/** One hostile request to one of `routes`. */
export function attackCase(routes: ApiRoute[], world: World): fc.Arbitrary<AttackCase> {
  const callerNames = Object.keys(world.callers);
  return fc.constantFrom(...routes).chain((route) => {
    const segment = (name: string) =>
      name === "action" && route.words.length
        ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...route.words) }, { weight: 1, arbitrary: hostileString() })
        : fc.oneof({ weight: 3, arbitrary: world.ids.length ? fc.constantFrom(...world.ids) : fc.uuid() }, { weight: 1, arbitrary: fc.uuid() }, { weight: 1, arbitrary: hostileString() });
    const params = route.path.split("/").filter((p) => p.startsWith(":") || p === "*");
    return fc
      .record({
        params: fc.tuple(...params.map((p) => segment(p.replace(/^:/, "")))),
        method: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...(route.methods.length ? route.methods : ["GET"])) }, { weight: 1, arbitrary: fc.constantFrom("GET", "POST", "PATCH", "DELETE") }),
        query: fc.dictionary(fc.constantFrom(...QUERY_KEYS, ...world.keys), hostileString(), { maxKeys: 3 }),
        caller: fc.constantFrom(...callerNames),
        organization: fc.option(hostileString(), { freq: 10 }),
        payload: bodyFor(world.keys),
      })
      .map(({ params: values, method, query, caller, organization, payload }) => {
        let i = 0;
        const path = route.path
          .split("/")
          .map((part) => (part.startsWith(":") || part === "*" ? encodeHostile(values[i++] ?? "") || "x" : part))
          .join("/");
        const search = Object.entries(query).map(([k, v]) => `${encodeHostile(k)}=${encodeHostile(v)}`).join("&");
        const headers: Record<string, string> = { ...world.callers[caller] };
        if (organization !== null) headers["x-renkei-organization"] = organization.replace(/[^\x20-\x7e]/g, "?");
        const withBody = method !== "GET" && method !== "HEAD";
        if (withBody && payload.contentType) headers["content-type"] = payload.contentType;
        return { route: route.path, method, url: `/${path}${search ? `?${search}` : ""}`, caller, headers, body: withBody ? payload.body : undefined };
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
  if (!type.startsWith("application/problem+json")) return { status, problem: `${status} is ${type || "no content type"}, not a problem document: ${text.slice(0, 200)}` };
  let doc: { title?: unknown; errors?: { message?: unknown }[] };
  try {
    doc = JSON.parse(text);
  } catch {
    return { status, problem: `${status} problem document is not JSON` };
  }
  if (typeof doc.title !== "string" || !hasJapanese(doc.title)) return { status, problem: `${status} title not in Japanese: ${String(doc.title)}` };
  if (status === 422) {
    if (!Array.isArray(doc.errors) || doc.errors.length === 0) return { status, problem: "422 without field errors" };
    const bad = doc.errors.find((e) => typeof e.message !== "string" || !hasJapanese(e.message));
    if (bad) return { status, problem: `422 field error not in Japanese: ${JSON.stringify(bad)}` };
  }
  return { status, problem: null };
}

export function toRequest(baseUrl: string, attack: AttackCase, requestId: string): Request {
  return new Request(new URL(attack.url, baseUrl), { method: attack.method, headers: { ...attack.headers, "x-request-id": requestId }, body: attack.body });
}
