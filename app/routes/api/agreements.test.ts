import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { createDepartment, createMember } from "~/test/factories";
import * as agreementsApi from "./agreements";
import * as agreementApi from "./agreement";
import * as publicApi from "./public-agreements";
import * as proposalsApi from "./proposals";
import * as proposalApi from "./proposal";
import * as meApi from "./me";

const drivers = await testDrivers();

describe.each(drivers)("agreements API on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await app.close();
  });

  const post = (token: string, path: string, json: unknown, params: Record<string, string> = {}) =>
    app.call(path.split("/").length > 5 ? agreementApi.action : agreementsApi.action, { path, method: "POST", token, json, params });

  it("carries a proposal into an agreement, through approvals in order, to signing and the public register", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const company = await createMember(app.runtime, { role: "member" });
    const dept = await createDepartment(app.runtime.db, desk.organizationId);
    const me = await (await app.call(meApi.loader, { path: "/api/v1/me", token: desk.token })).json();
    const localGovCode: string = me.memberships[0].localGovCode;

    // The proposal reaches "agreement to prepare".
    const proposal = await (
      await app.call(proposalsApi.action, {
        path: "/api/v1/proposals",
        method: "POST",
        token: company.token,
        json: {
          municipalityCode: localGovCode,
          submit: true,
          title: "乗合交通の実証",
          summary: "郊外で乗合交通を試行する",
          plan: "1年間運行する",
          benefitCitizens: "買い物に行ける",
          benefitPartner: "実証できる",
          benefitMunicipality: "費用を抑えられる",
          fields: ["mobility"],
          method: "project",
          contactName: "担当",
          contactEmail: "contact@example.jp",
        },
      })
    ).json();
    // Shared with the department on the way: it carries the agreement's items.
    const steps: [string, unknown][] = [
      ["accept", {}],
      ["share", { departmentIds: [dept.id] }],
      ["prepare-agreement", {}],
    ];
    for (const [step, json] of steps) {
      const res = await app.call(proposalApi.action, {
        path: `/api/v1/proposals/${proposal.id}/${step}`,
        method: "POST",
        token: desk.token,
        json,
        params: { id: proposal.id, action: step },
      });
      expect(res.status, step).toBe(200);
    }

    const created = await app.call(agreementsApi.action, {
      path: "/api/v1/agreements",
      method: "POST",
      token: desk.token,
      json: { fromProposal: proposal.id },
    });
    expect(created.status).toBe(201);
    const agreement = await created.json();
    expect(agreement).toMatchObject({ status: "draft", proposalId: proposal.id, method: "project" });
    expect(agreement.parties.map((p: { organizationId: string }) => p.organizationId)).toEqual([
      desk.organizationId,
      company.organizationId,
    ]);
    expect(agreement.items).toEqual([expect.objectContaining({ field: "mobility", title: "乗合交通の実証", departmentId: dept.id })]);
    const again = await app.call(agreementsApi.action, {
      path: "/api/v1/agreements",
      method: "POST",
      token: desk.token,
      json: { fromProposal: proposal.id },
    });
    expect(again.status).toBe(409);

    // The company sees it; another company does not know it exists.
    const other = await createMember(app.runtime, { role: "member" });
    const get = (token: string) =>
      app.call(agreementApi.loader, { path: `/api/v1/agreements/${agreement.id}`, token, params: { id: agreement.id } });
    expect((await get(company.token)).status).toBe(200);
    expect((await get(other.token)).status).toBe(404);

    const act = (action: string, json: unknown = {}) =>
      app.call(agreementApi.action, {
        path: `/api/v1/agreements/${agreement.id}/${action}`,
        method: "POST",
        token: desk.token,
        json,
        params: { id: agreement.id, action },
      });
    const patched = await app.call(agreementApi.action, {
      path: `/api/v1/agreements/${agreement.id}`,
      method: "PATCH",
      token: desk.token,
      json: {
        startsOn: "2027-04-01",
        endsOn: "2030-03-31",
        items: [{ title: "乗合交通の実証", field: "mobility", departmentId: dept.id, horizon: "mid" }],
      },
      params: { id: agreement.id },
    });
    expect(patched.status).toBe(200);
    expect((await act("submit-for-approval")).status).toBe(200);
    const inApproval = await (await get(desk.token)).json();
    expect(inApproval.approvals.map((s: { label: string }) => s.label)).toEqual([
      "担当課長",
      "担当部長",
      "副市長",
      "市長",
      "社内決裁（法務確認・取締役会等）",
    ]);
    expect(inApproval.can.transitions).not.toContain("sign");
    expect((await act("sign", { signedOn: "2027-03-25" })).status).toBe(409);

    // Out of order is refused; in order, each step records approver and date.
    const [manager, director, deputy, mayor, partner] = inApproval.approvals as { id: string }[];
    const approve = (stepId: string, approverName: string) =>
      act("approvals", { stepId, decision: "approved", approverName, decidedOn: "2027-03-01" });
    expect((await approve(director!.id, "部長")).status).toBe(409);
    for (const [step, who] of [
      [manager!, "課長 山田"],
      [director!, "部長 佐藤"],
      [deputy!, "副市長 鈴木"],
      [mayor!, "市長 高橋"],
      [partner!, "代表取締役 田中"],
    ] as const) {
      expect((await approve(step.id, who)).status).toBe(200);
    }
    const bad = await act("sign", { signedOn: "2027-02-30" });
    expect(bad.status).toBe(422);
    const signed = await act("sign", { signedOn: "2027-03-25", publicSummary: "郊外の移動手段を確保するための協定", isPublic: true });
    expect(signed.status).toBe(200);
    expect(await signed.json()).toMatchObject({ status: "signed", signedOn: "2027-03-25" });

    const register = await (await app.call(publicApi.loader, { path: `/api/v1/agreements/public?municipality=${localGovCode}` })).json();
    expect(register.items.map((a: { id: string }) => a.id)).toEqual([agreement.id]);
    const publicView = await (
      await app.call(publicApi.loader, { path: `/api/v1/agreements/public/${agreement.id}`, params: { id: agreement.id } })
    ).json();
    expect(publicView).not.toHaveProperty("approvals");
    expect(publicView.publicSummary).toContain("移動手段");

    expect((await act("activate")).status).toBe(200);
    expect((await act("start-renewal-review")).status).toBe(200);
    const noEvaluation = await act("renew", {});
    expect(noEvaluation.status).toBe(422);
    expect((await noEvaluation.json()).errors).toEqual([{ path: "evaluation", message: "入力してください。" }]);
    // The renewed term runs on from the current end (2030-03-31).
    const backwards = await act("renew", { evaluation: "継続する。", endsOn: "2030-03-31" });
    expect(backwards.status).toBe(422);
    expect((await backwards.json()).errors).toEqual([
      { path: "endsOn", message: "更新後の終了日は、今の終了日より後の日付にしてください。" },
    ]);
    const renewed = await act("renew", { evaluation: "運行は継続、区域を1地区追加する。" });
    expect(renewed.status).toBe(200);
    // No end agreed: a term as long as the last one (three years) from the day after it ended.
    expect(await renewed.json()).toMatchObject({
      status: "renewed",
      startsOn: "2027-04-01",
      endsOn: "2033-03-31",
      evaluation: "運行は継続、区域を1地区追加する。",
    });
    const final = await (await get(company.token)).json();
    expect(final.timeline.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      "draft",
      "internal_approval",
      "signed",
      "active",
      "renewal_review",
      "renewed",
    ]);
    expect(final.documentVersions.map((v: { reason: string }) => v.reason)).toEqual([
      "決裁に回した時点の内容",
      "締結時の内容",
      "更新時の内容",
    ]);

    // Renewed again, for the term the parties agreed.
    expect((await act("start-renewal-review")).status).toBe(200);
    expect(await (await act("renew", { evaluation: "区域を広げて続ける。", endsOn: "2035-03-31" })).json()).toMatchObject({
      status: "renewed",
      endsOn: "2035-03-31",
    });
  });

  it("validates the register form with Japanese field errors", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const res = await post(desk.token, "/api/v1/agreements", {
      title: "",
      method: "nope",
      partnerIds: [],
      purpose: "",
      startsOn: "2027-04-01",
      endsOn: "2026-03-31",
      renewalRule: "automatic",
    });
    expect(res.status).toBe(422);
    const paths = (await res.json()).errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(expect.arrayContaining(["method", "partnerIds", "purpose", "title"]));
    const company = await createMember(app.runtime);
    const denied = await post(company.token, "/api/v1/agreements", {
      title: "x",
      method: "other",
      partnerIds: [desk.organizationId],
      purpose: "y",
    });
    expect(denied.status).toBe(403);
  });
});

describe.each(drivers)("agreement contacts and handovers on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await app.close();
  });

  it("flags a missing secondary contact, lets each side name its own, and records a handover", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const company = await createMember(app.runtime, { role: "member" });
    const outsider = await createMember(app.runtime, { role: "member" });
    const created = await (
      await app.call(agreementsApi.action, {
        path: "/api/v1/agreements",
        method: "POST",
        token: desk.token,
        json: { title: "見守り協定", method: "other", partnerIds: [company.organizationId], purpose: "見守り" },
      })
    ).json();
    const id: string = created.id;
    expect(created.missingSecondaryParties).toHaveLength(2);
    const act = (token: string, action: string, json: unknown) =>
      app.call(agreementApi.action, { path: `/api/v1/agreements/${id}/${action}`, method: "POST", token, json, params: { id, action } });

    for (const [org, rank, name] of [
      [desk.organizationId, "primary", "市 正"],
      [desk.organizationId, "secondary", "市 副"],
      [company.organizationId, "primary", "社 正"],
    ] as const) {
      expect((await act(desk.token, "contacts", { organizationId: org, rank, personName: name })).status).toBe(200);
    }
    // The partner names its own secondary, but not the city's.
    expect(
      (await act(company.token, "contacts", { organizationId: desk.organizationId, rank: "secondary", personName: "乗っ取り" })).status,
    ).toBe(403);
    const named = await act(company.token, "contacts", {
      organizationId: company.organizationId,
      rank: "secondary",
      personName: "社 副",
      email: "vice@example.jp",
    });
    expect(named.status).toBe(200);
    const afterNaming = await named.json();
    expect(afterNaming.missingSecondaryParties).toEqual([]);
    expect(afterNaming.contacts.map((c: { personName: string }) => c.personName)).toEqual(["市 正", "市 副", "社 正", "社 副"]);
    expect(
      (await act(outsider.token, "contacts", { organizationId: outsider.organizationId, rank: "primary", personName: "x" })).status,
    ).toBe(404);

    const leaving = afterNaming.contacts.find((c: { personName: string }) => c.personName === "社 正");
    const invalid = await act(company.token, "handovers", { contactId: leaving.id, personName: "", notes: "" });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).errors.map((e: { path: string }) => e.path).sort()).toEqual(["notes", "personName"]);
    const handed = await act(company.token, "handovers", {
      contactId: leaving.id,
      personName: "社 新正",
      notes: "進行中の実証の資料を共有済み",
      openItems: "次回会議の日程調整",
      meetingOn: "2027-04-10",
    });
    expect(handed.status).toBe(200);
    const after = await handed.json();
    expect(after.contacts.map((c: { personName: string }) => c.personName)).toContain("社 新正");
    expect(after.contacts.map((c: { personName: string }) => c.personName)).not.toContain("社 正");
    expect(after.handovers).toEqual([expect.objectContaining({ fromName: "社 正", toName: "社 新正", meetingOn: "2027-04-10" })]);
    const list = await (await app.call(agreementsApi.loader, { path: "/api/v1/agreements", token: desk.token })).json();
    expect(list.items[0].missingSecondary).toBe(false);
  });
});
