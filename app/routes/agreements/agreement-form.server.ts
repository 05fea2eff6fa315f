// Turns the posted agreement form (spare item rows, partner 法人番号 typed one
// per line) into the input the agreements feature validates. The form's own
// schema is checked first, so a message about an item row names that row.
import { normalizeCorporateNumber } from "~/lib/corporate-number";
import { AppError } from "~/lib/errors";
import type { ScopedContext } from "~/lib/tenancy";
import { parseInput } from "~/lib/validation";
import { listValue, type FormPayload } from "~/server/forms.server";
import { organizationsByCodes } from "~/features/identity/data.server";
import { agreementFormInput, isSpareRow } from "~/features/agreements/schema";

export async function agreementInputFromForm(ctx: ScopedContext, values: FormPayload) {
  parseInput(agreementFormInput, values);
  const codes = String(values.partnerCodes ?? "")
    .split(/[\s,、]+/)
    .map((c) => normalizeCorporateNumber(c))
    .filter(Boolean);
  const found = await organizationsByCodes(ctx, codes);
  const unknown = codes.filter((c) => !found.some((f) => f.code === c));
  if (unknown.length)
    throw new AppError("validation", {
      fieldErrors: [{ path: "partnerCodes", message: "validation.unknownCodes", params: { codes: unknown.join("、") } }],
    });
  const rows = Array.isArray(values.items) ? values.items : [];
  return {
    ...values,
    partnerIds: [...listValue(values, "partnerIds"), ...found.map((f) => f.id)],
    items: rows.filter((row) => !isSpareRow(row)),
  };
}
