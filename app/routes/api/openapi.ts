import type { Route } from "./+types/openapi";
import { api, json, runtimeOf } from "~/server/context.server";
import { openApiDocument } from "~/server/openapi/document.server";

/** Public: the OpenAPI 3.1 document of this API, generated from the endpoints' Zod schemas. */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { config } = runtimeOf(args.context);
    return json(openApiDocument({ version: config.version, baseUrl: config.baseUrl }), {
      headers: { "cache-control": "public, max-age=300" },
    });
  });
}
