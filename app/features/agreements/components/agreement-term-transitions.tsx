// The transitions that ask for input: signing (date, ceremony, press release,
// publication), renewal (evaluation, new end) and ending or terminating (reason).
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { Checkbox, ErrorSummary, resultForIntent, SchemaForm, TextArea, TextField } from "~/ui/form";
import { Section } from "~/ui/layout";
import { defaultRenewedEnd } from "../register/term";
import { endInput, renewInput, signInput, type AgreementDetail } from "../schema";

export function AgreementTermTransitions({
  agreement: a,
  today,
  result,
}: {
  agreement: AgreementDetail;
  /** The default signing date (Tokyo calendar day). */
  today: string;
  /** The action's refusal: each form shows it only if it answers that form's intent. */
  result?: unknown;
}) {
  const t = useT();
  const endIntents = ["transition:end", "transition:terminate"];
  return (
    <>
      {a.can.transitions.includes("sign") ? (
        <Section title={t("agreements.sign.title")}>
          <SchemaForm schema={signInput} result={result} intent="transition:sign" method="post" className="flex flex-col gap-4">
            <ErrorSummary labels={{ signedOn: t("agreements.field.signedOn") }} />
            <TextField name="signedOn" type="date" label={t("agreements.field.signedOn")} defaultValue={today} />
            <TextArea name="ceremony" label={t("agreements.field.ceremony")} rows={2} />
            <TextArea name="pressRelease" label={t("agreements.field.pressRelease")} rows={4} />
            <TextArea name="publicSummary" label={t("agreements.field.publicSummary")} rows={3} />
            <Checkbox name="isPublic" label={t("agreements.field.isPublic")} defaultChecked />
            <div>
              <Button name="intent" value="transition:sign">
                {t("agreements.action.sign")}
              </Button>
            </div>
          </SchemaForm>
        </Section>
      ) : null}
      {a.can.transitions.includes("renew") ? (
        <Section title={t("agreements.renew.title")}>
          <SchemaForm schema={renewInput} result={result} intent="transition:renew" method="post" className="flex flex-col gap-4">
            <ErrorSummary labels={{ evaluation: t("agreements.field.evaluation"), endsOn: t("agreements.field.renewedEndsOn") }} />
            <TextArea name="evaluation" label={t("agreements.field.evaluation")} hint={t("agreements.field.evaluation.hint")} rows={5} />
            {a.endsOn ? (
              <TextField
                name="endsOn"
                type="date"
                label={t("agreements.field.renewedEndsOn")}
                hint={t("agreements.field.renewedEndsOn.hint")}
                defaultValue={defaultRenewedEnd(a) ?? undefined}
              />
            ) : null}
            <div>
              <Button name="intent" value="transition:renew">
                {t("agreements.action.renew")}
              </Button>
            </div>
          </SchemaForm>
        </Section>
      ) : null}
      {a.can.transitions.includes("end") || a.can.transitions.includes("terminate") ? (
        // Open when it comes back with errors, also without JavaScript.
        <details className="mb-10 rounded-8 border border-solid-gray-300 p-4" open={Boolean(resultForIntent(result, endIntents))}>
          <summary className="cursor-pointer text-std-16B-170">{t("agreements.end.title")}</summary>
          <SchemaForm schema={endInput} result={result} intent={endIntents} method="post" className="mt-4 flex flex-col gap-4">
            <ErrorSummary labels={{ reason: t("agreements.field.endReason") }} />
            <TextArea name="reason" label={t("agreements.field.endReason")} rows={3} />
            <div className="flex gap-3">
              {a.can.transitions.includes("end") ? (
                <Button name="intent" value="transition:end" variant="secondary">
                  {t("agreements.action.end")}
                </Button>
              ) : null}
              <Button name="intent" value="transition:terminate" variant="secondary">
                {t("agreements.action.terminate")}
              </Button>
            </div>
          </SchemaForm>
        </details>
      ) : null}
    </>
  );
}
