import { describe, expect, it } from "vitest";
import { allowAttempt, resetAttempts } from "./rate-limit.server";

describe("login rate limit", () => {
  it("blocks after the limit within the window and allows again after it", () => {
    const key = `t-${Math.random()}`;
    for (let i = 0; i < 3; i++) expect(allowAttempt(key, 3, 1000, 10_000 + i)).toBe(true);
    expect(allowAttempt(key, 3, 1000, 10_010)).toBe(false);
    expect(allowAttempt(key, 3, 1000, 11_100)).toBe(true);
    resetAttempts(key);
  });

  it("cannot be reset by flooding other keys", () => {
    const target = `victim-${Math.random()}`;
    const now = 1_000_000;
    for (let i = 0; i < 10; i++) allowAttempt(target, 10, 60_000, now);
    for (let i = 0; i < 60_000; i++) {
      allowAttempt(`flood-${i}`, 10, 60_000, now);
      if (i % 10_000 === 0) expect(allowAttempt(target, 10, 60_000, now)).toBe(false);
    }
    expect(allowAttempt(target, 10, 60_000, now)).toBe(false);
    resetAttempts(target);
  });
});
