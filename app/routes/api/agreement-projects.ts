import type { Route } from "./+types/agreement-projects";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { listAgreementProjects, getProject } from "~/features/results/projects/data.server";
import { createProject } from "~/features/results/projects/commands.server";

/** GET /agreements/:id/projects: the agreement's items with their projects (its parties only). */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    return json(await listAgreementProjects(ctx, args.params.id));
  });
}

/**
 * POST /agreements/:id/projects {"title","summary","itemIds":[…],"field","leadDepartmentId",
 * "partnerOrgId","partnerOwner","status","startsOn","endsOn"}: the owning desk (or a
 * department, under its own items) starts a project of a signed agreement.
 */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "POST") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    const { id } = await createProject(ctx, args.params.id, await readJson(args.request));
    return json(await getProject(ctx, id), { status: 201, headers: { location: `/api/v1/projects/${id}` } });
  });
}
