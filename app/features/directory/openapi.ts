// The national list of local governments in the OpenAPI document.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { pageOf } from "~/lib/api-schemas";
import { localGovernment, municipalitySearchInput } from "./schema";
import { operation } from "~/lib/openapi/operation";

export const directoryPaths: ZodOpenApiPathsObject = {
  "/api/v1/municipalities": {
    get: operation({
      tag: "directory",
      summary: "Search the national list of local governments",
      description: "全国の地方公共団体を漢字・かな・団体コードの先頭で検索します（トークン不要）。",
      access: "public",
      query: municipalitySearchInput,
      responses: { 200: { description: "Best matches first.", schema: pageOf(localGovernment) } },
    }),
  },
};
