// The national-scale data generator. It grows with each feature: a feature
// appends its steps to `generatorSteps` (in dependency order), reading what
// earlier steps left in the context. Today: the national directory plus
// organisations, people, memberships, credentials and API tokens; theme calls
// and proposals; agreements with their items, approvals, timeline, contacts
// and document versions; and the meetings held under them.
import { createAuth } from "~/lib/auth/auth.server";
import type { Database } from "~/lib/db/client.server";
import { countRows } from "./lib/bulk";
import { createRandom } from "./lib/random";
import { directorySteps } from "./generators/directory";
import { identitySteps } from "./generators/identity";
import { agreementSteps } from "./generators/agreements";
import { agreementDocumentSteps } from "./generators/agreement-documents";
import { meetingSteps } from "./generators/meetings";
import { proposalSteps } from "./generators/proposals";
import { themeSteps } from "./generators/themes";
import type { GeneratorContext, GeneratorSamples, GeneratorSizes, GeneratorStep } from "./generators/types";

export type { GeneratorSizes, GeneratorStep, GeneratorContext, GeneratorSamples } from "./generators/types";

/** Every generated account signs in with this password. */
export const BENCH_PASSWORD = "renkei-bench-2026";

/** Planner statistics need fresh numbers after a bulk load (PGlite has no autovacuum). */
const analyzeStep: GeneratorStep = {
  name: "vacuum analyze",
  async run(ctx) {
    await ctx.database.executeSql("VACUUM ANALYZE", []);
    return {};
  },
};

/** The ordered steps. Add a feature's generators before the final analyze. */
export const generatorSteps: readonly GeneratorStep[] = [
  ...directorySteps,
  ...identitySteps,
  ...themeSteps,
  ...proposalSteps,
  ...agreementSteps,
  ...agreementDocumentSteps,
  ...meetingSteps,
  analyzeStep,
];

/** Tables whose sizes a run reports. */
export const reportedTables = [
  "local_governments",
  "organizations",
  "users",
  "auth_accounts",
  "memberships",
  "api_tokens",
  "themes",
  "proposals",
  "proposal_events",
  "proposal_shares",
  "proposal_messages",
  "agreements",
  "agreement_parties",
  "agreement_items",
  "approval_steps",
  "agreement_events",
  "agreement_contacts",
  "agreement_handovers",
  "agreement_document_versions",
  "meetings",
  "meeting_action_items",
] as const;

export interface GenerationResult {
  seed: number;
  steps: { name: string; ms: number; rows: Record<string, number> }[];
  totalMs: number;
  counts: Record<string, number>;
  samples: GeneratorSamples;
  password: string;
}

export interface GenerateOptions {
  seed?: number;
  now?: Date;
  steps?: readonly GeneratorStep[];
  log?: (message: string) => void;
}

/** Argon2id hash of the bench password with the app's own parameters, computed once. */
async function hashPasswordOnce(database: Database, password: string): Promise<string> {
  const auth = createAuth(database.db, {
    baseUrl: "http://localhost:3999",
    secret: "bench-secret-bench-secret-bench-secret",
    secureCookies: false,
    onPasswordReset: async () => undefined,
    onPasswordChanged: async () => undefined,
  });
  return (await auth.$context).password.hash(password);
}

export async function generateFoundationData(
  database: Database,
  sizes: GeneratorSizes,
  options: GenerateOptions = {},
): Promise<GenerationResult> {
  const seed = options.seed ?? 20260401;
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const agreements = sizes.agreements ?? Math.round(sizes.organizations / 2);
  const ctx: GeneratorContext = {
    database,
    sizes: {
      organizations: sizes.organizations,
      people: sizes.people,
      apiTokens: Math.min(sizes.people, sizes.apiTokens ?? 2000),
      samplePeople: Math.min(sizes.people, sizes.samplePeople ?? 2000),
      themes: sizes.themes ?? Math.round(sizes.organizations / 5),
      proposals: sizes.proposals ?? sizes.organizations * 2,
      agreements,
      meetings: sizes.meetings ?? agreements * 6,
    },
    random: createRandom(seed),
    now: options.now ?? new Date(),
    password: BENCH_PASSWORD,
    passwordHash: await hashPasswordOnce(database, BENCH_PASSWORD),
    samples: { people: [], tokens: [] },
    log,
  };
  const steps: GenerationResult["steps"] = [];
  for (const step of options.steps ?? generatorSteps) {
    const t0 = performance.now();
    const rows = await step.run(ctx);
    const ms = performance.now() - t0;
    steps.push({ name: step.name, ms, rows });
    log(
      `${step.name}: ${
        Object.entries(rows)
          .map(([t, n]) => `${n.toLocaleString("en")} ${t}`)
          .join(", ") || "done"
      } in ${(ms / 1000).toFixed(1)} s`,
    );
  }
  const counts: Record<string, number> = {};
  for (const table of reportedTables) counts[table] = await countRows(database, table);
  return { seed, steps, totalMs: performance.now() - started, counts, samples: ctx.samples, password: ctx.password };
}
