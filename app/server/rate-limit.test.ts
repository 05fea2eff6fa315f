// The limiter on a real database: failures counted per account at an address
// and per address, successes refunded, counters shared by processes and kept
// across restarts (issue 17, item 10).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isAppError, type AppError } from "~/lib/errors";
import { migrateDatabase, openPglite, openPostgres, type Database } from "~/lib/db/client.server";
import { connectionStringOf, freshDatabase, testDrivers } from "~/test/database";
import { addressKey, beginSignIn, limitPasswordReset, limits, limitSignUp } from "./rate-limit.server";

const drivers = await testDrivers();

async function refusal(promise: Promise<unknown>): Promise<AppError | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
}

/** n wrong passwords (the attempt is begun and never succeeds). */
async function fail(database: Database, email: string, address: string, n = 1) {
  for (let i = 0; i < n; i++) await beginSignIn(database, { email, address });
}

describe("addressKey", () => {
  it("keys IPv4 as is, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("2001:db8:1:2:3:4:5:6")).toBe("2001:0db8:0001:0002::/64");
    expect(addressKey("2001:db8:1:2::99")).toBe(addressKey("2001:db8:1:2:ffff::1"));
    expect(addressKey("2001:db8::1")).toBe("2001:0db8:0000:0000::/64");
    expect(addressKey("::1")).toBe("0000:0000:0000:0000::/64");
  });
});

describe.each(drivers)("rate limits on %s", (kind) => {
  let database: Database;
  beforeEach(async () => {
    database = await freshDatabase(kind);
  });
  afterEach(async () => {
    await database.close();
  });

  it("counts failures only: 25 correct sign-ins in a row are never refused", async () => {
    for (let i = 0; i < 25; i++) {
      const attempt = await beginSignIn(database, { email: "desk@example.jp", address: "198.51.100.1" });
      await attempt.succeeded();
    }
  });

  it("a success clears the account's failures at that address", async () => {
    await fail(database, "desk@example.jp", "198.51.100.1", 9);
    await (await beginSignIn(database, { email: "desk@example.jp", address: "198.51.100.1" })).succeeded();
    await fail(database, "desk@example.jp", "198.51.100.1", 10);
  });

  it("ten failures slow the account at that address only, with the wait in seconds and minutes", async () => {
    await fail(database, "Desk@Example.jp", "198.51.100.1", limits.accountAtAddress.points);
    const refused = await refusal(beginSignIn(database, { email: "desk@example.jp", address: "198.51.100.1" }));
    expect(refused?.code).toBe("rate_limited");
    expect(refused?.retryAfter).toBeGreaterThan(590);
    expect(refused?.retryAfter).toBeLessThanOrEqual(600);
    expect(refused?.params).toEqual({ minutes: 10 });
    // The real user at their usual address is not locked out.
    const owner = await beginSignIn(database, { email: "desk@example.jp", address: "203.0.113.9" });
    await owner.succeeded();
  });

  it("spraying 40 accounts from one address is refused after the address limit", async () => {
    let failures = 0;
    let refused: AppError | null = null;
    for (let i = 0; i < 40 && !refused; i++) {
      refused = await refusal(beginSignIn(database, { email: `user${i}@example.jp`, address: "198.51.100.2" }));
      if (!refused) failures++;
    }
    expect(failures).toBe(limits.address.points);
    expect(refused?.code).toBe("rate_limited");
    expect(refused?.retryAfter).toBeGreaterThan(3500);
    // Another address is unaffected, and so is the same account elsewhere.
    await (await beginSignIn(database, { email: "user0@example.jp", address: "198.51.100.3" })).succeeded();
    // The blocked address cannot move on to password resets or sign-ups.
    expect((await refusal(limitPasswordReset(database, { email: "x@example.jp", address: "198.51.100.2" })))?.code).toBe("rate_limited");
    expect((await refusal(limitSignUp(database, { address: "198.51.100.2" })))?.code).toBe("rate_limited");
  });

  it("rotating IPv6 addresses inside one /64 does not escape the limit", async () => {
    for (let i = 0; i < limits.accountAtAddress.points; i++) await fail(database, "desk@example.jp", `2001:db8:5:6::${i + 1}`);
    expect((await refusal(beginSignIn(database, { email: "desk@example.jp", address: "2001:db8:5:6::ff" })))?.code).toBe("rate_limited");
  });

  it("limits password reset mails per account and sign-ups per address", async () => {
    for (let i = 0; i < limits.resetAccount.points; i++)
      await limitPasswordReset(database, { email: "desk@example.jp", address: `198.51.100.${10 + i}` });
    expect((await refusal(limitPasswordReset(database, { email: "desk@example.jp", address: "198.51.100.99" })))?.code).toBe(
      "rate_limited",
    );
    for (let i = 0; i < limits.signupAddress.points; i++) await limitSignUp(database, { address: "198.51.100.20" });
    expect((await refusal(limitSignUp(database, { address: "198.51.100.20" })))?.code).toBe("rate_limited");
    await limitSignUp(database, { address: "198.51.100.21" });
  });

  // A second pool on the same database stands for a second app process.
  it.runIf(kind === "postgresql")("counters are shared by processes", async () => {
    const other = openPostgres(connectionStringOf(database)!, { max: 2 });
    try {
      await fail(database, "desk@example.jp", "198.51.100.1", limits.accountAtAddress.points);
      expect((await refusal(beginSignIn(other, { email: "desk@example.jp", address: "198.51.100.1" })))?.code).toBe("rate_limited");
    } finally {
      await other.close();
    }
  });

  // PGlite is one process: close the folder and open it again.
  it.runIf(kind === "pglite")("counters survive a restart", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "renkei-abuse-"));
    try {
      const first = await openPglite({ dataDir });
      await migrateDatabase(first);
      await fail(first, "desk@example.jp", "198.51.100.1", limits.accountAtAddress.points);
      await first.close();
      const second = await openPglite({ dataDir });
      try {
        expect((await refusal(beginSignIn(second, { email: "desk@example.jp", address: "198.51.100.1" })))?.code).toBe("rate_limited");
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
