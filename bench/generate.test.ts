import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isValidCorporateNumber } from "~/lib/corporate-number";
import { rolesByOrganizationKind, type OrganizationKind, type Role } from "~/lib/roles";
import { freshDatabase } from "~/test/database";
import * as me from "~/routes/api/me";
import * as tokens from "~/routes/api/tokens";
import { BENCH_PASSWORD, generateFoundationData, type GenerationResult } from "./generate";
import { startBenchApp, type BenchApp } from "./lib/app";

describe("bench generator (PGlite, small)", () => {
  let app: BenchApp;
  let result: GenerationResult;
  let dataDir: string;
  const sql = async <T>(text: string): Promise<T[]> => (await app.runtime.database.executeSql(text, [])).rows as T[];

  beforeAll(async () => {
    const database = await freshDatabase("pglite");
    result = await generateFoundationData(database, { organizations: 200, people: 500, apiTokens: 20, samplePeople: 20 });
    dataDir = mkdtempSync(path.join(os.tmpdir(), "renkei-bench-test-"));
    app = await startBenchApp(database, { dataDir });
  });
  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("generates the requested sizes on top of the national directory", async () => {
    expect(result.counts).toMatchObject({ local_governments: 1965, organizations: 200, users: 500, auth_accounts: 500, api_tokens: 20 });
    expect(result.counts.memberships).toBeGreaterThanOrEqual(500);
    const [perUser] = await sql<{ min: number; max: number }>("select min(n)::int as min, max(n)::int as max from (select u.id, count(m.id) as n from users u left join memberships m on m.user_id = u.id group by u.id) t");
    expect(perUser).toEqual({ min: 1, max: 2 });
    const kinds = await sql<{ kind: string }>("select distinct kind from organizations");
    expect(kinds.map((k) => k.kind).sort()).toEqual(
      ["chamber_of_commerce", "company", "department", "financial_institution", "intermediary", "municipality", "npo", "other", "prefecture", "university"].sort(),
    );
  });

  it("gives every company (and every other numbered body) a valid 法人番号", async () => {
    const rows = await sql<{ kind: string; corporate_number: string | null }>("select kind, corporate_number from organizations where kind <> 'department'");
    const companies = rows.filter((r) => r.kind === "company");
    expect(companies.length).toBeGreaterThan(50);
    expect(companies.every((r) => r.corporate_number !== null && isValidCorporateNumber(r.corporate_number))).toBe(true);
    expect(rows.filter((r) => r.corporate_number !== null).every((r) => isValidCorporateNumber(r.corporate_number!))).toBe(true);
  });

  it("gives every membership a role that fits its organisation's kind", async () => {
    const rows = await sql<{ kind: OrganizationKind; role: Role; department_id: string | null; department_parent: string | null; organization_id: string }>(
      `select o.kind, m.role, m.department_id, m.organization_id, d.parent_id as department_parent
         from memberships m join organizations o on o.id = m.organization_id left join organizations d on d.id = m.department_id`,
    );
    const misfits = rows.filter((r) => !rolesByOrganizationKind[r.kind].includes(r.role));
    expect(misfits).toEqual([]);
    // Department staff are bound to a department of their own municipality; nobody else is.
    for (const r of rows) {
      if (r.role === "department_staff") expect(r.department_parent).toBe(r.organization_id);
      else expect(r.department_id).toBeNull();
    }
    const [admins] = await sql<{ n: number }>("select count(*)::int as n from memberships where role = 'platform_admin'");
    expect(admins!.n).toBeGreaterThan(0);
  });

  it("lets a generated person obtain a token with the generated password and read /me", async () => {
    const person = result.samples.people[0]!;
    const res = await app.call(tokens.action, { path: "/api/v1/tokens", method: "POST", json: { email: person.email, password: BENCH_PASSWORD } });
    expect(res.status).toBe(201);
    const { token } = (await res.json()) as { token: string };
    const meRes = await app.call(me.loader, { path: "/api/v1/me", token });
    expect(meRes.status).toBe(200);
    const body = (await meRes.json()) as { user: { id: string; email: string }; memberships: unknown[] };
    expect(body.user).toMatchObject({ id: person.userId, email: person.email });
    expect(body.memberships.length).toBeGreaterThanOrEqual(1);

    const wrong = await app.call(tokens.action, { path: "/api/v1/tokens", method: "POST", json: { email: person.email, password: "not-the-password" } });
    expect(wrong.status).toBe(401);
    // A pre-generated token works as well.
    const sample = result.samples.tokens[0]!;
    const viaSample = await app.call(me.loader, { path: "/api/v1/me", token: sample.token });
    expect(((await viaSample.json()) as { user: { id: string } }).user.id).toBe(sample.userId);
  });
});
