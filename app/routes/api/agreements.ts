import type { Route } from "./+types/agreements";
import { AppError } from "~/lib/errors";
import { parseInput } from "~/lib/validation";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { agreementListInput } from "~/features/agreements/schema";
import { getAgreement, listAgreements } from "~/features/agreements/register/data.server";
import { createAgreement, createAgreementFromProposal } from "~/features/agreements/register/commands.server";

/** GET: the register of agreements the caller's organisation is a party to. */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    return json(await listAgreements(ctx, parseInput(agreementListInput, Object.fromEntries(new URL(args.request.url).searchParams))));
  });
}

/** POST: the desk enters an agreement; with "fromProposal" it starts from that proposal. */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "POST") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    const body = (await readJson(args.request)) as Record<string, unknown>;
    const created =
      typeof body.fromProposal === "string"
        ? await createAgreementFromProposal(ctx, body.fromProposal, body.title ? body : undefined)
        : await createAgreement(ctx, body);
    return json(await getAgreement(ctx, created.id), { status: 201, headers: { location: `/api/v1/agreements/${created.id}` } });
  });
}
