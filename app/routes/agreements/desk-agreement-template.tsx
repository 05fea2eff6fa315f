import { Link, useActionData } from "react-router";
import type { Route } from "./+types/desk-agreement-template";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { Notice, PageHeader } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { readAgreementTemplate } from "~/features/agreements/documents/data.server";
import { resetAgreementTemplate, updateAgreementTemplate } from "~/features/agreements/documents/commands.server";
import { canEditAgreementTemplate, canReadAgreementSettings } from "~/features/agreements/policy";
import { AgreementTemplateForm } from "~/features/agreements/components/agreement-template-form";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, canReadAgreementSettings);
  return { template: await guard(() => readAgreementTemplate(ctx)), editable: canEditAgreementTemplate(ctx.scope) };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, canEditAgreementTemplate);
  const values = await readForm(args.request);
  try {
    if (values.intent === "reset") {
      await guard(() => resetAgreementTemplate(ctx));
      return { done: "reset" as const };
    }
    await updateAgreementTemplate(ctx, values);
    return { done: "saved" as const };
  } catch (error) {
    if (error instanceof Response) throw error;
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function AgreementTemplatePage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const result = useActionData<typeof action>();
  const { template, editable } = loaderData;
  return (
    <>
      <PageHeader
        title={t("agreementTemplate.title")}
        crumbs={[{ label: t("agreements.title"), to: "/agreements" }, { label: t("agreementTemplate.title") }]}
        lead={t("agreementTemplate.lead")}
      />
      {result && "done" in result ? (
        <Notice kind="success">{t(result.done === "reset" ? "agreementTemplate.resetDone" : "agreementTemplate.saved")}</Notice>
      ) : null}
      <p className="mb-6 text-std-16N-170" data-testid="agreement-template-state">
        {template.updatedAt
          ? t("agreementTemplate.updatedAt", { at: format.dateTime(template.updatedAt) })
          : t("agreementTemplate.standard")}
      </p>
      <AgreementTemplateForm template={template} editable={editable} result={result} />
      <p className="mt-8">
        <Link to="/desk/approval-chain" className="text-blue-1000 underline">
          {t("agreements.approvalChain.link")}
        </Link>
      </p>
    </>
  );
}
