// Form actions: failed validation comes back as Conform's lastResult — the
// translated messages by field name plus the values the person typed, so
// nothing is lost. Success messages travel to the next page in a signed flash
// cookie (flash.server.ts).
import { data } from "react-router";
import type { SubmissionResult } from "@conform-to/dom";
import { AppError, isAppError } from "~/lib/errors";
import { localeFromRequest, translate, type Locale } from "~/lib/i18n";
import { formMessages, formPayload, type FormPayload } from "~/lib/form-payload";
import { filesFromForm } from "~/features/files/commands.server";

/** What a form action answers when the input is refused: SchemaForm shows it. */
export type FormResult = SubmissionResult<string[]>;
export type { FormPayload };

/**
 * The body as FormData. A body that does not parse (bad or missing multipart
 * boundary, truncated, wrong content type) makes request.formData() throw a
 * TypeError: that is bad input, a 422 — not a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch (error) {
    if (error instanceof TypeError)
      throw new AppError("validation", { fieldErrors: [{ path: "_", message: "validation.multipart" }], cause: error });
    throw error;
  }
}

/** Pages: an unreadable form body is the error page with 422 (no form to show it in). */
async function readPageFormData(request: Request): Promise<FormData> {
  try {
    return await readFormData(request);
  } catch (error) {
    if (isAppError(error)) throw data(null, { status: error.status, statusText: error.code });
    throw error;
  }
}

/** The form's text values, nested by input name (lib/form-payload.ts). */
export async function readForm(request: Request): Promise<FormPayload> {
  return pagePayload(await readPageFormData(request));
}

/** A multipart form: its text values and the files of one file input. */
export async function readFormWithFiles(request: Request, fileField = "attachments") {
  const form = await readPageFormData(request);
  return { values: pagePayload(form), files: await filesFromForm(form, fileField) };
}

function pagePayload(form: FormData): FormPayload {
  try {
    return formPayload(form);
  } catch (error) {
    if (isAppError(error)) throw data(null, { status: error.status, statusText: error.code });
    throw error;
  }
}

/** Values of a repeated input (checkboxes) as a list of strings. */
export function listValue(values: FormPayload, name: string): string[] {
  const v = values[name];
  const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
  return list.filter((item): item is string => typeof item === "string");
}

/** Translates a validation AppError for the form; rethrows everything else. */
export function formFailure(error: unknown, values: FormPayload, locale: Locale) {
  if (!isAppError(error)) throw error;
  // Not about the form (not found, forbidden): the Japanese error page.
  if (error.code !== "validation" && error.code !== "unauthorized" && error.code !== "conflict") {
    throw data(null, { status: error.status, statusText: error.code });
  }
  const messages = formMessages(error.fieldErrors, locale);
  if (error.fieldErrors.length === 0) messages[""] = [translate(locale, error.messageKey, error.params)];
  // Never echo secrets back into the page.
  const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !/password|token/i.test(k)));
  return data<FormResult>({ status: "error", initialValue: kept as FormResult["initialValue"], error: messages }, { status: error.status });
}

/** A rate-limited form: 429 with Retry-After, the wait in minutes above the form, and the typed values kept. */
export function rateLimitedForm(error: AppError, values: FormPayload, locale: Locale) {
  const failure = formFailure(new AppError("validation", { message: error.messageKey, params: error.params }), values, locale);
  failure.init = { status: 429, headers: error.retryAfter === undefined ? undefined : { "retry-after": String(error.retryAfter) } };
  return failure;
}

/** Runs a form command; validation problems become a 422 with the form's data. */
export async function runForm<T>(request: Request, values: FormPayload, command: () => Promise<T>) {
  try {
    return { ok: true as const, value: await command() };
  } catch (error) {
    return { ok: false as const, failure: formFailure(error, values, localeFromRequest(request)) };
  }
}
