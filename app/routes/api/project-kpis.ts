import type { Route } from "./+types/project-kpis";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { getKpi } from "~/features/results/kpis/data.server";
import { createKpi } from "~/features/results/kpis/commands.server";

/**
 * POST /projects/:id/kpis {"name","definition","unit","baselineValue","baselineOn","targetValue","targetOn",
 * "direction","frequency","dataSource","ownerName","isPublic"}: a SMART KPI; a vague one is refused field by field.
 */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "POST") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    const { id } = await createKpi(ctx, args.params.id, await readJson(args.request));
    return json(await getKpi(ctx, id), { status: 201, headers: { location: `/api/v1/kpis/${id}` } });
  });
}
