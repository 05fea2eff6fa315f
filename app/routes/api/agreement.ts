import type { Route } from "./+types/agreement";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { getAgreement } from "~/features/agreements/register/data.server";
import { handOver, setContact } from "~/features/agreements/contacts/commands.server";
import { recordApproval } from "~/features/agreements/approvals/commands.server";
import { transitionAgreement, updateAgreement } from "~/features/agreements/register/commands.server";
import { agreementTransitionNames, type AgreementTransition } from "~/features/agreements/policy";

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    if ((args.params as Record<string, string | undefined>).action) throw new AppError("not_found");
    return json(await getAgreement(ctx, args.params.id));
  });
}

/**
 * PATCH /agreements/:id (draft only); POST /agreements/:id/approvals
 * {"stepId","decision":"approved"|"returned","approverName","decidedOn","comment"};
 * POST /agreements/:id/{submit-for-approval,sign,activate,start-renewal-review,renew,end,terminate};
 * renew takes {"evaluation","endsOn"?}: without endsOn the term runs on for the
 * renewal period, or as long as the last term.
 */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    const id = args.params.id;
    const verb = (args.params as Record<string, string | undefined>).action;
    if (!verb && args.request.method === "PATCH") {
      const current = await getAgreement(ctx, id);
      const patch = (await readJson(args.request)) as Record<string, unknown>;
      const base = {
        ...current,
        partnerIds: current.parties.filter((p) => p.organizationId !== current.municipalityId).map((p) => p.organizationId),
        items: current.items,
      };
      await updateAgreement(ctx, id, { ...base, ...(patch && typeof patch === "object" ? patch : {}) });
    } else if (verb === "contacts" && args.request.method === "POST") {
      await setContact(ctx, id, await readJson(args.request));
    } else if (verb === "handovers" && args.request.method === "POST") {
      await handOver(ctx, id, await readJson(args.request));
    } else if (verb === "approvals" && args.request.method === "POST") {
      await recordApproval(ctx, id, await readJson(args.request));
    } else if (verb && args.request.method === "POST" && agreementTransitionNames.includes(camel(verb) as AgreementTransition)) {
      await transitionAgreement(ctx, id, camel(verb) as AgreementTransition, await readJson(args.request));
    } else {
      throw new AppError("not_found");
    }
    return json(await getAgreement(ctx, id));
  });
}
