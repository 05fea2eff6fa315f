import { describe, expect, it } from "vitest";
import { databaseTimeoutsFromEnv, defaultTimeouts } from "./options";

describe("databaseTimeoutsFromEnv", () => {
  it("has defaults that keep a request under 30 s, and reads milliseconds (0 = off)", () => {
    expect(databaseTimeoutsFromEnv({})).toEqual(defaultTimeouts);
    expect(defaultTimeouts.statementTimeoutMs + 2_000).toBeLessThan(30_000);
    expect(
      databaseTimeoutsFromEnv({ RENKEI_DB_CONNECT_TIMEOUT_MS: "1500", RENKEI_DB_STATEMENT_TIMEOUT_MS: "0", RENKEI_DB_STARTUP_WAIT_MS: "" }),
    ).toEqual({
      connectTimeoutMs: 1500,
      statementTimeoutMs: 0,
      startupWaitMs: defaultTimeouts.startupWaitMs,
    });
  });

  it("refuses a value that is not a whole number of milliseconds, naming the variable", () => {
    expect(() => databaseTimeoutsFromEnv({ RENKEI_DB_STATEMENT_TIMEOUT_MS: "30s" })).toThrow(/RENKEI_DB_STATEMENT_TIMEOUT_MS/);
    expect(() => databaseTimeoutsFromEnv({ RENKEI_DB_CONNECT_TIMEOUT_MS: "-1" })).toThrow(/RENKEI_DB_CONNECT_TIMEOUT_MS/);
  });
});
