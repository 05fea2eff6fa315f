import type { Route } from "./+types/themes";
import { AppError } from "~/lib/errors";
import { parseInput } from "~/lib/validation";
import { api, json, publicContext, readJson, requireApiScope } from "~/server/context.server";
import { themeListInput } from "~/features/themes/schema";
import { listPublicThemes, getTheme } from "~/features/themes/data.server";
import { createTheme } from "~/features/themes/commands.server";

/** Public: published calls (never drafts), filterable; no token needed. */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const input = parseInput(themeListInput, Object.fromEntries(new URL(args.request.url).searchParams));
    return json(await listPublicThemes(publicContext(args), input), { headers: { "cache-control": "public, max-age=60" } });
  });
}

/** Desk and department staff draft a call (JSON; files via /attachments). */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "POST") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    const created = await createTheme(ctx, await readJson(args.request));
    return json(await getTheme(ctx, created.id), { status: 201, headers: { location: `/api/v1/themes/${created.id}` } });
  });
}
