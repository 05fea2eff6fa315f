// The municipality's 協定書 template clauses (preamble, amendment, disputes):
// a form for the desk with the placeholders it may use, the text for others.
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm, TextArea } from "~/ui/form";
import { templatePlaceholders } from "../documents/document";
import { agreementTemplateInput, type AgreementTemplateView } from "../schema";

const fields = ["preamble", "amendmentClause", "disputeClause"] as const;

export function AgreementTemplateForm({
  template,
  editable,
  result,
}: {
  template: AgreementTemplateView;
  editable: boolean;
  /** The action's refusal, if any (useActionData). */
  result?: unknown;
}) {
  const t = useT();
  const labels = Object.fromEntries(fields.map((f) => [f, t(`agreementTemplate.field.${f}`)]));
  const placeholders = templatePlaceholders.map((p) => `{${p}}`).join("　");
  return (
    <>
      {editable ? (
        <SchemaForm
          schema={agreementTemplateInput}
          result={result}
          checkIntents={["save"]}
          method="post"
          className="flex flex-col gap-6"
          key={template.updatedAt ?? "standard"}
        >
          <ErrorSummary labels={labels} />
          {fields.map((f) => (
            <TextArea
              key={f}
              name={f}
              label={labels[f]!}
              rows={f === "preamble" ? 5 : 4}
              defaultValue={template[f]}
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
        </SchemaForm>
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
    </>
  );
}
