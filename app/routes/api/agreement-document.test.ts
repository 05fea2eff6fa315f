// The agreement document (協定書) as Word: generated from the structured data,
// worded per municipality, one version per submission, signing and amendment,
// and only for the parties.
import JSZip from "jszip";
import { RouterContextProvider } from "react-router";
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { buildAgreement, createDepartment, createMember, createOrganization } from "~/test/factories";
import { auditRows, signInCookie } from "~/test/helpers";
import { requestIdContext, runtimeContext } from "~/server/context.server";
import { defaultAgreementTemplate } from "~/features/agreements/documents/document";
import * as agreementApi from "./agreement";
import * as documentApi from "./agreement-document";
import * as amendApi from "./agreement-amend";
import * as templateApi from "./agreement-template";
import * as documentPage from "../agreements/agreement-document";

const drivers = await testDrivers();

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const ITEMS = ["予約制乗合タクシーの実証運行", "買い物支援の移動販売", "高齢者の見守りと声かけ"];

/** Paragraph texts of word/document.xml (runs joined, entities decoded). */
async function docxParagraphs(res: Response): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))).file("word/document.xml")!.async("string");
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join(""),
  );
}

describe.each(drivers)("agreement documents on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await app.close();
  });

  /** An agreement of みどり市 (desk admin, desk staff, a department) with 株式会社みどり交通 (one member); an outsider. */
  async function world() {
    const city = await createOrganization(app.runtime.db, { kind: "municipality", name: "みどり市" });
    const partner = await createOrganization(app.runtime.db, { kind: "company", name: "株式会社みどり交通" });
    const dept = await createDepartment(app.runtime.db, city.id);
    const { id, desk } = await buildAgreement(app.runtime, {
      municipality: city,
      partnerIds: [partner.id],
      input: {
        title: "みどり市と株式会社みどり交通との地域交通に関する連携協定",
        purpose: "郊外に住む人の買い物と通院の足を確保する。",
        roles: "市は停留所の場所と広報を、会社は車両と運転手を用意する。",
        startsOn: "2027-04-01",
        endsOn: "2030-03-31",
        renewalRule: "automatic",
        renewalYears: 1,
        objectionDeadline: "2030-01-31",
        items: ITEMS.map((title, i) => ({
          title,
          field: ["mobility", "economy", "elderly"][i],
          departmentId: i === 0 ? dept.id : undefined,
        })),
      },
    });
    const staff = await createMember(app.runtime, { role: "desk_staff", organizationId: city.id });
    const department = await createMember(app.runtime, { role: "department_staff", organizationId: city.id });
    const company = await createMember(app.runtime, { role: "member", organizationId: partner.id });
    const outsider = await createMember(app.runtime, { role: "member" });
    return { city, partner, desk, staff, department, company, outsider, id };
  }

  const documentOf = (token: string, id: string, query = "") =>
    app.call(documentApi.loader, { path: `/api/v1/agreements/${id}/document.docx${query}`, token, params: { id } });
  const act = (token: string, id: string, action: string, json: unknown = {}) =>
    app.call(agreementApi.action, { path: `/api/v1/agreements/${id}/${action}`, method: "POST", token, json, params: { id, action } });
  const amend = (token: string, id: string, json: unknown) =>
    app.call(amendApi.action, { path: `/api/v1/agreements/${id}/amend`, method: "POST", token, json, params: { id } });
  const putTemplate = (token: string, json: unknown) =>
    app.call(templateApi.action, { path: "/api/v1/agreement-template", method: "PUT", token, json });
  const template = (preamble: string) => ({ ...defaultAgreementTemplate, preamble });

  it("generates the Word document of a draft from its current content, for the parties only", async () => {
    const w = await world();
    const res = await documentOf(w.company.token, w.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(DOCX);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent("協定書_みどり市と株式会社みどり交通との地域交通に関する連携協定.docx")}`,
    );
    const paragraphs = await docxParagraphs(res);
    expect(paragraphs[0]).toBe("みどり市と株式会社みどり交通との地域交通に関する連携協定書");
    expect(paragraphs).toContain("第1条（目的）");
    ITEMS.forEach((title, i) => expect(paragraphs).toContain(`(${i + 1})　${title}`));
    expect(paragraphs).toContain("みどり市");
    expect(paragraphs).toContain("株式会社みどり交通");
    expect(paragraphs.join("\n")).toContain("令和9年4月1日から令和12年3月31日まで");
    expect(paragraphs.join("\n")).toContain("令和12年1月31日までに");
    expect(paragraphs).toContain("令和　　年　　月　　日");
    expect(paragraphs.join("\n")).toContain("地域が抱える課題に共に取り組んで");

    for (const who of [w.desk, w.staff, w.department]) expect((await documentOf(who.token, w.id)).status).toBe(200);
    const outsider = await documentOf(w.outsider.token, w.id);
    expect(outsider.status).toBe(404);
    expect(outsider.headers.get("content-type")).toContain("application/problem+json");
    expect((await documentOf(w.company.token, randomUUID())).status).toBe(404);
    expect((await documentOf(w.company.token, "not-an-id")).status).toBe(404);
    // A draft has no versions yet.
    expect((await documentOf(w.company.token, w.id, "?version=1")).status).toBe(404);
    expect((await documentOf(w.company.token, w.id, "?version=abc")).status).toBe(422);
  });

  it("keeps a version at submission, at signing and at each amendment, each rendering as it was", async () => {
    const w = await world();
    // The desk admin words the preamble; the next document uses it.
    const first = template("{当事者}は、第一の前文により{協定名}を結ぶ。");
    const saved = await putTemplate(w.desk.token, first);
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect(await saved.json()).toMatchObject({ preamble: first.preamble, updatedAt: expect.any(String) });
    const draft = await docxParagraphs(await documentOf(w.company.token, w.id));
    expect(draft).toContain(
      "みどり市（以下「甲」という。）及び株式会社みどり交通（以下「乙」という。）は、第一の前文によりみどり市と株式会社みどり交通との地域交通に関する連携協定を結ぶ。",
    );

    // Amending a draft is not a thing: it is edited instead.
    expect((await amend(w.desk.token, w.id, { reason: "早すぎる" })).status).toBe(409);

    expect((await act(w.desk.token, w.id, "submit-for-approval")).status).toBe(200);
    const inApproval = await (
      await app.call(agreementApi.loader, { path: `/api/v1/agreements/${w.id}`, token: w.desk.token, params: { id: w.id } })
    ).json();
    expect(inApproval.documentVersions.map((v: { version: number }) => v.version)).toEqual([1]);
    for (const step of inApproval.approvals as { id: string }[]) {
      const res = await act(w.desk.token, w.id, "approvals", {
        stepId: step.id,
        decision: "approved",
        approverName: "決裁者",
        decidedOn: "2027-03-01",
      });
      expect(res.status).toBe(200);
    }
    expect((await act(w.desk.token, w.id, "sign", { signedOn: "2027-03-25" })).status).toBe(200);

    // A later wording does not touch the recorded versions …
    const second = template("{当事者}は、第二の前文により協定を結ぶ。");
    expect((await putTemplate(w.desk.token, second)).status).toBe(200);
    const latest = await docxParagraphs(await documentOf(w.company.token, w.id));
    expect(latest.join("\n")).toContain("第一の前文");
    expect(latest).toContain("令和9年3月25日");

    // … until an amendment records a new version. Only the owning desk amends.
    expect((await amend(w.company.token, w.id, { reason: "会社から" })).status).toBe(403);
    expect((await amend(w.department.token, w.id, { reason: "担当課から" })).status).toBe(403);
    expect((await amend(w.outsider.token, w.id, { reason: "部外者から" })).status).toBe(404);
    expect((await amend(w.desk.token, w.id, { reason: "" })).status).toBe(422);
    const amended = await amend(w.staff.token, w.id, { reason: "前文の文言を改めた" });
    expect(amended.status, await amended.clone().text()).toBe(200);
    const detail = await amended.json();
    expect(detail.documentVersions.map((v: { version: number; reason: string }) => [v.version, v.reason])).toEqual([
      [1, "決裁に回した時点の内容"],
      [2, "締結時の内容"],
      [3, "前文の文言を改めた"],
    ]);
    expect(detail.documentVersions[2].createdByName).toEqual(expect.any(String));
    expect(detail.can).toMatchObject({ amend: true, editTemplate: false });

    const v1 = await docxParagraphs(await documentOf(w.company.token, w.id, "?version=1"));
    expect(v1.join("\n")).toContain("第一の前文");
    expect(v1).toContain("令和　　年　　月　　日");
    expect(v1).not.toContain("令和9年3月25日");
    const v2 = await docxParagraphs(await documentOf(w.company.token, w.id, "?version=2"));
    expect(v2.join("\n")).toContain("第一の前文");
    expect(v2).toContain("令和9年3月25日");
    const v3res = await documentOf(w.company.token, w.id, "?version=3");
    expect(v3res.headers.get("content-disposition")).toContain(encodeURIComponent("_第3版.docx"));
    const current = await docxParagraphs(await documentOf(w.company.token, w.id));
    for (const doc of [await docxParagraphs(v3res), current]) {
      expect(doc.join("\n")).toContain("第二の前文");
      expect(doc.join("\n")).not.toContain("第一の前文");
      expect(doc).toContain("令和9年3月25日");
      ITEMS.forEach((title, i) => expect(doc).toContain(`(${i + 1})　${title}`));
      expect(doc).toContain("みどり市");
      expect(doc).toContain("株式会社みどり交通");
    }
    expect((await documentOf(w.company.token, w.id, "?version=4")).status).toBe(404);
    expect((await documentOf(w.outsider.token, w.id, "?version=1")).status).toBe(404);

    // Amending again with nothing changed is a new version; the old ones stay.
    expect((await amend(w.desk.token, w.id, { reason: "再確認" })).status).toBe(200);
    expect((await docxParagraphs(await documentOf(w.company.token, w.id, "?version=1"))).join("\n")).toContain("第一の前文");

    const audit = await auditRows(app.runtime.db, { targetId: w.id, action: "agreement.amend" });
    expect(audit.map((a) => (a.after as { version: number }).version)).toEqual([3, 4]);
  });

  it("lets the desk admin word the template; everyone else may not", async () => {
    const w = await world();
    const get = (token: string) => app.call(templateApi.loader, { path: "/api/v1/agreement-template", token });
    expect(await (await get(w.staff.token)).json()).toEqual({ ...defaultAgreementTemplate, updatedAt: null });
    expect((await get(w.company.token)).status).toBe(403);
    expect((await get(w.department.token)).status).toBe(403);

    const wording = template("{当事者}は、職員が読んで分かる言葉で協定を結ぶ。");
    for (const who of [w.staff, w.department, w.company]) expect((await putTemplate(who.token, wording)).status).toBe(403);
    const bad = await putTemplate(w.desk.token, {
      preamble: "",
      amendmentClause: "{市長名}が決める。",
      disputeClause: defaultAgreementTemplate.disputeClause,
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors.map((e: { path: string }) => e.path).sort()).toEqual(["amendmentClause", "preamble"]);

    expect((await putTemplate(w.desk.token, wording)).status).toBe(200);
    expect((await (await get(w.staff.token)).json()).preamble).toBe(wording.preamble);
    expect((await docxParagraphs(await documentOf(w.company.token, w.id))).join("\n")).toContain("職員が読んで分かる言葉で");
    const [entry] = await auditRows(app.runtime.db, { action: "agreementTemplate.update", targetId: w.city.id });
    expect(entry).toMatchObject({ organizationId: w.city.id, after: wording });

    // Another municipality's documents keep the standard wording.
    const other = await createMember(app.runtime, { role: "desk_admin" });
    expect((await get(other.token)).status).toBe(200);
    expect((await (await get(other.token)).json()).updatedAt).toBeNull();
  });

  it("serves the document to signed-in parties on /agreements/:id/document.docx", async () => {
    const w = await world();
    const open = async (email: string) => {
      const context = new RouterContextProvider();
      context.set(runtimeContext, app.runtime);
      context.set(requestIdContext, randomUUID());
      const request = new Request(new URL(`/agreements/${w.id}/document.docx`, app.runtime.config.baseUrl), {
        headers: { cookie: await signInCookie(app.runtime, email) },
      });
      try {
        return (await documentPage.loader({ request, params: { id: w.id }, context } as never)) as Response;
      } catch (thrown) {
        const init = (thrown as { init?: ResponseInit }).init;
        return new Response(null, { status: init?.status ?? 500 });
      }
    };
    const res = await open(w.company.email);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(DOCX);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(await docxParagraphs(res)).toContain(`(1)　${ITEMS[0]}`);
    expect((await open(w.outsider.email)).status).toBe(404);
  });
});
