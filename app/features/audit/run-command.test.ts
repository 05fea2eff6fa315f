// The command runner (decision 0019): the change, its audit entry and its
// notifications commit together; mail is handed to the queue only after commit;
// a reminder is sent once however many runs race for it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Queryable } from "~/lib/db/client.server";
import type { JobSender } from "~/lib/jobs/types";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { createMember } from "~/test/factories";
import { auditRows, notificationRows, outboxById, scopedContext } from "~/test/helpers";
import { findRecipients } from "~/features/identity/data.internal.server";
import { remindOnce, runCommand, systemContext } from "./run-command.internal.server";

const drivers = await testDrivers();

/** A queue that remembers what it was given and whether the mail was already committed then. */
function recordingQueue(app: TestApp) {
  const sent: { outboxId: string; committed: boolean }[] = [];
  const jobs: JobSender = {
    send: async (_name, data) => {
      const outboxId = (data as { outboxId: string }).outboxId;
      sent.push({ outboxId, committed: Boolean(await outboxById(app.runtime.db, outboxId)) });
      return outboxId;
    },
  };
  return { jobs, sent };
}

// The change under test is a user's language, written as SQL: the audit feature does not own the users table.
const setLocale = (db: Queryable, userId: string, locale: string) =>
  db.execute(sql`update users set locale = ${locale} where id = ${userId}`);
async function localeOf(db: Queryable, userId: string): Promise<string | undefined> {
  const result = (await db.execute(sql`select locale from users where id = ${userId}`)) as unknown as { rows: { locale: string }[] };
  return result.rows[0]?.locale;
}

describe.each(drivers)("runCommand on %s", (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind);
  });
  afterAll(() => app.close());

  async function member() {
    const m = await createMember(app.runtime);
    const { ctx } = await scopedContext(app.runtime, { token: m.token });
    return { ...m, ctx: { ...ctx, requestId: randomUUID() } };
  }

  it("writes the change and one audit entry completed by the command, as the signed-in member", async () => {
    const { ctx, userId, organizationId } = await member();
    const result = await runCommand(ctx, { action: "user.settings", targetType: "user", before: { locale: "ja" } }, async (tx, command) => {
      await setLocale(tx, userId, "en");
      command.trace({ targetId: userId, after: { locale: "en" } });
      return "done";
    });
    expect(result).toBe("done");
    expect(await localeOf(app.runtime.db, userId)).toBe("en");
    const rows = await auditRows(app.runtime.db, { requestId: ctx.requestId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "user.settings",
      targetId: userId,
      actorUserId: userId,
      organizationId,
      before: { locale: "ja" },
      after: { locale: "en" },
    });
  });

  it("writes no entry when the command found nothing to change, and extra entries when it records them", async () => {
    const { ctx } = await member();
    await runCommand(ctx, { action: "test.nothing", targetType: "test" }, async (_tx, command) => command.unchanged());
    expect(await auditRows(app.runtime.db, { requestId: ctx.requestId })).toHaveLength(0);
    await runCommand(ctx, { action: "test.main", targetType: "test" }, async (_tx, command) => {
      await command.record({ action: "test.extra", targetType: "test" });
    });
    expect((await auditRows(app.runtime.db, { requestId: ctx.requestId })).map((r) => r.action).sort()).toEqual([
      "test.extra",
      "test.main",
    ]);
  });

  it("rolls back the change, the entry, the notifications and the mail together, and queues nothing", async () => {
    const { ctx, userId } = await member();
    const queue = recordingQueue(app);
    await expect(
      runCommand({ ...ctx, jobs: queue.jobs }, { action: "test.fails", targetType: "user", targetId: userId }, async (tx, command) => {
        await setLocale(tx, userId, "en");
        await command.notify({
          recipients: await findRecipients(tx, [userId]),
          organizationId: null,
          kind: "test",
          title: "notify.welcome.title",
          body: "notify.welcome.body",
          params: { org: "x" },
        });
        await command.mail([{ to: "someone@example.jp", subject: "s", bodyText: "b" }]);
        throw new Error("the command changed its mind");
      }),
    ).rejects.toThrow("the command changed its mind");
    expect(await localeOf(app.runtime.db, userId)).toBe("ja");
    expect(await auditRows(app.runtime.db, { requestId: ctx.requestId })).toHaveLength(0);
    expect(await notificationRows(app.runtime.db, userId)).toHaveLength(0);
    expect(queue.sent).toHaveLength(0);
  });

  it("hands mail to the queue only once it has committed", async () => {
    const { ctx, userId } = await member();
    const queue = recordingQueue(app);
    const ids = await runCommand(
      { ...ctx, jobs: queue.jobs },
      { action: "test.mail", targetType: "user", targetId: userId },
      async (_tx, command) => command.mail([{ to: "someone@example.jp", subject: "s", bodyText: "b" }]),
    );
    expect(queue.sent).toEqual([{ outboxId: ids[0], committed: true }]);
  });

  it("acts for the system when there is no member, in the given organisation's log", async () => {
    const { organizationId } = await member();
    const ctx = systemContext({ db: app.runtime.db, requestId: randomUUID(), baseUrl: "http://localhost" }, organizationId);
    await runCommand(ctx, { action: "test.system", targetType: "test" }, async () => {});
    const [row] = await auditRows(app.runtime.db, { requestId: ctx.requestId });
    expect(row).toMatchObject({ actorUserId: null, actorName: "Renkei", organizationId });
  });
});

describe.each(drivers)("remindOnce on %s", (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind);
  });
  afterAll(() => app.close());

  it("sends a reminder once when runs race for it, audited with its recipients", async () => {
    const m = await createMember(app.runtime);
    const claims = new Set<string>();
    const ctx = systemContext({ db: app.runtime.db, requestId: randomUUID(), baseUrl: "http://localhost" }, m.organizationId);
    const reminder = {
      // Stands in for a claim row: the first run to take it wins.
      claim: async () => !claims.has("r1") && Boolean(claims.add("r1")),
      notice: async (tx: Parameters<typeof findRecipients>[0]) => ({
        recipients: await findRecipients(tx, [m.userId]),
        kind: "test",
        title: "notify.welcome.title" as const,
        body: "notify.welcome.body" as const,
        params: { org: "x" },
      }),
    };
    const trace = { action: "test.reminder", targetType: "test", after: { due: "2027-01-01" } };
    const runs = await Promise.all([remindOnce(ctx, trace, reminder), remindOnce(ctx, trace, reminder)]);
    expect(runs.filter(Boolean)).toHaveLength(1);
    expect(await notificationRows(app.runtime.db, m.userId)).toHaveLength(1);
    const rows = await auditRows(app.runtime.db, { requestId: ctx.requestId });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.after).toEqual({ due: "2027-01-01", recipients: 1 });
  });
});
