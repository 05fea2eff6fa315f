import type { Route } from "./+types/kpi";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { getKpi } from "~/features/results/kpis/data.server";
import { updateKpi } from "~/features/results/kpis/commands.server";
import { kpiInputOf } from "~/features/results/schema";

/** GET /kpis/:id: the KPI with its figures, oldest period first. */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    return json(await getKpi(ctx, args.params.id));
  });
}

/** PATCH /kpis/:id with the fields to change (the owning desk or the lead department). */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "PATCH") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    const current = await getKpi(ctx, args.params.id);
    const patch = await readJson(args.request);
    await updateKpi(ctx, args.params.id, {
      ...kpiInputOf(current),
      ...(patch && typeof patch === "object" && !Array.isArray(patch) ? patch : {}),
    });
    return json(await getKpi(ctx, args.params.id));
  });
}
