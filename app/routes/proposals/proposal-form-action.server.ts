// The action behind both the new-proposal and the edit-draft pages:
// autosave (JSON answer for the fetcher), save, and submit.
import { data, type RouterContextProvider } from "react-router";
import { localeFromRequest } from "~/lib/i18n";
import { isUuid } from "~/lib/validation";
import type { ScopedContext } from "~/lib/tenancy";
import { formFailure, listValue, readFormWithFiles } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { createProposal, submitProposal, updateDraft } from "~/features/proposals/commands.server";

export async function proposalFormAction(
  args: { request: Request; context: Readonly<RouterContextProvider> },
  ctx: ScopedContext,
  existingId?: string,
) {
  const { request } = args;
  const { values, files } = await readFormWithFiles(request);
  const intent = values.intent;
  try {
    // Submitting checks the whole proposal at once: format, what is missing, where it goes (issue 20).
    const complete = intent === "submit";
    let id = existingId ?? (isUuid(values.id) ? values.id : undefined);
    if (id) {
      await updateDraft(ctx, id, values, files, listValue(values, "removeAttachments"), { complete });
    } else {
      id = (await createProposal(ctx, values, files, { complete })).id;
      // The client token may have matched an existing draft: bring it up to date.
      await updateDraft(ctx, id, values, [], []);
    }
    if (intent === "autosave") return data({ id, savedAt: new Date().toISOString() });
    if (intent === "submit") {
      await submitProposal(ctx, id);
      return redirectWithFlash(args, `/proposals/${id}`, "proposals.submitted", { title: String(values.title ?? "") });
    }
    return redirectWithFlash(args, `/proposals/${id}/edit`, "proposals.saved");
  } catch (error) {
    // Auto-save of an incomplete draft must not show errors while the person types.
    if (intent === "autosave") return data({ id: undefined, savedAt: undefined }, { status: 200 });
    return formFailure(error, values, localeFromRequest(request));
  }
}
