import type { Route } from "./+types/agreement-document";
import { api, requireApiScope } from "~/server/context.server";
import { attachmentResponse } from "~/features/files/data.server";
import { agreementDocumentFile } from "~/features/agreements/documents/document.server";

/** GET /agreements/:id/document.docx[?version=N]: the agreement document (協定書) as Word, for the parties. */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    const version = new URL(args.request.url).searchParams.get("version");
    return attachmentResponse(await agreementDocumentFile(ctx, args.params.id, version));
  });
}
