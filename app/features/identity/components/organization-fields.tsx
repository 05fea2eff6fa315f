// The organisation form's fields, shared by the admin register and the
// desk's department form (one Zod schema validates both: createOrganizationInput).
import { policyFieldCodes } from "~/lib/policy-fields";
import type { OrganizationKind } from "~/lib/roles";
import { useT } from "~/ui/i18n";
import { CheckboxGroup, SelectField, TextArea, TextField } from "~/ui/form";
import type { OrganizationView } from "../schema";

export function organizationFieldLabels(t: ReturnType<typeof useT>) {
  return {
    kind: t("org.kind"),
    name: t("org.name"),
    nameKana: t("org.nameKana"),
    corporateNumber: t("org.corporateNumber"),
    municipalityCode: t("org.municipalityCode"),
    parentId: t("org.parent"),
    description: t("org.description"),
    fields: t("org.fields"),
  };
}

/** The fields of createOrganizationInput (or updateOrganizationInput, with `initial`): sit them in a SchemaForm with that schema. */
export function OrganizationFields({
  kinds,
  showCodes,
  initial,
}: {
  kinds: readonly OrganizationKind[];
  showCodes: boolean;
  /** The organisation as registered, when it is corrected. */
  initial?: OrganizationView;
}) {
  const t = useT();
  const labels = organizationFieldLabels(t);
  return (
    <>
      {kinds.length > 1 ? (
        <SelectField
          name="kind"
          label={labels.kind}
          placeholder={t("form.select")}
          options={kinds.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
        />
      ) : (
        <input type="hidden" name="kind" value={kinds[0]} />
      )}
      <TextField name="name" label={labels.name} defaultValue={initial?.name} />
      <TextField name="nameKana" label={labels.nameKana} defaultValue={initial?.nameKana ?? ""} />
      {showCodes ? (
        <>
          <TextField
            name="corporateNumber"
            label={labels.corporateNumber}
            hint={t("org.corporateNumber.hint")}
            inputMode="numeric"
            defaultValue={initial?.corporateNumber ?? ""}
          />
          <TextField
            name="municipalityCode"
            label={labels.municipalityCode}
            hint={t("org.municipalityCode.hint")}
            inputMode="numeric"
            defaultValue={initial?.localGovCode ?? ""}
          />
        </>
      ) : null}
      <TextArea name="description" label={labels.description} defaultValue={initial?.description} />
      <CheckboxGroup
        name="fields"
        label={labels.fields}
        options={policyFieldCodes.map((c) => ({ value: c, label: t(`field.${c}`) }))}
        defaultValue={initial?.fields}
      />
    </>
  );
}
