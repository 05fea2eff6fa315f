import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { createMember, createOrganization } from "~/test/factories";
import * as chainApi from "./approval-chain";
import * as agreementsApi from "./agreements";
import * as agreementApi from "./agreement";

const drivers = await testDrivers();

describe.each(drivers)("approval chain on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await app.close();
  });

  const put = (token: string, json: unknown) => app.call(chainApi.action, { path: "/api/v1/approval-chain", method: "PUT", token, json });
  const get = (token?: string) => app.call(chainApi.loader, { path: "/api/v1/approval-chain", token });

  async function submitted(deskToken: string, partnerId: string, includeSteps?: string[]) {
    const created = await (
      await app.call(agreementsApi.action, {
        path: "/api/v1/agreements",
        method: "POST",
        token: deskToken,
        json: { title: `協定${Math.random()}`, method: "comprehensive", partnerIds: [partnerId], purpose: "目的" },
      })
    ).json();
    const res = await app.call(agreementApi.action, {
      path: `/api/v1/agreements/${created.id}/submit-for-approval`,
      method: "POST",
      token: deskToken,
      json: includeSteps ? { includeSteps } : {},
      params: { id: created.id, action: "submit-for-approval" },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { approvals: { label: string; side: string }[]; optionalApprovalSteps: string[] };
  }

  it("starts from the standard chain, and each agreement takes the optional steps it needs", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const partner = await createOrganization(app.runtime.db, { kind: "company" });
    expect(await (await get(desk.token)).json()).toEqual({
      steps: [
        { label: "担当課長", optional: false },
        { label: "担当部長", optional: false },
        { label: "副市長", optional: false },
        { label: "市長", optional: false },
        { label: "議会への報告", optional: true },
      ],
      isDefault: true,
      editable: true,
    });
    const plain = await submitted(desk.token, partner.id);
    expect(plain.approvals.map((a) => a.label)).toEqual(["担当課長", "担当部長", "副市長", "市長", "社内決裁（法務確認・取締役会等）"]);
    const withCouncil = await submitted(desk.token, partner.id, ["議会への報告", "存在しない手続き"]);
    expect(withCouncil.approvals.map((a) => a.label)).toEqual([
      "担当課長",
      "担当部長",
      "副市長",
      "市長",
      "議会への報告",
      "社内決裁（法務確認・取締役会等）",
    ]);
  });

  it("lets the desk admin set the municipality's own chain; agreements in approval keep theirs", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const staff = await createMember(app.runtime, { role: "desk_staff", organizationId: desk.organizationId });
    const partner = await createOrganization(app.runtime.db, { kind: "company" });
    const before = await submitted(desk.token, partner.id);
    const res = await put(desk.token, { steps: [{ label: "企画課長" }, { label: "議会への報告", optional: true }, { label: "市長" }] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      isDefault: false,
      steps: [
        { label: "企画課長", optional: false },
        { label: "議会への報告", optional: true },
        { label: "市長", optional: false },
      ],
    });
    const after = await submitted(desk.token, partner.id, ["議会への報告"]);
    expect(after.approvals.map((a) => a.label)).toEqual(["企画課長", "議会への報告", "市長", "社内決裁（法務確認・取締役会等）"]);
    const reread = await (
      await app.call(agreementApi.loader, {
        path: `/api/v1/agreements/x`,
        token: desk.token,
        params: { id: (before as unknown as { id: string }).id },
      })
    ).json();
    expect(reread.approvals.map((a: { label: string }) => a.label)).toEqual([
      "担当課長",
      "担当部長",
      "副市長",
      "市長",
      "社内決裁（法務確認・取締役会等）",
    ]);
    // Desk staff read it; only the desk admin changes it.
    expect((await get(staff.token)).status).toBe(200);
    expect((await put(staff.token, { steps: [{ label: "課長" }] })).status).toBe(403);
  });

  it("answers a bad chain with 422 and Japanese messages", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    for (const [steps, message] of [
      [[], "手続きを1つ以上入れてください。"],
      [[{ label: "課長" }, { label: "課長" }], "同じ名前の手続きが2つあります。"],
      [[{ label: "議会への報告", optional: true }], "必ず行う手続きを1つ以上入れてください。"],
      [[{ label: "" }], "入力してください。"],
    ] as const) {
      const res = await put(desk.token, { steps });
      expect(res.status).toBe(422);
      expect((await res.json()).errors.map((e: { message: string }) => e.message)).toContain(message);
    }
    expect((await get()).status).toBe(401);
    const company = await createMember(app.runtime, { role: "member" });
    expect((await get(company.token)).status).toBe(403);
  });
});
