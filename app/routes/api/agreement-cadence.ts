import type { Route } from "./+types/agreement-cadence";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { getAgreementHealth } from "~/features/results/health/data.server";
import { setMeetingCadence } from "~/features/results/health/commands.server";

/** PUT /agreements/:id/health/cadence {"steeringMonths","workingMonths"}: how often meetings are expected (the owning desk). */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "PUT") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    await setMeetingCadence(ctx, args.params.id, await readJson(args.request));
    return json(await getAgreementHealth(ctx, args.params.id));
  });
}
