import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, isAppError } from "./errors";
import {
  choice,
  decimal,
  email,
  isoDate,
  listOf,
  optional,
  optionalText,
  optionalWebUrl,
  parseDecimal,
  parseInput,
  requiredText,
  whenValid,
} from "./validation";

function fieldErrorsOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isAppError(error)) return error.fieldErrors;
    throw error;
  }
  throw new Error("expected a validation error");
}

describe("validation helpers", () => {
  const schema = z.object({
    title: requiredText(5),
    note: optionalText(3),
    mail: email(),
    kind: choice(["a", "b"] as const),
    tags: listOf(choice(["x", "y"] as const), 2),
  });

  it("reports every field error at once with catalog keys and limits", () => {
    const errors = fieldErrorsOf(() => parseInput(schema, { title: "  ", note: "long!", mail: "nope", kind: "c", tags: ["x", "z", "y"] }));
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: "title", message: "validation.required", params: { min: 1 } },
        { path: "note", message: "validation.tooLong", params: { max: 3 } },
        { path: "mail", message: "validation.email", params: {} },
        { path: "kind", message: "validation.invalidChoice", params: {} },
        { path: "tags", message: "validation.tooMany", params: { max: 2 } },
      ]),
    );
  });

  it("treats blank optional inputs as absent and normalises email", () => {
    const value = parseInput(schema, { title: " 題名 ", note: "", mail: " ＵＳＥＲ@Example.JP ", kind: "a" });
    expect(value).toEqual({ title: "題名", note: undefined, mail: "user@example.jp", kind: "a", tags: [] });
  });

  it("says which choice is missing rather than invalid", () => {
    expect(fieldErrorsOf(() => parseInput(schema, { title: "x", mail: "a@b.jp" }))).toContainEqual({
      path: "kind",
      message: "validation.selectRequired",
      params: {},
    });
  });
});

describe("characters and dates PostgreSQL refuses (issue 17)", () => {
  const schema = z.object({ title: requiredText(100), note: optionalText(100), mail: optional(email()), cursor: z.string().optional() });
  const messages = (input: unknown) => {
    try {
      parseInput(schema, input);
      return [];
    } catch (error) {
      return (error as AppError).fieldErrors.map((e) => `${e.path}:${e.message}`);
    }
  };

  it("refuses NUL, other C0 controls and unpaired surrogates in text fields with a field error", () => {
    expect(messages({ title: "a\u0000b" })).toEqual(["title:validation.invalidCharacters"]);
    expect(messages({ title: "ok", note: "\uD800" })).toEqual(["note:validation.invalidCharacters"]);
    expect(messages({ title: "ok", note: "x\uDC00" })).toEqual(["note:validation.invalidCharacters"]);
    expect(messages({ title: "ok", mail: "a\u0007@example.jp" })).toContain("mail:validation.invalidCharacters");
    expect(messages({ title: "ok\u001b[31m" })).toEqual(["title:validation.invalidCharacters"]);
  });

  it("catches them in bare string fields too (query filters, cursors), and in keys", () => {
    expect(messages({ title: "ok", cursor: "\u0000" })).toEqual(["cursor:validation.invalidCharacters"]);
    expect(messages({ title: "ok", cursor: "a\uDBFFb" })).toEqual(["cursor:validation.invalidCharacters"]);
    expect(() => parseInput(z.record(z.string(), z.string()), { "a\u0000": "x" })).toThrow(AppError);
  });

  it("keeps tabs, line breaks, emoji (surrogate pairs) and Japanese", () => {
    expect(messages({ title: "行1\n行2\r\n\tタブ 🚌 𠮷野家", note: "👍" })).toEqual([]);
  });

  it("accepts only real calendar days from 1900 to 2200 as dates", () => {
    const date = isoDate();
    for (const bad of [
      "0000-01-01",
      "0050-05-10",
      "1899-12-31",
      "2201-01-01",
      "99999-01-01",
      "2026-02-30",
      "2026-13-01",
      "2026-00-10",
      "2026-1-1",
      "２０２６-01-01",
    ]) {
      expect(date.safeParse(bad).success, bad).toBe(false);
    }
    for (const good of ["1900-01-01", "2026-02-28", "2028-02-29", "2200-12-31"]) expect(date.safeParse(good).success, good).toBe(true);
  });
});

describe("cross-field checks on input that is not an object (issue 17)", () => {
  const period = z
    .object({ from: optional(isoDate()), to: optional(isoDate()) })
    .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], error: "validation.periodOrder", when: whenValid("from", "to") });

  it.each([[null], [1], ["x"], [[]]])("refuses %j with a 422 instead of a TypeError", (input) => {
    expect(fieldErrorsOf(() => parseInput(period, input))).toEqual([expect.objectContaining({ path: "_" })]);
  });
});

describe("figures as people type them (issue 21)", () => {
  it("reads full-width digits, separators, signs and spaces", () => {
    expect(parseDecimal("１,２００")).toBe(1200);
    expect(parseDecimal(" 12.5 ")).toBe(12.5);
    expect(parseDecimal("−3.5")).toBe(-3.5);
    expect(parseDecimal(".5")).toBe(0.5);
    for (const bad of ["", "増やす", "1.2.3", "12%", "1e3", "--1"]) expect(parseDecimal(bad), bad).toBeNull();
  });

  it("says a missing figure with its own message and a wrong one as not a number", () => {
    const figure = decimal("validation.kpi.targetValue");
    expect(fieldErrorsOf(() => parseInput(z.object({ v: figure }), { v: "" }))).toEqual([
      expect.objectContaining({ path: "v", message: "validation.kpi.targetValue" }),
    ]);
    expect(fieldErrorsOf(() => parseInput(z.object({ v: figure }), { v: "たくさん" }))).toEqual([
      expect.objectContaining({ path: "v", message: "validation.number" }),
    ]);
    expect(fieldErrorsOf(() => parseInput(z.object({ v: figure }), { v: 1e13 }))).toEqual([
      expect.objectContaining({ path: "v", message: "validation.number" }),
    ]);
    expect(parseInput(z.object({ v: figure }), { v: 0 })).toEqual({ v: 0 });
  });

  it("takes only http(s) links", () => {
    const link = z.object({ url: optionalWebUrl() });
    expect(parseInput(link, { url: " https://example.jp/a " })).toEqual({ url: "https://example.jp/a" });
    expect(parseInput(link, { url: "" })).toEqual({});
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "ftp://example.jp"])
      expect(
        fieldErrorsOf(() => parseInput(link, { url: bad })),
        bad,
      ).toEqual([expect.objectContaining({ path: "url" })]);
  });
});
