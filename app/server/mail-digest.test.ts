// Mail per category: at once (the default), once a day in the 08:00 digest, or
// none — on PGlite and on PostgreSQL when TEST_DATABASE_URL answers.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { buildProposal, createMember, type Member } from "~/test/factories";
import { auditRows, contextOf, notificationRows, outboxTo } from "~/test/helpers";
import { setMailPreferences } from "~/features/notifications/commands.server";
import { getMailPreferences } from "~/features/notifications/data.server";
import { runDailyReminders } from "./features.server";

const drivers = await testDrivers();

describe.each(drivers)("mail preferences and the daily digest on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await app.close();
  });

  const daily = (now = new Date()) =>
    runDailyReminders({ db: app.runtime.db, baseUrl: app.runtime.config.baseUrl, jobs: { send: async () => null }, mail: null }, now);
  /** A proposal of this proposer taken into the dialogue: two notices to the proposer (screening, dialogue). */
  const journey = (proposer: Member, title: string) => buildProposal(app.runtime, { proposer, status: "in_dialogue", input: { title } });

  it("sends each notice at once by default", async () => {
    const proposer = await createMember(app.runtime, { role: "member" });
    expect(await getMailPreferences(await contextOf(app.runtime, proposer))).toEqual({
      proposals: "immediate",
      agreements: "immediate",
      meetings: "immediate",
    });
    await journey(proposer, "すぐ届く提案");
    expect((await outboxTo(app.runtime.db, proposer.email)).length).toBeGreaterThanOrEqual(2);
  });

  it("gathers a day's notices into one mail at 08:00, one line per object, once", async () => {
    const proposer = await createMember(app.runtime, { role: "member" });
    const ctx = await contextOf(app.runtime, proposer);
    await setMailPreferences(ctx, { proposals: "daily" });
    expect(await auditRows(app.runtime.db, { requestId: ctx.requestId })).toEqual([
      expect.objectContaining({
        action: "user.mailPreferences",
        after: { proposals: "daily", agreements: "immediate", meetings: "immediate" },
      }),
    ]);
    const first = await journey(proposer, "まとめて届く提案");
    await journey(proposer, "もう一つの提案");
    expect(await outboxTo(app.runtime.db, proposer.email)).toEqual([]);
    // In the app at once, as ever.
    expect((await notificationRows(app.runtime.db, proposer.userId)).length).toBeGreaterThanOrEqual(4);

    expect((await daily()).notifications).toBe(1);
    const [digest, ...more] = await outboxTo(app.runtime.db, proposer.email);
    expect(more).toEqual([]);
    expect(digest!.subject).toMatch(/^【Renkei】.+のお知らせまとめ（4件）$/);
    expect(digest!.bodyText).toContain("（2件の更新）");
    expect(digest!.bodyText).toContain(`/proposals/${first.id}`);
    // Nothing is left for a second run the same day, nor the next.
    expect((await daily()).notifications).toBe(0);
  });

  it("sends no mail for a category turned off, and none at all when mail is off", async () => {
    const proposer = await createMember(app.runtime, { role: "member" });
    await setMailPreferences(await contextOf(app.runtime, proposer), { proposals: "off" });
    await journey(proposer, "メールなしの提案");
    expect(await outboxTo(app.runtime.db, proposer.email)).toEqual([]);
    expect((await daily()).notifications).toBe(0);
    expect((await notificationRows(app.runtime.db, proposer.userId)).length).toBeGreaterThanOrEqual(2);
  });

  it("refuses a delivery it does not know, naming the field", async () => {
    const proposer = await createMember(app.runtime, { role: "member" });
    await expect(setMailPreferences(await contextOf(app.runtime, proposer), { meetings: "weekly" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: [expect.objectContaining({ path: "meetings" })],
    });
  });
});
