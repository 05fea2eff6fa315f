import type { Route } from "./+types/proposal";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { checkFilesFromRequest } from "~/server/uploads.server";
import { getProposal, listActionItems, listMessages, proposalAccessLog } from "~/features/proposals/data.server";
import {
  addActionItem,
  completeActionItem,
  deleteDraft,
  postMessage,
  setPublicationConsent,
  shareProposal,
  transitionProposal,
  updateDraft,
} from "~/features/proposals/commands.server";
import { transitionNames, type TransitionName } from "~/features/proposals/policy";
import type { Done, ProposalTimeline } from "~/features/proposals/openapi";

/** kebab-case in URLs: /proposals/:id/start-screening → startScreening. */
const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    const id = args.params.id;
    // …/action-items/:itemId/done shares this module: it is a POST only.
    if ((args.params as Record<string, string | undefined>).itemId) throw new AppError("not_found");
    switch (args.params.action) {
      case undefined:
        return json(await getProposal(ctx, id));
      case "messages": {
        const items = await listMessages(ctx, id);
        return json({ items, total: items.length, nextCursor: null });
      }
      case "action-items": {
        const items = await listActionItems(ctx, id);
        return json({ items, total: items.length, nextCursor: null });
      }
      case "access-log": {
        const items = await proposalAccessLog(ctx, id);
        return json({ items, total: items.length, nextCursor: null });
      }
      case "timeline":
        return json({ items: (await getProposal(ctx, id, { recordView: false })).timeline } satisfies ProposalTimeline);
      default:
        throw new AppError("not_found");
    }
  });
}

/**
 * PATCH /proposals/:id — edit a draft (proposer); DELETE /proposals/:id — delete it.
 * POST /proposals/:id/{submit|withdraw|start-screening|decline|accept|start-dialogue|
 *   prepare-agreement|implement-without-agreement|move-to-procurement|close} — workflow;
 * POST share | messages | action-items | action-items/:itemId/done | publication | attachments.
 */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    // This module serves several URL shapes (see app/routes.ts).
    const params = args.params as Record<string, string | undefined>;
    const id = params.id!;
    const itemId = params.itemId;
    const verb = itemId ? "action-items" : params.action;
    const method = args.request.method;
    if (!verb && method === "DELETE") {
      await deleteDraft(ctx, id);
      return new Response(null, { status: 204 });
    }
    if (!verb && method === "PATCH") {
      const current = await getProposal(ctx, id, { recordView: false });
      const patch = (await readJson(args.request)) as Record<string, unknown>;
      await updateDraft(ctx, id, { ...current, ...(patch && typeof patch === "object" ? patch : {}) });
      return json(await getProposal(ctx, id, { recordView: false }));
    }
    if (method !== "POST" || !verb) throw new AppError("not_found");
    if (verb === "attachments") {
      const current = await getProposal(ctx, id, { recordView: false });
      await updateDraft(ctx, id, current, await checkFilesFromRequest(args.request));
      return json(await getProposal(ctx, id, { recordView: false }));
    }
    if (verb === "messages") {
      const created = await postMessage(ctx, id, await readJson(args.request));
      return json(created, { status: 201 });
    }
    if (verb === "action-items") {
      if (itemId) {
        await completeActionItem(ctx, id, itemId);
        return json({ ok: true } satisfies Done);
      }
      return json(await addActionItem(ctx, id, await readJson(args.request)), { status: 201 });
    }
    if (verb === "share") await shareProposal(ctx, id, await readJson(args.request));
    else if (verb === "publication") await setPublicationConsent(ctx, id, await readJson(args.request));
    else {
      const name = camel(verb) as TransitionName;
      if (!transitionNames.includes(name)) throw new AppError("not_found");
      await transitionProposal(ctx, id, name, await readJson(args.request));
    }
    return json(await getProposal(ctx, id, { recordView: false }));
  });
}
