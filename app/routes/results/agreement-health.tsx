import { useActionData } from "react-router";
import type { Route } from "./+types/agreement-health";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { getAgreementHealth } from "~/features/results/health/data.server";
import { setMeetingCadence } from "~/features/results/health/commands.server";
import { HealthSection } from "~/features/results/components/health-section";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return { health: await guard(() => getAgreementHealth(ctx, args.params.id)) };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args);
  const values = await readForm(args.request);
  try {
    await setMeetingCadence(ctx, args.params.id, values);
    return redirectWithFlash(args, `/agreements/${args.params.id}/health`, "results.health.cadence.saved");
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function AgreementHealthPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const result = useActionData<typeof action>();
  const { health } = loaderData;
  return (
    <>
      <PageHeader
        title={t("results.health.title")}
        crumbs={[
          { label: t("agreements.title"), to: "/agreements" },
          { label: health.title, to: `/agreements/${health.agreementId}` },
          { label: t("results.health.title") },
        ]}
        lead={health.title}
      />
      <HealthSection health={health} result={result} />
    </>
  );
}
