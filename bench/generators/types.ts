// The contract between generator steps. Each feature adds its own steps to the
// ordered list in bench/generate.ts; a step reads what earlier steps left in
// the context (organisations, people…) and adds its own rows and samples.
import type { Database } from "~/lib/db/client.server";
import type { OrganizationKind, Role } from "~/lib/roles";
import type { Random } from "../lib/random";

/** How much to generate. Later features add their own optional sizes here. */
export interface GeneratorSizes {
  organizations: number;
  people: number;
  /** Personal API tokens for a sample of people (default: min(people, 2,000)). */
  apiTokens?: number;
  /** People whose email is kept for login benchmarks (default: min(people, 2,000)). */
  samplePeople?: number;
}

export interface DirectoryEntry {
  code: string;
  kind: "prefecture" | "municipality" | "ward";
  name: string;
  nameKana: string;
  prefectureCode: string;
}

/** What the organisation step leaves behind, by index into these arrays. */
export interface GeneratedOrganizations {
  ids: string[];
  kinds: OrganizationKind[];
  names: string[];
  localGovCodes: (string | null)[];
  /** Mail domain used for the people of this organisation. */
  domains: string[];
  /** Indices of municipality and prefecture organisations. */
  publicBodies: number[];
  /** Public body index → indices of its departments. */
  departmentsOf: Map<number, number[]>;
  /** Indices of partner organisations by kind. */
  partnersByKind: Partial<Record<OrganizationKind, number[]>>;
}

/** What the people step leaves behind, by person index. */
export interface GeneratedPeople {
  ids: string[];
  emails: string[];
  /** Organisation index of the first (primary) membership. */
  primaryOrganization: Int32Array;
  primaryRole: Role[];
  membershipCount: number;
}

export interface GeneratorSamples {
  /** People who can sign in with `password`. */
  people: { userId: string; email: string }[];
  /** Valid API tokens (plaintext) with their owners. */
  tokens: { userId: string; token: string }[];
}

export interface GeneratorContext {
  database: Database;
  sizes: Required<GeneratorSizes>;
  random: Random;
  /** The moment "now" for generated timestamps. */
  now: Date;
  /** The plaintext password of every generated account, and its Argon2id hash (computed once). */
  password: string;
  passwordHash: string;
  directory?: DirectoryEntry[];
  organizations?: GeneratedOrganizations;
  people?: GeneratedPeople;
  samples: GeneratorSamples;
  log(message: string): void;
}

export interface GeneratorStep {
  /** Shown in reports, e.g. "identity: organisations". */
  name: string;
  /** Inserts its rows; returns rows inserted per table. */
  run(ctx: GeneratorContext): Promise<Record<string, number>>;
}

export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`generator step needs ${what} from an earlier step`);
  return value;
}
