// Issue 17 item 5: the audit log applies the visibility of the object it
// records. A proposal is confidential to its proposer, the municipality's desk
// and the departments it was shared with; the platform admin and another
// municipality's desk, who get 404 on the proposal, must not read its title,
// summary, contact details, dialogue or file names through GET /api/v1/audit
// or the /audit page either. The proposal's own desk still reads the entries
// it is allowed to see.
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RouterContextProvider } from "react-router";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { createMember, createOrganization } from "~/test/factories";
import { contextOf, signInCookie } from "~/test/helpers";
import { requestIdContext, runtimeContext } from "~/server/context.server";
import { postMessage } from "~/features/proposals/commands.server";
import * as auditApi from "./audit";
import * as auditExport from "./audit-export";
import * as proposalsApi from "./proposals";
import * as proposalApi from "./proposal";
import * as auditPage from "../audit/audit";

const drivers = await testDrivers();
const pdf = readFileSync(new URL("../../test/fixtures/sample.pdf", import.meta.url));

/** Strings only the proposal's circle may read, wherever they are written. */
const secret = {
  title: "秘密の駅前シェアサイクル実証",
  summary: "駅前広場に電動アシスト自転車のポートを十か所設ける秘密の計画。",
  plan: "二〇二六年度に半年間の実証を行う非公開の段取り。",
  contactName: "提案 秘子",
  contactEmail: "himitsu-teian@example.jp",
  file: "非公開の事業計画書.pdf",
  messageFile: "打合せ用の非公開資料.pdf",
  actionItem: "非公開の実証場所を決める",
  note: "非公開の受付メモ",
};
const leaks = (text: string) =>
  Object.entries(secret)
    .filter(([, s]) => text.includes(s))
    .map(([k]) => k);

type Handler = (args: never) => Promise<unknown> | unknown;

describe.each(drivers)("audit log confidentiality on %s", (kind) => {
  let app: TestApp;
  let people: Record<"proposer" | "desk" | "otherDesk" | "platformAdmin", Awaited<ReturnType<typeof createMember>>>;
  let proposalId: string;

  async function ok(
    handler: Handler,
    token: string,
    options: { path: string; method?: string; json?: unknown; body?: BodyInit; params?: Record<string, string> },
  ) {
    const res = await app.call(handler, { ...options, token });
    if (res.status >= 300) throw new Error(`${options.path}: ${res.status} ${await res.text()}`);
    return res;
  }

  /** The /audit page's loader as the server runs it, signed in with a cookie. */
  async function openAuditPage(email: string): Promise<unknown> {
    const cookie = await signInCookie(app.runtime, email);
    const context = new RouterContextProvider();
    context.set(runtimeContext, app.runtime);
    context.set(requestIdContext, randomUUID());
    const request = new Request(new URL("/audit?limit=200", app.runtime.config.baseUrl), { headers: { cookie } });
    return (auditPage.loader as (args: unknown) => Promise<unknown>)({ request, params: {}, context });
  }

  async function readApi(token: string) {
    const res = await ok(auditApi.loader, token, { path: "/api/v1/audit?limit=200" });
    return (await res.json()) as {
      items: {
        targetType: string;
        targetId: string | null;
        targetName: string | null;
        action: string;
        before: unknown;
        after: unknown;
        redacted: boolean;
      }[];
    };
  }

  /** GET /api/v1/audit/export.csv: the whole log as the caller may read it. */
  async function readCsv(token: string) {
    return (await ok(auditExport.loader, token, { path: "/api/v1/audit/export.csv" })).text();
  }

  beforeAll(async () => {
    app = await startTestApp(kind);
    const { runtime } = app;
    const municipality = await createOrganization(runtime.db, { kind: "municipality" });
    people = {
      proposer: await createMember(runtime, { role: "member" }),
      desk: await createMember(runtime, { role: "desk_admin", organizationId: municipality.id }),
      otherDesk: await createMember(runtime, { role: "desk_admin" }),
      platformAdmin: await createMember(runtime, { role: "platform_admin" }),
    };
    const { proposer, desk } = people;
    const { title, summary, plan, contactName, contactEmail } = secret;
    const benefits = {
      benefitCitizens: "移動が楽になる。",
      benefitPartner: "需要データが得られる。",
      benefitMunicipality: "移動手段を補える。",
    };
    const created = await ok(proposalsApi.action, proposer.token, {
      path: "/api/v1/proposals",
      method: "POST",
      json: {
        title,
        summary,
        plan,
        contactName,
        contactEmail,
        ...benefits,
        fields: ["mobility"],
        method: "project",
        municipalityCode: municipality.localGovCode,
      },
    });
    proposalId = ((await created.json()) as { id: string }).id;
    const upload = new FormData();
    upload.append("files", new Blob([new Uint8Array(pdf)], { type: "application/pdf" }), secret.file);
    const post = (verb: string, json: unknown = {}) => ({
      path: `/api/v1/proposals/${proposalId}/${verb}`,
      method: "POST",
      json,
      params: { id: proposalId, action: verb },
    });
    await ok(proposalApi.action, proposer.token, {
      path: `/api/v1/proposals/${proposalId}/attachments`,
      method: "POST",
      body: upload,
      params: { id: proposalId, action: "attachments" },
    });
    await ok(proposalApi.action, proposer.token, post("submit"));
    await ok(proposalApi.action, desk.token, post("start-screening", { note: secret.note }));
    await ok(proposalApi.action, desk.token, post("accept"));
    await ok(proposalApi.action, desk.token, post("action-items", { title: secret.actionItem, ownerName: "公民連携デスク" }));
    // A dialogue message with a file: its audit entry targets the message, not the proposal.
    await postMessage(await contextOf(runtime, desk), proposalId, { body: "資料を添付します。" }, [
      { filename: secret.messageFile, bytes: new Uint8Array(pdf) },
    ]);
  });

  afterAll(async () => {
    await app?.close();
  });

  it("the platform admin gets 404 on the proposal and reads none of it in GET /api/v1/audit", async () => {
    const direct = await app.call(proposalApi.loader, {
      path: `/api/v1/proposals/${proposalId}`,
      params: { id: proposalId },
      token: people.platformAdmin.token,
    });
    expect(direct.status).toBe(404);
    const log = await readApi(people.platformAdmin.token);
    expect(leaks(JSON.stringify(log))).toEqual([]);
    // The trail stays (who did what when); only its contents are withheld.
    const about = log.items.filter((e) => e.targetId === proposalId);
    expect(about.map((e) => e.action)).toEqual(expect.arrayContaining(["proposal.create", "proposal.submit", "attachment.upload"]));
    for (const entry of about) expect(entry).toMatchObject({ before: null, after: null, redacted: true });
    expect(log.items.some((e) => e.targetType === "proposal_message" && e.redacted)).toBe(true);
  });

  it("the platform admin and another desk read none of it in the CSV export", async () => {
    for (const who of [people.platformAdmin, people.otherDesk]) expect(leaks(await readCsv(who.token))).toEqual([]);
  });

  it("the platform admin reads none of it on the /audit page", async () => {
    expect(leaks(JSON.stringify(await openAuditPage(people.platformAdmin.email)))).toEqual([]);
  });

  it("another municipality's desk reads none of it, in the API or on the page", async () => {
    expect(leaks(JSON.stringify(await readApi(people.otherDesk.token)))).toEqual([]);
    expect(leaks(JSON.stringify(await openAuditPage(people.otherDesk.email)))).toEqual([]);
  });

  it("the proposal's own desk still reads its entries in full", async () => {
    const log = await readApi(people.desk.token);
    const text = JSON.stringify(log);
    for (const s of [secret.note, secret.actionItem, secret.messageFile]) expect(text).toContain(s);
    expect(log.items.filter((e) => e.targetId === proposalId).every((e) => !e.redacted)).toBe(true);
    expect(JSON.stringify(await openAuditPage(people.desk.email))).toContain(secret.actionItem);
    // Named, not an id: the desk reads which proposal each entry is about, in the list and the export.
    expect(log.items.filter((e) => e.targetId === proposalId).every((e) => e.targetName === secret.title)).toBe(true);
    const csv = await readCsv(people.desk.token);
    for (const s of [secret.title, secret.note, secret.actionItem]) expect(csv).toContain(s);
  });

  it("the platform admin still reads the platform's own administration entries", async () => {
    const log = await readApi(people.platformAdmin.token);
    const tokens = log.items.filter((e) => e.targetType === "api_token");
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((e) => !e.redacted && e.after !== null)).toBe(true);
  });
});
