import { Form, Link, useActionData } from "react-router";
import type { Route } from "./+types/desk-agreement-template";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, TextArea, type FormErrors } from "~/ui/form";
import { Notice, PageHeader } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { readAgreementTemplate } from "~/features/agreements/data.server";
import { resetAgreementTemplate, updateAgreementTemplate } from "~/features/agreements/commands.server";
import { templatePlaceholders } from "~/features/agreements/document";
import { canEditAgreementTemplate, canReadAgreementSettings } from "~/features/agreements/policy";

const fields = ["preamble", "amendmentClause", "disputeClause"] as const;

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
  const errors = result && "fieldErrors" in result ? (result as FormErrors) : null;
  const labels = Object.fromEntries(fields.map((f) => [f, t(`agreementTemplate.field.${f}`)]));
  const placeholders = templatePlaceholders.map((p) => `{${p}}`).join("　");
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
      {editable ? (
        <Form method="post" className="flex flex-col gap-6" noValidate key={template.updatedAt ?? "standard"}>
          <ErrorSummary errors={errors} labels={labels} />
          {fields.map((f) => (
            <TextArea
              key={f}
              name={f}
              label={labels[f]!}
              required
              rows={f === "preamble" ? 5 : 4}
              defaultValue={template[f]}
              errors={errors}
              hint={t("agreementTemplate.placeholders", { list: placeholders })}
            />
          ))}
          <div className="flex flex-wrap gap-3">
            <Button name="intent" value="save">
              {t("agreementTemplate.save")}
            </Button>
            {template.updatedAt ? (
              <Button name="intent" value="reset" variant="secondary">
                {t("agreementTemplate.reset")}
              </Button>
            ) : null}
          </div>
        </Form>
      ) : (
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
          {fields.map((f) => (
            <div key={f} className="contents">
              <dt className="text-std-16B-170">{labels[f]}</dt>
              <dd className="whitespace-pre-wrap">{template[f]}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="mt-8">
        <Link to="/desk/approval-chain" className="text-blue-1000 underline">
          {t("agreements.approvalChain.link")}
        </Link>
      </p>
    </>
  );
}
