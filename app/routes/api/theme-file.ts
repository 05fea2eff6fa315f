import type { Route } from "./+types/theme-file";
import { api, identityOf, optionalScope, viewerContext } from "~/server/context.server";
import { getThemeAttachment } from "~/features/themes/data.server";
import { attachmentResponse } from "~/features/files/data.server";

export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const identity = await identityOf(args);
    const scope = identity?.via === "token" ? await optionalScope(args) : null;
    return attachmentResponse(await getThemeAttachment(viewerContext(args, scope), args.params.id, args.params.fileId));
  });
}
