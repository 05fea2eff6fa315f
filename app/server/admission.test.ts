import { describe, expect, it } from "vitest";
import { admissionLimitsFromEnv, AdmissionRefused, createAdmission } from "./admission.server";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("admission in front of the embedded database", () => {
  it("serves a few at a time, in order, and refuses past the queue", async () => {
    const admission = createAdmission({ concurrency: 2, queue: 2, maxWaitMs: 60_000 });
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      admission.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect([admission.active, admission.waiting]).toEqual([2, 2]);
    await expect(admission.run(async () => "late")).rejects.toBeInstanceOf(AdmissionRefused);
    gates[0]!.resolve();
    await runs[0];
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
  });

  it("refuses a request whose turn comes too late", async () => {
    const admission = createAdmission({ concurrency: 1, queue: 5, maxWaitMs: 20 });
    const first = admission.run(() => new Promise((resolve) => setTimeout(() => resolve("first"), 60)));
    const late = admission.run(async () => "late");
    await expect(first).resolves.toBe("first");
    await expect(late).rejects.toBeInstanceOf(AdmissionRefused);
  });

  it.each([
    [{}, true, { concurrency: 4, queue: 100, maxWaitMs: 1500 }],
    [{}, false, null],
    [{ RENKEI_REQUEST_CONCURRENCY: "8" }, false, { concurrency: 8, queue: 100, maxWaitMs: 1500 }],
    [{ RENKEI_REQUEST_CONCURRENCY: "0" }, true, null],
    [
      { RENKEI_REQUEST_CONCURRENCY: "2", RENKEI_REQUEST_QUEUE: "10", RENKEI_REQUEST_MAX_WAIT_MS: "500" },
      true,
      { concurrency: 2, queue: 10, maxWaitMs: 500 },
    ],
    [{ RENKEI_REQUEST_CONCURRENCY: "many" }, true, { concurrency: 4, queue: 100, maxWaitMs: 1500 }],
  ])("reads %j (embedded: %s) as %j", (env, embedded, limits) => {
    expect(admissionLimitsFromEnv(env, embedded)).toEqual(limits);
  });
});

describe("a full queue through the whole pipeline", () => {
  it("turns the extra callers away with 503 and Retry-After, never the health check", async () => {
    const { freshDatabase } = await import("~/test/database");
    const { pipelineHandler } = await import("~/test/pipeline");
    const { readConfig } = await import("./config.server");
    const { createRuntime } = await import("./runtime.server");
    const config = {
      ...readConfig({ PORT: "3999", RENKEI_SECRET: "test-secret-test-secret-test-secret-00" } as NodeJS.ProcessEnv),
      seedDemo: false,
      runJobs: false,
      admission: { concurrency: 1, queue: 0, maxWaitMs: 60_000 },
    };
    const runtime = await createRuntime(config, { database: await freshDatabase("pglite"), migrate: false, log: () => undefined });
    try {
      const send = pipelineHandler(runtime);
      const get = (path: string) => send(new Request(new URL(path, config.baseUrl)));
      const answers = await Promise.all(Array.from({ length: 6 }, () => get("/api/v1/themes")));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toContain(200);
      expect(statuses).toContain(503);
      const refused = answers.find((a) => a.status === 503)!;
      expect(refused.headers.get("retry-after")).toBe("2");
      expect(await refused.json()).toMatchObject({ status: 503, code: "unavailable" });
      const health = await Promise.all([get("/api/v1/themes"), get("/api/v1/health"), get("/api/v1/health")]);
      expect(health.slice(1).map((a) => a.status)).toEqual([200, 200]);
    } finally {
      await runtime.close();
    }
  }, 60_000);
});
