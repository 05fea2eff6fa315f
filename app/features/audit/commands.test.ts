// The audit writer takes whatever a command passes (issue 17): text PostgreSQL
// refuses in jsonb (NUL, unpaired surrogates) is replaced, not a failed write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { auditRows } from "~/test/helpers";
import { recordAudit } from "./commands.internal.server";

const drivers = await testDrivers();

describe.each(drivers)("the audit writer on %s", (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind);
  });
  afterAll(() => app.close());

  it("stores NUL and unpaired surrogates as U+FFFD, keeps pairs and Japanese", async () => {
    const requestId = randomUUID();
    await app.runtime.db.transaction((tx) =>
      recordAudit(
        tx,
        { requestId, actor: { userId: null, userName: null, organizationId: null } },
        {
          action: "test.write",
          targetType: "test",
          before: { title: "a\u0000b", ["k\uD800"]: "x" },
          after: { title: "協定\uD800", list: ["\uDC00", "🚌"] },
        },
      ),
    );
    const [row] = await auditRows(app.runtime.db, { requestId });
    expect(row?.before).toEqual({ title: "a\uFFFDb", "k\uFFFD": "x" });
    expect(row?.after).toEqual({ title: "協定\uFFFD", list: ["\uFFFD", "🚌"] });
  });
});
