// Maps any thrown value to an RFC 9457 problem document. AppErrors keep their
// status and Japanese message; anything else becomes a 500 without details.
import { AppError, isAppError } from "../errors";
import { translate, type Locale } from "../i18n";

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
  const headers = new Headers({ "content-type": "application/problem+json; charset=utf-8", "x-request-id": requestId, "cache-control": "no-store" });
  if (isAppError(error) && error.retryAfter !== undefined) headers.set("retry-after", String(error.retryAfter));
  // The rest of an oversized body is not read: close the connection instead of draining it.
  if (problem.status === 413) headers.set("connection", "close");
  return new Response(JSON.stringify(problem), { status: problem.status, headers });
}
