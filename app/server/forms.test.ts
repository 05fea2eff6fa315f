// Malformed multipart bodies are bad input (422), not server errors (issue 17).
import { describe, expect, it } from "vitest";
import { isAppError } from "~/lib/errors";
import { readForm, readFormData } from "./forms.server";
import { checkFilesFromRequest } from "./uploads.server";

const post = (body: string, contentType: string) =>
  new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": contentType } });
const MALFORMED: [string, string][] = [
  ['--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n', "multipart/form-data; boundary=x"], // truncated: no closing boundary
  ["anything", "multipart/form-data"], // no boundary
  ["--y\r\n\r\n--y--", "multipart/form-data; boundary=x"], // another boundary
];

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("reading form bodies", () => {
  it.each(MALFORMED)("answers a malformed multipart body with a 422 field error: %j", async (body, type) => {
    const error = await errorOf(readFormData(post(body, type)));
    expect(isAppError(error) && error.status === 422 && error.fieldErrors[0]?.message).toBe("validation.multipart");
    const upload = await errorOf(checkFilesFromRequest(post(body, type)));
    expect(isAppError(upload) && upload.status).toBe(422);
    const page = await errorOf(readForm(post(body, type)));
    expect(page).toMatchObject({ init: { status: 422 } });
  });

  it("reads a well-formed form", async () => {
    const form = new FormData();
    form.append("title", "協定");
    expect(await readForm(new Request("http://localhost/x", { method: "POST", body: form }))).toEqual({ title: "協定" });
  });
});
