import type { Route } from "./+types/agreement-health";
import { api, json, requireApiScope } from "~/server/context.server";
import { getAgreementHealth } from "~/features/results/health/data.server";

/** GET /agreements/:id/health: the score 0–100 with each factor's value, weight, points lost and advice (its parties only). */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    return json(await getAgreementHealth(ctx, args.params.id));
  });
}
