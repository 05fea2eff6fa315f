// The action behind both the new-proposal and the edit-draft pages:
// autosave (JSON answer for the fetcher), save, and submit.
import { data } from "react-router";
import { localeFromRequest } from "~/lib/i18n";
import { isUuid } from "~/lib/validation";
import type { ScopedContext } from "~/lib/tenancy";
import { formFailure, listValue, readFormWithFiles, redirectWithFlash } from "~/server/forms.server";
import { createProposal, submitProposal, updateDraft } from "~/features/proposals/commands.server";

export async function proposalFormAction(ctx: ScopedContext, request: Request, existingId?: string) {
  const { values, files } = await readFormWithFiles(request);
  const intent = values.intent;
  try {
    let id = existingId ?? (isUuid(values.id) ? values.id : undefined);
    if (id) {
      await updateDraft(ctx, id, values, files, listValue(values, "removeAttachments"));
    } else {
      id = (await createProposal(ctx, values, files)).id;
      // The client token may have matched an existing draft: bring it up to date.
      await updateDraft(ctx, id, values, [], []);
    }
    if (intent === "autosave") return data({ id, savedAt: new Date().toISOString() });
    if (intent === "submit") {
      await submitProposal(ctx, id);
      return redirectWithFlash(`/proposals/${id}`, "proposals.submitted", { title: String(values.title ?? "") });
    }
    return redirectWithFlash(`/proposals/${id}/edit`, "proposals.saved");
  } catch (error) {
    // Auto-save of an incomplete draft must not show errors while the person types.
    if (intent === "autosave") return data({ id: undefined, savedAt: undefined }, { status: 200 });
    return formFailure(error, values, localeFromRequest(request));
  }
}
