// The contract between generator steps. Each feature adds its own steps to the
// ordered list in bench/generate.ts; a step reads what earlier steps left in
// the context (organisations, people…) and adds its own rows and samples.
import type { AgreementMethod } from "~/features/agreements/constants";
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
  /** Theme calls (default: organizations / 5, i.e. 20,000 at full size). */
  themes?: number;
  /** Proposals (default: organizations × 2, i.e. 200,000 at full size). */
  proposals?: number;
  /** Agreements (default: organizations / 2, i.e. 50,000 at full size); about 8 cooperation items each. */
  agreements?: number;
  /** Meetings held under the agreements (default: agreements × 6, i.e. 300,000 at full size). */
  meetings?: number;
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
  /** Display names ("佐藤 太郎"), for timelines and message authors. */
  names: string[];
  /** Organisation index of the first (primary) membership. */
  primaryOrganization: Int32Array;
  primaryRole: Role[];
  membershipCount: number;
}

/** What the theme step leaves behind, by theme index. */
export interface GeneratedThemes {
  ids: string[];
  /** Organisation index of the theme's municipality. */
  municipality: Int32Array;
  status: ("draft" | "published" | "closed")[];
  /** Epoch ms of publication (NaN for drafts). */
  publishedAt: Float64Array;
  /** Epoch ms after which no proposal can come in: the deadline's end, the closing, or now. */
  openUntil: Float64Array;
  /** Published and not past its deadline today (proposals may still be drafted against it). */
  open: Uint8Array;
  fields: string[][];
  /** Organisation index of the owning department, -1 for none. */
  department: Int32Array;
  /** Organisation index of a municipality → indices of its non-draft themes. */
  byMunicipality: Map<number, number[]>;
  /** The municipalities (organisation indices) and how busy each is (prefix sums), shared with the proposals step. */
  municipalities: number[];
  activity: Float64Array;
}

/** What the agreement step leaves behind, by agreement index. */
export interface GeneratedAgreements {
  ids: string[];
  /** Organisation index of the owning public body (municipality or prefecture). */
  owner: Int32Array;
  method: AgreementMethod[];
  /** Person index of the desk member who keeps the agreement (and schedules its meetings). */
  keeper: Int32Array;
  /** Epoch ms from which meetings are held (the start, or the signing); NaN when never signed. */
  liveFrom: Float64Array;
  /** Epoch ms after which none are held: the end or termination, else now. */
  liveUntil: Float64Array;
  /** Still running: its next meetings are already scheduled. */
  ongoing: Uint8Array;
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
  themes?: GeneratedThemes;
  agreements?: GeneratedAgreements;
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
