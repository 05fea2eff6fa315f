// Maps any thrown value to an RFC 9457 problem document. AppErrors keep their
// status and Japanese message; a database that is away becomes 503
// "unavailable" with Retry-After; anything else becomes a 500 without details.
import { z } from "zod";
import { AppError, isAppError } from "../errors";
import { translate, type Locale, type MessageKey } from "../i18n";
import { isDatabaseUnavailable, reasonOf } from "../db/unavailable";

/** What a 503 asks clients to wait before trying again. */
export const RETRY_AFTER_SECONDS = 30;

/** The AppError a thrown value stands for: itself, "unavailable" for a database outage, else "internal". */
export function asAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  return new AppError(isDatabaseUnavailable(error) ? "unavailable" : "internal", { cause: error });
}

/** What every API error answers with (application/problem+json), described once for the OpenAPI document. */
export const problemDocument = z
  .object({
    type: z.string().meta({ description: "A URI naming the kind of problem.", example: "https://renkei.invalid/problems/not-found" }),
    title: z.string().meta({ description: "What went wrong, in Japanese (English when the `lang=en` cookie is sent)." }),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().meta({
      description:
        "Stable machine-readable code: validation, unauthorized, forbidden, not_found, conflict, rate_limited, payload_too_large, internal, unavailable, http_405 …",
    }),
    requestId: z.string().meta({ description: "Also in the X-Request-Id header; quote it when reporting a problem." }),
    errors: z
      .array(
        z.object({
          path: z.string().meta({ description: 'Dotted path of the input field ("_": the body as a whole).' }),
          message: z.string(),
        }),
      )
      .optional()
      .meta({ description: "Field errors of a 422." }),
  })
  .meta({ id: "Problem", description: "An RFC 9457 problem document." });
export type ProblemDocument = z.output<typeof problemDocument>;

export function toProblem(error: unknown, requestId: string, locale: Locale = "ja"): ProblemDocument {
  const appError = asAppError(error);
  const problem: ProblemDocument = {
    type: `https://renkei.invalid/problems/${appError.code.replace(/_/g, "-")}`,
    title: translate(locale, appError.messageKey, appError.params),
    status: appError.status,
    code: appError.code,
    requestId,
  };
  if (appError.fieldErrors.length > 0) {
    problem.errors = appError.fieldErrors.map((e) => ({ path: e.path, message: translate(locale, e.message, e.params) }));
  }
  return problem;
}

export function problemResponse(error: unknown, requestId: string, locale: Locale = "ja"): Response {
  const problem = toProblem(error, requestId, locale);
  const headers = new Headers({
    "content-type": "application/problem+json; charset=utf-8",
    "x-request-id": requestId,
    "cache-control": "no-store",
  });
  if (problem.code === "unavailable") {
    headers.set("retry-after", String(RETRY_AFTER_SECONDS));
    // An AppError("unavailable") is the app turning a caller away on purpose (a full queue), not an outage.
    if (!isAppError(error)) console.error(`[error] ${requestId} database unavailable: ${reasonOf(error)}`);
  } else if (problem.status >= 500) {
    console.error(`[error] ${requestId}`, error);
  }
  if (isAppError(error) && error.retryAfter !== undefined) headers.set("retry-after", String(error.retryAfter));
  // The rest of an oversized body is not read: close the connection instead of draining it.
  if (problem.status === 413) headers.set("connection", "close");
  return new Response(JSON.stringify(problem), { status: problem.status, headers });
}

const statusMessages: Record<number, MessageKey> = { 405: "error.methodNotAllowed", 413: "error.payloadTooLarge" };

/** A problem document for a bare HTTP status (no AppError behind it). */
export function httpProblem(status: number, requestId: string, locale: Locale = "ja"): ProblemDocument {
  return {
    type: `https://renkei.invalid/problems/http-${status}`,
    title: translate(locale, statusMessages[status] ?? "error.badRequest"),
    status,
    code: `http_${status}`,
    requestId,
  };
}

/**
 * API answers that React Router makes itself (405 for a method a route does
 * not handle) or that carry no body: the same problem document as ours.
 */
export function apiProblemOf(response: Response, requestId: string, locale: Locale = "ja"): Response {
  if (
    response.status < 400 ||
    response.status >= 500 ||
    (response.headers.get("content-type") ?? "").startsWith("application/problem+json")
  )
    return response;
  const headers = new Headers(response.headers);
  headers.set("content-type", "application/problem+json; charset=utf-8");
  headers.set("cache-control", "no-store");
  headers.delete("content-length");
  return new Response(JSON.stringify(httpProblem(response.status, requestId, locale)), { status: response.status, headers });
}
