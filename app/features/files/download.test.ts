// A PDF uploaded as evil.html downloads as evil.pdf with the PDF's type, and
// bidi controls never reach a stored name or a Content-Disposition header,
// also for files stored before the names were fixed at upload (issue 17, item 13).
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { createMember } from "~/test/factories";
import { scopedContext } from "~/test/helpers";
import { runCommand } from "~/features/audit/run-command.internal.server";
import { checkFiles } from "./commands.server";
import { storeAttachments } from "./commands.internal.server";
import { attachmentResponse } from "./data.server";
import { listAttachments, readAttachment } from "./data.internal.server";
import { attachments } from "./tables";

const pdf = new Uint8Array(readFileSync(new URL("../../test/fixtures/sample.pdf", import.meta.url)));
const drivers = await testDrivers();

describe.each(drivers)("attachment names on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await app.close();
  });

  it("stores and serves a PDF named evil\\u202Efdp.html as evilfdp.pdf, application/pdf", async () => {
    const member = await createMember(app.runtime);
    const { ctx } = await scopedContext(app.runtime, { token: member.token });
    const subject = { type: "theme", id: randomUUID() };
    const checked = await checkFiles([{ filename: "evil\u202Efdp.html", bytes: pdf }]);
    expect(checked[0]).toMatchObject({ filename: "evilfdp.pdf", contentType: "application/pdf" });
    const upload = { action: "theme.update", targetType: subject.type, targetId: subject.id };
    const [id] = await runCommand(ctx, upload, (tx, command) => storeAttachments(tx, command, ctx.scope, subject, checked));
    const response = attachmentResponse((await readAttachment(ctx.db, subject.type, subject.id, id!))!);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''evilfdp.pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("renames files stored earlier under a disguising name when they are listed and downloaded", async () => {
    const member = await createMember(app.runtime);
    const subjectId = randomUUID();
    /** A PDF row as an older version stored it, under the name given. */
    const storedEarlier = async (filename: string) => {
      const [row] = await app.runtime.db
        .insert(attachments)
        .values({
          subjectType: "theme",
          subjectId,
          organizationId: member.organizationId,
          filename,
          contentType: "application/pdf",
          size: pdf.byteLength,
          sha256: "x",
          data: Buffer.from(pdf),
          uploadedBy: member.userId,
        })
        .returning();
      return attachmentResponse((await readAttachment(app.runtime.db, "theme", subjectId, row!.id))!);
    };
    const response = await storedEarlier("請求書\u202Elmth.pdf");
    expect(decodeURIComponent(response.headers.get("content-disposition")!.split("''")[1]!)).toBe("請求書lmth.pdf");
    const listed = await listAttachments(app.runtime.db, "theme", [subjectId]);
    expect(listed.get(subjectId)![0]!.filename).toBe("請求書lmth.pdf");
    expect((await storedEarlier("evil.html")).headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''evil.pdf");
  });
});
