// The mail outbox and in-app notifications on a real database: delivery
// states, retries, the sweeper with a real pg-boss queue, and that a user only
// ever reads or marks their own notifications.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import type { MailMessage, MailTransport } from "~/lib/mail.server";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { createMember } from "~/test/factories";
import { appErrorOf, auditRows, contextOf, notificationRows, outboxById, outboxTo } from "~/test/helpers";
import { eventually, startTestQueue, type JobQueue } from "~/test/queue";
import { inviteMember } from "~/features/identity/commands.server";
import { markAllNotificationsRead, markNotificationRead } from "./commands.server";
import { enqueueMail, notifyUsers, type Recipient } from "./notify.internal.server";
import { countUnreadNotifications, listNotifications } from "./data.server";
import { deliverOutboxMail, sweepOutbox } from "./delivery.internal.server";
import { outboxEmails } from "./tables";

const drivers = await testDrivers();
const unique = () => randomBytes(4).toString("hex");

/** The seam to SMTP: records what would have been sent. */
function recordingTransport(): MailTransport & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
    },
  };
}

const failingTransport: MailTransport = {
  async send() {
    throw new Error("550 mailbox unavailable");
  },
};

describe.each(drivers)("notifications and outbox on %s", (kind) => {
  let app: TestApp;
  let queue: JobQueue | undefined;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await queue?.stop();
    queue = undefined;
    await app.close();
  });

  async function writeMail(to = `to-${unique()}@example.jp`): Promise<{ id: string; to: string }> {
    const [id] = await app.runtime.db.transaction((tx) => enqueueMail(tx, [{ to, subject: "件名", bodyText: "本文" }]));
    return { id: id!, to };
  }

  describe("deliverOutboxMail", () => {
    it("keeps mail in the outbox when there is no SMTP transport, once", async () => {
      const mail = await writeMail();
      expect(await deliverOutboxMail(app.runtime.db, mail.id, null)).toBe("kept");
      expect(await outboxById(app.runtime.db, mail.id)).toMatchObject({ status: "kept", attempts: 1, sentAt: null });
      // At-least-once jobs: a repeat does nothing.
      expect(await deliverOutboxMail(app.runtime.db, mail.id, null)).toBe("skipped");
      expect(await deliverOutboxMail(app.runtime.db, mail.id, recordingTransport())).toBe("skipped");
      expect(await outboxById(app.runtime.db, mail.id)).toMatchObject({ status: "kept", attempts: 1 });
      expect(await deliverOutboxMail(app.runtime.db, randomUUID(), null)).toBe("skipped");
    });

    it("sends through the transport once and records it", async () => {
      const mail = await writeMail();
      const transport = recordingTransport();
      expect(await deliverOutboxMail(app.runtime.db, mail.id, transport)).toBe("sent");
      expect(transport.sent).toEqual([{ to: mail.to, subject: "件名", text: "本文" }]);
      const row = await outboxById(app.runtime.db, mail.id);
      expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
      expect(row!.sentAt).toBeInstanceOf(Date);
      expect(await deliverOutboxMail(app.runtime.db, mail.id, transport)).toBe("skipped");
      expect(transport.sent).toHaveLength(1);
    });

    it("records a failed attempt, re-throws for the queue's retry, and succeeds on a later attempt", async () => {
      const mail = await writeMail();
      await expect(deliverOutboxMail(app.runtime.db, mail.id, failingTransport)).rejects.toThrow("550 mailbox unavailable");
      expect(await outboxById(app.runtime.db, mail.id)).toMatchObject({
        status: "failed",
        attempts: 1,
        lastError: "550 mailbox unavailable",
        sentAt: null,
      });
      await expect(deliverOutboxMail(app.runtime.db, mail.id, failingTransport)).rejects.toThrow();
      expect(await outboxById(app.runtime.db, mail.id)).toMatchObject({ status: "failed", attempts: 2 });

      const transport = recordingTransport();
      expect(await deliverOutboxMail(app.runtime.db, mail.id, transport)).toBe("sent");
      expect(await outboxById(app.runtime.db, mail.id)).toMatchObject({ status: "sent", attempts: 3, lastError: null });
      expect(transport.sent).toHaveLength(1);
    });
  });

  describe("with a real job queue", () => {
    it("sweeps stale mail into the queue, where a worker delivers it; commands dispatch their own mail after commit", async () => {
      const db = app.runtime.db;
      const stale = await writeMail();
      const staleFailed = await writeMail();
      const fresh = await writeMail();
      const givenUp = await writeMail();
      await db
        .update(outboxEmails)
        .set({ createdAt: sql`now() - interval '5 minutes'` })
        .where(inArray(outboxEmails.id, [stale.id, staleFailed.id, givenUp.id]));
      await db.update(outboxEmails).set({ status: "failed", attempts: 3, lastError: "timeout" }).where(eq(outboxEmails.id, staleFailed.id));
      await db.update(outboxEmails).set({ status: "failed", attempts: 20 }).where(eq(outboxEmails.id, givenUp.id));

      queue = await startTestQueue(app.runtime.database);
      expect(await sweepOutbox(db, queue)).toBe(2);
      // A command with the queue in its context hands its own mail over right after commit.
      const desk = await createMember(app.runtime, { role: "desk_admin" });
      const ctx = await contextOf(app.runtime, desk);
      const email = `invitee-${unique()}@example.jp`;
      await inviteMember({ ...ctx, jobs: queue }, { email, role: "desk_staff" });
      const [invitation] = await outboxTo(db, email);

      // The worker starts last: its first poll is immediate (pg-boss 10 then waits a full polling interval per job).
      const delivered: string[] = [];
      await queue.work("outbox.deliver", async ({ outboxId }) => {
        delivered.push(outboxId);
        await deliverOutboxMail(db, outboxId, null);
      });

      const expected = [stale.id, staleFailed.id, invitation!.id];
      await eventually(async () =>
        (await db.select().from(outboxEmails).where(inArray(outboxEmails.id, expected))).every((m) => m.status === "kept"),
      );
      expect(await outboxById(db, staleFailed.id)).toMatchObject({ status: "kept", attempts: 4 });
      expect(await outboxById(db, invitation!.id)).toMatchObject({ status: "kept", attempts: 1 });
      expect(await outboxById(db, fresh.id)).toMatchObject({ status: "pending", attempts: 0 });
      expect(await outboxById(db, givenUp.id)).toMatchObject({ status: "failed", attempts: 20 });
      expect(delivered.sort()).toEqual(expected.sort());
    });
  });

  describe("in-app notifications", () => {
    async function notify(recipients: { userId: string; email: string }[], kind = "test") {
      const list: Recipient[] = recipients.map((r) => ({ id: r.userId, email: r.email, locale: "ja", emailNotifications: true }));
      await app.runtime.db.transaction((tx) =>
        notifyUsers(tx, {
          recipients: list,
          organizationId: null,
          kind,
          title: "notify.welcome.title",
          body: "notify.welcome.body",
          params: { org: "テスト" },
          link: "/",
          baseUrl: app.runtime.config.baseUrl,
        }),
      );
    }

    it("lets a user mark only their own notification read; someone else's is not found", async () => {
      const a = await createMember(app.runtime);
      const b = await createMember(app.runtime);
      await notify([a, b]);
      const [aNote] = await notificationRows(app.runtime.db, a.userId);
      const [bNote] = await notificationRows(app.runtime.db, b.userId);
      // notifyUsers also wrote one mail each.
      expect(await outboxTo(app.runtime.db, a.email)).toHaveLength(1);

      const bCtx = await contextOf(app.runtime, b);
      expect((await appErrorOf(markNotificationRead(bCtx, aNote!.id))).code).toBe("not_found");
      expect((await appErrorOf(markNotificationRead(bCtx, randomUUID()))).code).toBe("not_found");
      expect((await notificationRows(app.runtime.db, a.userId))[0]!.readAt).toBeNull();
      expect(await auditRows(app.runtime.db, { requestId: bCtx.requestId })).toEqual([]);

      const aCtx = await contextOf(app.runtime, a);
      await markNotificationRead(aCtx, aNote!.id);
      expect((await notificationRows(app.runtime.db, a.userId))[0]!.readAt).toBeInstanceOf(Date);
      expect(await auditRows(app.runtime.db, { requestId: aCtx.requestId })).toEqual([
        expect.objectContaining({ action: "notification.read", targetId: aNote!.id, actorUserId: a.userId, organizationId: null }),
      ]);
      // Marking it again is harmless and not audited twice.
      await markNotificationRead(aCtx, aNote!.id);
      expect(await auditRows(app.runtime.db, { action: "notification.read" })).toHaveLength(1);
      expect((await notificationRows(app.runtime.db, b.userId))[0]).toMatchObject({ id: bNote!.id, readAt: null });
    });

    it("answers a malformed notification id with not found, not a database error", async () => {
      const a = await createMember(app.runtime);
      const ctx = await contextOf(app.runtime, a);
      for (const id of ["", "undefined", "42"]) {
        expect((await appErrorOf(markNotificationRead(ctx, id))).code).toBe("not_found");
      }
    });

    it("marks all of the caller's notifications read and nobody else's", async () => {
      const a = await createMember(app.runtime);
      const b = await createMember(app.runtime);
      await notify([a, b], "first");
      await notify([a], "second");
      const aCtx = await contextOf(app.runtime, a);
      const bCtx = await contextOf(app.runtime, b);
      expect(await countUnreadNotifications(aCtx)).toBe(2);
      expect((await listNotifications(bCtx)).map((n) => n.kind)).toEqual(["first"]);

      expect(await markAllNotificationsRead(aCtx)).toBe(2);
      expect(await countUnreadNotifications(aCtx)).toBe(0);
      expect(await countUnreadNotifications(bCtx)).toBe(1);
      expect((await listNotifications(bCtx))[0]!.readAt).toBeNull();
      expect(await auditRows(app.runtime.db, { requestId: aCtx.requestId })).toEqual([
        expect.objectContaining({ action: "notification.read", actorUserId: a.userId, after: { count: 2 } }),
      ]);

      const again = await contextOf(app.runtime, a);
      expect(await markAllNotificationsRead(again)).toBe(0);
      expect(await auditRows(app.runtime.db, { requestId: again.requestId })).toEqual([]);
      // Each list holds only its owner's notifications.
      const aIds = (await listNotifications(aCtx)).map((n) => n.id);
      const bIds = (await listNotifications(bCtx)).map((n) => n.id);
      expect(aIds.filter((id) => bIds.includes(id))).toEqual([]);
    });
  });
});
