import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, isIsoInstant } from "./cursor";

const id = "0b6f5a3e-7c1d-4e2a-9f00-1234567890ab";

describe("keyset cursors", () => {
  it("round-trip a key and an id", () => {
    expect(decodeCursor(encodeCursor("2026-12-01T03:00:00.123456Z", id), isIsoInstant)).toEqual({ key: "2026-12-01T03:00:00.123456Z", id });
    expect(decodeCursor(encodeCursor("株式会社北陸", id))).toEqual({ key: "株式会社北陸", id });
  });

  it("treat anything malformed as no cursor", () => {
    for (const bad of [
      undefined,
      "",
      "!!!",
      Buffer.from("[1,2]").toString("base64url"),
      encodeCursor("x", "not-a-uuid"),
      encodeCursor("yesterday", id),
    ]) {
      expect(decodeCursor(bad, isIsoInstant)).toBeNull();
    }
  });
});

describe("crafted cursors (issue 17)", () => {
  it("refuse keys PostgreSQL would refuse: year 0, impossible days and times, NUL", () => {
    for (const key of [
      "0000-01-01T00:00:00Z",
      "2026-02-30T00:00:00Z",
      "2026-13-01T00:00:00Z",
      "2026-01-01T24:00:00Z",
      "99999-01-01T00:00:00Z",
      "2026-01-01T00:00:00+99:00",
    ]) {
      expect(decodeCursor(encodeCursor(key, id), isIsoInstant), key).toBeNull();
    }
    expect(decodeCursor(encodeCursor("株式会社\u0000", id))).toBeNull();
    expect(decodeCursor(encodeCursor("\uD800", id))).toBeNull();
    expect(decodeCursor(encodeCursor("x".repeat(5000), id))).toBeNull();
  });

  it("still accept the instants the lists write", () => {
    for (const key of ["2026-02-28T15:00:00.000Z", "2028-02-29T00:00:00Z", "2026-12-01T12:00:00.123456+09:00"]) {
      expect(decodeCursor(encodeCursor(key, id), isIsoInstant), key).toEqual({ key, id });
    }
  });
});
