// The register read from the party's side (issue 19): newest first from
// agreement_parties_register, a page at a time, the partner seeing the same
// agreements as the desk, and an edited agreement moving to the top because
// the database copies its updated_at to every party row.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { buildAgreement, createMember, createOrganization } from "~/test/factories";
import { contextOf } from "~/test/helpers";
import { agreementListInput } from "../schema";
import { listAgreements } from "./data.server";
import { updateAgreement } from "./commands.server";

const drivers = await testDrivers();

describe.each(drivers)("the agreement register on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(() => app.close());

  const page = async (token: string, query: Record<string, string> = {}) =>
    listAgreements(await contextOf(app.runtime, { token }), agreementListInput.parse({ limit: "2", ...query }));

  it("pages newest first without losing or repeating one, and puts an edited agreement on top", async () => {
    const partner = await createOrganization(app.runtime.db, { kind: "company" });
    const first = await buildAgreement(app.runtime, { partnerIds: [partner.id] });
    const made = [first.id];
    for (let i = 0; i < 4; i++) made.push((await buildAgreement(app.runtime, { desk: first.desk, partnerIds: [partner.id] })).id);
    // Two agreements changed in the same millisecond: the id breaks the tie.
    await app.runtime.db.execute(sql`update agreements set updated_at = '2026-11-01T00:00:00.000Z' where id in (${made[1]}, ${made[2]})`);

    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const result = await page(first.desk.token, cursor ? { cursor } : {});
      expect(result.total).toBe(5);
      seen.push(...result.items.map((a) => a.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect([...seen].sort()).toEqual([...made].sort());
    expect(seen.slice(-2).sort()).toEqual([made[1], made[2]].sort());

    await updateAgreement(await contextOf(app.runtime, first.desk), made[1]!, {
      title: "見直した協定",
      method: "comprehensive",
      partnerIds: [partner.id],
      purpose: "目的",
    });
    expect((await page(first.desk.token)).items[0]?.id).toBe(made[1]);

    // The partner company's member sees the same register, from its own party rows.
    const companyMember = await createMember(app.runtime, { role: "member", organizationId: partner.id });
    const theirs = await page(companyMember.token, { limit: "50" });
    expect(theirs.items.map((a) => a.id).sort()).toEqual([...made].sort());
    expect(theirs.items[0]?.id).toBe(made[1]);
  });

  it("counts and filters from the same rows", async () => {
    const desk = (await buildAgreement(app.runtime)).desk;
    await buildAgreement(app.runtime, { desk, status: "internal_approval" });
    expect((await page(desk.token, { status: "internal_approval" })).total).toBe(1);
    expect((await page(desk.token, { status: "draft" })).items).toHaveLength(1);
  });
});
