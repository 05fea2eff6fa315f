// The service itself in the OpenAPI document: health and this description.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "~/lib/openapi/operation";

/** GET /api/v1/health: what a load balancer and a monitor read. */
export const healthView = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    database: z.enum(["pglite", "postgresql"]).meta({ description: "The database driver (kept for existing monitors)." }),
    version: z.string(),
    checks: z.object({ database: z.object({ kind: z.enum(["pglite", "postgresql"]), reachable: z.boolean(), latencyMs: z.number() }) }),
  })
  .meta({ id: "Health" });
export type HealthView = z.output<typeof healthView>;

export const systemPaths: ZodOpenApiPathsObject = {
  "/api/v1/health": {
    get: operation({
      tag: "system",
      summary: "Health of the service",
      description: "死活監視用。データベースに接続できない間は 503 を返し、ロードバランサが切り離せるようにします。",
      access: "public",
      responses: {
        200: { description: "Up, and the database answers.", schema: healthView },
        503: { description: "The database does not answer (Retry-After).", schema: healthView },
      },
      problems: [],
    }),
  },
  "/api/v1/openapi.json": {
    get: operation({
      tag: "system",
      summary: "This API description (OpenAPI 3.1)",
      description: "この API の OpenAPI 3.1 形式の定義。アプリの /developers/api で読める形にも表示します。",
      access: "public",
      responses: { 200: { description: "The OpenAPI document.", content: { "application/json": { schema: { type: "object" } } } } },
    }),
  },
};
