import type { Route } from "./+types/theme";
import { AppError } from "~/lib/errors";
import { api, identityOf, json, optionalScope, readJson, requireApiScope, viewerContext } from "~/server/context.server";
import { getTheme } from "~/features/themes/data.server";
import { closeTheme, publishTheme, updateTheme } from "~/features/themes/commands.server";
import { checkFilesFromRequest } from "~/server/uploads.server";

/** GET: public for published calls; drafts need a token of the municipality's staff. */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    // /themes/:id/:action shares this module: its commands are POSTs only.
    if ((args.params as Record<string, string | undefined>).action) throw new AppError("not_found");
    const identity = await identityOf(args);
    const scope = identity?.via === "token" ? await optionalScope(args) : null;
    return json(await getTheme(viewerContext(args, scope), args.params.id));
  });
}

/**
 * PATCH /themes/:id — partial update (merged onto the current call, then
 * validated as a whole); POST /themes/:id/publish | /close — transitions;
 * POST /themes/:id/attachments — multipart upload of files.
 */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    const id = args.params.id;
    const verb = args.params.action;
    if (!verb && args.request.method === "PATCH") {
      const current = await getTheme(ctx, id);
      const patch = (await readJson(args.request)) as Record<string, unknown>;
      const merged = { ...current, ...(typeof patch === "object" && patch ? patch : {}) };
      await updateTheme(ctx, id, merged);
    } else if (verb === "publish" && args.request.method === "POST") {
      await publishTheme(ctx, id);
    } else if (verb === "close" && args.request.method === "POST") {
      await closeTheme(ctx, id);
    } else if (verb === "attachments" && args.request.method === "POST") {
      const current = await getTheme(ctx, id);
      await updateTheme(ctx, id, current, await checkFilesFromRequest(args.request));
    } else {
      throw new AppError("not_found");
    }
    return json(await getTheme(ctx, id));
  });
}
