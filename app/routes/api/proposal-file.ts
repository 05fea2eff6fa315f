import type { Route } from "./+types/proposal-file";
import { api, requireApiScope } from "~/server/context.server";
import { getProposalAttachment } from "~/features/proposals/data.server";
import { attachmentResponse } from "~/features/files/data.server";

export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    return attachmentResponse(await getProposalAttachment(ctx, args.params.id, args.params.fileId));
  });
}
