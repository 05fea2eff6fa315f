import type { Route } from "./+types/theme-file";
import { guard, optionalScope, viewerContext } from "~/server/context.server";
import { getThemeAttachment } from "~/features/themes/data.server";
import { attachmentResponse } from "~/features/files/data.server";

/** A theme's document, under the theme's visibility (drafts: municipality staff only). */
export async function loader(args: Route.LoaderArgs) {
  const scope = await optionalScope(args);
  const file = await guard(() => getThemeAttachment(viewerContext(args, scope), args.params.id, args.params.fileId));
  return attachmentResponse(file);
}
