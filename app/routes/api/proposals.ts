import type { Route } from "./+types/proposals";
import { AppError } from "~/lib/errors";
import { parseInput } from "~/lib/validation";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { proposalListInput } from "~/features/proposals/schema";
import { getProposal, listProposals } from "~/features/proposals/data.server";
import { createProposal } from "~/features/proposals/commands.server";

/** GET: only what the caller may see (own, the desk's inbox, or shared with the department). */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    return json(await listProposals(ctx, parseInput(proposalListInput, Object.fromEntries(new URL(args.request.url).searchParams))));
  });
}

/**
 * POST: a partner creates a draft ({"submit": true} submits at once). The
 * Idempotency-Key header (or "clientToken") makes retries return the same proposal.
 */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "POST") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    const body = (await readJson(args.request)) as Record<string, unknown>;
    const key = args.request.headers.get("idempotency-key");
    const input = { ...body, clientToken: body.clientToken ?? key ?? undefined };
    const result = await createProposal(ctx, input, [], { submit: body.submit === true });
    return json(await getProposal(ctx, result.id, { recordView: false }), {
      status: result.created ? 201 : 200,
      headers: { location: `/api/v1/proposals/${result.id}` },
    });
  });
}
