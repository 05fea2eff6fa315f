import type { Route } from "./+types/mail-preferences";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { getMailPreferences } from "~/features/notifications/data.server";
import { setMailPreferences } from "~/features/notifications/commands.server";

/** GET: how the caller takes the mail of each category. */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    return json(await getMailPreferences(ctx));
  });
}

/** PUT {"proposals": "immediate", "agreements": "daily", "meetings": "off"}. */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "PUT") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    await setMailPreferences(ctx, await readJson(args.request));
    return json(await getMailPreferences(ctx));
  });
}
