import type { Route } from "./+types/agreement-import";
import { AppError } from "~/lib/errors";
import { localeFromRequest } from "~/lib/i18n";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { cancelImport, commitImport, getImport, updateImportMapping } from "~/features/agreements/import/import.server";
import { commitWithProgress, wantsProgressStream } from "../agreements/agreement-import.server";

/** GET: the import with its column mapping, per-row problems and a preview. */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    // …/:id/:action shares this module: commit is a POST only.
    if ((args.params as Record<string, string | undefined>).action) throw new AppError("not_found");
    return json(await getImport(ctx, args.params.id, localeFromRequest(args.request)));
  });
}

/**
 * PATCH {"mapping": {"title": "協定名", …}}: choose the columns (header or index).
 * DELETE: cancel. POST …/commit: write every row in one transaction
 * (Accept: application/x-ndjson streams the progress).
 */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    const locale = localeFromRequest(args.request);
    const method = args.request.method;
    if (args.params.action === "commit" && method === "POST") {
      if (wantsProgressStream(args.request)) return commitWithProgress(ctx, args.params.id, locale);
      const result = await commitImport(ctx, args.params.id);
      return json(result, { status: 201 });
    }
    if (args.params.action) throw new AppError("not_found");
    if (method === "PATCH") {
      await updateImportMapping(ctx, args.params.id, await readJson(args.request));
      return json(await getImport(ctx, args.params.id, locale));
    }
    if (method === "DELETE") {
      await cancelImport(ctx, args.params.id);
      return new Response(null, { status: 204 });
    }
    throw new AppError("not_found");
  });
}
