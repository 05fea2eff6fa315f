import { describe, expect, it } from "vitest";
import { groupByObject } from "./grouping";

const item = (id: string, link: string | null, read = false) => ({
  id,
  kind: "proposal",
  title: `t${id}`,
  body: "",
  link,
  readAt: read ? "2026-12-05T00:00:00.000Z" : null,
  createdAt: "2026-12-05T00:00:00.000Z",
});

describe("groupByObject", () => {
  it("puts one object's notifications on one card, newest on top, and counts the unread", () => {
    const groups = groupByObject([item("3", "/proposals/a"), item("2", "/agreements/b", true), item("1", "/proposals/a", true)]);
    expect(groups.map((g) => [g.key, g.latest.id, g.earlier.map((e) => e.id), g.unread])).toEqual([
      ["/proposals/a", "3", ["1"], 1],
      ["/agreements/b", "2", [], 0],
    ]);
  });

  it("keeps notifications without a page apart", () => {
    expect(groupByObject([item("1", null), item("2", null)]).map((g) => g.key)).toEqual(["1", "2"]);
  });
});
