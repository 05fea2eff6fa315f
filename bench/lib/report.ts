// The run report: machine, data size, generation time and latencies, as JSON
// (bench/results/) and as a Markdown section inserted into BENCHMARKS.md.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import type { DatabaseKind } from "~/lib/db/client.server";
import type { Summary } from "./stats";

export interface OperationResult {
  operation: string;
  detail: string;
  app: Summary;
  baseline: (Summary & { label: string }) | null;
  samples: { app: number[]; baseline: number[] | null };
}

export interface DriverRun {
  driver: DatabaseKind;
  description: string;
  serverVersion: string;
  databaseBytes: number;
  migrateMs: number;
  generation: { totalMs: number; seed: number; steps: { name: string; ms: number; rows: Record<string, number> }[] };
  counts: Record<string, number>;
  operations: OperationResult[];
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews latencies. */
  loadAverage: { start: number; end?: number };
}

export interface RunReport {
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  settings: {
    organizations: number;
    people: number;
    themes: number;
    proposals: number;
    agreements: number;
    meetings: number;
    iterations: number;
    loginIterations: number;
    warmup: number;
    loginWarmup: number;
    seed: number;
  };
  runs: DriverRun[];
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: { start: Math.round(os.loadavg()[0]! * 100) / 100 },
  };
}

const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : "–");
const seconds = (n: number) => `${(n / 1000).toFixed(1)} s`;
const count = (n: number) => n.toLocaleString("en");
const driverName = (d: DatabaseKind) => (d === "pglite" ? "PGlite" : "PostgreSQL");

/** One run as a Markdown section (## heading, machine, data, latencies). */
export function renderRun(report: RunReport): string {
  const { machine, settings, runs } = report;
  const lines: string[] = [];
  const when = report.startedAt.replace("T", " ").replace(/:\d\d\.\d+Z$/, " UTC");
  lines.push(
    `## ${when} — ${count(settings.organizations)} organisations, ${count(settings.people)} people, ${count(settings.themes)} themes, ${count(settings.proposals)} proposals, ${count(settings.agreements)} agreements, ${count(settings.meetings)} meetings`,
    "",
  );
  lines.push(
    `- **Machine:** ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.os}, Node ${machine.node}; load average ${machine.loadAverage.start}${machine.loadAverage.end === undefined ? "" : ` at start, ${machine.loadAverage.end} at end`}`,
  );
  for (const run of runs) lines.push(`- **${driverName(run.driver)}:** ${run.serverVersion}; ${run.description}`);
  lines.push(
    `- **Method:** route modules called in process (no HTTP), one at a time; ${settings.iterations} timed calls per operation (${settings.loginIterations} for logins) after ${settings.warmup} (${settings.loginWarmup}) warm-up calls; the baseline runs right after each app call in the same round. Generator seed ${settings.seed}.`,
    "",
  );

  lines.push("### Data", "");
  lines.push(`| table | ${runs.map((r) => driverName(r.driver)).join(" | ")} |`, `|---|${runs.map(() => "--:").join("|")}|`);
  const tables = [...new Set(runs.flatMap((r) => Object.keys(r.counts)))];
  for (const table of tables)
    lines.push(`| ${table} | ${runs.map((r) => (r.counts[table] === undefined ? "–" : count(r.counts[table]))).join(" | ")} |`);
  lines.push(`| database size | ${runs.map((r) => `${(r.databaseBytes / 2 ** 20).toFixed(0)} MiB`).join(" | ")} |`, "");

  lines.push("### Generation time", "");
  lines.push(`| step | ${runs.map((r) => driverName(r.driver)).join(" | ")} |`, `|---|${runs.map(() => "--:").join("|")}|`);
  lines.push(`| migrate | ${runs.map((r) => seconds(r.migrateMs)).join(" | ")} |`);
  const steps = [...new Set(runs.flatMap((r) => r.generation.steps.map((s) => s.name)))];
  for (const step of steps)
    lines.push(
      `| ${step} | ${runs
        .map((r) => {
          const s = r.generation.steps.find((x) => x.name === step);
          return s ? seconds(s.ms) : "–";
        })
        .join(" | ")} |`,
    );
  lines.push(`| **total generation** | ${runs.map((r) => `**${seconds(r.generation.totalMs)}**`).join(" | ")} |`, "");

  lines.push("### Latency (ms)", "");
  lines.push(
    "| operation | driver | p50 | p95 | mean | baseline | base p50 | base p95 | base mean |",
    "|---|---|--:|--:|--:|---|--:|--:|--:|",
  );
  const operations = [...new Set(runs.flatMap((r) => r.operations.map((o) => o.operation)))];
  for (const name of operations) {
    for (const run of runs) {
      const op = run.operations.find((o) => o.operation === name);
      if (!op) continue;
      const b = op.baseline;
      lines.push(
        `| ${name} | ${driverName(run.driver)} | ${ms(op.app.p50)} | ${ms(op.app.p95)} | ${ms(op.app.mean)} | ${b ? b.label : "–"} | ${b ? ms(b.p50) : "–"} | ${b ? ms(b.p95) : "–"} | ${b ? ms(b.mean) : "–"} |`,
      );
    }
  }
  lines.push("");
  return lines.join("\n");
}

const MARKER = "<!-- runs: `npm run bench` inserts each new run below this line, newest first -->";

const INTRO = `# Benchmarks

\`npm run bench\` (bench/run.ts) builds a national-scale database and times the
API's hot paths on each driver: PGlite (always, in a temporary data directory)
and a PostgreSQL server (when \`BENCH_DATABASE_URL\`, \`TEST_DATABASE_URL\` or
\`DATABASE_URL\` answers; a database \`renkei_bench\` is created there and dropped
afterwards).

**Data.** The generator (bench/generate.ts) grows with each feature: an ordered
list of steps, each feature appending its own. Today it loads the national
directory (1,965 local governments) and then organisations of every kind spread
over the 1,747 municipalities (public bodies with real codes and their
departments, companies with valid 法人番号, universities, banks, NPOs, chambers
of commerce, intermediaries), people with Japanese names, one or two
memberships each (roles fitting the organisation kind), a credential account
each and API tokens for a sample. All accounts share one Argon2id hash, made
once with the app's parameters: verification cost per login is unchanged.
Then theme calls (テーマ型) over the municipalities that have an organisation,
busy cities far more than villages: mostly published (many long past their
deadline), some drafts and closed calls, Japanese titles and issue text per
policy field, search text normalised as the app does. And proposals from
partners (mostly of the same prefecture) to those municipalities, about a third
against one of its calls: the status follows the age (fresh ones wait in the
inbox, old ones are implemented, closed or declined), a timeline event for each
workflow step, shares with departments from acceptance on, a few messages and
meeting notes once in dialogue.
Then agreements owned by the same municipalities (busy cities far more than
villages; 4 % by prefectures), two to five parties each drawn from the partner
organisations (mostly of the same prefecture; universities, banks and
intermediaries sign many, a few large partners very many; in 5 % of a
municipality's agreements its prefecture joins), comprehensive, project, other
and procurement agreements with about eight cooperation items each (policy
fields; a comprehensive one spans many), terms of three to five years, a third
renewing automatically. The status follows the dates: signed in the last eight
years, recent ones more often, so about half are active and older ones renewed
or ended; 5 % drafts, 4 % in internal approval. Every agreement past drafting
has its approval steps (the city's four-step chain and each partner's), a
timeline event per status step, named primary and (mostly) secondary contacts
per party with some handovers, and document versions with the snapshot the app
records (what went to approval, what was signed, a few amendments). Meetings
(steering half-yearly or yearly, working quarterly, some project teams monthly)
run from each agreement's start to its end or a little past today; a quarter
of the agreements stop meeting after their first year (形骸化); some working
and project meetings leave action items. Document versions, meetings and
action items are written by the database itself (INSERT … SELECT over
generate_series, choices from an md5 of each row's key), the rest through
bulk \`unnest\` inserts.

**Operations.** Each is the real route module (or better-auth API) called in
process, next to a baseline in the same run: the raw SQL it boils down to,
executed directly through the driver, so the app layers' overhead is visible.

- login: \`POST /api/v1/tokens\` with a different generated person each time
  (Argon2id, 19 MiB, 2 passes, dominates on purpose); baseline: the user +
  account SELECT and the Argon2id verify. Also better-auth \`signInEmail\`
  (what the login form does).
- \`GET /api/v1/me\` with random API tokens used within the last minute; and a
  token's first use in a minute, which also writes \`last_used_at\`.
- \`GET /api/v1/municipalities?q=\` with kanji, kana and code-prefix queries.
- The desk inbox, \`GET /api/v1/proposals\`, as the desk admin of the busiest
  municipality: the first page, with \`status=\` and with \`q=\`; the first page
  for the desk admins of the 50 busiest municipalities in turn (a working set
  larger than shared_buffers); and a department's shared list. Baseline: the
  token and memberships lookups, the page and count queries and the name
  lookups, run as the app runs them.
- \`GET /api/v1/proposals/:id\` as the desk (which writes an access-log row, part
  of the real cost) and as the proposer.
- The public list of calls, \`GET /api/v1/themes\` (open calls, whole country),
  and with \`field=\`, \`prefecture=\`, \`municipality=\` and \`q=\`.
- The agreement register, \`GET /api/v1/agreements\`, as the desk admin of the
  municipality with the most agreements: the first page (50), with \`status=\`
  and \`field=\` together, and with \`q=\`; the first page for the 50 busiest
  desks in turn; and the register of the partner with the most agreements.
  Baseline: token and memberships, the page and count queries and the
  summaries' lookups (parties, item fields, place names, secondary contacts,
  partner names).
- \`GET /api/v1/agreements/:id\` as the owning desk and as a partner's member
  (parties, items, approvals, timeline, document versions, contacts,
  handovers), and \`GET /api/v1/agreements/:id/meetings\`.
- The register export in Shift_JIS, \`GET /api/v1/agreements/export.csv?encoding=shift_jis\`.
  There is no prefecture-wide export: every register and export is "the
  agreements my organisation is a party to". So "one prefecture's export" is
  what the desk of the prefecture with the most agreements gets (those it owns
  or has joined); the busiest municipality's desk export is timed too.
  Baseline: the export's SQL (rows, parties, item fields, place names,
  organisations), without building and encoding the CSV.

Before timing, each list and detail case checks that the app and its baseline
return the same ids (and totals; the export, the same rows).

**Run it.** \`npm run bench\` (full size: 100,000 organisations, 300,000 people,
20,000 theme calls, 200,000 proposals, 50,000 agreements, 300,000 meetings).
Options: \`BENCH_ORGS\`, \`BENCH_PEOPLE\`, \`BENCH_THEMES\` and \`BENCH_PROPOSALS\`
(default: a fifth of, and twice, the organisations), \`BENCH_AGREEMENTS\` and
\`BENCH_MEETINGS\` (default: half the organisations, and six per agreement),
\`BENCH_ITERATIONS\` (default 200; logins a quarter), \`BENCH_LOGIN_ITERATIONS\`,
\`BENCH_DRIVERS=pglite,postgresql\`, \`BENCH_SEED\`, \`BENCH_DATABASE_NAME\` (the
PostgreSQL database, default \`renkei_bench\`: one per concurrent run),
\`BENCH_KEEP=1\` (keep the generated database or PGlite data directory, e.g. for
EXPLAIN ANALYZE), \`BENCH_RECORD=0\` (do not add the run here). A quick smoke run:
\`BENCH_ORGS=2000 BENCH_PEOPLE=5000 BENCH_ITERATIONS=20 BENCH_RECORD=0 npm run bench\`.
Raw samples go to \`bench/results/<timestamp>.json\` (not committed).

${MARKER}
`;

/** Inserts a run section into BENCHMARKS.md (created with its introduction if missing), newest first. */
export function recordRun(file: string, section: string): void {
  let text = existsSync(file) ? readFileSync(file, "utf8") : INTRO;
  if (!text.includes(MARKER)) text = `${text.trimEnd()}\n\n${MARKER}\n`;
  text = text.replace(MARKER, () => `${MARKER}\n\n${section.trimEnd()}\n`);
  writeFileSync(file, text.replace(/\n{3,}/g, "\n\n"));
}
