import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formConstraint } from "./form-constraints";
import { choice, email, listOf, optionalText, requiredText } from "./validation";

describe("form constraints from a schema", () => {
  const schema = z.object({
    title: requiredText(120),
    note: optionalText(500),
    kind: choice(["a", "b"]),
    mail: email(),
    tags: listOf(requiredText(20)),
    items: z.array(z.object({ title: requiredText(200), owner: optionalText(100).default("") })),
  });

  it("marks required fields and gives text fields their lengths", () => {
    const constraint = formConstraint(schema);
    expect(constraint.title).toMatchObject({ required: true, minLength: 1, maxLength: 120 });
    expect(constraint.note).toMatchObject({ required: false, maxLength: 500 });
    expect(constraint.kind).toMatchObject({ required: true, pattern: "a|b" });
    // A string piped into a format: the length is checked before the format.
    expect(constraint.mail).toMatchObject({ required: true, maxLength: 254 });
  });

  it("reaches into lists and rows, named as the inputs are", () => {
    const constraint = formConstraint(schema);
    expect(constraint["tags[]"]).toMatchObject({ maxLength: 20 });
    expect(constraint["items[].title"]).toMatchObject({ required: true, maxLength: 200 });
    expect(constraint["items[].owner"]).toMatchObject({ maxLength: 100 });
  });
});
