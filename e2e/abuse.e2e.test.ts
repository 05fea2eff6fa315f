// Abuse against the real server (issue 17, items 10 and 13): chunked bodies
// without Content-Length are cut off at their limit with 413 while memory stays
// flat, and a client-written X-Forwarded-For does not move the rate limit.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, startServer, type RunningServer } from "./support";

const MiB = 1024 * 1024;

/** Resident memory of a process in MiB. */
function rssOf(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]);
  return kb / 1024;
}

/**
 * POSTs `mb` MiB as a chunked body (no Content-Length), produced only as fast
 * as the server takes it. The server answers 413 and closes the connection
 * while the body is still being written; now and then the client's next write
 * lands on the closed socket first and fetch fails with EPIPE/ECONNRESET
 * before it reads the answer. That race is the client's: send again.
 */
async function postChunked(url: string, mb: number, contentType: string, attempts = 3): ReturnType<typeof postChunkedOnce> {
  try {
    return await postChunkedOnce(url, mb, contentType);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (attempts > 1 && (code === "EPIPE" || code === "ECONNRESET")) return postChunked(url, mb, contentType, attempts - 1);
    throw error;
  }
}

async function postChunkedOnce(url: string, mb: number, contentType: string) {
  const chunk = new Uint8Array(MiB).fill(0x20);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= mb) return controller.close();
      sent++;
      controller.enqueue(chunk);
    },
  });
  const started = Date.now();
  const res = await fetch(url, {
    method: "POST",
    body,
    duplex: "half",
    headers: { "content-type": contentType, origin: new URL(url).origin },
  } as RequestInit);
  const text = await res.text();
  return { res, text, ms: Date.now() - started, sentMiB: sent };
}

describe("abuse against the real server", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ RENKEI_JOBS: "off" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers a chunked 250 MB body to POST /api/v1/tokens with 413 quickly, reading little of it", async () => {
    const before = rssOf(server.pid);
    for (const type of ["application/json", "text/plain"]) {
      const { res, text, ms, sentMiB } = await postChunked(`${server.baseUrl}/api/v1/tokens`, 250, type);
      console.log(
        `[abuse] 250 MB chunked ${type}: ${res.status} in ${ms} ms after ${sentMiB} MiB sent; server RSS ${Math.round(before)} → ${Math.round(rssOf(server.pid))} MiB`,
      );
      expect(res.status).toBe(413);
      expect(res.headers.get("connection")).toBe("close");
      expect(JSON.parse(text)).toMatchObject({ status: 413, code: "payload_too_large", title: "送信されたデータが大きすぎます。" });
      expect(ms).toBeLessThan(10_000);
      expect(sentMiB).toBeLessThan(64);
    }
    expect(rssOf(server.pid) - before).toBeLessThan(64);
  });

  it("answers a chunked form post past 1 MiB on the login page with the 413 page", async () => {
    const { res, text, sentMiB } = await postChunked(`${server.baseUrl}/login`, 250, "application/x-www-form-urlencoded");
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    expect(text).toContain("送信されたデータが大きすぎます。");
    expect(sentMiB).toBeLessThan(64);
  });

  it("still takes a small JSON body, and correct sign-ins are never limited", async () => {
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${server.baseUrl}/api/v1/tokens`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "admin@demo.renkei.example", password: DEMO_PASSWORD }),
      });
      expect(res.status).toBe(201);
    }
  });

  it("ignores a client-written X-Forwarded-For when no proxy is configured: rotating it does not reset the limit", async () => {
    const answers: { status: number; retryAfter: number }[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await fetch(`${server.baseUrl}/api/v1/tokens`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `10.0.0.${i + 1}` },
        body: JSON.stringify({ email: "nobody@example.jp", password: "wrong-password-1" }),
      });
      answers.push({ status: res.status, retryAfter: Number(res.headers.get("retry-after")) });
    }
    expect(answers.slice(0, 10).map((a) => a.status)).toEqual(Array(10).fill(401));
    expect(answers[10]!.status).toBe(429);
    expect(answers[10]!.retryAfter).toBeGreaterThan(0);
  });
});
