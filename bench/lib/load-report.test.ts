import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  LOAD_MARKER,
  automaticNotes,
  emptyTally,
  mergeTallies,
  recordLoadRun,
  renderLoadRun,
  summarizeRoute,
  targetFor,
  verdict,
  type DatabaseLoad,
  type LoadReport,
  type LoadRun,
  type RouteTally,
} from "./load-report";

const route = { key: "inbox", label: "GET /proposals (inbox)", who: "desk admin" };
const tally = (samples: number[], statuses: Record<string, number>, errors = 0, timeouts = 0): RouteTally => ({
  samples,
  statuses,
  errors,
  timeouts,
});

describe("summarizeRoute", () => {
  it("gives requests/s over the window and nearest-rank percentiles of every response", () => {
    // 1..100 ms, shuffled: p50 is the 50th value, p95 the 95th, p99 the 99th.
    const samples = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1);
    const s = summarizeRoute(route, tally(samples, { 200: 100 }), 10, 400);
    expect(s).toMatchObject({ responses: 100, perSecond: 10, share: 0.25, p50: 50, p95: 95, p99: 99, max: 100, non2xx: 0 });
  });

  it("counts every status outside 2xx, and keeps errors and timeouts apart", () => {
    const s = summarizeRoute(route, tally([5, 6, 7, 8], { 200: 1, 201: 1, 302: 1, 503: 1 }, 2, 3), 2, 4);
    expect(s).toMatchObject({ non2xx: 2, errors: 2, timeouts: 3, perSecond: 2 });
  });

  it("has no percentiles without responses", () => {
    const s = summarizeRoute(route, emptyTally(), 5, 0);
    expect(s.responses).toBe(0);
    expect(s.p95).toBeNaN();
    expect(s.share).toBe(0);
  });
});

describe("mergeTallies", () => {
  it("adds samples, statuses, errors and timeouts", () => {
    const merged = mergeTallies([tally([1, 2], { 200: 2 }, 1, 0), tally([3], { 200: 1, 404: 1 }, 0, 2)]);
    expect(merged).toEqual({ samples: [1, 2, 3], statuses: { 200: 3, 404: 1 }, errors: 1, timeouts: 2 });
  });
});

describe("verdict", () => {
  const s = summarizeRoute(route, tally([100, 200, 600], { 200: 3 }), 0.02, 3); // 150 req/s

  it("is ✓ when every condition holds and names what missed otherwise", () => {
    expect(verdict(s, { minPerSecond: 150, maxP95: 601, noErrors: true })).toBe("✓");
    expect(verdict(s, { minPerSecond: 200, maxP95: 500 })).toBe("✗ 150 req/s; p95 600.0 ms");
    expect(verdict(s, { maxLatency: 599 })).toBe("✗ max 600.0 ms");
    expect(verdict(s, null)).toBeNull();
  });

  it("counts non-2xx, connection errors and timeouts as errors", () => {
    const failing = summarizeRoute(route, tally([1], { 500: 1 }, 1, 1), 1, 1);
    expect(verdict(failing, { noErrors: true })).toBe("✗ 3 errors");
  });

  it("never passes a route that got no answer", () => {
    expect(verdict(summarizeRoute(route, emptyTally(), 1, 0), { maxLatency: 2000 })).toBe("✗ no responses");
  });
});

function fakeRun(kind: LoadRun["kind"], connections: number, samples: number[]): LoadRun {
  const routes = [summarizeRoute(route, tally(samples, { 200: samples.length }), 10, samples.length)];
  return {
    kind,
    connections,
    rate: kind === "steady" ? 50 : null,
    seconds: 10,
    routes,
    all: summarizeRoute({ key: "all", label: "all", who: "" }, tally(samples, { 200: samples.length }), 10, samples.length),
    cpu: { app: 0.9, database: 0.3, load: 0.1, machine: 1.2 },
  };
}

const db: DatabaseLoad = {
  driver: "postgresql",
  server: "PostgreSQL 15.20",
  data: "test data",
  app: "1 × node server.mjs",
  callers: "desk",
  peakRssMiB: [300],
  runs: [fakeRun("alone", 50, [10, 20, 30]), fakeRun("mix", 50, [10, 20]), fakeRun("steady", 50, [5, 150])],
  targets: [
    { kind: "alone", connections: 50, signedInPagesOnly: true, target: { minPerSecond: 150, maxP95: 500, noErrors: true } },
    { kind: "steady", connections: 50, target: { maxP95: 100 } },
  ],
  signedInPages: ["inbox"],
};

describe("targetFor", () => {
  it("applies a rule only to its kind of run, its connections and (if it says so) the signed-in pages", () => {
    expect(targetFor(db, db.runs[0]!, "inbox")).toMatchObject({ minPerSecond: 150 });
    expect(targetFor(db, db.runs[0]!, "home")).toBeNull();
    expect(targetFor(db, { ...db.runs[0]!, connections: 20 }, "inbox")).toBeNull();
    expect(targetFor(db, db.runs[1]!, "inbox")).toBeNull();
    expect(targetFor(db, db.runs[2]!, "home")).toEqual({ maxP95: 100 });
  });
});

const report: LoadReport = {
  startedAt: "2026-12-05T16:00:12.345Z",
  finishedAt: "2026-12-05T16:10:00.000Z",
  machine: { cpu: "Test CPU", cores: 2, memoryGiB: 8, os: "Linux", node: "v20", loadAverage: { start: 0.5, end: 1.5 } },
  tool: "autocannon",
  command: "npm run load",
  settings: {},
  databases: [db],
  notes: ["a note"],
};

describe("renderLoadRun", () => {
  const markdown = renderLoadRun(report);

  it("heads the run with its time and databases, and gives machine, command and setup", () => {
    expect(markdown.startsWith("### 2026-12-05 16:00 UTC — PostgreSQL\n")).toBe(true);
    expect(markdown).toContain("load average 0.5 at start, 1.5 at end");
    expect(markdown).toContain("- **Command:** `npm run load`");
    expect(markdown).toContain("peak RSS 300 MiB");
    expect(markdown).toContain("- a note");
  });

  it("writes one row per route with the verdict of its target", () => {
    // alone: 3 responses in 10 s → 0.3 req/s, far from 150.
    expect(markdown).toContain(
      "| GET /proposals (inbox) | desk admin | 0.3 | 20.0 | 30.0 | 30.0 | 30.0 | 0 | 0 | 0 | 0.90 / 0.30 / 0.10 / 1.20 | ✗ 0.3 req/s |",
    );
    expect(markdown).toContain("Target: signed-in pages: ≥ 150 req/s, p95 < 500 ms, 0 errors.");
    // steady: p95 of [5, 150] is 150 → misses p95 < 100.
    expect(markdown).toContain("| ✗ p95 150.0 ms |");
    expect(markdown).toContain("| **all** |  | 100.0 % | 2 | **0.2** |");
  });
});

describe("recordLoadRun", () => {
  it("adds a load section before the bench's runs once, then each run newest first", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "renkei-load-report-"));
    try {
      const file = path.join(dir, "BENCHMARKS.md");
      const benchMarker = "<!-- runs: `npm run bench` inserts each new run below this line, newest first -->";
      writeFileSync(file, `# Benchmarks\n\nintro\n\n${benchMarker}\n\n## an old bench run\n`);
      recordLoadRun(file, "### first\n");
      recordLoadRun(file, "### second\n");
      const text = readFileSync(file, "utf8");
      expect(text.split(LOAD_MARKER)).toHaveLength(2);
      expect(text.indexOf("### second")).toBeLessThan(text.indexOf("### first"));
      expect(text.indexOf("### first")).toBeLessThan(text.indexOf(benchMarker));
      expect(text).not.toMatch(/\n{3,}/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("automaticNotes", () => {
  it("names other work on the machine from the CPU measured, the slowest route alone, and every answer that was not a 2xx", () => {
    const busy = { ...fakeRun("mix", 50, [1]), cpu: { app: 1, database: 0.2, load: 0.1, machine: 1.9 } };
    const failing = {
      ...fakeRun("steady", 50, [1]),
      routes: [summarizeRoute(route, tally([1, 2], { 200: 1, 503: 1 }, 0, 2), 10, 2)],
    };
    const notes = automaticNotes({ databases: [{ ...db, runs: [db.runs[0]!, busy, failing] }] });
    expect(notes[0]).toMatch(/^Other work on the machine took up to 0\.6 cores during the PostgreSQL runs/);
    expect(notes[1]).toBe("PostgreSQL: the slowest route alone is GET /proposals (inbox) (desk admin): 0.3 req/s, p95 30.0 ms.");
    expect(notes[2]).toBe(
      "PostgreSQL: not every answer was a 2xx in time: GET /proposals (inbox) (steady, 50 connections): 1 × 503, 2 timeouts.",
    );
  });

  it("says so when every answer was a 2xx and the machine did nothing else", () => {
    expect(automaticNotes({ databases: [db] })).toEqual([
      "PostgreSQL: the slowest route alone is GET /proposals (inbox) (desk admin): 0.3 req/s, p95 30.0 ms.",
      "PostgreSQL: every request got a 2xx answer in time.",
    ]);
  });
});
