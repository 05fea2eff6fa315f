import { redirect, useActionData } from "react-router";
import type { Route } from "./+types/agreement-import";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure } from "~/server/forms.server";
import { recentImports } from "~/features/agreements/import/import.server";
import { stageUploadedRegister } from "./agreement-import.server";
import { isPublicBodyDesk } from "~/features/agreements/policy";
import { ImportColumns, ImportUploadForm, RecentImports } from "~/features/agreements/components/import-upload";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, isPublicBodyDesk);
  return { recent: await guard(() => recentImports(ctx)) };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, isPublicBodyDesk);
  try {
    const { id } = await stageUploadedRegister(ctx, args.request);
    return redirect(`/agreements/import/${id}`);
  } catch (error) {
    // A browser cannot be handed the chosen file back: the message says what to fix.
    return formFailure(error, {}, localeFromRequest(args.request));
  }
}

export default function AgreementImport({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const errors = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={t("agreements.import.title")}
        crumbs={[{ label: t("agreements.title"), to: "/agreements" }, { label: t("agreements.import.title") }]}
        lead={t("agreements.import.lead")}
      />
      <ImportUploadForm result={errors} />
      <ImportColumns />
      <RecentImports recent={loaderData.recent} />
    </>
  );
}
