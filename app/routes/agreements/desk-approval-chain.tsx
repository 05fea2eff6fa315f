import { Form, Link, useActionData } from "react-router";
import type { Route } from "./+types/desk-approval-chain";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { Checkbox, ErrorSummary, TextField, type FormErrors } from "~/ui/form";
import { Notice, PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { readApprovalChain } from "~/features/agreements/data.server";
import { resetApprovalChain, updateApprovalChain } from "~/features/agreements/commands.server";
import { canManageApprovalChain, canReadAgreementSettings } from "~/features/agreements/policy";

const MAX_STEPS = 12;

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, canReadAgreementSettings);
  return guard(() => readApprovalChain(ctx));
}

/** The form's rows (steps.0.label, steps.0.optional …) without the blank ones. */
function stepsFromForm(values: Record<string, string | string[]>) {
  return Array.from({ length: MAX_STEPS }, (_, i) => ({
    label: String(values[`steps.${i}.label`] ?? "").trim(),
    optional: values[`steps.${i}.optional`] === "on",
  })).filter((s) => s.label);
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, canManageApprovalChain);
  const values = await readForm(args.request);
  try {
    if (values.intent === "reset") {
      await resetApprovalChain(ctx);
      return redirectWithFlash(args, "/desk/approval-chain", "approvalChain.resetDone");
    }
    await updateApprovalChain(ctx, { steps: stepsFromForm(values) });
    return redirectWithFlash(args, "/desk/approval-chain", "approvalChain.saved");
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function ApprovalChainPage({ loaderData: chain }: Route.ComponentProps) {
  const t = useT();
  const errors = useActionData<typeof action>() as FormErrors | undefined;
  const rows = [
    ...chain.steps,
    ...Array.from({ length: Math.max(0, MAX_STEPS - chain.steps.length) }, () => ({ label: "", optional: false })),
  ].slice(0, Math.max(chain.steps.length + 3, 6));
  const stepErrors = errors?.fieldErrors.steps;
  return (
    <>
      <PageHeader
        title={t("approvalChain.title")}
        crumbs={[{ label: t("agreements.title"), to: "/agreements" }, { label: t("approvalChain.title") }]}
        lead={t("approvalChain.lead")}
      />
      <p className="mb-6 text-std-16N-170" data-testid="approval-chain-state">
        {chain.isDefault ? t("approvalChain.standard") : t("approvalChain.custom")}
      </p>
      {chain.editable ? (
        <Form method="post" className="flex max-w-3xl flex-col gap-6" noValidate key={chain.steps.map((s) => s.label).join("|")}>
          <ErrorSummary errors={errors} labels={{ steps: t("approvalChain.steps") }} />
          {stepErrors?.length ? <Notice kind="error">{stepErrors.join(" ")}</Notice> : null}
          <ol className="flex flex-col gap-4">
            {rows.map((step, i) => (
              <li key={i} className="grid items-end gap-4 sm:grid-cols-[1fr_auto]">
                <TextField
                  name={`steps.${i}.label`}
                  label={t("approvalChain.label", { n: i + 1 })}
                  defaultValue={step.label}
                  errors={errors}
                  hint={i === 0 ? t("approvalChain.label.hint") : undefined}
                />
                <div className="pb-3">
                  <Checkbox
                    name={`steps.${i}.optional`}
                    label={t("approvalChain.optional")}
                    context={t("approvalChain.optional.context", { n: i + 1 })}
                    defaultChecked={step.optional}
                  />
                </div>
              </li>
            ))}
          </ol>
          <p className="text-std-16N-170 text-solid-gray-700">{t("approvalChain.partnerNote")}</p>
          <div className="flex flex-wrap gap-3">
            <Button name="intent" value="save">
              {t("approvalChain.save")}
            </Button>
            {!chain.isDefault ? (
              <Button variant="secondary" name="intent" value="reset">
                {t("approvalChain.reset")}
              </Button>
            ) : null}
          </div>
        </Form>
      ) : (
        <ol className="list-decimal pl-6 text-std-16N-170">
          {chain.steps.map((s) => (
            <li key={s.label}>
              {s.label}
              {s.optional ? `（${t("approvalChain.optional")}）` : ""}
            </li>
          ))}
        </ol>
      )}
      <p className="mt-8">
        <Link to="/desk/agreement-template" className="text-blue-1000 underline">
          {t("agreements.document.template")}
        </Link>
      </p>
    </>
  );
}
