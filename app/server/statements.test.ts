// How many SQL statements a page costs, counted on PGlite while the page's
// data is loaded through the whole pipeline (root loader and page loader run
// in parallel, as on the server). The signed-in person is looked up once per
// request: a second lookup would show here as a second session read. Each
// page has a budget: a list that looks up its names row by row, or in a
// statement of their own, goes over it (issue 19).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "~/test/database";
import { pipelineHandler } from "~/test/pipeline";
import { signInCookie } from "~/test/helpers";
import { readConfig } from "~/server/config.server";
import { createRuntime, type Runtime } from "~/server/runtime.server";
import { DEMO_PASSWORD } from "~/demo/identity";

const config = {
  ...readConfig({ PORT: "3999", RENKEI_SECRET: "test-secret-test-secret-test-secret-00" } as NodeJS.ProcessEnv),
  seedDemo: true,
  runJobs: false,
};

let runtime: Runtime;
let firstRow: (sql: string) => Promise<string>;
let send: (request: Request) => Promise<Response>;
const statements: string[] = [];

beforeAll(async () => {
  const database = await freshDatabase("pglite");
  runtime = await createRuntime(config, { database, migrate: false, log: () => undefined });
  send = pipelineHandler(runtime);
  const client = database.pglite!;
  firstRow = async (sql) => (await client.query<{ id: string }>(sql)).rows[0]?.id ?? "missing";
  for (const method of ["query", "exec"] as const) {
    const original = client[method].bind(client) as (text: string, ...rest: unknown[]) => Promise<unknown>;
    (client as unknown as Record<string, unknown>)[method] = (text: string, ...rest: unknown[]) => {
      statements.push(text);
      return original(text, ...rest);
    };
  }
}, 180_000);
afterAll(() => runtime?.close());

async function countStatements(path: string, cookie: string) {
  statements.length = 0;
  const response = await send(new Request(new URL(path, config.baseUrl), { headers: { cookie } }));
  expect(response.status).toBe(200);
  await response.arrayBuffer();
  return [...statements];
}

const reads = (list: string[], table: string) => list.filter((text) => new RegExp(`from "${table}"`, "i").test(text)).length;

describe("statements per page", () => {
  // Every signed-in page: the session with its person (one joined statement), the memberships, the unread count.
  // A home adds its role's work (issue 20), one statement per part, each list with its total: the desk's
  // waiting proposals, their counts and overdue items (3), agreements falling due with the counts (3), the
  // next meetings and their overdue items (2); the desk's agreements going quiet with their total (1, issue 21).
  it.each([
    ["desk@demo.renkei.example", "/_root.data", 12],
    ["dept@demo.renkei.example", "/_root.data", 12],
    ["company@demo.renkei.example", "/_root.data", 11],
    ["coordinator@demo.renkei.example", "/_root.data", 13],
    // The platform admin's home counts the people and lists the newest with their organisations: users and memberships again.
    ["admin@demo.renkei.example", "/_root.data", 8, { users: 3, memberships: 2 }],
    ["desk@demo.renkei.example", "/proposals.data", 6],
    ["desk@demo.renkei.example", "/agreements.data", 5],
    ["company@demo.renkei.example", "/proposals.data", 6],
    ["company@demo.renkei.example", "/themes.data", 6],
    // The notifications in one statement, grouped on the page; the unread count is the header's.
    ["company@demo.renkei.example", "/notifications.data", 4],
    // The organisation's people for the filter (members and invitations), then one page of entries with their targets' names.
    ["desk@demo.renkei.example", "/audit.data", 6, { users: 2, memberships: 2 }],
  ] as [string, string, number, { users: number; memberships: number }?][])(
    "as %s, %s reads the session, the user and the memberships once, in at most %i statements",
    async (email, path, budget, expected = { users: 1, memberships: 1 }) => {
      const cookie = await signInCookie(runtime, email, DEMO_PASSWORD);
      const list = await countStatements(path, cookie);
      expect(reads(list, "auth_sessions")).toBe(1);
      expect(reads(list, "users")).toBe(expected.users);
      expect(reads(list, "memberships")).toBe(expected.memberships);
      expect(list.length, list.join("\n")).toBeLessThanOrEqual(budget);
    },
  );

  // A detail page checks once that the caller may see the record, not once per section.
  it.each([
    ["/proposals/:id.data", 16, "proposals r where r.status = 'in_dialogue' and"],
    // The agreement page also says when its next meeting is and what is still open (issue 20): one more;
    // and its items' projects with their KPIs and its health score (issue 21): three more.
    ["/agreements/:id.data", 18, "agreements r where"],
  ])("as the desk, %s reads the record once, in at most %i statements", async (pattern, budget, from) => {
    const query = `select r.id from ${from} r.municipality_id in (select m.organization_id from memberships m join users u on u.id = m.user_id where u.email = 'desk@demo.renkei.example') order by r.id limit 1`;
    const cookie = await signInCookie(runtime, "desk@demo.renkei.example", DEMO_PASSWORD);
    const list = await countStatements(pattern.replace(":id", await firstRow(query)), cookie);
    expect(reads(list, pattern.startsWith("/proposals") ? "proposals" : "agreements")).toBeLessThanOrEqual(2);
    expect(list.length, list.join("\n")).toBeLessThanOrEqual(budget);
  });
});
