import type { Route } from "./+types/project-plan";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { getProject } from "~/features/results/projects/data.server";
import { saveProjectPlan } from "~/features/results/projects/commands.server";

/**
 * PUT /projects/:id/plans/:fiscalYear {"goals","activities","resources":[{"partyOrgId","kind","description"}],
 * "milestones":[{"title","dueOn","doneOn"}]}: the year's plan, written whole (the owning desk or the lead department).
 */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "PUT") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    const year = /^\d{4}$/.test(args.params.fiscalYear) ? Number(args.params.fiscalYear) : Number.NaN;
    await saveProjectPlan(ctx, args.params.id, year, await readJson(args.request));
    return json(await getProject(ctx, args.params.id));
  });
}
