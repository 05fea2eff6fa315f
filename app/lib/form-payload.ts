// Form bodies in Conform's naming (`title`, repeated `fields`, `items[0].title`)
// turned into the nested input the feature schemas validate, and Zod issues
// turned back into messages keyed by those names. Used on the server (actions)
// and in the browser (validation before submitting), so both show the same
// Japanese message for the same mistake.
import { formatPaths, getPaths, parse } from "@conform-to/dom";
import type { z } from "zod";
import { AppError, type FieldError } from "./errors";
import { translate, type Locale } from "./i18n";
import { zodIssuesToFieldErrors } from "./validation";

export type FormPayload = Record<string, unknown>;
/** Messages by field name ("" is the form itself), as Conform's lastResult carries them. */
export type FormMessages = Record<string, string[]>;

/** More rows than any form of ours shows: a higher index is an attack on the array's length, not input. */
export const MAX_FORM_ROWS = 200;

/**
 * "items.0.title" (a Zod issue path) → "items[0].title" (the input's name);
 * "fields.3" (one value of a checkbox list) → "fields"; "_" → "" (the form).
 */
export function fieldNameOf(path: string): string {
  if (path === "_" || path === "") return "";
  const segments = path.split(".").map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  if (segments.length > 1 && typeof segments.at(-1) === "number") segments.pop();
  return formatPaths(segments);
}

function tooManyRows(name: string): boolean {
  try {
    return getPaths(name).some((segment) => typeof segment === "number" && segment >= MAX_FORM_ROWS);
  } catch {
    return false; // a name Conform refuses (__proto__ …) is dropped by parse() below
  }
}

/**
 * The text values of a form as a nested object. Files are read separately
 * (they never travel back into the page); an index past MAX_FORM_ROWS is a 422.
 */
export function formPayload(body: FormData | URLSearchParams): FormPayload {
  const text = new URLSearchParams();
  for (const [name, value] of body.entries()) {
    if (typeof value !== "string") continue;
    if (tooManyRows(name))
      throw new AppError("validation", { fieldErrors: [{ path: "_", message: "validation.tooManyRows", params: { max: MAX_FORM_ROWS } }] });
    // "fields[]" (the name older pages and scripts used) is the repeated "fields".
    text.append(name.endsWith("[]") ? name.slice(0, -2) : name, value);
  }
  return parse(text, { resolve: (payload) => ({ value: payload }) }).payload;
}

/** Field errors translated into `locale`, keyed by input name. */
export function formMessages(fieldErrors: readonly FieldError[], locale: Locale): FormMessages {
  const messages: FormMessages = {};
  for (const fe of fieldErrors) (messages[fieldNameOf(fe.path)] ??= []).push(translate(locale, fe.message, fe.params));
  return messages;
}

/**
 * Validates a payload against a schema as the server will, for the browser:
 * messages only for fields the form shows (`shown`), so that a field the
 * server fills in (the scope, a hidden default) never blocks a submission.
 */
export function validatePayload(schema: z.ZodType, payload: FormPayload, locale: Locale, shown: (name: string) => boolean) {
  const result = schema.safeParse(payload);
  if (result.success) return { value: payload };
  const visible = zodIssuesToFieldErrors(result.error.issues).filter((fe) => {
    const name = fieldNameOf(fe.path);
    return name === "" || shown(name);
  });
  return visible.length ? { error: formMessages(visible, locale) } : { value: payload };
}
