import type { Route } from "./+types/agreement-document";
import { guard, requirePageScope } from "~/server/context.server";
import { attachmentResponse } from "~/features/files/data.server";
import { agreementDocumentFile } from "~/features/agreements/documents/document.server";

/** The agreement document as Word: the same visibility as the agreement (404 to everyone else). */
export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  const version = new URL(args.request.url).searchParams.get("version");
  return attachmentResponse(await guard(() => agreementDocumentFile(ctx, args.params.id, version)));
}
