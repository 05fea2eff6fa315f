// `npm run load`'s numbers: what one route got during one run (responses,
// statuses, latencies, connection errors and timeouts) summarised into
// requests/s and percentiles, checked against the targets of issue 19, and
// rendered as the Markdown section bench/load.ts adds to BENCHMARKS.md.
// Pure functions (no I/O but recordLoadRun), unit-tested in load-report.test.ts.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { percentile } from "./stats";
import type { MachineInfo } from "./report";

/** What one route collected during one run. */
export interface RouteTally {
  /** Latency of every response (any status), in ms. */
  samples: number[];
  /** Responses by HTTP status ("200": n). */
  statuses: Record<string, number>;
  /** Connection errors (not timeouts). */
  errors: number;
  /** Requests that got no answer within the timeout. */
  timeouts: number;
}

export const emptyTally = (): RouteTally => ({ samples: [], statuses: {}, errors: 0, timeouts: 0 });

export interface RouteSummary {
  key: string;
  label: string;
  who: string;
  responses: number;
  perSecond: number;
  /** Share of this route among all responses of the run (0..1). */
  share: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
}

export interface RouteInfo {
  key: string;
  label: string;
  who: string;
}

/** Requests/s and nearest-rank percentiles of one route over `seconds`; `total` is the run's response count (for the share). */
export function summarizeRoute(route: RouteInfo, tally: RouteTally, seconds: number, total: number): RouteSummary {
  const sorted = [...tally.samples].sort((a, b) => a - b);
  const responses = sorted.length;
  let non2xx = 0;
  for (const [status, n] of Object.entries(tally.statuses)) if (!/^2\d\d$/.test(status)) non2xx += n;
  return {
    key: route.key,
    label: route.label,
    who: route.who,
    responses,
    perSecond: seconds > 0 ? responses / seconds : Number.NaN,
    share: total > 0 ? responses / total : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: responses ? sorted[responses - 1]! : Number.NaN,
    non2xx,
    errors: tally.errors,
    timeouts: tally.timeouts,
    statuses: { ...tally.statuses },
  };
}

/** All routes of a run as one (the "all" row of a mix). */
export function mergeTallies(tallies: readonly RouteTally[]): RouteTally {
  const merged = emptyTally();
  for (const t of tallies) {
    for (const s of t.samples) merged.samples.push(s);
    for (const [status, n] of Object.entries(t.statuses)) merged.statuses[status] = (merged.statuses[status] ?? 0) + n;
    merged.errors += t.errors;
    merged.timeouts += t.timeouts;
  }
  return merged;
}

/** What a target asks of a route in a run; every condition given must hold. */
export interface Target {
  minPerSecond?: number;
  maxP95?: number;
  maxLatency?: number;
  /** No non-2xx answer, no connection error, no timeout. */
  noErrors?: boolean;
}

/** "✓", or "✗" with what missed ("✗ 120 req/s; p95 612 ms"). Null when no target applies. */
export function verdict(s: RouteSummary, target: Target | null): string | null {
  if (!target) return null;
  if (s.responses === 0) return "✗ no responses";
  const misses: string[] = [];
  if (target.minPerSecond !== undefined && !(s.perSecond >= target.minPerSecond)) misses.push(`${rate(s.perSecond)} req/s`);
  if (target.maxP95 !== undefined && !(s.p95 < target.maxP95)) misses.push(`p95 ${ms(s.p95)} ms`);
  if (target.maxLatency !== undefined && !(s.max <= target.maxLatency)) misses.push(`max ${ms(s.max)} ms`);
  if (target.noErrors && s.non2xx + s.errors + s.timeouts > 0) misses.push(`${count(s.non2xx + s.errors + s.timeouts)} errors`);
  return misses.length ? `✗ ${misses.join("; ")}` : "✓";
}

export const targetText = (t: Target): string =>
  [
    t.minPerSecond !== undefined ? `≥ ${t.minPerSecond} req/s` : null,
    t.maxP95 !== undefined ? `p95 < ${t.maxP95} ms` : null,
    t.maxLatency !== undefined ? `no request over ${t.maxLatency >= 1000 ? `${t.maxLatency / 1000} s` : `${t.maxLatency} ms`}` : null,
    t.noErrors ? "0 errors" : null,
  ]
    .filter(Boolean)
    .join(", ");

// ── the run report ──────────────────────────────────────────────────────────
/**
 * Cores kept busy on average during a run: the app processes, the PostgreSQL
 * backends serving them (null on PGlite, which runs inside the app), the load
 * generator (this process) and the whole machine (other work shows as the rest).
 */
export interface CpuUse {
  app: number;
  database: number | null;
  load: number;
  machine: number;
}

export interface LoadRun {
  /** "each route alone", "the mix", "the mix at a steady rate". */
  kind: "alone" | "mix" | "steady";
  connections: number;
  /** Requests per second asked for (steady runs). */
  rate: number | null;
  seconds: number;
  routes: RouteSummary[];
  /** All routes together. */
  all: RouteSummary;
  cpu: CpuUse;
  /** Every latency per route key, ms (kept in the JSON only). */
  samples?: Record<string, number[]>;
}

export interface DatabaseLoad {
  driver: "postgresql" | "pglite";
  /** e.g. "PostgreSQL 15.20 (Debian …), shared_buffers 128MB". */
  server: string;
  /** What the data is (national-scale generated, demo) and how big. */
  data: string;
  /** How the app ran: processes, pool, options. */
  app: string;
  callers: string;
  /** Peak resident memory of each app process, MiB. */
  peakRssMiB: number[];
  runs: LoadRun[];
  /** Targets by run kind and connections; `signedIn` limits the alone target to signed-in pages. */
  targets: TargetRule[];
  /** Route keys that are signed-in pages (the targets speak of these). */
  signedInPages: string[];
}

export interface TargetRule {
  kind: LoadRun["kind"];
  /** Only runs with this many connections (alone and mix). */
  connections?: number;
  /** Only the signed-in pages. */
  signedInPagesOnly?: boolean;
  target: Target;
}

export interface LoadReport {
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  tool: string;
  command: string;
  settings: Record<string, string | number>;
  databases: DatabaseLoad[];
  notes: string[];
}

const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n < 1000 ? n.toFixed(1) : count(Math.round(n))) : "–");
const rate = (n: number) => (Number.isFinite(n) ? (n < 100 ? n.toFixed(1) : count(Math.round(n))) : "–");
const count = (n: number) => n.toLocaleString("en");
const cores = (c: CpuUse) =>
  `${c.app.toFixed(2)} / ${c.database === null ? "–" : c.database.toFixed(2)} / ${c.load.toFixed(2)} / ${c.machine.toFixed(2)}`;
const driverName = (d: DatabaseLoad["driver"]) => (d === "pglite" ? "PGlite" : "PostgreSQL");

/** The target a route meets in a run, if any. */
export function targetFor(db: DatabaseLoad, run: LoadRun, routeKey: string): Target | null {
  for (const rule of db.targets) {
    if (rule.kind !== run.kind) continue;
    if (rule.connections !== undefined && rule.connections !== run.connections) continue;
    if (rule.signedInPagesOnly && !db.signedInPages.includes(routeKey)) continue;
    return rule.target;
  }
  return null;
}

function rulesText(db: DatabaseLoad, kind: LoadRun["kind"], connections: number): string {
  const rules = db.targets.filter((r) => r.kind === kind && (r.connections === undefined || r.connections === connections));
  return rules.map((r) => `${r.signedInPagesOnly ? "signed-in pages" : "every route"}: ${targetText(r.target)}`).join("; ");
}

function aloneTable(db: DatabaseLoad, runs: LoadRun[]): string[] {
  const withTargets = runs.some((r) => r.routes.some((s) => targetFor(db, r, s.key)));
  const lines = [
    `| route | as | req/s | p50 | p95 | p99 | max | non-2xx | errors | timeouts | CPU app / db / load / all |${withTargets ? " target |" : ""}`,
    `|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|${withTargets ? "---|" : ""}`,
  ];
  for (const run of runs) {
    for (const s of run.routes) {
      const v = withTargets ? ` ${verdict(s, targetFor(db, run, s.key)) ?? "–"} |` : "";
      lines.push(
        `| ${s.label} | ${s.who} | ${rate(s.perSecond)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${count(s.non2xx)} | ${count(s.errors)} | ${count(s.timeouts)} | ${cores(run.cpu)} |${v}`,
      );
    }
  }
  return lines;
}

function mixTable(db: DatabaseLoad, run: LoadRun): string[] {
  const withTargets = run.routes.some((s) => targetFor(db, run, s.key));
  const lines = [
    `| route | as | share | requests | req/s | p50 | p95 | p99 | max | non-2xx | errors | timeouts |${withTargets ? " target |" : ""}`,
    `|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|${withTargets ? "---|" : ""}`,
  ];
  const row = (s: RouteSummary, bold: boolean, v: string) => {
    const b = (x: string) => (bold ? `**${x}**` : x);
    return `| ${b(s.label)} | ${s.who} | ${(s.share * 100).toFixed(1)} % | ${count(s.responses)} | ${b(rate(s.perSecond))} | ${ms(s.p50)} | ${b(ms(s.p95))} | ${ms(s.p99)} | ${ms(s.max)} | ${count(s.non2xx)} | ${count(s.errors)} | ${count(s.timeouts)} |${v}`;
  };
  for (const s of run.routes) lines.push(row(s, false, withTargets ? ` ${verdict(s, targetFor(db, run, s.key)) ?? "–"} |` : ""));
  lines.push(row(run.all, true, withTargets ? " |" : ""));
  return lines;
}

function runHeading(run: LoadRun): string {
  const secs = `${run.seconds.toFixed(0)} s`;
  if (run.kind === "alone") return `each route alone, ${run.connections} connections, closed loop (${secs} each)`;
  if (run.kind === "mix")
    return `the mix, ${run.connections} connections, closed loop (${secs}; CPU app / db / load / all ${cores(run.cpu)})`;
  return `the mix at a steady ${run.rate} req/s over ${run.connections} connections (${secs}; CPU app / db / load / all ${cores(run.cpu)})`;
}

/** One `npm run load` as a Markdown section (### heading, machine, then per database its setup and tables). */
export function renderLoadRun(report: LoadReport): string {
  const { machine } = report;
  const when = report.startedAt.replace("T", " ").replace(/:\d\d\.\d+Z$/, " UTC");
  const lines: string[] = [`### ${when} — ${report.databases.map((d) => driverName(d.driver)).join(" and ")}`, ""];
  lines.push(
    `- **Machine:** ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.os}, Node ${machine.node}; load average ${machine.loadAverage.start}${machine.loadAverage.end === undefined ? "" : ` at start, ${machine.loadAverage.end} at end`}`,
    `- **Command:** \`${report.command}\``,
    `- **Load:** ${report.tool}`,
  );
  for (const db of report.databases) {
    lines.push(
      `- **${driverName(db.driver)}:** ${db.server}; ${db.data}. App: ${db.app}; peak RSS ${db.peakRssMiB.map((m) => `${m.toFixed(0)} MiB`).join(", ")}. Callers: ${db.callers}`,
    );
  }
  lines.push("");
  for (const db of report.databases) {
    const alone = db.runs.filter((r) => r.kind === "alone");
    const byConnections = [...new Set(alone.map((r) => r.connections))];
    for (const c of byConnections) {
      const runs = alone.filter((r) => r.connections === c);
      const targets = rulesText(db, "alone", c);
      lines.push(`#### ${driverName(db.driver)}: ${runHeading(runs[0]!)}`, "");
      if (targets) lines.push(`Target: ${targets}.`, "");
      lines.push(...aloneTable(db, runs), "");
    }
    for (const run of db.runs.filter((r) => r.kind !== "alone")) {
      const targets = rulesText(db, run.kind, run.connections);
      lines.push(`#### ${driverName(db.driver)}: ${runHeading(run)}`, "");
      if (targets) lines.push(`Target: ${targets}.`, "");
      lines.push(...mixTable(db, run), "");
    }
  }
  if (report.notes.length) {
    lines.push("#### Notes on this run", "");
    for (const note of report.notes) lines.push(`- ${note}`);
    lines.push("");
  }
  return lines.join("\n");
}

const driverLabel = (d: DatabaseLoad["driver"]) => (d === "pglite" ? "PGlite" : "PostgreSQL");

/** Cores busy with something else than the app, its PostgreSQL backends and the load generator during a run. */
export const otherWork = (cpu: CpuUse) => Math.max(0, cpu.machine - cpu.app - (cpu.database ?? 0) - cpu.load);

/**
 * What a reader should not miss: other work on the machine during the runs
 * (from the CPU measured, not the load average, which lags a minute), and per
 * database the slowest route alone and every answer that was not a 2xx in time.
 */
export function automaticNotes(report: Pick<LoadReport, "databases">): string[] {
  const notes: string[] = [];
  const busy = report.databases
    .map((db) => ({ db, other: Math.max(0, ...db.runs.map((r) => otherWork(r.cpu))) }))
    .filter((x) => x.other >= 0.25);
  if (busy.length)
    notes.push(
      `Other work on the machine took up to ${busy.map((x) => `${x.other.toFixed(1)} cores during the ${driverLabel(x.db.driver)} runs`).join(" and ")} (the machine's CPU less the app's, its database's and the load generator's): those numbers are lower than the machine alone would give.`,
    );
  for (const db of report.databases) {
    const name = driverLabel(db.driver);
    const alone = db.runs.filter((r) => r.kind === "alone").flatMap((r) => r.routes.filter((s) => s.key !== "health"));
    const slowest = alone.reduce<RouteSummary | null>((a, s) => (!a || s.perSecond < a.perSecond ? s : a), null);
    if (slowest)
      notes.push(
        `${name}: the slowest route alone is ${slowest.label} (${slowest.who}): ${rate(slowest.perSecond)} req/s, p95 ${ms(slowest.p95)} ms.`,
      );
    const failing = db.runs.flatMap((r) =>
      r.routes
        .filter((s) => s.non2xx + s.errors + s.timeouts > 0)
        .map((s) => {
          const statuses = Object.entries(s.statuses)
            .filter(([status]) => !/^2/.test(status))
            .map(([status, n]) => `${count(n)} × ${status}`);
          const what = [
            ...statuses,
            s.errors ? `${count(s.errors)} connection errors` : "",
            s.timeouts ? `${count(s.timeouts)} timeouts` : "",
          ];
          return `${s.label} (${r.kind}, ${r.connections} connections): ${what.filter(Boolean).join(", ")}`;
        }),
    );
    notes.push(
      failing.length
        ? `${name}: not every answer was a 2xx in time: ${failing.join("; ")}.`
        : `${name}: every request got a 2xx answer in time.`,
    );
  }
  return notes;
}

export const LOAD_MARKER = "<!-- load runs: `npm run load` inserts each new run below this line, newest first -->";
const BENCH_MARKER = "<!-- runs: `npm run bench` inserts each new run below this line, newest first -->";

/**
 * Inserts a load run into BENCHMARKS.md below the load marker, newest first.
 * Without the marker, a "Load test" section with it goes before the bench's
 * runs (or at the end).
 */
export function recordLoadRun(file: string, section: string): void {
  let text = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  if (!text.includes(LOAD_MARKER)) {
    const block = `## Load test (\`npm run load\`)\n\n${LOAD_MARKER}\n\n`;
    text = text.includes(BENCH_MARKER) ? text.replace(BENCH_MARKER, () => `${block}${BENCH_MARKER}`) : `${text.trimEnd()}\n\n${block}`;
  }
  text = text.replace(LOAD_MARKER, () => `${LOAD_MARKER}\n\n${section.trimEnd()}\n`);
  writeFileSync(file, text.replace(/\n{3,}/g, "\n\n"));
}
