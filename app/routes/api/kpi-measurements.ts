import type { Route } from "./+types/kpi-measurements";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { getKpi } from "~/features/results/kpis/data.server";
import { recordMeasurement } from "~/features/results/kpis/commands.server";

/**
 * POST /kpis/:id/measurements {"periodStart","value","note","evidenceUrl"}: one period's figure
 * (a period entered again is replaced), by those who run the project or a partner.
 */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "POST") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    await recordMeasurement(ctx, args.params.id, await readJson(args.request));
    return json(await getKpi(ctx, args.params.id), { status: 201 });
  });
}
