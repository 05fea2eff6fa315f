// POST /agreements/import/:id/commit: confirms an import from the review page.
// A plain form post redirects to the import's page when done (or back to the
// review when rows have problems); the page's script asks for a progress stream.
import { redirect } from "react-router";
import type { Route } from "./+types/agreement-import-commit";
import { isAppError } from "~/lib/errors";
import { localeFromRequest } from "~/lib/i18n";
import { guard, requirePageScope } from "~/server/context.server";
import { redirectWithFlash } from "~/server/flash.server";
import { commitImport } from "~/features/agreements/import/import.server";
import { commitWithProgress, wantsProgressStream } from "./agreement-import.server";
import { isPublicBodyDesk } from "~/features/agreements/policy";

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, isPublicBodyDesk);
  const id = args.params.id;
  const done = `/agreements/import/${id}`;
  if (wantsProgressStream(args.request))
    return guard(() => commitWithProgress(ctx, id, localeFromRequest(args.request), { redirect: done }));
  try {
    await commitImport(ctx, id);
    return redirect(done);
  } catch (error) {
    if (isAppError(error) && error.code === "validation") return redirectWithFlash(args, done, "agreements.import.hasErrors");
    return guard(() => Promise.reject(error));
  }
}

export const loader = () => new Response(null, { status: 405, headers: { allow: "POST" } });
