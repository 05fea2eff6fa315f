// Theme lifecycle commands on a real database (issue 17): who may act is
// decided before the call's status — a department publishing a call is
// refused (403), not told the step does not fit the status (409).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { createDepartment, createMember, createOrganization } from "~/test/factories";
import { appErrorOf, contextOf } from "~/test/helpers";
import { closeTheme, createTheme, publishTheme } from "./commands.server";

const drivers = await testDrivers();
const call = {
  title: "子どもの居場所をつくりたい",
  background: "放課後に一人で過ごす子どもが増えています。",
  goal: "空き店舗を居場所にしたい。",
  fields: ["childcare"],
  deadline: "2099-03-31",
};

describe.each(drivers)("theme lifecycle on %s", (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind);
  });
  afterAll(() => app.close());
  const as = (who: { token: string }) => contextOf(app.runtime, who);

  it("refuses a department publishing or closing with 403 whatever the status; the desk gets 409 for a wrong status", async () => {
    const municipality = await createOrganization(app.runtime.db, { kind: "municipality" });
    const department = await createDepartment(app.runtime.db, municipality.id);
    const desk = await createMember(app.runtime, { role: "desk_admin", organizationId: municipality.id });
    const staff = await createMember(app.runtime, {
      role: "department_staff",
      organizationId: municipality.id,
      departmentId: department.id,
    });
    const { id } = await createTheme(await as(staff), { ...call, departmentId: department.id });

    expect((await appErrorOf(publishTheme(await as(staff), id))).status).toBe(403);
    expect((await appErrorOf(closeTheme(await as(staff), id))).status).toBe(403);
    expect((await appErrorOf(closeTheme(await as(desk), id))).status).toBe(409);
    await publishTheme(await as(desk), id);
    expect((await appErrorOf(publishTheme(await as(staff), id))).status).toBe(403);
    expect((await appErrorOf(publishTheme(await as(desk), id))).status).toBe(409);
  });
});
