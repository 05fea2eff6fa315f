// Zod helpers shared by forms, actions and the JSON API. Schemas carry catalog
// keys as messages; this module turns Zod issues into our FieldError list.
import { z } from "zod";
import { isMessageKey, type MessageKey } from "./i18n";
import { validationError, type FieldError } from "./errors";

/** Empty strings and null mean "not given" for optional inputs from forms and JSON alike. */
const blankToUndefined = (value: unknown) =>
  value === "" || value === null || (typeof value === "string" && value.trim() === "") ? undefined : value;

/**
 * Characters no one types and PostgreSQL refuses: NUL (text columns) and
 * unpaired UTF-16 surrogates (jsonb, and invalid UTF-8 anyway), plus the other
 * C0 controls. Tab, line feed and carriage return stay allowed.
 */
const INVALID_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const hasInvalidCharacters = (value: string) => INVALID_CHARACTERS.test(value);
const validCharacters = { error: "validation.invalidCharacters" } as const;

/**
 * For values written into jsonb whatever their origin (the audit log): NUL
 * and unpaired surrogates, which PostgreSQL refuses there, become U+FFFD.
 */
export const toJsonbSafeText = (value: string) =>
  value.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

/** Text that must be given; `missing` is the message that says why when it is not (a KPI's SMART hints). */
export const requiredText = (max: number, missing: MessageKey = "validation.required") =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ error: missing })
      .min(1, { error: missing })
      .max(max, { error: "validation.tooLong" })
      .refine((v) => !hasInvalidCharacters(v), validCharacters),
  );

export const optionalText = (max: number) =>
  z.preprocess(
    (v) => blankToUndefined(typeof v === "string" ? v.trim() : v),
    z
      .string({ error: "validation.invalid" })
      .max(max, { error: "validation.tooLong" })
      .refine((v) => !hasInvalidCharacters(v), validCharacters)
      .optional(),
  );

export const email = () =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.normalize("NFKC").trim().toLowerCase() : v),
    z
      .string({ error: "validation.required" })
      .min(1, { error: "validation.required" })
      .max(254, { error: "validation.tooLong" })
      .refine((v) => !hasInvalidCharacters(v), validCharacters)
      .pipe(z.email({ error: "validation.email" })),
  );

export const password = () =>
  z
    .string({ error: "validation.required" })
    .min(1, { error: "validation.required" })
    .min(10, { error: "validation.passwordTooShort" })
    .max(128, { error: "validation.tooLong" });

export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    blankToUndefined,
    z.enum(values, { error: (iss) => (iss.input === undefined ? "validation.selectRequired" : "validation.invalidChoice") }),
  );

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

/** Deeper than any input of ours: parsed values below it are not inspected. */
const MAX_INSPECTED_DEPTH = 32;

/**
 * Paths of strings (values or keys) with invalid characters in a parsed value:
 * the backstop for fields declared as a bare z.string() (cursors, filters),
 * so that no such string reaches the database whatever the schema says.
 */
function invalidCharacterPaths(value: unknown, path: string[] = [], depth = 0, found: string[] = []): string[] {
  if (typeof value === "string") {
    if (hasInvalidCharacters(value)) found.push(path.join(".") || "_");
  } else if (
    value !== null &&
    typeof value === "object" &&
    depth < MAX_INSPECTED_DEPTH &&
    (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype)
  ) {
    for (const [key, item] of Object.entries(value)) {
      if (hasInvalidCharacters(key)) found.push([...path, "_"].join("."));
      else invalidCharacterPaths(item, [...path, key], depth + 1, found);
    }
  }
  return found;
}

/** Parse or throw a 422 AppError listing every field error at once. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const checked = checkInput(schema, input);
  if (!checked.ok) throw validationError(checked.errors);
  return checked.data;
}

/** Parse without throwing: the parsed value, or every field error (to report with other checks' errors). */
export function checkInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
): { ok: true; data: z.output<T> } | { ok: false; errors: FieldError[] } {
  const result = schema.safeParse(input);
  if (!result.success) return { ok: false, errors: zodIssuesToFieldErrors(result.error.issues) };
  const invalid = invalidCharacterPaths(result.data);
  if (invalid.length > 0) return { ok: false, errors: invalid.map((path) => ({ path, message: "validation.invalidCharacters" })) };
  return { ok: true, data: result.data };
}

/**
 * Every field error of an input against a schema, without throwing: a command
 * that checks several things (the format, completeness, whether the target
 * exists) reports them together, not one round at a time.
 */
export function inputErrors(schema: z.ZodType, input: unknown): FieldError[] {
  const checked = checkInput(schema, input);
  return checked.ok ? [] : checked.errors;
}

/** Several checks' errors as one list: the first message for each field, in the order found. */
export function firstErrorPerField(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.path) && seen.add(e.path));
}

/**
 * For cross-field refinements: run the check even when other fields failed
 * (so every error is shown at once), but not when the fields it reads did.
 */
export const whenValid =
  (...paths: string[]) =>
  (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    // An issue without a path is the input itself (null, a number, an array): nothing to read.
    !payload.issues.some((issue) => !issue.path?.length || paths.includes(String(issue.path[0])));

/**
 * Years a date of ours (agreement terms, meetings, deadlines) can fall in.
 * Outside them is a typo (0026, 20260) — and year 0 is refused by PostgreSQL.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** A real day of the Gregorian calendar within MIN_YEAR..MAX_YEAR (month 1–12). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one (the year is ≥ 1900, so Date.UTC takes it as written).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** "YYYY-MM-DD" naming a real day in range: 2026-02-30, 0000-01-01 and 99999-01-01 are not. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A calendar date "YYYY-MM-DD" that exists (2026-02-30 is refused), in MIN_YEAR..MAX_YEAR. */
export const isoDate = () => z.string({ error: "validation.date" }).refine(isIsoDate, { error: "validation.date" });

/** A date that must be given, with the message that says why when it is not. */
export const requiredIsoDate = (missing: MessageKey) =>
  z.preprocess(
    blankToUndefined,
    z.string({ error: (iss) => (iss.input === undefined ? missing : "validation.date") }).refine(isIsoDate, { error: "validation.date" }),
  );

/** Figures beyond this (either sign) are typos, and lose precision in a double. */
export const MAX_FIGURE = 1e12;

/**
 * A number as people type it: full-width digits and signs, thousands
 * separators and spaces are fine ("１,２００" → 1200, "−3.5" → -3.5); null when
 * it is not one number.
 */
export function parseDecimal(text: string): number | null {
  const plain = text
    .normalize("NFKC")
    .replace(/[\s,]/g, "")
    .replace(/^[\u2212\u2012\u2013\u2014]/, "-");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return null;
  return Number(plain);
}

/** A required figure from a form (text) or JSON (a number), with the message that says why when it is missing. */
export const decimal = (missing: MessageKey = "validation.required") =>
  z.preprocess(
    (v) => {
      const given = blankToUndefined(v);
      return typeof given === "string" ? (parseDecimal(given) ?? Number.NaN) : given;
    },
    z
      .number({ error: (iss) => (iss.input === undefined ? missing : "validation.number") })
      .min(-MAX_FIGURE, { error: "validation.number" })
      .max(MAX_FIGURE, { error: "validation.number" }),
  );

const isWebUrl = (v: string) => {
  try {
    const url = new URL(v);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
};

/** A link people follow from a page (a meeting room, a report): http(s) only, never javascript: or data:. */
export const optionalWebUrl = (max = 500) =>
  optional(
    z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      z.string({ error: "validation.invalid" }).max(max, { error: "validation.tooLong" }).refine(isWebUrl, { error: "validation.invalid" }),
    ),
  );

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs and forms: anything else is a record that does not exist. */
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);
