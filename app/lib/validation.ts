// Zod helpers shared by forms, actions and the JSON API. Schemas carry catalog
// keys as messages; this module turns Zod issues into our FieldError list.
import { z } from "zod";
import { isMessageKey, type MessageKey } from "./i18n";
import { validationError, type FieldError } from "./errors";

/** Empty strings and null mean "not given" for optional inputs from forms and JSON alike. */
const blankToUndefined = (value: unknown) =>
  value === "" || value === null || (typeof value === "string" && value.trim() === "") ? undefined : value;

export const requiredText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ error: "validation.required" })
      .min(1, { error: "validation.required" })
      .max(max, { error: "validation.tooLong" }),
  );

export const optionalText = (max: number) =>
  z.preprocess(
    (v) => blankToUndefined(typeof v === "string" ? v.trim() : v),
    z.string({ error: "validation.invalid" }).max(max, { error: "validation.tooLong" }).optional(),
  );

export const email = () =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.normalize("NFKC").trim().toLowerCase() : v),
    z.string({ error: "validation.required" }).min(1, { error: "validation.required" }).max(254, { error: "validation.tooLong" }).pipe(z.email({ error: "validation.email" })),
  );

export const password = () =>
  z.string({ error: "validation.required" }).min(1, { error: "validation.required" }).min(10, { error: "validation.passwordTooShort" }).max(128, { error: "validation.tooLong" });

export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: (iss) => (iss.input === undefined ? "validation.selectRequired" : "validation.invalidChoice") }));

export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** Checkbox groups arrive as repeated keys (form) or arrays (JSON). */
export const listOf = <T extends z.ZodType>(schema: T, max = 50) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(schema).max(max, { error: "validation.tooMany" }),
  );

function issueMessage(issue: z.core.$ZodIssue): { message: MessageKey; params?: Record<string, number> } {
  const params: Record<string, number> = {};
  if ("maximum" in issue && typeof issue.maximum === "number") params.max = issue.maximum;
  if ("minimum" in issue && typeof issue.minimum === "number") params.min = issue.minimum;
  if (isMessageKey(issue.message)) return { message: issue.message, params };
  switch (issue.code) {
    case "invalid_type":
      return { message: issue.input === undefined ? "validation.required" : "validation.invalid" };
    case "too_small":
      return { message: params.min === 1 ? "validation.required" : "validation.tooShort", params };
    case "too_big":
      return { message: "validation.tooLong", params };
    case "invalid_value":
      return { message: "validation.invalidChoice" };
    default:
      return { message: "validation.invalid" };
  }
}

export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const { message, params } = issueMessage(issue);
    return { path: issue.path.map(String).join(".") || "_", message, params };
  });
}

/** Parse or throw a 422 AppError listing every field error at once. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(zodIssuesToFieldErrors(result.error.issues));
  return result.data;
}

/**
 * FormData → plain object. Keys ending in "[]" collect arrays; everything else
 * keeps its last value. Files are left out (uploads are handled separately).
 */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [rawKey, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    if (rawKey.endsWith("[]")) {
      const key = rawKey.slice(0, -2);
      const list = out[key];
      out[key] = Array.isArray(list) ? [...list, value] : [value];
    } else {
      out[rawKey] = value;
    }
  }
  return out;
}

/**
 * For cross-field refinements: run the check even when other fields failed
 * (so every error is shown at once), but not when the fields it reads did.
 */
export const whenValid =
  (...paths: string[]) =>
  (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    !payload.issues.some((issue) => paths.includes(String(issue.path?.[0])));

/** A calendar date "YYYY-MM-DD" that exists (2026-02-30 is refused). */
export const isoDate = () =>
  z
    .string({ error: "validation.date" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "validation.date" })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { error: "validation.date" });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs and forms: anything else is a record that does not exist. */
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);
