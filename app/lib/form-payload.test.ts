import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isAppError } from "./errors";
import { fieldNameOf, formMessages, formPayload, MAX_FORM_ROWS, validatePayload } from "./form-payload";
import { listOf, choice, requiredText } from "./validation";

describe("form payloads", () => {
  it("nests rows, repeats lists and leaves files out", () => {
    const form = new FormData();
    form.append("name", "a");
    form.append("fields", "health");
    form.append("fields", "digital");
    form.append("items[1].title", "二行目");
    form.append("items[0].title", "一行目");
    form.append("file", new Blob(["x"]), "x.txt");
    expect(formPayload(form)).toEqual({ name: "a", fields: ["health", "digital"], items: [{ title: "一行目" }, { title: "二行目" }] });
  });

  it("reads the older 'name[]' lists as the repeated name", () => {
    const form = new FormData();
    form.append("partnerIds[]", "a");
    form.append("partnerIds[]", "b");
    expect(formPayload(form)).toEqual({ partnerIds: ["a", "b"] });
  });

  it("drops names that would reach an object's prototype", () => {
    const form = new FormData();
    form.append("__proto__.polluted", "yes");
    form.append("constructor.prototype.polluted", "yes");
    form.append("title", "t");
    expect(formPayload(form)).toEqual({ title: "t" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a row index past the largest form instead of building a huge array", () => {
    const form = new FormData();
    form.append(`items[${MAX_FORM_ROWS}].title`, "x");
    let error: unknown;
    try {
      formPayload(form);
    } catch (caught) {
      error = caught;
    }
    expect(isAppError(error) && error.fieldErrors[0]?.message).toBe("validation.tooManyRows");
  });
});

describe("messages by field name", () => {
  it.each([
    ["title", "title"],
    ["items.0.title", "items[0].title"],
    ["fields.3", "fields"],
    ["_", ""],
  ])("names the input of issue path %s as %s", (path, name) => {
    expect(fieldNameOf(path)).toBe(name);
  });

  it("translates each field's messages into the locale", () => {
    expect(formMessages([{ path: "title", message: "validation.required" }], "ja")).toEqual({ title: ["入力してください。"] });
  });

  it("validates in the browser only the fields the form shows", () => {
    const schema = z.object({ title: requiredText(10), kind: choice(["a", "b"]), tags: listOf(requiredText(5)) });
    const shown = (name: string) => name === "title" || name === "tags";
    expect(validatePayload(schema, { kind: "a", tags: ["ok"] }, "ja", shown)).toEqual({ error: { title: ["入力してください。"] } });
    // kind is missing but not on the form: the server decides.
    expect(validatePayload(schema, { title: "t", tags: [] }, "ja", shown)).toEqual({ value: { title: "t", tags: [] } });
    expect(validatePayload(schema, { title: "t", kind: "a", tags: ["too long"] }, "en", shown)).toMatchObject({
      error: { tags: [expect.any(String)] },
    });
  });
});
