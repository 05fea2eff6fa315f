import type { Route } from "./+types/agreement-imports";
import { AppError } from "~/lib/errors";
import { localeFromRequest } from "~/lib/i18n";
import { api, json, requireApiScope } from "~/server/context.server";
import { getImport, recentImports } from "~/features/agreements/import/import.server";
import { stageUploadedRegister } from "../agreements/agreement-import.server";

/** GET: the desk's latest register imports. */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    const items = await recentImports(ctx);
    return json({ items, total: items.length, nextCursor: null });
  });
}

/**
 * POST: read a register (.xlsx or .csv, multipart "file" or the raw body with
 * ?filename=) and answer what importing it would do. Nothing is written to
 * the register until POST /api/v1/agreements/imports/:id/commit.
 */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "POST") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    const { id } = await stageUploadedRegister(ctx, args.request);
    return json(await getImport(ctx, id, localeFromRequest(args.request)), {
      status: 201,
      headers: { location: `/api/v1/agreements/imports/${id}` },
    });
  });
}
