import { randomUUID } from "node:crypto";
import { useActionData } from "react-router";
import type { Route } from "./+types/proposal-new";
import { useT } from "~/ui/i18n";
import { keptValue } from "~/ui/form";
import { PageHeader } from "~/ui/layout";
import { guard, publicContext, requirePageScope } from "~/server/context.server";
import { openThemeForProposal } from "~/features/themes/data.server";
import { canPropose } from "~/features/proposals/policy";
import { ProposalForm } from "~/features/proposals/components/proposal-form";
import { MunicipalityPicker } from "~/features/proposals/components/municipality-picker";
import { getLocalGovernment, searchLocalGovernments } from "~/features/directory/data.server";
import { municipalitySearchInput } from "~/features/directory/schema";
import { parseInput } from "~/lib/validation";
import { isAppError } from "~/lib/errors";
import type { PublicContext } from "~/lib/tenancy";
import { proposalFormAction } from "./proposal-form-action.server";

/** The municipalities on the platform matching what was typed; a search too long to run finds none. */
async function platformMunicipalities(ctx: PublicContext, q: string) {
  try {
    return await searchLocalGovernments(ctx, parseInput(municipalitySearchInput, { q, onPlatform: "true", limit: "30" }));
  } catch (error) {
    if (isAppError(error) && error.code === "validation") return { items: [], total: 0 };
    throw error;
  }
}

/**
 * A theme proposal goes to the theme's municipality. A free one first picks
 * its municipality by name, kana or code among those on the platform — a GET
 * search and links, so it works without JavaScript (issue 20) — then shows
 * the chosen one back above the form.
 */
export async function loader(args: Route.LoaderArgs) {
  const { ctx, identity } = await requirePageScope(args, canPropose);
  const url = new URL(args.request.url);
  const themeId = url.searchParams.get("theme");
  const theme = themeId ? await guard(async () => openThemeForProposal(ctx, themeId)) : null;
  const code = url.searchParams.get("municipality") ?? "";
  const place = !theme && /^\d{6}$/.test(code) ? await getLocalGovernment(publicContext(args), code) : null;
  const chosen = place?.onPlatform ? { code: place.code, fullName: place.fullName } : null;
  const q = url.searchParams.get("q") ?? "";
  const picker =
    theme || chosen
      ? null
      : {
          q,
          unavailable: code !== "" ? (place?.fullName ?? code) : null,
          ...(await platformMunicipalities(publicContext(args), q)),
        };
  return {
    theme: theme ? { id: theme.id, title: theme.title, fields: theme.fields } : null,
    municipality: chosen,
    picker: picker
      ? {
          q: picker.q,
          unavailable: picker.unavailable,
          total: picker.total,
          items: picker.items.map(({ code, fullName, nameKana }) => ({ code, fullName, nameKana })),
        }
      : null,
    // One token per form: a second submit of the same form finds the first proposal.
    clientToken: randomUUID(),
    contact: { name: identity.user.name, email: ctx.scope.userEmail },
  };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, canPropose);
  return proposalFormAction(args, ctx);
}

export default function NewProposal({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const errors = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={t("proposals.new")}
        crumbs={[{ label: t("proposals.mine.title"), to: "/proposals" }, { label: t("proposals.new") }]}
        lead={t("proposals.new.lead")}
      />
      {loaderData.picker ? <MunicipalityPicker {...loaderData.picker} /> : null}
      {loaderData.picker ? null : (
        <ProposalForm
          result={errors}
          themeId={loaderData.theme?.id}
          themeTitle={loaderData.theme?.title}
          defaultFields={loaderData.theme?.fields}
          municipality={loaderData.municipality}
          clientToken={keptValue(errors, "clientToken") ?? loaderData.clientToken}
          contact={loaderData.contact}
        />
      )}
    </>
  );
}
