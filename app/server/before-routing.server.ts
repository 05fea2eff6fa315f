// Requests Express refuses before React Router sees them: a path with a
// malformed percent-escape (`/api/v1/%ED%A0%80`) makes its router answer 400
// with an English HTML page. API callers get the same problem document as
// everywhere else; pages a short Japanese (or English) text.
import { randomUUID } from "node:crypto";
import { httpProblem } from "~/lib/http/problem.server";
import { localeFromRequest } from "~/lib/i18n";

export interface PlainAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function answerRefusedBeforeRouting(status: number, rawPath: string, cookie: string | undefined): PlainAnswer {
  const locale = localeFromRequest(new Request("http://renkei.invalid/", { headers: cookie ? { cookie } : {} }));
  const requestId = randomUUID();
  const common = { "cache-control": "no-store", "x-content-type-options": "nosniff", "x-request-id": requestId };
  if (rawPath.startsWith("/api/")) {
    return {
      status,
      headers: { ...common, "content-type": "application/problem+json; charset=utf-8" },
      body: JSON.stringify(httpProblem(status, requestId, locale)),
    };
  }
  return {
    status,
    headers: { ...common, "content-type": "text/plain; charset=utf-8" },
    body: `${httpProblem(status, requestId, locale).title}\n`,
  };
}
