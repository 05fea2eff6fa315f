import { z } from "zod";
import { optionalText } from "~/lib/validation";

export const localGovernmentKinds = ["prefecture", "municipality", "ward"] as const;
export type LocalGovernmentKind = (typeof localGovernmentKinds)[number];

export const municipalitySearchInput = z.object({
  q: optionalText(100),
  onPlatform: z
    .preprocess((v) => (v === "" ? undefined : v), z.enum(["true"], { error: "validation.invalidChoice" }).optional())
    .meta({ description: "true: only those whose desk is on this platform (where a proposal can be sent)." }),
  prefecture: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^\d{2}$/, { error: "validation.invalid" })
      .optional(),
  ),
  kind: z.preprocess((v) => (v === "" ? undefined : v), z.enum(localGovernmentKinds, { error: "validation.invalidChoice" }).optional()),
  limit: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(100).default(20),
  cursor: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^\d{1,6}$/, { error: "validation.invalid" })
      .optional(),
  ),
});
export type MunicipalitySearchInput = z.output<typeof municipalitySearchInput>;

export const localGovernment = z
  .object({
    code: z.string().meta({ description: "団体コード (6 digits, with check digit)." }),
    kind: z.enum(localGovernmentKinds),
    name: z.string(),
    fullName: z.string().meta({ description: "With the prefecture (and the city, for wards)." }),
    nameKana: z.string(),
    prefectureCode: z.string(),
    parentCode: z.string().nullable(),
    onPlatform: z.boolean().meta({ description: "Its partnership desk is on this platform and receives proposals here." }),
  })
  .meta({ id: "LocalGovernment" });
export type LocalGovernment = z.output<typeof localGovernment>;
