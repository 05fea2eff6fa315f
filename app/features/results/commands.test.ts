// Projects, plans, KPIs and figures on a real database (PGlite, and PostgreSQL
// when TEST_DATABASE_URL answers): who may start and run a project, the SMART
// refusals field by field, figures replaced per period, the audit trail, and
// what the agreement's page reads back.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ScopedContext } from "~/lib/tenancy";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { validKpi } from "~/test/api-inputs";
import { buildAgreement, createDepartment, createMember, type Member } from "~/test/factories";
import { appErrorOf, auditRows, contextOf } from "~/test/helpers";
import { createProject, saveProjectPlan, updateProject } from "./projects/commands.server";
import { getProject, listAgreementProjects } from "./projects/data.server";
import { createKpi, recordMeasurement, updateKpi } from "./kpis/commands.server";
import { getKpi } from "./kpis/data.server";

const drivers = await testDrivers();
const TODAY = "2026-12-06";

describe.each(drivers)("results commands on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await app.close();
  });

  const as = (who: Member): Promise<ScopedContext> => contextOf(app.runtime, who);

  /**
   * An active agreement of a desk with a company: two items, the first carried
   * by the transport department, the second by the welfare department (each
   * with a member), a partner member and an outsider.
   */
  async function world(status: "active" | "draft" = "active") {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const transport = await createDepartment(app.runtime.db, desk.organizationId);
    const welfare = await createDepartment(app.runtime.db, desk.organizationId);
    const agreement = await buildAgreement(app.runtime, {
      desk,
      status,
      input: {
        items: [
          { title: "移動支援", field: "mobility", departmentId: transport.id },
          { title: "見守り", field: "elderly", departmentId: welfare.id },
        ],
      },
    });
    const transportStaff = await createMember(app.runtime, {
      role: "department_staff",
      organizationId: desk.organizationId,
      departmentId: transport.id,
    });
    const welfareStaff = await createMember(app.runtime, {
      role: "department_staff",
      organizationId: desk.organizationId,
      departmentId: welfare.id,
    });
    const partner = await createMember(app.runtime, { role: "member", organizationId: agreement.partnerIds[0] });
    const outsider = await createMember(app.runtime, { role: "member" });
    const { items } = await listAgreementProjects(await as(desk), agreement.id);
    return { desk, transport, welfare, transportStaff, welfareStaff, partner, outsider, agreement, items };
  }

  it("lets the desk, or a department under its own items, start a project; the item shows it, others read or get 404", async () => {
    const w = await world();
    const before = await listAgreementProjects(await as(w.partner), w.agreement.id);
    expect(before.items.map((i) => i.projectIds)).toEqual([[], []]);
    expect(before.can.create).toBe(false);

    const input = {
      title: "乗合タクシーの実証運行",
      itemIds: [w.items[0]!.id],
      leadDepartmentId: w.transport.id,
      partnerOrgId: w.agreement.partnerIds[0],
    };
    // The welfare department may not take the transport department's item.
    expect((await appErrorOf(createProject(await as(w.welfareStaff), w.agreement.id, input))).fieldErrors).toEqual([
      { path: "itemIds", message: "validation.invalidChoice" },
    ]);
    expect((await appErrorOf(createProject(await as(w.partner), w.agreement.id, input))).code).toBe("forbidden");
    expect((await appErrorOf(createProject(await as(w.outsider), w.agreement.id, input))).code).toBe("not_found");

    const { id } = await createProject(await as(w.transportStaff), w.agreement.id, input);
    const after = await listAgreementProjects(await as(w.partner), w.agreement.id);
    expect(after.items.map((i) => i.projectIds)).toEqual([[id], []]);
    expect(after.projects[0]).toMatchObject({
      title: input.title,
      field: "mobility",
      status: "planning",
      leadDepartment: { id: w.transport.id },
    });
    const [entry] = await auditRows(app.runtime.db, { action: "project.create" });
    expect(entry).toMatchObject({ targetType: "project", targetId: id, organizationId: w.desk.organizationId });

    // The welfare department reads it but does not run it; the lead department does.
    expect((await getProject(await as(w.welfareStaff), id)).can).toMatchObject({ edit: false, addKpi: false, record: false });
    expect((await getProject(await as(w.partner), id)).can).toMatchObject({ edit: false, record: true });
    await updateProject(await as(w.transportStaff), id, { ...input, status: "active" });
    expect((await appErrorOf(updateProject(await as(w.welfareStaff), id, input))).code).toBe("forbidden");
    expect((await getProject(await as(w.desk), id)).status).toBe("active");
  });

  it("refuses every wrong reference at once and projects before signing", async () => {
    const w = await world();
    const other = await createDepartment(app.runtime.db);
    const error = await appErrorOf(
      createProject(await as(w.desk), w.agreement.id, {
        title: "事業",
        itemIds: [w.items[0]!.id, "00000000-0000-4000-8000-000000000000"],
        leadDepartmentId: other.id,
        partnerOrgId: w.desk.organizationId,
      }),
    );
    expect(error.fieldErrors.map((e) => e.path)).toEqual(["itemIds", "leadDepartmentId", "partnerOrgId"]);
    const missing = await appErrorOf(createProject(await as(w.desk), w.agreement.id, { title: "", itemIds: [] }));
    expect(missing.fieldErrors.map((e) => [e.path, e.message])).toEqual([
      ["title", "validation.required"],
      ["itemIds", "validation.projectItems"],
      ["leadDepartmentId", "validation.selectRequired"],
    ]);

    const draft = await world("draft");
    expect((await listAgreementProjects(await as(draft.desk), draft.agreement.id)).can.create).toBe(false);
    expect(
      (
        await appErrorOf(
          createProject(await as(draft.desk), draft.agreement.id, {
            title: "x",
            itemIds: [draft.items[0]!.id],
            leadDepartmentId: draft.transport.id,
          }),
        )
      ).code,
    ).toBe("forbidden");
  });

  it("writes a year's plan with resources from the parties and milestones, late ones marked", async () => {
    const w = await world();
    const { id } = await createProject(await as(w.desk), w.agreement.id, {
      title: "事業",
      itemIds: [w.items[0]!.id],
      leadDepartmentId: w.transport.id,
    });
    const plan = {
      goals: "実証区域で月100人の利用",
      resources: [
        { partyOrgId: w.agreement.partnerIds[0], kind: "data", description: "乗降データ" },
        { partyOrgId: "", kind: "", description: "" },
      ],
      milestones: [
        { title: "運行開始", dueOn: "2026-07-01", doneOn: "2026-07-01" },
        { title: "中間報告", dueOn: "2026-11-30" },
      ],
    };
    await saveProjectPlan(await as(w.transportStaff), id, 2026, plan);
    await saveProjectPlan(await as(w.transportStaff), id, 2026, { ...plan, activities: "週3日運行" });
    const read = await getProject(await as(w.partner), id, TODAY);
    expect(read.plans).toHaveLength(1);
    expect(read.plans[0]).toMatchObject({
      fiscalYear: 2026,
      activities: "週3日運行",
      resources: [{ kind: "data", description: "乗降データ" }],
    });
    expect(read.plans[0]!.milestones.map((m) => m.late)).toEqual([false, true]);
    expect((await auditRows(app.runtime.db, { action: "project.plan.save" })).length).toBe(2);

    const stranger = await appErrorOf(
      saveProjectPlan(await as(w.desk), id, 2026, {
        goals: "x",
        resources: [{ partyOrgId: w.outsider.organizationId, kind: "money", description: "x" }],
      }),
    );
    expect(stranger.fieldErrors).toEqual([{ path: "resources.0.partyOrgId", message: "validation.invalidChoice" }]);
    expect((await appErrorOf(saveProjectPlan(await as(w.partner), id, 2026, plan))).code).toBe("forbidden");
    expect((await appErrorOf(saveProjectPlan(await as(w.desk), id, 1999, plan))).code).toBe("not_found");
  });

  it("refuses a vague KPI with a SMART reason per field", async () => {
    const w = await world();
    const { id } = await createProject(await as(w.desk), w.agreement.id, {
      title: "事業",
      itemIds: [w.items[0]!.id],
      leadDepartmentId: w.transport.id,
    });
    const vague = await appErrorOf(
      createKpi(await as(w.desk), id, {
        name: "市民サービスの向上",
        definition: "",
        unit: "",
        baselineValue: "",
        targetValue: "向上させる",
        frequency: "",
      }),
    );
    expect(vague.fieldErrors.map((e) => [e.path, e.message])).toEqual([
      ["definition", "validation.kpi.definition"],
      ["unit", "validation.kpi.unit"],
      ["baselineValue", "validation.kpi.baselineValue"],
      ["baselineOn", "validation.kpi.baselineOn"],
      ["targetValue", "validation.number"],
      ["targetOn", "validation.kpi.targetOn"],
      ["frequency", "validation.selectRequired"],
      ["dataSource", "validation.kpi.dataSource"],
      ["ownerName", "validation.kpi.ownerName"],
    ]);
    const backwards = await appErrorOf(createKpi(await as(w.desk), id, { ...validKpi, targetValue: "-5", targetOn: "2026-01-01" }));
    expect(backwards.fieldErrors.map((e) => [e.path, e.message])).toEqual([
      ["targetOn", "validation.kpi.targetAfterBaseline"],
      ["targetValue", "validation.kpi.targetAbove"],
    ]);
    // Figures as people type them.
    const { id: kpiId } = await createKpi(await as(w.transportStaff), id, {
      ...validKpi,
      baselineValue: "０",
      targetValue: "1,200",
      isPublic: "on",
    });
    expect(await getKpi(await as(w.partner), kpiId, TODAY)).toMatchObject({
      baselineValue: 0,
      targetValue: 1200,
      isPublic: true,
      standing: "no_data",
    });
    expect((await appErrorOf(createKpi(await as(w.partner), id, validKpi))).code).toBe("forbidden");
  });

  it("takes one figure per period from the runners and the partner, replacing a period entered again", async () => {
    const w = await world();
    const { id } = await createProject(await as(w.desk), w.agreement.id, {
      title: "事業",
      itemIds: [w.items[0]!.id],
      leadDepartmentId: w.transport.id,
    });
    const { id: kpiId } = await createKpi(await as(w.desk), id, validKpi);
    await recordMeasurement(await as(w.transportStaff), kpiId, { periodStart: "2026-04-01", value: "80" }, TODAY);
    await recordMeasurement(
      await as(w.partner),
      kpiId,
      { periodStart: "2026-05-01", value: 40, evidenceUrl: "https://example.jp/report.pdf" },
      TODAY,
    );
    await recordMeasurement(await as(w.partner), kpiId, { periodStart: "2026-04-01", value: 85, note: "集計を訂正" }, TODAY);
    const kpi = await getKpi(await as(w.desk), kpiId, TODAY);
    expect(kpi.measurements.map((m) => [m.periodStart, m.value])).toEqual([
      ["2026-04-01", 85],
      ["2026-05-01", 40],
    ]);
    expect(kpi.latest).toEqual({ periodStart: "2026-05-01", value: 40 });
    // By 6 December, October's figure was due (the end of November).
    expect(kpi.overduePeriod).toBe("2026-10-01");
    // 40 of 1,200 by the end of May: behind the straight line (a sixth of the year gone).
    expect(kpi.standing).toBe("behind");
    expect(kpi.periods[0]).toBe("2026-04-01");
    expect(kpi.periods.at(-1)).toBe("2026-12-01");
    const replaced = (await auditRows(app.runtime.db, { action: "kpi.measurement.record" })).find((e) => e.before);
    expect(replaced).toMatchObject({ before: { periodStart: "2026-04-01", value: 80 }, after: { value: 85, note: "集計を訂正" } });

    for (const periodStart of ["2026-04-15", "2026-03-01", "2027-01-01", "2027-04-01"]) {
      const error = await appErrorOf(recordMeasurement(await as(w.desk), kpiId, { periodStart, value: 1 }, TODAY));
      expect(error.fieldErrors, periodStart).toEqual([{ path: "periodStart", message: "validation.kpi.period" }]);
    }
    expect(
      (await appErrorOf(recordMeasurement(await as(w.welfareStaff), kpiId, { periodStart: "2026-06-01", value: 1 }, TODAY))).code,
    ).toBe("forbidden");
    expect((await appErrorOf(recordMeasurement(await as(w.outsider), kpiId, { periodStart: "2026-06-01", value: 1 }, TODAY))).code).toBe(
      "not_found",
    );
    // Figures tie the KPI to its frequency.
    expect((await appErrorOf(updateKpi(await as(w.desk), kpiId, { ...validKpi, frequency: "quarterly" }))).fieldErrors).toEqual([
      { path: "frequency", message: "validation.kpi.frequencyLocked" },
    ]);
    await updateKpi(await as(w.desk), kpiId, { ...validKpi, targetValue: 400 });
    expect((await getProject(await as(w.desk), id, TODAY)).kpis.map((k) => [k.targetValue, k.standing])).toEqual([[400, "on_track"]]);
  });
});
