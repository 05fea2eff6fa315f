import type { Route } from "./+types/proposal-file";
import { guard, requirePageScope } from "~/server/context.server";
import { getProposalAttachment } from "~/features/proposals/data.server";
import { attachmentResponse } from "~/features/files/data.server";

/** A proposal's file: the same confidentiality as the proposal (404 to everyone else). */
export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return attachmentResponse(await guard(() => getProposalAttachment(ctx, args.params.id, args.params.fileId)));
}
