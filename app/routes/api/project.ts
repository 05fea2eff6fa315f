import type { Route } from "./+types/project";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { getProject } from "~/features/results/projects/data.server";
import { updateProject } from "~/features/results/projects/commands.server";
import { projectInputOf } from "~/features/results/schema";

/** GET /projects/:id: the project with its items, yearly plans and KPIs. */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    return json(await getProject(ctx, args.params.id));
  });
}

/** PATCH /projects/:id with the fields to change (the owning desk or the lead department). */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "PATCH") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    const current = await getProject(ctx, args.params.id);
    const patch = await readJson(args.request);
    await updateProject(ctx, args.params.id, {
      ...projectInputOf(current),
      ...(patch && typeof patch === "object" && !Array.isArray(patch) ? patch : {}),
    });
    return json(await getProject(ctx, args.params.id));
  });
}
