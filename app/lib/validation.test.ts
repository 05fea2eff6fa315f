import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isAppError } from "./errors";
import { choice, email, formDataToObject, listOf, optionalText, parseInput, requiredText } from "./validation";

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
  const schema = z.object({ title: requiredText(5), note: optionalText(3), mail: email(), kind: choice(["a", "b"] as const), tags: listOf(choice(["x", "y"] as const), 2) });

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
    expect(fieldErrorsOf(() => parseInput(schema, { title: "x", mail: "a@b.jp" }))).toContainEqual({ path: "kind", message: "validation.selectRequired", params: {} });
  });

  it("turns form data into an object with [] keys as arrays", () => {
    const form = new FormData();
    form.append("name", "a");
    form.append("fields[]", "health");
    form.append("fields[]", "digital");
    form.append("file", new Blob(["x"]), "x.txt");
    expect(formDataToObject(form)).toEqual({ name: "a", fields: ["health", "digital"] });
  });
});
