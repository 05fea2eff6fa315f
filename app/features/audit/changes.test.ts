import { describe, expect, it } from "vitest";
import { auditTargetPath, changedFields, codeLabelPrefix, displayValue } from "./changes";

describe("changedFields", () => {
  it("lists the fields that differ, in the order recorded, and leaves out equal ones", () => {
    expect(changedFields({ status: "draft", title: "A", items: [1] }, { status: "internal_approval", title: "A", items: [1] })).toEqual([
      { field: "status", before: "draft", after: "internal_approval" },
    ]);
  });

  it("lists what a creation set, and what a deletion removed", () => {
    expect(changedFields(null, { title: "新しい協定", fields: ["health", "mobility"] })).toEqual([
      { field: "title", before: null, after: "新しい協定" },
      { field: "fields", before: null, after: "health、mobility" },
    ]);
    expect(changedFields({ title: "下書き" }, null)).toEqual([{ field: "title", before: "下書き", after: null }]);
  });

  it("names codes by the catalog's label for the field, and leaves out empty lists on both sides", () => {
    const label = (field: string, code: string) => `${field}:${code}`;
    expect(changedFields({ status: "screening", grounds: [] }, { status: "in_dialogue" }, label)).toEqual([
      { field: "status", before: "status:screening", after: "status:in_dialogue" },
    ]);
  });

  it("shows a single recorded value as one unnamed field, and nested values as JSON", () => {
    expect(changedFields(["a"], ["a", "b"])).toEqual([{ field: "", before: "a", after: "a、b" }]);
    expect(changedFields({}, { items: [{ title: "x" }] })).toEqual([{ field: "items", before: null, after: '[{"title":"x"}]' }]);
    expect(changedFields(null, null)).toEqual([]);
  });
});

describe("displayValue", () => {
  it("cuts long text and treats empty as nothing", () => {
    expect(displayValue("")).toBeNull();
    expect(displayValue(false)).toBe("false");
    expect(displayValue("あ".repeat(400))).toHaveLength(301);
  });
});

describe("auditTargetPath", () => {
  const entry = { targetType: "agreement", targetId: "a1", targetName: "協定", redacted: false };
  it("links a named object that has a page", () => {
    expect(auditTargetPath(entry)).toBe("/agreements/a1");
  });
  it("does not link what the caller may not see, what is gone, or what has no page", () => {
    expect(auditTargetPath({ ...entry, redacted: true })).toBeNull();
    expect(auditTargetPath({ ...entry, targetName: null })).toBeNull();
    expect(auditTargetPath({ ...entry, targetType: "user" })).toBeNull();
  });
});

describe("codeLabelPrefix", () => {
  it("reads a status by the kind of object, other codes by the field", () => {
    expect(codeLabelPrefix("proposal", "status")).toBe("proposals.status");
    expect(codeLabelPrefix("agreement", "status")).toBe("agreements.status");
    expect(codeLabelPrefix("meeting", "status")).toBeNull();
    expect(codeLabelPrefix("proposal", "fields")).toBe("field");
    expect(codeLabelPrefix("proposal", "title")).toBeNull();
  });
});
