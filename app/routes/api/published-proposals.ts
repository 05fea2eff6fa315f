import type { Route } from "./+types/published-proposals";
import { AppError } from "~/lib/errors";
import { api, json, publicContext } from "~/server/context.server";
import { listPublishedProposals } from "~/features/proposals/data.server";

/** Public: summaries that the proposer and the desk both agreed to publish (?municipality=団体コード). */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const code = new URL(args.request.url).searchParams.get("municipality") ?? undefined;
    if (code !== undefined && !/^\d{6}$/.test(code))
      throw new AppError("validation", { fieldErrors: [{ path: "municipality", message: "validation.localGovCode.format" }] });
    const items = await listPublishedProposals(publicContext(args), { localGovCode: code });
    return json({ items, total: items.length, nextCursor: null }, { headers: { "cache-control": "public, max-age=60" } });
  });
}
