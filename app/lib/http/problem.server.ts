// Maps any thrown value to an RFC 9457 problem document. AppErrors keep their
// status and Japanese message; anything else becomes a 500 without details.
import { AppError, isAppError } from "../errors";
import { translate, type Locale, type MessageKey } from "../i18n";

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  requestId: string;
  errors?: { path: string; message: string }[];
}

export function toProblem(error: unknown, requestId: string, locale: Locale = "ja"): ProblemDocument {
  const appError = isAppError(error) ? error : new AppError("internal", { cause: error });
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
  if (problem.status >= 500) console.error(`[error] ${requestId}`, error);
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": "application/problem+json; charset=utf-8", "x-request-id": requestId, "cache-control": "no-store" },
  });
}

const statusMessages: Record<number, MessageKey> = { 405: "error.methodNotAllowed", 413: "error.tooLarge" };

/**
 * API answers that React Router makes itself (405 for a method a route does
 * not handle) or that carry no body: the same problem document as ours.
 */
export function apiProblemOf(response: Response, requestId: string, locale: Locale = "ja"): Response {
  if (response.status < 400 || response.status >= 500 || (response.headers.get("content-type") ?? "").startsWith("application/problem+json")) return response;
  const problem: ProblemDocument = {
    type: `https://renkei.invalid/problems/http-${response.status}`,
    title: translate(locale, statusMessages[response.status] ?? "error.badRequest"),
    status: response.status,
    code: `http_${response.status}`,
    requestId,
  };
  const headers = new Headers(response.headers);
  headers.set("content-type", "application/problem+json; charset=utf-8");
  headers.set("cache-control", "no-store");
  headers.delete("content-length");
  return new Response(JSON.stringify(problem), { status: response.status, headers });
}
