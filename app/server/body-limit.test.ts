// Bodies are counted as they stream in (issue 17, item 13): a chunked body
// without Content-Length fails at the limit instead of being read whole.
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { describe, expect, it } from "vitest";
import { isAppError } from "~/lib/errors";
import { bodyLimitFor, guardNodeBody, MAX_BODY_BYTES, MAX_TEXT_BODY_BYTES, readBodyCapped } from "./body-limit.server";
import { readJson } from "./context.server";

const MiB = 1024 * 1024;

/** A chunked request body: `chunks` pieces of 64 KiB, produced only as they are read. */
function chunkedRequest(chunks: number, contentType = "application/json"): { request: Request; produced: () => number } {
  let produced = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (produced >= chunks) return controller.close();
      produced++;
      controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
    },
  });
  const request = new Request("http://localhost/api/v1/tokens", {
    method: "POST",
    body,
    headers: { "content-type": contentType },
    duplex: "half",
  } as RequestInit);
  return { request, produced: () => produced };
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("body limits", () => {
  it("are 1 MiB for JSON and URL-encoded forms, 210 MB otherwise", () => {
    expect(bodyLimitFor("application/json; charset=utf-8")).toBe(MAX_TEXT_BODY_BYTES);
    expect(bodyLimitFor("application/x-www-form-urlencoded")).toBe(MAX_TEXT_BODY_BYTES);
    expect(bodyLimitFor("multipart/form-data; boundary=x")).toBe(MAX_BODY_BYTES);
    expect(bodyLimitFor(null)).toBe(MAX_BODY_BYTES);
  });

  it("readJson stops a chunked 250 MB body after 1 MiB with 413, whatever its Content-Type", async () => {
    for (const type of ["application/json", "text/plain"]) {
      const { request, produced } = chunkedRequest(250 * 16, type);
      const error = await errorOf(readJson(request));
      expect(isAppError(error) && error.code).toBe("payload_too_large");
      expect(isAppError(error) && error.status).toBe(413);
      // Read no further than the limit (plus the stream's read-ahead).
      expect(produced() * 64 * 1024).toBeLessThan(2 * MiB);
    }
  });

  it("readBodyCapped returns a body within the limit", async () => {
    const { request } = chunkedRequest(3);
    expect((await readBodyCapped(request, MiB)).byteLength).toBe(3 * 64 * 1024);
  });

  it("guardNodeBody fails the body stream every reader uses once a Node request passes its limit, and asks to close the connection", async () => {
    const req = Object.assign(new PassThrough(), { headers: { "content-type": "application/x-www-form-urlencoded" } });
    const res = { shouldKeepAlive: true };
    const guard = guardNodeBody(req, res);
    const request = new Request("http://localhost/login", {
      method: "POST",
      body: createReadableStreamFromReadable(req),
      headers: req.headers,
      duplex: "half",
    } as RequestInit);
    let written = 0;
    const writer = setInterval(() => {
      if (written >= 4 * MiB) return;
      req.write(Buffer.alloc(64 * 1024, 0x61));
      written += 64 * 1024;
    }, 0);
    try {
      const error = await errorOf(request.formData());
      expect(isAppError(error) || isAppError((error as Error).cause)).toBe(true);
      expect(guard.tripped()).toBe(true);
      expect(res.shouldKeepAlive).toBe(false);
    } finally {
      clearInterval(writer);
    }
  });

  it("guardNodeBody leaves a body within the limit alone", async () => {
    const req = Object.assign(new PassThrough(), { headers: { "content-type": "application/x-www-form-urlencoded" } });
    const guard = guardNodeBody(req);
    const request = new Request("http://localhost/login", {
      method: "POST",
      body: createReadableStreamFromReadable(req),
      headers: req.headers,
      duplex: "half",
    } as RequestInit);
    req.end("email=a%40example.jp&password=x");
    expect(Object.fromEntries(await request.formData())).toEqual({ email: "a@example.jp", password: "x" });
    expect(guard.tripped()).toBe(false);
  });
});
