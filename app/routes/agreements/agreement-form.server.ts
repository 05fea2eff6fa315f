// Turns the agreement form's flat fields (items.0.title …, partner codes typed
// one per line) into the input the agreements feature validates.
import { normalizeCorporateNumber } from "~/lib/corporate-number";
import { AppError } from "~/lib/errors";
import type { ScopedContext } from "~/lib/tenancy";
import { listValue } from "~/server/forms.server";
import { organizationsByCodes } from "~/features/identity/data.server";

export async function agreementInputFromForm(ctx: ScopedContext, values: Record<string, string | string[]>) {
  const items: Record<string, string>[] = [];
  for (const [key, value] of Object.entries(values)) {
    const m = /^items\.(\d+)\.(\w+)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    (items[Number(m[1])] ??= {})[m[2]!] = value;
  }
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
  return {
    ...values,
    partnerIds: [...listValue(values, "partnerIds"), ...found.map((f) => f.id)],
    // Rows without a title are the spare blank rows of the form.
    items: items.filter((row) => row && row.title?.trim()),
  };
}
