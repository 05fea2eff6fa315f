// The OpenAPI 3.1 document of the JSON API, generated from the Zod schemas
// the endpoints validate with and answer by (docs/decisions/0020). Served at
// /api/v1/openapi.json and rendered as the reference page /developers/api.
import { createDocument, type oas31, type ZodOpenApiPathsObject } from "zod-openapi";
import { apiTags, BEARER, tagDescriptions } from "~/lib/openapi/operation";
import { systemPaths } from "./paths/system.server";
import { identityPaths } from "~/features/identity/openapi";
import { notificationPaths } from "~/features/notifications/openapi";
import { directoryPaths } from "~/features/directory/openapi";
import { followPaths, themePaths } from "~/features/themes/openapi";
import { proposalPaths } from "~/features/proposals/openapi";
import { agreementPaths } from "~/features/agreements/openapi";
import { calendarFeedPaths, meetingPaths } from "~/features/meetings/openapi";
import { auditPaths } from "~/features/audit/openapi";
import { resultPaths } from "~/features/results/openapi";

export type OpenApiDocument = oas31.OpenAPIObject;

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Each feature describes its own endpoints (features/<name>/openapi.ts); server/features.test.ts checks every one is here. */
export const featurePaths: ZodOpenApiPathsObject[] = [
  identityPaths,
  notificationPaths,
  followPaths,
  calendarFeedPaths,
  directoryPaths,
  themePaths,
  proposalPaths,
  agreementPaths,
  meetingPaths,
  resultPaths,
  auditPaths,
];

const paths: ZodOpenApiPathsObject = Object.assign({}, systemPaths, ...featurePaths);

/** "post" + "/api/v1/themes/{id}/publish" → "postThemesByIdPublish": stable names for generated clients. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1\//, "")
    .split(/[/.-]/)
    .filter(Boolean)
    .map((w) => (w.startsWith("{") ? `By${w.slice(1, 2).toUpperCase()}${w.slice(2, -1)}` : w.charAt(0).toUpperCase() + w.slice(1)));
  return method + words.join("");
}

function withOperationIds(source: ZodOpenApiPathsObject): ZodOpenApiPathsObject {
  return Object.fromEntries(
    Object.entries(source).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([method, op]) => [
          method,
          HTTP_METHODS.includes(method as HttpMethod) ? { operationId: operationIdOf(method, path), ...op } : op,
        ]),
      ),
    ]),
  );
}

const built = new Map<string, OpenApiDocument>();

/** The document for this installation (built once per version and address). */
export function openApiDocument({ version, baseUrl }: { version: string; baseUrl: string }): OpenApiDocument {
  const key = `${version} ${baseUrl}`;
  const cached = built.get(key);
  if (cached) return cached;
  const document = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Renkei API",
      version,
      description: [
        "The JSON API of Renkei (連携), the public-private partnership platform.",
        "Authenticate with a personal token (POST /api/v1/tokens, or the settings page) sent as `Authorization: Bearer <token>`; session cookies are not accepted here.",
        "Errors are RFC 9457 problem documents (application/problem+json) with a Japanese `title`.",
        "公民連携プラットフォーム Renkei の JSON API です。",
      ].join("\n\n"),
      license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
    },
    servers: [{ url: baseUrl, description: "This installation" }],
    tags: apiTags.map((name) => ({ name, description: tagDescriptions[name] })),
    paths: withOperationIds(paths),
    components: {
      securitySchemes: {
        [BEARER]: { type: "http", scheme: "bearer", description: "A personal API token (rk_…), valid for 30 days unless revoked." },
      },
    },
  });
  built.set(key, document);
  return document;
}
