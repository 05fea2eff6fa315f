import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, isIsoInstant } from "./cursor";

const id = "0b6f5a3e-7c1d-4e2a-9f00-1234567890ab";

describe("keyset cursors", () => {
  it("round-trip a key and an id", () => {
    expect(decodeCursor(encodeCursor("2026-12-01T03:00:00.123456Z", id), isIsoInstant)).toEqual({ key: "2026-12-01T03:00:00.123456Z", id });
    expect(decodeCursor(encodeCursor("株式会社北陸", id))).toEqual({ key: "株式会社北陸", id });
  });

  it("treat anything malformed as no cursor", () => {
    for (const bad of [undefined, "", "!!!", Buffer.from("[1,2]").toString("base64url"), encodeCursor("x", "not-a-uuid"), encodeCursor("yesterday", id)]) {
      expect(decodeCursor(bad, isIsoInstant)).toBeNull();
    }
  });
});
