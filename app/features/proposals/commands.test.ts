// The proposal workflow on a real database (PGlite, and PostgreSQL when
// TEST_DATABASE_URL answers). Every scope comes from the gate: a bearer token
// → identify() → requireScopeFrom(), with a fresh request id per command.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { translate } from "~/lib/i18n";
import type { ScopedContext } from "~/lib/tenancy";
import { closeTheme } from "~/features/themes/commands.server";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { buildProposal, buildTheme, createDepartment, createMember, createOrganization, type Member } from "~/test/factories";
import { acceptBeforeDialogue, appErrorOf, auditRows, contextOf, fieldPaths, notificationRows, publicContextOf } from "~/test/helpers";
import { pdfFile, validProposal } from "~/test/api-inputs";
import {
  addActionItem,
  completeActionItem,
  createProposal,
  postMessage,
  setPublicationConsent,
  shareProposal,
  submitProposal,
  deleteDraft,
  transitionProposal,
  updateDraft,
  updateRoleMatrix,
} from "./commands.server";
import { getProposal, listMessages, listProposals, listPublishedProposals, proposalAccessLog } from "./data.server";
import { getRoleMatrix } from "./data.internal.server";
import type { TransitionName } from "./policy";
import { proposalListInput, type ProposalStatus } from "./schema";
import { proposals } from "./tables";

const drivers = await testDrivers();

/** Everything submitting needs, 三方よし included. */
const complete = {
  title: "空き店舗を使った子ども食堂の運営",
  summary: "商店街の空き店舗で週2回、子ども食堂を開く。",
  plan: "食材は地元農家と連携し、運営は当社社員のボランティアが担う。",
  benefitCitizens: "子どもが安心して夕食をとれる居場所ができる。",
  benefitPartner: "地域貢献活動として社員の参加機会が増える。",
  benefitMunicipality: "こども家庭センターの支援につながる接点が増える。",
  fields: ["childcare", "community"],
  method: "project",
  contactName: "連携 一郎",
  contactEmail: "renkei@example.jp",
};

const theme = {
  title: "子どもの居場所をつくりたい",
  background: "放課後に一人で過ごす子どもが増えています。",
  goal: "地域の空き店舗を居場所にしたい。",
  fields: ["childcare"],
  deadline: "2099-03-31",
};

describe.each(drivers)("proposal commands on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await app.close();
  });

  /** A context for one command, minted by the gate, with its own request id. */
  const as = (who: Member): Promise<ScopedContext> => contextOf(app.runtime, who);

  /** A municipality with its desk and two departments, a proposer company (two people), and a department elsewhere. */
  async function town() {
    const db = app.runtime.db;
    const municipality = await createOrganization(db, { kind: "municipality", name: "テスト市" });
    const departmentA = await createOrganization(db, { kind: "department", name: "こども家庭センター", parentId: municipality.id });
    const departmentB = await createOrganization(db, { kind: "department", name: "環境対策課", parentId: municipality.id });
    const desk = await createMember(app.runtime, { role: "desk_admin", organizationId: municipality.id });
    const deskStaff = await createMember(app.runtime, { role: "desk_staff", organizationId: municipality.id });
    const staffA = await createMember(app.runtime, {
      role: "department_staff",
      organizationId: municipality.id,
      departmentId: departmentA.id,
    });
    const staffB = await createMember(app.runtime, {
      role: "department_staff",
      organizationId: municipality.id,
      departmentId: departmentB.id,
    });
    const company = await createOrganization(db, { kind: "company", name: "株式会社れんけい" });
    const proposer = await createMember(app.runtime, { role: "member", organizationId: company.id });
    const colleague = await createMember(app.runtime, { role: "member", organizationId: company.id });
    const elsewhere = await createDepartment(db);
    return {
      municipality,
      code: municipality.localGovCode!,
      departmentA,
      departmentB,
      desk,
      deskStaff,
      staffA,
      staffB,
      company,
      proposer,
      colleague,
      elsewhere,
    };
  }
  type Town = Awaited<ReturnType<typeof town>>;

  /** What a submission needs beyond a title and a method: the fields an empty draft lacks, in path order. */
  const contentToSubmit = [
    "benefitCitizens",
    "benefitMunicipality",
    "benefitPartner",
    "contactEmail",
    "contactName",
    "fields",
    "plan",
    "summary",
  ];

  async function draft(t: Town, over: Record<string, unknown> = {}) {
    return (await buildProposal(app.runtime, { proposer: t.proposer, desk: t.desk, input: { ...complete, ...over } })).id;
  }

  async function move(who: Member, id: string, name: TransitionName, input: unknown = {}) {
    return transitionProposal(await as(who), id, name, input);
  }

  /** Submitted, screened and shared with department A (and taken on to `status`). */
  async function screened(t: Town, over: Record<string, unknown> = {}, status: ProposalStatus = "screening") {
    return (
      await buildProposal(app.runtime, {
        proposer: t.proposer,
        desk: t.desk,
        status,
        sharedWith: [t.departmentA.id],
        input: { ...complete, ...over },
      })
    ).id;
  }

  /** Notifications a user received that the proposal entered `status`. */
  const statusNotices = async (who: Member, id: string, status: ProposalStatus) =>
    (await notificationRows(app.runtime.db, who.userId)).filter(
      (n) =>
        n.kind === "proposal" &&
        n.link === `/proposals/${id}` &&
        n.title.startsWith("提案の状態が変わりました") &&
        n.body.includes(`「${translate("ja", `proposals.status.${status}`)}」`),
    );
  const noticesAbout = async (who: Member, id: string) =>
    (await notificationRows(app.runtime.db, who.userId)).filter((n) => n.link === `/proposals/${id}`);

  describe("createProposal", () => {
    it("creates a free proposal to a municipality on the platform by its 団体コード", async () => {
      const t = await town();
      const ctx = await as(t.proposer);
      const { id, created } = await createProposal(ctx, { municipalityCode: t.code, title: "下書き" });
      expect(created).toBe(true);
      const p = await getProposal(ctx, id);
      expect(p).toMatchObject({
        kind: "free",
        status: "draft",
        municipalityId: t.municipality.id,
        localGovCode: t.code,
        proposerOrgId: t.company.id,
        themeId: null,
      });
      expect((await auditRows(app.runtime.db, { requestId: ctx.requestId })).map((a) => [a.action, a.targetId])).toEqual([
        ["proposal.create", id],
      ]);
    });

    it("refuses a municipality that is not on the platform, or a malformed code, on municipalityCode", async () => {
      const t = await town();
      const ctx = await as(t.proposer);
      // 千代田区: a real 団体コード, but nobody registered it here.
      const notHere = await appErrorOf(createProposal(ctx, { municipalityCode: "131016", title: "下書き" }));
      expect(notHere.code).toBe("validation");
      expect(notHere.fieldErrors).toEqual([
        expect.objectContaining({ path: "municipalityCode", message: "validation.municipalityNotOnPlatform" }),
      ]);
      expect(fieldPaths(await appErrorOf(createProposal(ctx, { municipalityCode: "12345", title: "下書き" })))).toEqual([
        "municipalityCode",
      ]);
      expect(fieldPaths(await appErrorOf(createProposal(ctx, { title: "宛先なし" })))).toEqual(["municipalityCode"]);
      // Nothing was created.
      expect((await listProposals(ctx, proposalListInput.parse({}))).total).toBe(0);
    });

    it("reports every error of a submitted form at once: format, what is missing and where it goes (issue 20)", async () => {
      const t = await town();
      const ctx = await as(t.proposer);
      // Empty: the municipality and every required field, in one answer.
      const empty = await appErrorOf(createProposal(ctx, {}, [], { complete: true }));
      expect(fieldPaths(empty)).toEqual([...contentToSubmit, "method", "municipalityCode", "title"].sort());
      // A wrong check digit says so, beside a malformed address and the missing fields.
      const wrongDigit = await appErrorOf(
        createProposal(ctx, { municipalityCode: "131017", title: "x", contactEmail: "not-an-address" }, [], { complete: true }),
      );
      expect(wrongDigit.fieldErrors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: "municipalityCode", message: "validation.localGovCode.checkDigit" }),
          expect.objectContaining({ path: "contactEmail" }),
          expect.objectContaining({ path: "summary" }),
        ]),
      );
      // One message per field, however many checks found it.
      expect(fieldPaths(wrongDigit)).toHaveLength(wrongDigit.fieldErrors.length);
      // A real code of a municipality that is not on the platform, with the rest.
      const notHere = await appErrorOf(
        createProposal(ctx, { ...validProposal, municipalityCode: "131016", summary: "" }, [], { complete: true }),
      );
      expect(notHere.fieldErrors).toEqual([
        expect.objectContaining({ path: "summary" }),
        expect.objectContaining({ path: "municipalityCode", message: "validation.municipalityNotOnPlatform" }),
      ]);
      expect((await listProposals(ctx, proposalListInput.parse({}))).total).toBe(0);
    });

    it("lets the proposer delete a draft with its files, and nobody else, and nothing once submitted", async () => {
      const t = await town();
      const ctx = await as(t.proposer);
      const { id } = await createProposal(ctx, { municipalityCode: t.code, title: "やめた案" }, [pdfFile()]);
      const other = await createMember(app.runtime, { role: "member" });
      expect((await appErrorOf(deleteDraft(await as(other), id))).code).toBe("not_found");
      await deleteDraft(ctx, id);
      expect((await appErrorOf(getProposal(ctx, id))).code).toBe("not_found");
      const audit = await auditRows(app.runtime.db, { requestId: ctx.requestId, targetId: id });
      expect(audit.map((a) => a.action).sort()).toEqual(["attachment.delete", "attachment.upload", "proposal.create", "proposal.delete"]);
      expect(audit.find((a) => a.action === "proposal.delete")?.before).toMatchObject({ title: "やめた案", status: "draft" });
      // Submitted, it belongs to the desk's record: withdraw instead.
      const sent = await draft(t);
      await submitProposal(ctx, sent);
      expect((await appErrorOf(deleteDraft(ctx, sent))).code).toBe("conflict");
      expect((await appErrorOf(deleteDraft(await as(t.desk), sent))).code).toBe("forbidden");
    });

    it("lets only partners propose", async () => {
      const t = await town();
      for (const who of [t.desk, t.deskStaff, t.staffA]) {
        expect((await appErrorOf(createProposal(await as(who), { municipalityCode: t.code, title: "x" }))).code).toBe("forbidden");
      }
    });

    it("proposes to a published theme call (taking its fields), never to a draft, closed or unknown one", async () => {
      const t = await town();
      const open = await buildTheme(app.runtime, { desk: t.desk, status: "published", input: theme });
      const draftTheme = await buildTheme(app.runtime, { desk: t.desk, input: theme });
      const closed = await buildTheme(app.runtime, { desk: t.desk, status: "closed", input: theme });

      const ctx = await as(t.proposer);
      const { id } = await createProposal(ctx, { themeId: open.id, title: "テーマへの提案" });
      expect(await getProposal(ctx, id)).toMatchObject({
        kind: "theme",
        themeId: open.id,
        themeTitle: theme.title,
        municipalityId: t.municipality.id,
        fields: ["childcare"],
      });
      for (const themeId of [draftTheme.id, closed.id, randomUUID()]) {
        const error = await appErrorOf(createProposal(await as(t.proposer), { themeId, title: "x" }));
        expect(error.fieldErrors).toEqual([expect.objectContaining({ path: "themeId", message: "validation.themeClosed" })]);
      }
      expect(fieldPaths(await appErrorOf(createProposal(await as(t.proposer), { themeId: "not-a-uuid", title: "x" })))).toEqual([
        "themeId",
      ]);

      // The call closes while the proposal is still a draft: it can no longer be sent.
      const late = await createProposal(await as(t.proposer), { ...complete, themeId: open.id });
      await closeTheme(await as(t.desk), open.id);
      expect(fieldPaths(await appErrorOf(submitProposal(await as(t.proposer), late.id)))).toEqual(["themeId"]);
    });

    it("answers the same clientToken with the same proposal, also when the requests race", async () => {
      const t = await town();
      const input = { municipalityCode: t.code, title: "二重送信", clientToken: "token-1" };
      const first = await createProposal(await as(t.proposer), input);
      const second = await createProposal(await as(t.proposer), input);
      expect(second).toEqual({ id: first.id, created: false });

      const raced = await Promise.all(
        [1, 2, 3].map(async () => createProposal(await as(t.proposer), { ...input, clientToken: "token-2" })),
      );
      expect(new Set(raced.map((r) => r.id)).size).toBe(1);
      expect(raced.filter((r) => r.created)).toHaveLength(1);

      // Submitting with a token twice: one proposal, sent once.
      const submits = await Promise.all(
        [1, 2].map(async () =>
          createProposal(await as(t.proposer), { ...complete, municipalityCode: t.code, clientToken: "token-3" }, [], { submit: true }),
        ),
      );
      expect(submits[0]!.id).toBe(submits[1]!.id);
      const sent = await getProposal(await as(t.proposer), submits[0]!.id);
      expect(sent.status).toBe("submitted");
      expect(sent.timeline.filter((e) => e.toStatus === "submitted")).toHaveLength(1);

      const rows = await app.runtime.db
        .select({ token: proposals.clientToken, n: count() })
        .from(proposals)
        .where(eq(proposals.proposerOrgId, t.company.id))
        .groupBy(proposals.clientToken);
      expect(Object.fromEntries(rows.map((r) => [r.token, r.n]))).toEqual({ "token-1": 1, "token-2": 1, "token-3": 1 });

      // Another company may use the same token for its own proposal.
      const other = await createMember(app.runtime, { role: "member" });
      const theirs = await createProposal(await as(other), input);
      expect(theirs.created).toBe(true);
      expect(theirs.id).not.toBe(first.id);
    });
  });

  describe("submitting", () => {
    it("names every missing part at once, each 三方よし benefit included", async () => {
      const t = await town();
      const id = await draft(t, {
        summary: "",
        plan: "",
        benefitCitizens: "",
        benefitPartner: "",
        benefitMunicipality: "",
        fields: [],
        contactName: "",
        contactEmail: "",
      });
      const error = await appErrorOf(submitProposal(await as(t.proposer), id));
      expect(error.code).toBe("validation");
      expect(fieldPaths(error)).toEqual(contentToSubmit);
      // Only the one benefit still missing is named once the others are written.
      await updateDraft(await as(t.proposer), id, { ...complete, benefitPartner: "" });
      expect(fieldPaths(await appErrorOf(submitProposal(await as(t.proposer), id)))).toEqual(["benefitPartner"]);
      expect((await getProposal(await as(t.proposer), id)).status).toBe("draft");
    });

    it("sends a draft once, however often it is submitted, and tells the desk", async () => {
      const t = await town();
      const id = await draft(t);
      const ctx = await as(t.proposer);
      expect(await submitProposal(ctx, id)).toBe("submitted");
      expect(await submitProposal(await as(t.proposer), id)).toBe("submitted");
      expect(await Promise.all([1, 2].map(async () => transitionProposal(await as(t.proposer), id, "submit")))).toEqual([
        "submitted",
        "submitted",
      ]);

      const p = await getProposal(await as(t.proposer), id);
      expect(p.timeline.map((e) => [e.fromStatus, e.toStatus])).toEqual([["draft", "submitted"]]);
      expect(p.submittedAt).not.toBeNull();
      expect(await auditRows(app.runtime.db, { action: "proposal.submit", targetId: id })).toEqual([
        expect.objectContaining({ requestId: ctx.requestId }),
      ]);
      for (const who of [t.desk, t.deskStaff])
        expect((await noticesAbout(who, id)).map((n) => n.title)).toEqual([`新しい提案: ${complete.title}`]);
      expect(await noticesAbout(t.proposer, id)).toEqual([]);
      // Submitted: no more edits.
      expect((await appErrorOf(updateDraft(await as(t.proposer), id, complete))).code).toBe("conflict");
    });
  });

  describe("transitions", () => {
    it("refuses transitions from the wrong status with 409 and from the wrong party with 403", async () => {
      const t = await town();
      const id = await draft(t);
      await submitProposal(await as(t.proposer), id);
      const conflicts: [Member, TransitionName][] = [
        [t.desk, "startDialogue"],
        [t.desk, "close"],
        [t.desk, "prepareAgreement"],
      ];
      for (const [who, name] of conflicts) expect((await appErrorOf(move(who, id, name))).code, name).toBe("conflict");
      expect((await appErrorOf(move(t.proposer, id, "accept"))).code).toBe("forbidden");
      expect((await appErrorOf(move(t.deskStaff, id, "withdraw"))).code).toBe("forbidden");
      expect((await appErrorOf(move(t.desk, id, "toString" as TransitionName))).code).toBe("not_found");

      await move(t.desk, id, "decline", { grounds: ["unsuitable"], reason: "今回は見送ります。" });
      for (const [who, name] of [
        [t.desk, "accept"],
        [t.desk, "decline"],
        [t.desk, "startScreening"],
        [t.proposer, "withdraw"],
      ] as [Member, TransitionName][]) {
        expect((await appErrorOf(move(who, id, name, { grounds: ["unsuitable"], reason: "再度" }))).code, name).toBe("conflict");
      }
      const p = await getProposal(await as(t.proposer), id);
      expect(p.status).toBe("declined");
      expect(p.can.transitions).toEqual([]);
    });

    it("declines only with at least one of the seven grounds and a reason, and shows both to the proposer", async () => {
      const t = await town();
      const id = await screened(t);
      const empty = await appErrorOf(move(t.desk, id, "decline", { grounds: [], reason: "  " }));
      expect(empty.code).toBe("validation");
      expect(fieldPaths(empty)).toEqual(["grounds", "reason"]);
      expect(fieldPaths(await appErrorOf(move(t.desk, id, "decline", { grounds: ["rude"], reason: "理由" })))).toEqual(["grounds.0"]);
      expect((await getProposal(await as(t.proposer), id)).status).toBe("screening");

      const reason = "特定の商品の宣伝が主な目的と判断しました。";
      const ctx = await as(t.deskStaff);
      expect(await transitionProposal(ctx, id, "decline", { grounds: ["advertising_only", "public_fairness"], reason })).toBe("declined");
      const p = await getProposal(await as(t.proposer), id);
      expect(p).toMatchObject({ status: "declined", declineGrounds: ["advertising_only", "public_fairness"], declineReason: reason });
      expect(p.decidedAt).not.toBeNull();
      expect(p.timeline.at(-1)).toMatchObject({
        fromStatus: "screening",
        toStatus: "declined",
        grounds: ["advertising_only", "public_fairness"],
        note: reason,
        actorUnit: "テスト市",
      });
      expect(await auditRows(app.runtime.db, { requestId: ctx.requestId })).toEqual([
        expect.objectContaining({
          action: "proposal.decline",
          targetId: id,
          organizationId: t.municipality.id,
          after: { status: "declined", note: reason, grounds: ["advertising_only", "public_fairness"] },
        }),
      ]);
      expect((await statusNotices(t.proposer, id, "declined")).map((n) => n.body)).toEqual([
        `提案「${complete.title}」が「${translate("ja", "proposals.status.declined")}」になりました。`,
      ]);
    });
  });

  describe("sharing", () => {
    it("shares only with departments of the same municipality, from screening on, by the desk", async () => {
      const t = await town();
      const id = await draft(t);
      await submitProposal(await as(t.proposer), id);
      expect((await appErrorOf(shareProposal(await as(t.desk), id, { departmentIds: [t.departmentA.id] }))).code).toBe("conflict");
      await move(t.desk, id, "startScreening");
      for (const departmentId of [t.elsewhere.id, t.municipality.id, t.company.id, randomUUID()]) {
        const error = await appErrorOf(shareProposal(await as(t.desk), id, { departmentIds: [departmentId] }));
        expect(error.fieldErrors, departmentId).toEqual([
          expect.objectContaining({ path: "departmentIds", message: "validation.invalidChoice" }),
        ]);
      }
      expect(fieldPaths(await appErrorOf(shareProposal(await as(t.desk), id, { departmentIds: [] })))).toEqual(["departmentIds"]);
      expect((await getProposal(await as(t.desk), id)).shares).toEqual([]);
      // Before sharing, the department does not know of it.
      expect((await appErrorOf(getProposal(await as(t.staffA), id))).code).toBe("not_found");
      expect((await appErrorOf(shareProposal(await as(t.proposer), id, { departmentIds: [t.departmentA.id] }))).code).toBe("forbidden");

      const ctx = await as(t.deskStaff);
      await shareProposal(ctx, id, { departmentIds: [t.departmentA.id] });
      await shareProposal(await as(t.desk), id, { departmentIds: [t.departmentA.id] });
      expect(await auditRows(app.runtime.db, { action: "proposal.share", targetId: id })).toEqual([
        expect.objectContaining({ requestId: ctx.requestId, organizationId: t.municipality.id }),
      ]);
      expect((await noticesAbout(t.staffA, id)).map((n) => n.title)).toEqual([`提案が共有されました: ${complete.title}`]);
      expect(await noticesAbout(t.staffB, id)).toEqual([]);

      const shared = await getProposal(await as(t.staffA), id);
      expect(shared.shares.map((s) => s.departmentName)).toEqual(["こども家庭センター"]);
      expect(shared.can).toMatchObject({ share: false, transitions: [], seeAccessLog: false, publication: false });
      expect((await listProposals(await as(t.staffA), proposalListInput.parse({}))).items.map((p) => p.id)).toEqual([id]);
      expect((await appErrorOf(getProposal(await as(t.staffB), id))).code).toBe("not_found");
      expect((await appErrorOf(listMessages(await as(t.staffB), id))).code).toBe("not_found");
      expect((await listProposals(await as(t.staffB), proposalListInput.parse({}))).total).toBe(0);
      expect((await appErrorOf(shareProposal(await as(t.staffA), id, { departmentIds: [t.departmentB.id] }))).code).toBe("forbidden");
    });

    it("keeps a draft from the desk, and every proposal from other municipalities and companies", async () => {
      const t = await town();
      const id = await draft(t);
      const otherDesk = await createMember(app.runtime, { role: "desk_admin" });
      const otherCompany = await createMember(app.runtime, { role: "member" });
      const platformAdmin = await createMember(app.runtime, { role: "platform_admin" });
      for (const who of [t.desk, t.staffA, otherDesk, otherCompany, platformAdmin]) {
        expect((await appErrorOf(getProposal(await as(who), id))).code).toBe("not_found");
      }
      expect((await listProposals(await as(t.desk), proposalListInput.parse({}))).total).toBe(0);
      // The proposer's colleague works on it too.
      expect((await getProposal(await as(t.colleague), id)).can.edit).toBe(true);
      await submitProposal(await as(t.proposer), id);
      expect((await getProposal(await as(t.desk), id)).status).toBe("submitted");
      for (const who of [otherDesk, otherCompany, platformAdmin]) {
        expect((await appErrorOf(getProposal(await as(who), id))).code).toBe("not_found");
        expect((await appErrorOf(move(who, id, "startScreening"))).code).toBe("not_found");
        expect((await listProposals(await as(who), proposalListInput.parse({}))).total).toBe(0);
      }
    });
  });

  describe("the access log", () => {
    it("records each visit by city staff and shows the proposer which units looked", async () => {
      const t = await town();
      const id = await screened(t);
      await getProposal(await as(t.desk), id);
      await getProposal(await as(t.deskStaff), id);
      await getProposal(await as(t.staffA), id);
      // Opening it again at once is the same visit; an hour later it is another.
      await getProposal(await as(t.staffA), id);
      await app.runtime.db.execute(sql`update proposal_views set viewed_at = viewed_at - interval '1 hour'`);
      await getProposal(await as(t.staffA), id);
      // The proposer's own views are not logged.
      await getProposal(await as(t.proposer), id);
      await getProposal(await as(t.colleague), id);

      const log = await proposalAccessLog(await as(t.proposer), id);
      const byUnit = Object.fromEntries(log.map((e) => [`${e.unit}/${e.role}`, e.views]));
      expect(byUnit).toEqual({ "テスト市/desk_admin": 1, "テスト市/desk_staff": 1, "テスト市 こども家庭センター/department_staff": 2 });
      expect(log.every((e) => !Number.isNaN(Date.parse(e.lastViewedAt)))).toBe(true);
      expect((await proposalAccessLog(await as(t.desk), id)).length).toBe(3);
      expect((await appErrorOf(proposalAccessLog(await as(t.staffA), id))).code).toBe("not_found");
      expect((await appErrorOf(proposalAccessLog(await as(t.staffB), id))).code).toBe("not_found");
    });
  });

  describe("the role matrix", () => {
    it("is changed by the desk admin only, per municipality, with an audit entry", async () => {
      const t = await town();
      const entries = [{ method: "project", stage: "coordination", desk: "lead", department: "as_needed" }];
      for (const who of [t.deskStaff, t.staffA, t.proposer])
        expect((await appErrorOf(updateRoleMatrix(await as(who), { entries }))).code).toBe("forbidden");
      expect(
        fieldPaths(await appErrorOf(updateRoleMatrix(await as(t.desk), { entries: [{ ...entries[0], department: "boss" }] }))),
      ).toEqual(["entries.0.department"]);
      const ctx = await as(t.desk);
      await updateRoleMatrix(ctx, { entries });
      const matrix = await getRoleMatrix(app.runtime.db, t.municipality.id);
      expect(matrix.project.coordination).toEqual({ desk: "lead", department: "as_needed" });
      expect(matrix.project.intake).toEqual({ desk: "lead", department: "involved" });
      expect(await auditRows(app.runtime.db, { requestId: ctx.requestId })).toEqual([
        expect.objectContaining({ action: "roleMatrix.update", organizationId: t.municipality.id }),
      ]);
      const otherDesk = await createMember(app.runtime, { role: "desk_admin" });
      expect((await getRoleMatrix(app.runtime.db, otherDesk.organizationId)).project.coordination).toEqual({
        desk: "involved",
        department: "lead",
      });
    });

    it("decides who hears of a status change: a comprehensive proposal's department is not involved at intake", async () => {
      const t = await town();
      const id = await screened(t, { method: "comprehensive" });
      expect((await getProposal(await as(t.staffA), id)).roles).toEqual({ stage: "intake", desk: "lead", department: "none" });
      await move(t.desk, id, "decline", { grounds: ["policy_conflict"], reason: "総合計画と整合しません。" });
      expect(await statusNotices(t.staffA, id, "declined")).toEqual([]);
      expect(await statusNotices(t.proposer, id, "declined")).toHaveLength(1);
      expect(await statusNotices(t.colleague, id, "declined")).toHaveLength(1);
      // The desk is the lead at intake; the actor is never notified of its own act.
      expect(await statusNotices(t.desk, id, "declined")).toEqual([]);
      expect(await statusNotices(t.deskStaff, id, "declined")).toHaveLength(1);
      expect(await statusNotices(t.staffB, id, "declined")).toEqual([]);

      // The same at intake for a project proposal: the department is involved (○) and hears of it.
      const project = await screened(t, { method: "project" });
      await move(t.desk, project, "decline", { grounds: ["policy_conflict"], reason: "総合計画と整合しません。" });
      expect(await statusNotices(t.staffA, project, "declined")).toHaveLength(1);
    });

    it("accepts into the dialogue in one step, and still starts the dialogue of a proposal accepted before that", async () => {
      const t = await town();
      const id = await screened(t);
      await move(t.desk, id, "accept");
      expect((await getProposal(await as(t.proposer), id)).status).toBe("in_dialogue");

      const legacy = await screened(t);
      await acceptBeforeDialogue(app.runtime.db, legacy);
      expect((await appErrorOf(move(t.desk, legacy, "accept"))).code).toBe("conflict");
      await move(t.desk, legacy, "startDialogue");
      expect((await getProposal(await as(t.proposer), legacy)).status).toBe("in_dialogue");
    });

    it("tells the shared department of a project proposal once it enters coordination, unless the desk changed the matrix", async () => {
      const t = await town();
      const id = await screened(t);
      await move(t.desk, id, "accept");
      expect(await statusNotices(t.staffA, id, "in_dialogue")).toHaveLength(1);
      expect(await statusNotices(t.staffB, id, "in_dialogue")).toEqual([]);
      expect((await getProposal(await as(t.staffA), id)).roles).toEqual({ stage: "coordination", desk: "involved", department: "lead" });

      await updateRoleMatrix(await as(t.desk), {
        entries: [{ method: "project", stage: "coordination", desk: "lead", department: "none" }],
      });
      const second = await screened(t);
      await move(t.desk, second, "accept");
      expect(await statusNotices(t.staffA, second, "in_dialogue")).toEqual([]);
      expect(await statusNotices(t.proposer, second, "in_dialogue")).toHaveLength(1);
    });
  });

  describe("the dialogue", () => {
    it("notifies everyone in the conversation except the author", async () => {
      const t = await town();
      const id = await screened(t, {}, "in_dialogue");
      const ctx = await as(t.proposer);
      await postMessage(ctx, id, { body: "打合せの候補日をお送りします。" });
      const messageNotices = async (who: Member) => (await noticesAbout(who, id)).filter((n) => n.title.startsWith("提案へのメッセージ"));
      for (const who of [t.desk, t.deskStaff, t.staffA, t.colleague]) expect(await messageNotices(who), who.email).toHaveLength(1);
      for (const who of [t.proposer, t.staffB]) expect(await messageNotices(who)).toEqual([]);
      expect(await auditRows(app.runtime.db, { requestId: ctx.requestId })).toEqual([
        expect.objectContaining({ action: "proposal.message", targetId: id }),
      ]);

      await postMessage(await as(t.staffA), id, {
        kind: "meeting",
        body: "第1回打合せ",
        meetingDate: "2026-05-12",
        attendees: "こども家庭センター、れんけい",
      });
      expect(await messageNotices(t.staffA)).toHaveLength(1);
      expect(await messageNotices(t.proposer)).toHaveLength(1);
      expect(fieldPaths(await appErrorOf(postMessage(await as(t.desk), id, { kind: "meeting", body: "日付なし" })))).toEqual([
        "meetingDate",
      ]);

      const thread = await listMessages(await as(t.proposer), id);
      expect(thread.map((m) => [m.kind, m.authorUnit])).toEqual([
        ["message", "株式会社れんけい"],
        ["meeting", "テスト市 こども家庭センター"],
      ]);

      const item = await addActionItem(await as(t.staffA), id, {
        title: "会場の下見",
        ownerName: "こども家庭センター",
        dueDate: "2026-05-20",
      });
      await completeActionItem(await as(t.proposer), id, item.id);
      expect((await appErrorOf(completeActionItem(await as(t.staffB), id, item.id))).code).toBe("not_found");

      // The thread closes with the proposal.
      await move(t.desk, id, "close");
      expect((await appErrorOf(postMessage(await as(t.proposer), id, { body: "まだ話せますか" }))).code).toBe("conflict");
    });
  });

  describe("races (issue 17)", () => {
    const ROUNDS = 5;
    const settle = async (calls: Promise<unknown>[]) =>
      (await Promise.allSettled(calls)).map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as { code?: string }).code));

    // Transitions update `WHERE status = <the status they checked>`: the loser changes nothing.
    it("lets one of two desk decisions win; the other gets 409 and no audit entry", async () => {
      const t = await town();
      for (let round = 0; round < ROUNDS; round++) {
        const id = await screened(t);
        const [a, b] = [await as(t.desk), await as(t.deskStaff)];
        const outcomes = await settle([
          transitionProposal(a, id, "accept", {}),
          transitionProposal(b, id, "decline", { grounds: ["advertising_only"], reason: "営業目的のため" }),
        ]);
        expect(outcomes.sort()).toEqual(["conflict", "ok"]);
        const entries = [
          ...(await auditRows(app.runtime.db, { requestId: a.requestId })),
          ...(await auditRows(app.runtime.db, { requestId: b.requestId })),
        ];
        expect(entries).toHaveLength(1);
      }
    });
  });

  describe("publication", () => {
    it("publishes a summary only when both the desk and the proposer agree", async () => {
      const t = await town();
      const id = await screened(t, {}, "in_dialogue");
      const published = async () => (await listPublishedProposals(publicContextOf(app.runtime), { localGovCode: t.code })).map((p) => p.id);

      expect(fieldPaths(await appErrorOf(setPublicationConsent(await as(t.desk), id, { agree: true })))).toEqual(["summary"]);
      await setPublicationConsent(await as(t.desk), id, { agree: true, summary: "空き店舗で子ども食堂を開きます。" });
      expect(await getProposal(await as(t.proposer), id)).toMatchObject({
        publishAgreedByDesk: true,
        publishAgreedByProposer: false,
        publicSummary: "空き店舗で子ども食堂を開きます。",
      });
      expect(await published()).toEqual([]);

      const ctx = await as(t.proposer);
      await setPublicationConsent(ctx, id, { agree: true });
      expect(await auditRows(app.runtime.db, { requestId: ctx.requestId })).toEqual([
        expect.objectContaining({ action: "proposal.publication", organizationId: t.company.id }),
      ]);
      expect(await published()).toEqual([id]);

      // A new summary needs the proposer's consent again.
      await setPublicationConsent(await as(t.desk), id, { agree: true, summary: "書き直した要約" });
      expect(await published()).toEqual([]);
      await setPublicationConsent(await as(t.proposer), id, { agree: true });
      expect((await listPublishedProposals(publicContextOf(app.runtime), { localGovCode: t.code }))[0]).toMatchObject({
        id,
        publicSummary: "書き直した要約",
      });
      // Either side may withdraw consent.
      await setPublicationConsent(await as(t.proposer), id, { agree: false });
      expect(await published()).toEqual([]);

      expect((await appErrorOf(setPublicationConsent(await as(t.staffA), id, { agree: true }))).code).toBe("forbidden");
      const unsent = await draft(t);
      expect((await appErrorOf(setPublicationConsent(await as(t.proposer), unsent, { agree: true }))).code).toBe("conflict");
    });
  });

  it("writes one audit entry with the request id for every change of the whole workflow", async () => {
    const t = await town();
    const steps: [string, Member, (ctx: ScopedContext, id: string) => Promise<unknown>][] = [
      ["proposal.update", t.proposer, (ctx, id) => updateDraft(ctx, id, { ...complete, resources: "社員10名" })],
      ["proposal.submit", t.proposer, (ctx, id) => submitProposal(ctx, id)],
      ["proposal.startScreening", t.deskStaff, (ctx, id) => transitionProposal(ctx, id, "startScreening")],
      ["proposal.share", t.desk, (ctx, id) => shareProposal(ctx, id, { departmentIds: [t.departmentA.id, t.departmentB.id] })],
      ["proposal.accept", t.desk, (ctx, id) => transitionProposal(ctx, id, "accept", { note: "前向きに検討します。" })],
      ["proposal.message", t.staffB, (ctx, id) => postMessage(ctx, id, { body: "環境面の条件を確認させてください。" })],
      ["proposal.actionItem", t.desk, (ctx, id) => addActionItem(ctx, id, { title: "協定案の作成", ownerName: "公民連携デスク" })],
      ["proposal.publication", t.desk, (ctx, id) => setPublicationConsent(ctx, id, { agree: true, summary: "公開用要約" })],
      ["proposal.prepareAgreement", t.desk, (ctx, id) => transitionProposal(ctx, id, "prepareAgreement")],
      ["proposal.close", t.desk, (ctx, id) => transitionProposal(ctx, id, "close", { note: "協定締結済み" })],
    ];
    const created = await as(t.proposer);
    const id = (await createProposal(created, { municipalityCode: t.code, title: "監査の確認" })).id;
    const seen = [await auditRows(app.runtime.db, { requestId: created.requestId })];
    for (const [action, who, run] of steps) {
      const ctx = await as(who);
      await run(ctx, id);
      const rows = await auditRows(app.runtime.db, { requestId: ctx.requestId });
      expect(
        rows.map((r) => [r.action, r.targetId, r.actorUserId]),
        action,
      ).toEqual([[action, id, who.userId]]);
      seen.push(rows);
    }
    expect(seen.flat()).toHaveLength(steps.length + 1);
    const p = await getProposal(await as(t.proposer), id);
    expect(p.timeline.map((e) => e.toStatus)).toEqual(["submitted", "screening", "in_dialogue", "agreement_preparation", "closed"]);
    expect(p.timeline.find((e) => e.toStatus === "in_dialogue")?.note).toBe("前向きに検討します。");
  });

  it("pages through the inbox without losing proposals that share a timestamp", async () => {
    const t = await town();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = await draft(t, { title: `同時刻の提案 ${i}` });
      await submitProposal(await as(t.proposer), id);
      ids.push(id);
    }
    // As a bulk import or one transaction would leave them: the same instant, to the microsecond.
    await app.runtime.db
      .update(proposals)
      .set({ submittedAt: sql`'2026-04-01 10:00:00.123456+09'::timestamptz` })
      .where(and(eq(proposals.proposerOrgId, t.company.id), eq(proposals.status, "submitted")));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listProposals(await as(t.desk), proposalListInput.parse({ limit: 2, cursor }));
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && seen.length < 20);
    expect(seen).toHaveLength(ids.length);
    expect([...seen].sort()).toEqual([...ids].sort());
    // Same instant: newest id first, as the index orders them.
    expect(seen).toEqual([...ids].sort().reverse());

    // A later one comes first; a cursor that is not ours is ignored.
    const later = await draft(t, { title: "後から届いた提案" });
    await submitProposal(await as(t.proposer), later);
    const first = await listProposals(await as(t.desk), proposalListInput.parse({ limit: 2 }));
    expect(first.items[0]!.id).toBe(later);
    expect(first.total).toBe(ids.length + 1);
    const forged = Buffer.from(JSON.stringify(["2026-04-01'; drop table proposals; --", ids[0]])).toString("base64url");
    expect((await listProposals(await as(t.desk), proposalListInput.parse({ limit: 2, cursor: forged }))).items.map((p) => p.id)).toEqual(
      first.items.map((p) => p.id),
    );
  });
});
