import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isValidCorporateNumber } from "~/lib/corporate-number";
import { rolesByOrganizationKind, type OrganizationKind, type Role } from "~/lib/roles";
import { proposalStatuses, type ProposalStatus } from "~/features/proposals/constants";
import { transitions } from "~/features/proposals/policy";
import { themeStatuses } from "~/features/themes/constants";
import { agreementStatuses, type AgreementStatus } from "~/features/agreements/constants";
import { agreementTransitions } from "~/features/agreements/policy";
import { meetingKinds } from "~/features/meetings/constants";
import { policyFieldCodes } from "~/lib/policy-fields";
import { normalizeForSearch } from "~/lib/japanese-text";
import { freshDatabase } from "~/test/database";
import * as me from "~/routes/api/me";
import * as tokens from "~/routes/api/tokens";
import { BENCH_PASSWORD, generateFoundationData, type GenerationResult } from "./generate";
import { startBenchApp, type BenchApp } from "./lib/app";
import { benchmarkAgreements } from "./operations/agreements";
import { benchmarkAgreementImport } from "./operations/agreement-import";
import { benchmarkThemesAndProposals } from "./operations/themes-proposals";

describe("bench generator (PGlite, small)", () => {
  let app: BenchApp;
  let result: GenerationResult;
  let dataDir: string;
  const sql = async <T>(text: string): Promise<T[]> => (await app.runtime.database.executeSql(text, [])).rows as T[];

  beforeAll(async () => {
    const database = await freshDatabase("pglite");
    result = await generateFoundationData(database, {
      organizations: 200,
      people: 500,
      apiTokens: 20,
      samplePeople: 20,
      themes: 60,
      proposals: 400,
      agreements: 120,
      meetings: 600,
    });
    dataDir = mkdtempSync(path.join(os.tmpdir(), "renkei-bench-test-"));
    app = await startBenchApp(database, { dataDir });
  });
  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("generates the requested sizes on top of the national directory", async () => {
    expect(result.counts).toMatchObject({
      local_governments: 1965,
      organizations: 200,
      users: 500,
      auth_accounts: 500,
      api_tokens: 20,
      themes: 60,
      proposals: 400,
      agreements: 120,
    });
    expect(result.counts.memberships).toBeGreaterThanOrEqual(500);
    const [perUser] = await sql<{ min: number; max: number }>(
      "select min(n)::int as min, max(n)::int as max from (select u.id, count(m.id) as n from users u left join memberships m on m.user_id = u.id group by u.id) t",
    );
    expect(perUser).toEqual({ min: 1, max: 2 });
    const kinds = await sql<{ kind: string }>("select distinct kind from organizations");
    expect(kinds.map((k) => k.kind).sort()).toEqual(
      [
        "chamber_of_commerce",
        "company",
        "department",
        "financial_institution",
        "intermediary",
        "municipality",
        "npo",
        "other",
        "prefecture",
        "university",
      ].sort(),
    );
  });

  it("gives every company (and every other numbered body) a valid 法人番号", async () => {
    const rows = await sql<{ kind: string; corporate_number: string | null }>(
      "select kind, corporate_number from organizations where kind <> 'department'",
    );
    const companies = rows.filter((r) => r.kind === "company");
    expect(companies.length).toBeGreaterThan(50);
    expect(companies.every((r) => r.corporate_number !== null && isValidCorporateNumber(r.corporate_number))).toBe(true);
    expect(rows.filter((r) => r.corporate_number !== null).every((r) => isValidCorporateNumber(r.corporate_number!))).toBe(true);
  });

  it("gives every membership a role that fits its organisation's kind", async () => {
    const rows = await sql<{
      kind: OrganizationKind;
      role: Role;
      department_id: string | null;
      department_parent: string | null;
      organization_id: string;
    }>(
      `select o.kind, m.role, m.department_id, m.organization_id, d.parent_id as department_parent
         from memberships m join organizations o on o.id = m.organization_id left join organizations d on d.id = m.department_id`,
    );
    const misfits = rows.filter((r) => !rolesByOrganizationKind[r.kind].includes(r.role));
    expect(misfits).toEqual([]);
    // Department staff are bound to a department of their own municipality; nobody else is.
    const staff = rows.filter((r) => r.role === "department_staff");
    expect(staff.length).toBeGreaterThan(0);
    expect(
      staff.filter((r) => r.department_parent !== r.organization_id),
      "department staff outside their municipality",
    ).toEqual([]);
    expect(
      rows.filter((r) => r.role !== "department_staff" && r.department_id !== null),
      "a department on someone else",
    ).toEqual([]);
    const [admins] = await sql<{ n: number }>("select count(*)::int as n from memberships where role = 'platform_admin'");
    expect(admins!.n).toBeGreaterThan(0);
  });

  it("lets a generated person obtain a token with the generated password and read /me", async () => {
    const person = result.samples.people[0]!;
    const res = await app.call(tokens.action, {
      path: "/api/v1/tokens",
      method: "POST",
      json: { email: person.email, password: BENCH_PASSWORD },
    });
    expect(res.status).toBe(201);
    const { token } = (await res.json()) as { token: string };
    const meRes = await app.call(me.loader, { path: "/api/v1/me", token });
    expect(meRes.status).toBe(200);
    const body = (await meRes.json()) as { user: { id: string; email: string }; memberships: unknown[] };
    expect(body.user).toMatchObject({ id: person.userId, email: person.email });
    expect(body.memberships.length).toBeGreaterThanOrEqual(1);

    const wrong = await app.call(tokens.action, {
      path: "/api/v1/tokens",
      method: "POST",
      json: { email: person.email, password: "not-the-password" },
    });
    expect(wrong.status).toBe(401);
    // A pre-generated token works as well.
    const sample = result.samples.tokens[0]!;
    const viaSample = await app.call(me.loader, { path: "/api/v1/me", token: sample.token });
    expect(((await viaSample.json()) as { user: { id: string } }).user.id).toBe(sample.userId);
  });

  it("spreads theme calls over municipality organisations, with search text as the app writes it", async () => {
    const rows = await sql<{
      status: string;
      kind: string;
      local_gov_code: string;
      org_code: string;
      prefecture_code: string;
      title: string;
      background: string;
      goal: string;
      search_text: string;
      published_at: Date | null;
      closed_at: Date | null;
      deadline: string | null;
      starts_on: string | null;
      department_parent: string | null;
      municipality_id: string;
    }>(
      `select t.*, o.kind, o.local_gov_code as org_code, d.parent_id as department_parent
         from themes t join organizations o on o.id = t.municipality_id left join organizations d on d.id = t.department_id`,
    );
    expect(rows).toHaveLength(60);
    for (const t of rows) {
      expect(t.kind).toBe("municipality");
      expect(t.local_gov_code).toBe(t.org_code);
      expect(t.prefecture_code).toBe(t.local_gov_code.slice(0, 2));
      expect(themeStatuses).toContain(t.status);
      expect(t.search_text).toBe(normalizeForSearch(`${t.title} ${t.background} ${t.goal}`));
      expect(t.published_at === null).toBe(t.status === "draft");
      expect(t.closed_at === null).toBe(t.status !== "closed");
    }
    expect(
      rows.filter((t) => t.starts_on && t.deadline && t.starts_on > t.deadline),
      "calls starting after their deadline",
    ).toEqual([]);
    expect(
      rows.filter((t) => t.department_parent !== null && t.department_parent !== t.municipality_id),
      "calls of another municipality's department",
    ).toEqual([]);
    expect(new Set(rows.map((t) => t.status)).size).toBe(3);
  });

  it("sends proposals from partners to municipalities, against themes of the same municipality, with valid statuses and timelines", async () => {
    const proposals = await sql<{
      id: string;
      status: ProposalStatus;
      kind: string;
      municipality_id: string;
      theme_municipality: string | null;
      theme_id: string | null;
      proposer_kind: string;
      target_kind: string;
      submitted_at: Date | null;
      search_text: string;
      title: string;
      summary: string;
      plan: string;
    }>(
      `select p.*, t.municipality_id as theme_municipality, po.kind as proposer_kind, mo.kind as target_kind
         from proposals p left join themes t on t.id = p.theme_id
         join organizations po on po.id = p.proposer_org_id join organizations mo on mo.id = p.municipality_id`,
    );
    expect(proposals).toHaveLength(400);
    for (const p of proposals) {
      expect(proposalStatuses).toContain(p.status);
      expect(p.target_kind).toBe("municipality");
      expect(["municipality", "prefecture", "department"]).not.toContain(p.proposer_kind);
      expect(p.kind).toBe(p.theme_id ? "theme" : "free");
      expect(p.submitted_at === null).toBe(p.status === "draft");
      expect(p.search_text).toBe(normalizeForSearch(`${p.title} ${p.summary} ${p.plan}`));
    }
    expect(proposals.some((p) => p.theme_id)).toBe(true);
    expect(
      proposals.filter((p) => p.theme_id && p.theme_municipality !== p.municipality_id),
      "proposals to another municipality's call",
    ).toEqual([]);
    expect(new Set(proposals.map((p) => p.status)).size).toBeGreaterThanOrEqual(8);

    // Each timeline is a chain of allowed transitions from draft to the current status.
    const events = await sql<{ proposal_id: string; from_status: string; to_status: string; created_at: Date }>(
      "select * from proposal_events order by proposal_id, created_at",
    );
    const byProposal = new Map<string, typeof events>();
    for (const e of events) byProposal.set(e.proposal_id, [...(byProposal.get(e.proposal_id) ?? []), e]);
    const allowed = new Set(Object.values(transitions).flatMap((t) => t.from.map((from) => `${from}→${t.to}`)));
    allowed.add("draft→submitted");
    for (const p of proposals) {
      const timeline = byProposal.get(p.id) ?? [];
      // draft, then each event's status: every event starts where the one before ended, and the last is the proposal's.
      const path = ["draft", ...timeline.map((e) => e.to_status)];
      expect(
        timeline.map((e) => e.from_status),
        p.id,
      ).toEqual(path.slice(0, -1));
      expect(path.at(-1), p.id).toBe(p.status);
      expect(
        timeline.filter((e) => !allowed.has(`${e.from_status}→${e.to_status}`)),
        p.id,
      ).toEqual([]);
    }

    // Shares: only accepted and beyond, only to departments of the proposal's municipality.
    const shares = await sql<{ status: string; parent_id: string; municipality_id: string; accepted: boolean }>(
      `select p.status, d.parent_id, p.municipality_id, exists (select 1 from proposal_events e where e.proposal_id = p.id and e.to_status = 'in_dialogue') as accepted
         from proposal_shares s join proposals p on p.id = s.proposal_id join organizations d on d.id = s.department_id`,
    );
    expect(shares.length).toBeGreaterThan(0);
    for (const s of shares) {
      expect(s.parent_id).toBe(s.municipality_id);
      expect(s.accepted).toBe(true);
    }
    const [messages] = await sql<{ n: number; outside: number }>(
      `select count(*)::int as n, count(*) filter (where not exists (select 1 from proposal_events e where e.proposal_id = m.proposal_id and e.to_status = 'in_dialogue'))::int as outside
         from proposal_messages m`,
    );
    expect(messages!.n).toBeGreaterThan(0);
    expect(messages!.outside).toBe(0);
  });

  it("gives agreements an owning public body, two to five parties, fielded items and search text as the app writes it", async () => {
    const agreements = await sql<{
      id: string;
      status: AgreementStatus;
      method: string;
      local_gov_code: string;
      owner_kind: string;
      owner_code: string;
      municipality_id: string;
      title: string;
      purpose: string;
      search_text: string;
      item_titles: string | null;
      renewal_rule: string;
      renewal_years: number | null;
      objection_deadline: string | null;
      starts_on: string | null;
      ends_on: string | null;
      signed_on: string | null;
      updated_at: Date;
      last_event: Date;
    }>(
      `select a.*, o.kind as owner_kind, o.local_gov_code as owner_code,
              (select string_agg(i.title, ' ' order by i.position) from agreement_items i where i.agreement_id = a.id) as item_titles,
              (select max(created_at) from agreement_events e where e.agreement_id = a.id) as last_event
         from agreements a join organizations o on o.id = a.municipality_id`,
    );
    expect(agreements).toHaveLength(120);
    for (const a of agreements) {
      expect(["municipality", "prefecture"]).toContain(a.owner_kind);
      expect(a.local_gov_code).toBe(a.owner_code);
      expect(agreementStatuses).toContain(a.status);
      expect(a.search_text).toBe(normalizeForSearch(`${a.title} ${a.purpose} ${a.item_titles ?? ""}`));
      expect(a.updated_at.getTime()).toBe(a.last_event.getTime());
      expect(a.signed_on === null).toBe(a.status === "draft" || a.status === "internal_approval");
    }
    // A signed agreement runs from its signing for three to five years.
    for (const a of agreements.filter((a) => a.signed_on !== null)) {
      expect(a.starts_on! >= a.signed_on! && a.starts_on! < a.ends_on!).toBe(true);
      const years = (Date.parse(a.ends_on!) - Date.parse(a.starts_on!)) / (365.25 * 86_400_000);
      expect(years).toBeGreaterThan(2.9);
      expect(years).toBeLessThan(5.1);
    }
    // The app's rule: automatic renewal needs a period and an objection deadline.
    expect(
      agreements.filter((a) => a.renewal_rule === "automatic" && (a.renewal_years === null || a.objection_deadline === null)),
      "automatic renewal without its terms",
    ).toEqual([]);
    const statuses = new Set(agreements.map((a) => a.status));
    expect(statuses.size).toBeGreaterThanOrEqual(6);
    expect(agreements.filter((a) => a.status === "active" || a.status === "signed").length).toBeGreaterThan(agreements.length / 2);
    expect(new Set(agreements.map((a) => a.renewal_rule)).size).toBe(2);

    const parties = await sql<{ agreement_id: string; n: number; owner_first: boolean; departments: number }>(
      `select p.agreement_id, count(*)::int as n, bool_or(p.position = 0 and p.organization_id = a.municipality_id) as owner_first,
              count(*) filter (where o.kind = 'department')::int as departments
         from agreement_parties p join agreements a on a.id = p.agreement_id join organizations o on o.id = p.organization_id group by p.agreement_id`,
    );
    expect(parties).toHaveLength(120);
    for (const p of parties) {
      expect(p.n).toBeGreaterThanOrEqual(2);
      expect(p.n).toBeLessThanOrEqual(5);
      expect(p.owner_first).toBe(true);
      expect(p.departments).toBe(0);
    }

    const items = await sql<{ field: string; department_parent: string | null; municipality_id: string }>(
      "select i.field, d.parent_id as department_parent, a.municipality_id from agreement_items i join agreements a on a.id = i.agreement_id left join organizations d on d.id = i.department_id",
    );
    expect(items.length / agreements.length).toBeGreaterThan(5);
    for (const i of items) expect(policyFieldCodes).toContain(i.field);
    expect(
      items.filter((i) => i.department_parent !== null && i.department_parent !== i.municipality_id),
      "items of another municipality's department",
    ).toEqual([]);
  });

  it("records each agreement's timeline, approvals, contacts and document versions as the app would", async () => {
    const agreements = new Map(
      (await sql<{ id: string; status: AgreementStatus; signed_on: string | null }>("select id, status, signed_on from agreements")).map(
        (a) => [a.id, a],
      ),
    );
    const events = await sql<{ agreement_id: string; from_status: string | null; to_status: string }>(
      "select * from agreement_events order by agreement_id, created_at",
    );
    const allowed = new Set(Object.values(agreementTransitions).flatMap((t) => t.from.map((from) => `${from}→${t.to}`)));
    const byAgreement = new Map<string, typeof events>();
    for (const e of events) byAgreement.set(e.agreement_id, [...(byAgreement.get(e.agreement_id) ?? []), e]);
    for (const [id, a] of agreements) {
      const timeline = byAgreement.get(id)!;
      expect(timeline[0]).toMatchObject({ from_status: null, to_status: "draft" });
      expect(timeline.at(-1)!.to_status).toBe(a.status);
      timeline.slice(1).forEach((e, i) => {
        expect(e.from_status).toBe(timeline[i]!.to_status);
        expect(allowed.has(`${e.from_status}→${e.to_status}`)).toBe(true);
      });
    }

    // Approvals exist from submission on; a signed agreement has every step approved (the app's rule for signing).
    const steps = await sql<{ agreement_id: string; n: number; approved: number; municipal: number }>(
      "select agreement_id, count(*)::int as n, count(*) filter (where status = 'approved')::int as approved, count(*) filter (where side = 'municipality')::int as municipal from approval_steps group by 1",
    );
    const stepsOf = new Map(steps.map((s) => [s.agreement_id, s]));
    const list = [...agreements.values()];
    const submitted = list.filter((a) => a.status !== "draft");
    expect(
      list.filter((a) => a.status === "draft" && stepsOf.has(a.id)).map((a) => a.id),
      "drafts with approval steps",
    ).toEqual([]);
    expect(
      submitted.map((a) => stepsOf.get(a.id)?.municipal),
      "the city's steps of each submitted agreement",
    ).toEqual(submitted.map(() => 4));
    expect(
      list.filter((a) => a.signed_on && stepsOf.get(a.id)!.approved !== stepsOf.get(a.id)!.n).map((a) => a.id),
      "signed with a step not approved",
    ).toEqual([]);

    // Contacts belong to parties; at most one active per party and rank (the app's unique index); handovers leave history.
    const [contacts] = await sql<{ outside: number; active: number; inactive: number; handovers: number }>(
      `select count(*) filter (where not exists (select 1 from agreement_parties p where p.agreement_id = c.agreement_id and p.organization_id = c.organization_id))::int as outside,
              count(*) filter (where c.active)::int as active, count(*) filter (where not c.active)::int as inactive,
              (select count(*)::int from agreement_handovers) as handovers
         from agreement_contacts c`,
    );
    expect(contacts).toMatchObject({ outside: 0 });
    expect(contacts!.active).toBeGreaterThan(100);
    expect(contacts!.inactive).toBe(contacts!.handovers);

    // Versions are numbered 1, 2, … per agreement; the first is what went to approval; each snapshot has the parties in order.
    const versions = await sql<{
      agreement_id: string;
      version: number;
      reason: string;
      parties: number;
      party_rows: number;
      first_party: string;
      owner_name: string;
    }>(
      `select v.agreement_id, v.version, v.reason, jsonb_array_length(v.snapshot->'parties')::int as parties,
              (select count(*)::int from agreement_parties p where p.agreement_id = v.agreement_id) as party_rows,
              v.snapshot->'parties'->0->>'name' as first_party, o.name as owner_name
         from agreement_document_versions v join agreements a on a.id = v.agreement_id join organizations o on o.id = a.municipality_id
        order by v.agreement_id, v.version`,
    );
    expect(versions.length).toBeGreaterThan(100);
    expect([...new Set(versions.filter((v) => v.version === 1).map((v) => v.reason))], "why each first version was kept").toEqual([
      "決裁に回した時点の内容",
    ]);
    let previous: (typeof versions)[number] | undefined;
    for (const v of versions) {
      expect(v.version).toBe(previous?.agreement_id === v.agreement_id ? previous.version + 1 : 1);
      expect(v.parties).toBe(v.party_rows);
      expect(v.first_party).toBe(v.owner_name);
      expect(agreements.get(v.agreement_id)!.status).not.toBe("draft");
      previous = v;
    }
  });

  it("holds meetings under signed agreements, some with action items", async () => {
    const meetings = await sql<{
      kind: string;
      municipality_id: string;
      owner: string;
      status: string;
      starts_at: Date;
      ends_at: Date;
      minutes: string;
    }>("select m.*, a.municipality_id as owner, a.status from meetings m join agreements a on a.id = m.agreement_id");
    // The series are thinned to the requested total with random rounding: close to it, not exact.
    expect(meetings.length).toBeGreaterThan(500);
    expect(meetings.length).toBeLessThan(700);
    for (const m of meetings) {
      expect(meetingKinds).toContain(m.kind);
      expect(m.municipality_id).toBe(m.owner);
      expect(["draft", "internal_approval"]).not.toContain(m.status);
      expect(m.ends_at.getTime()).toBeGreaterThan(m.starts_at.getTime());
    }
    expect(new Set(meetings.map((m) => m.kind)).size).toBe(3);
    expect(meetings.some((m) => m.minutes !== "")).toBe(true);
    const [items] = await sql<{ n: number; wrong: number }>(
      `select count(*)::int as n, count(*) filter (where i.agreement_id <> m.agreement_id or i.due_date < (m.starts_at at time zone 'Asia/Tokyo')::date)::int as wrong
         from meeting_action_items i join meetings m on m.id = i.meeting_id`,
    );
    expect(items!.n).toBeGreaterThan(0);
    expect(items!.wrong).toBe(0);
  });

  it("times the theme and proposal operations, whose baselines return what the app returns", async () => {
    const operations: { operation: string; app: number[]; baseline: number[] | null }[] = [];
    await benchmarkThemesAndProposals({
      app,
      iterations: 2,
      warmup: 1,
      add: (operation, _detail, samples) => operations.push({ operation, ...samples }),
      log: () => undefined,
    });
    expect(operations.map((o) => o.operation)).toEqual([
      "desk inbox: GET /api/v1/proposals",
      "desk inbox: ?status=",
      "desk inbox: ?q=",
      "desk inbox: GET /api/v1/proposals (50 desks in turn)",
      "department: GET /api/v1/proposals (shared)",
      "proposal detail: GET /api/v1/proposals/:id (desk)",
      "proposal detail: GET /api/v1/proposals/:id (proposer)",
      "public themes: GET /api/v1/themes",
      "public themes: ?field=",
      "public themes: ?prefecture=",
      "public themes: ?municipality=",
      "public themes: ?q=",
    ]);
    for (const o of operations) {
      expect(o.app).toHaveLength(2);
      expect(o.baseline).toHaveLength(2);
    }
    // The desk's detail views were written to the access log, as the app does.
    const [views] = await sql<{ n: number }>("select count(*)::int as n from proposal_views");
    expect(views!.n).toBeGreaterThan(0);
  });

  it("times the agreement operations, whose baselines return what the app returns", async () => {
    const operations: { operation: string; app: number[]; baseline: number[] | null }[] = [];
    await benchmarkAgreements({
      app,
      iterations: 2,
      warmup: 1,
      add: (operation, _detail, samples) => operations.push({ operation, ...samples }),
      log: () => undefined,
    });
    expect(operations.map((o) => o.operation)).toEqual([
      "agreement register: GET /api/v1/agreements",
      "agreement register: ?status=&field=",
      "agreement register: ?q=",
      "agreement register: GET /api/v1/agreements (50 desks in turn)",
      "agreement register: partner (most agreements)",
      "agreement detail: GET /api/v1/agreements/:id (desk)",
      "agreement detail: GET /api/v1/agreements/:id (partner)",
      "agreement meetings: GET /api/v1/agreements/:id/meetings",
      "CSV export (Shift_JIS): prefecture desk",
      "CSV export (Shift_JIS): busiest municipality desk",
    ]);
    for (const o of operations) {
      expect(o.app).toHaveLength(2);
      expect(o.baseline).toHaveLength(2);
    }
  });

  it("times the register import: preview, re-check and one-transaction confirmation against bulk INSERTs", async () => {
    const operations: { operation: string; app: number[]; baseline: number[] | null }[] = [];
    const before = await sql<{ n: number }>("select count(*)::int as n from agreements");
    await benchmarkAgreementImport(
      {
        app,
        iterations: 2,
        warmup: 1,
        add: (operation, _detail, samples) => operations.push({ operation, ...samples }),
        log: () => undefined,
      },
      { preview: 120, commit: 30 },
    );
    expect(operations.map((o) => [o.operation, o.app.length, o.baseline?.length ?? null])).toEqual([
      ["register import: POST /api/v1/agreements/imports (preview)", 2, 2],
      ["register import: GET /api/v1/agreements/imports/:id", 2, null],
      ["register import: POST /api/v1/agreements/imports/:id/commit", 2, 2],
    ]);
    // Three confirmations (one warm-up) of 30 rows stay; the baseline's rows are gone.
    const [after] = await sql<{ n: number }>("select count(*)::int as n from agreements");
    expect(after!.n - before[0]!.n).toBe(90);
  });
});
