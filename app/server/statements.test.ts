// How many SQL statements a page costs, counted on PGlite while the page's
// data is loaded through the whole pipeline (root loader and page loader run
// in parallel, as on the server). The signed-in person is looked up once per
// request: a second lookup would show here as a second session read.
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
let send: (request: Request) => Promise<Response>;
const statements: string[] = [];

beforeAll(async () => {
  const database = await freshDatabase("pglite");
  runtime = await createRuntime(config, { database, migrate: false, log: () => undefined });
  send = pipelineHandler(runtime);
  const client = database.pglite!;
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
  it.each([
    ["desk@demo.renkei.example", "/_root.data"],
    ["desk@demo.renkei.example", "/proposals.data"],
    ["desk@demo.renkei.example", "/agreements.data"],
    ["company@demo.renkei.example", "/proposals.data"],
    ["dept@demo.renkei.example", "/_root.data"],
    ["company@demo.renkei.example", "/themes.data"],
  ])("as %s, %s reads the session, the user and the memberships once", async (email, path) => {
    const cookie = await signInCookie(runtime, email, DEMO_PASSWORD);
    const list = await countStatements(path, cookie);
    console.log(`[statements] ${email} ${path}: ${list.length}`);
    expect(reads(list, "auth_sessions")).toBe(1);
    expect(reads(list, "users")).toBe(1);
    expect(reads(list, "memberships")).toBe(1);
  });
});
