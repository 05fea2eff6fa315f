import { useActionData } from "react-router";
import type { Route } from "./+types/proposal";
import { localeFromRequest, type MessageKey } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readFormWithFiles } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { listDepartments } from "~/features/identity/data.server";
import { getProposalPage } from "~/features/proposals/data.server";
import {
  addActionItem,
  completeActionItem,
  postMessage,
  setPublicationConsent,
  shareProposal,
  transitionProposal,
} from "~/features/proposals/commands.server";
import { actionItemInput } from "~/features/proposals/schema";
import { transitionNames, type TransitionName } from "~/features/proposals/policy";
import { ActionItems } from "~/ui/action-items";
import { ProposalHeader } from "~/features/proposals/components/proposal-header";
import { ProposalActions } from "~/features/proposals/components/proposal-actions";
import { ProposalContent } from "~/features/proposals/components/proposal-content";
import { ProposalTimeline } from "~/features/proposals/components/proposal-timeline";
import { ProposalSharing } from "~/features/proposals/components/proposal-sharing";
import { ProposalDialogue } from "~/features/proposals/components/proposal-dialogue";
import { ProposalAccessLog } from "~/features/proposals/components/proposal-access-log";
import { ProposalPublication } from "~/features/proposals/components/proposal-publication";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return guard(async () => {
    const { proposal, messages, actionItems, accessLog } = await getProposalPage(ctx, args.params.id);
    const departments = proposal.can.share ? await listDepartments(ctx) : [];
    return { proposal, messages, actionItems, accessLog, departments: departments.map((d) => ({ value: d.id, label: d.name })) };
  });
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args);
  const id = args.params.id;
  const { values, files } = await readFormWithFiles(args.request);
  const intent = String(values.intent ?? "");
  const back = (key: MessageKey, params?: Record<string, string | { key: MessageKey }>) =>
    redirectWithFlash(args, `/proposals/${id}`, key, params);
  try {
    if (intent.startsWith("transition:")) {
      const name = intent.slice("transition:".length) as TransitionName;
      if (!transitionNames.includes(name)) throw new Response(null, { status: 400 });
      const to = await transitionProposal(ctx, id, name, values);
      return back("proposals.action.done", { title: String(values.title ?? ""), status: { key: `proposals.status.${to}` } });
    }
    switch (intent) {
      case "share":
        await shareProposal(ctx, id, values);
        return back("proposals.share.done");
      case "message":
        await postMessage(ctx, id, values, files);
        return back("proposals.dialogue.posted");
      case "action-item":
        await addActionItem(ctx, id, values);
        return back("form.saved");
      case "action-item-done":
        await completeActionItem(ctx, id, String(values.itemId ?? ""));
        return back("form.saved");
      case "publication":
        await setPublicationConsent(ctx, id, { agree: values.agree ?? false, summary: values.summary });
        return back("proposals.publication.saved");
      default:
        throw new Response(null, { status: 400 });
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function ProposalPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const result = useActionData<typeof action>();
  const { proposal: p, messages, actionItems, accessLog, departments } = loaderData;
  return (
    <>
      <ProposalHeader proposal={p} />
      <ProposalActions proposal={p} result={result} />
      <ProposalContent proposal={p} />
      <ProposalTimeline proposal={p} />
      <ProposalSharing proposal={p} departments={departments} result={result} />
      <ProposalDialogue proposal={p} messages={messages} result={result} />
      {p.status !== "draft" ? (
        <ActionItems
          area="proposals"
          items={actionItems}
          canAdd={p.can.post}
          canComplete
          doneText={() => t("proposals.actionItems.completed")}
          schema={actionItemInput}
          result={result}
        />
      ) : null}
      <ProposalAccessLog proposal={p} accessLog={accessLog} />
      <ProposalPublication proposal={p} result={result} />
    </>
  );
}
