import { z } from "zod";
import { policyFieldCodes } from "~/lib/policy-fields";
import { choice, isoDate as isoDateSchema, listOf, optional, optionalText, requiredText, whenValid } from "~/lib/validation";

import { followKinds, type ThemeStatus } from "./constants";

export { themeStatuses, type ThemeStatus } from "./constants";

const isoDate = isoDateSchema();

/** One schema for the form, the action and the API (create and full update). */
export const themeInput = z
  .object({
    title: requiredText(120),
    background: requiredText(4000),
    goal: requiredText(4000),
    offer: optionalText(4000),
    fields: listOf(choice(policyFieldCodes), policyFieldCodes.length).refine((v) => v.length > 0, { error: "validation.fieldsRequired" }),
    departmentId: optional(z.uuid({ error: "validation.invalidChoice" })),
    planPolicy: optionalText(500),
    planField: optional(choice(policyFieldCodes)),
    startsOn: optional(isoDate),
    deadline: optional(isoDate),
  })
  // `when`: check the dates even if other fields failed, so every error shows at once.
  .refine((v) => typeof v.startsOn !== "string" || typeof v.deadline !== "string" || v.startsOn <= v.deadline, {
    path: ["deadline"],
    error: "validation.deadlineBeforeStart",
    when: whenValid("startsOn", "deadline"),
  });
export type ThemeInput = z.output<typeof themeInput>;

export const themeListInput = z.object({
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["open", "published", "closed", "all"], { error: "validation.invalidChoice" }).default("open")),
  field: optional(choice(policyFieldCodes)),
  municipality: optional(z.string().regex(/^\d{6}$/, { error: "validation.localGovCode.format" })),
  prefecture: optional(z.string().regex(/^\d{2}$/, { error: "validation.invalid" })),
  /** Only themes whose deadline is on or before this date. */
  deadlineBefore: optional(isoDate),
  q: optionalText(100),
  cursor: optional(z.string().max(200)),
  limit: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(100).default(20),
});
export type ThemeListInput = z.output<typeof themeListInput>;

export const followInput = z.object({
  kind: choice(followKinds),
  value: requiredText(20),
});

export interface ThemeSummary {
  id: string;
  title: string;
  status: ThemeStatus;
  municipalityId: string;
  municipalityName: string;
  localGovCode: string;
  prefectureCode: string;
  fields: string[];
  deadline: string | null;
  publishedAt: string | null;
  departmentName: string | null;
}

export interface ThemeDetail extends ThemeSummary {
  background: string;
  goal: string;
  offer: string;
  planPolicy: string;
  planField: string | null;
  startsOn: string | null;
  departmentId: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  attachments: { id: string; filename: string; contentType: string; size: number }[];
  /** Whether the caller may edit / publish / close (computed for the caller). */
  can: { edit: boolean; publish: boolean; close: boolean };
}
