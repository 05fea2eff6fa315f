// The pieces every operation of the OpenAPI document shares: tags, how a
// caller authenticates, the problem-document answers, and `operation()`,
// which turns a short description of an endpoint into an OpenAPI operation.
import { z } from "zod";
import type {
  ZodOpenApiContentObject,
  ZodOpenApiOperationObject,
  ZodOpenApiResponseObject,
  ZodOpenApiResponsesObject,
  oas31,
} from "zod-openapi";
import { problemDocument } from "~/lib/http/problem.server";

/** Groups of the reference, in the order it lists them. */
export const apiTags = [
  "system",
  "account",
  "directory",
  "themes",
  "proposals",
  "agreements",
  "imports",
  "meetings",
  "results",
  "audit",
] as const;
export type ApiTag = (typeof apiTags)[number];

export const tagDescriptions: Record<ApiTag, string> = {
  system: "Health and this description.",
  account: "Tokens, the caller, notifications, follows and the calendar feed.",
  directory: "The national list of local governments and the organisations on Renkei.",
  themes: "Theme calls (テーマ型): municipalities publish local issues and invite proposals.",
  proposals: "Proposals (提案), their screening, dialogue and the desk/department role matrix.",
  agreements: "The agreement register (協定台帳), approvals, documents, contacts and the municipality's settings.",
  imports: "Importing an existing agreement register from Excel or CSV.",
  meetings: "Steering, working and project meetings of an agreement, with action items.",
  results: "Joint projects of an agreement, their yearly plans, SMART KPIs and the figures entered for them.",
  audit: "The audit log.",
};

export const BEARER = "bearerToken";

/** Who may call: anyone; anyone, with more to see for a token; a token only. */
export type Access = "public" | "optionalToken" | "token";

/** Acting for one of several organisations; every token-authenticated call accepts it. */
const organizationHeader = z
  .string()
  .optional()
  .meta({
    param: { id: "OrganizationHeader", in: "header", name: "X-Renkei-Organization" },
    description:
      "The organisation (or membership) id to act for, when the token's user belongs to several. Naming one the user is not in is a 403. Without it: the last one chosen in the app, else the first.",
  });

const problemResponse = (id: string, description: string): ZodOpenApiResponseObject => ({
  id,
  description,
  content: { "application/problem+json": { schema: problemDocument } },
});

/** The problem documents operations answer with, described once as components. */
const problems = {
  401: problemResponse("Unauthorized", "No valid API token: missing, unknown, expired or revoked."),
  403: problemResponse("Forbidden", "The token's user may not do this here (role or organisation)."),
  404: problemResponse("NotFound", "No such thing — or the caller may not know that it exists."),
  409: problemResponse("Conflict", "Its state does not allow this now (a workflow step already taken, a decision already made)."),
  422: problemResponse("ValidationFailed", "The input is invalid: `errors` lists each field with a message in Japanese."),
  default: problemResponse(
    "Problem",
    "Any other error: 413 body too large, 429 too many attempts, 503 database unavailable (both with Retry-After), 500.",
  ),
} as const;
export type ProblemStatus = Exclude<keyof typeof problems, "default">;

/** A binary answer or upload, which JSON Schema has no type for. */
export const binary: oas31.SchemaObject = { type: "string", format: "binary" };

/** JSON content of a request or response. */
export const jsonContent = (schema: z.ZodType): ZodOpenApiContentObject => ({ "application/json": { schema } });

export interface Answer {
  description: string;
  /** A JSON body. */
  schema?: z.ZodType;
  /** Any other content (files, calendars, streams). */
  content?: ZodOpenApiContentObject;
  headers?: z.ZodObject;
}

export interface OperationSpec {
  tag: ApiTag;
  /** English, short. */
  summary: string;
  /** Japanese: what it is for and who may call it. */
  description: string;
  access: Access;
  path?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  /** A JSON body, or other content (multipart uploads). */
  body?: z.ZodType | ZodOpenApiContentObject;
  /** Without a body the call still works (transitions whose note is optional). */
  bodyOptional?: boolean;
  responses: Partial<Record<200 | 201 | 204 | 503, Answer>>;
  /** Problems besides those implied: 401/403 for tokens, 404 with path ids, 422 with input. */
  problems?: ProblemStatus[];
}

const isZod = (value: unknown): value is z.ZodType => value instanceof z.ZodType;

function answer({ description, schema, content, headers }: Answer): ZodOpenApiResponseObject {
  return { description, content: schema ? jsonContent(schema) : content, headers };
}

function problemStatuses(spec: OperationSpec): ProblemStatus[] {
  const implied: ProblemStatus[] = [];
  if (spec.access === "token") implied.push(401, 403);
  if (spec.access === "optionalToken") implied.push(401);
  if (spec.path) implied.push(404);
  if (spec.body || spec.query) implied.push(422);
  return [...new Set([...implied, ...(spec.problems ?? [])])].sort();
}

/** One operation of the document, from its short description. */
export function operation(spec: OperationSpec): ZodOpenApiOperationObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, a] of Object.entries(spec.responses)) responses[status as `${2 | 5}${string}`] = answer(a as Answer);
  for (const status of problemStatuses(spec)) responses[`${status}`] = problems[status];
  responses.default = problems.default;
  const security: oas31.SecurityRequirementObject[] | undefined =
    spec.access === "token" ? [{ [BEARER]: [] }] : spec.access === "optionalToken" ? [{}, { [BEARER]: [] }] : [];
  return {
    tags: [spec.tag],
    summary: spec.summary,
    description: spec.description,
    security,
    requestParams: {
      ...(spec.path && { path: spec.path }),
      ...(spec.query && { query: spec.query }),
      ...(spec.headers && { header: spec.headers }),
    },
    parameters: spec.access === "public" ? undefined : [organizationHeader],
    requestBody: spec.body ? { required: !spec.bodyOptional, content: isZod(spec.body) ? jsonContent(spec.body) : spec.body } : undefined,
    responses,
  };
}

/** Path parameters: ids of stored things. */
export const idPath = z.object({ id: z.uuid() });
