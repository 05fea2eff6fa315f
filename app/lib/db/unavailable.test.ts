import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable";

function withCode(code: string, message = "x"): Error {
  return Object.assign(new Error(message), { code });
}

describe("isDatabaseUnavailable", () => {
  it.each([
    ["connection refused", withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:1")],
    ["connection reset", withCode("ECONNRESET")],
    ["server shut down (57P01)", withCode("57P01", "terminating connection due to administrator command")],
    ["server starting (57P03)", withCode("57P03", "the database system is starting up")],
    ["connection failure (08006)", withCode("08006")],
    ["statement timeout (57014)", withCode("57014", "canceling statement due to statement timeout")],
    ["too many connections (53300)", withCode("53300")],
    ["pool connect timeout", new Error("timeout exceeded when trying to connect")],
    ["client connect timeout", new Error("Connection terminated due to connection timeout")],
    ["connection lost", new Error("Connection terminated unexpectedly")],
    ["client query timeout", new Error("Query read timeout")],
    ["wrapped by Drizzle", new Error("Failed query: select 1", { cause: withCode("ECONNREFUSED") })],
    [
      "several addresses refused",
      Object.assign(new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")]), { code: undefined }),
    ],
  ])("%s → unavailable", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["unique violation (23505)", withCode("23505")],
    ["invalid datetime (22008)", withCode("22008")],
    ["syntax error (42601)", withCode("42601")],
    ["a bug", new TypeError("cannot read properties of undefined")],
    ["a string", "ECONNREFUSED"],
    ["nothing", undefined],
    ["an operating-system code that is not the network", withCode("ENOENT")],
  ])("%s → not unavailable", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("stops on a cause cycle", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    a.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
