import { z } from "zod";
import { policyFieldCodes } from "~/lib/policy-fields";
import { choice, isoDate as isoDateSchema, listOf, optional, optionalText, requiredText, whenValid } from "~/lib/validation";
import { calendarDay, instant, rowId } from "~/lib/api-schemas";
import { attachmentView } from "~/features/files/schema";

import { followKinds, themeStatuses } from "./constants";

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
  status: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(["open", "published", "closed", "all"], { error: "validation.invalidChoice" }).default("open"),
  ),
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

export const themeSummary = z
  .object({
    id: rowId(),
    title: z.string(),
    status: z.enum(themeStatuses),
    municipalityId: rowId(),
    municipalityName: z.string(),
    localGovCode: z.string().meta({ description: "団体コード of the municipality (6 digits)." }),
    prefectureCode: z.string(),
    fields: z.array(z.string()).meta({ description: "Policy field codes." }),
    deadline: calendarDay().nullable(),
    publishedAt: instant().nullable(),
    departmentName: z.string().nullable(),
  })
  .meta({ id: "ThemeSummary" });
export type ThemeSummary = z.output<typeof themeSummary>;

export const themeDetail = themeSummary
  .extend({
    background: z.string(),
    goal: z.string(),
    offer: z.string(),
    planPolicy: z.string(),
    planField: z.string().nullable(),
    startsOn: calendarDay().nullable(),
    departmentId: rowId().nullable(),
    closedAt: instant().nullable(),
    createdAt: instant(),
    updatedAt: instant(),
    attachments: z.array(attachmentView),
    can: z
      .object({ edit: z.boolean(), publish: z.boolean(), close: z.boolean() })
      .meta({ description: "What the caller may do with it now." }),
  })
  .meta({ id: "ThemeDetail" });
export type ThemeDetail = z.output<typeof themeDetail>;

/** A field or municipality the caller follows, to hear of new calls. */
export const followView = z
  .object({
    id: rowId(),
    kind: z.enum(followKinds),
    value: z.string().meta({ description: "A policy field code or a 団体コード." }),
    label: z.string().nullable().meta({ description: "The municipality's name (null for fields)." }),
  })
  .meta({ id: "Follow" });
export type FollowView = z.output<typeof followView>;
