import type { Route } from "./+types/municipalities";
import { parseInput } from "~/lib/validation";
import { api, json, publicContext } from "~/server/context.server";
import { municipalitySearchInput } from "~/features/directory/schema";
import { searchLocalGovernments } from "~/features/directory/data.server";

/** Public reference data: no token needed. */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const params = Object.fromEntries(new URL(args.request.url).searchParams);
    const input = parseInput(municipalitySearchInput, params);
    const result = await searchLocalGovernments(publicContext(args), input);
    return json(result, { headers: { "cache-control": "public, max-age=300" } });
  });
}
