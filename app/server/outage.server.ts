// Pages while the database is away: React Router renders a loader's or
// action's raw error as a 500 ("unexpected error") and hides it from the
// browser. Its handleError hook sees the raw error first; we note an outage on
// the request's context, and a root middleware turns the page into the root
// ErrorBoundary's 503 "unavailable" page with Retry-After. The API maps the
// same errors in problem.server.ts; both use lib/db/unavailable.ts.
import { createContext, data, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { isDatabaseUnavailable, reasonOf } from "~/lib/db/unavailable";
import { RETRY_AFTER_SECONDS } from "~/lib/http/problem.server";

const outageContext = createContext<{ seen: boolean } | null>(null);

/** The server entry's `handleError`: logs like React Router's default, but one line for an outage. */
export function handleServerError(error: unknown, { request, context }: { request: Request; context?: unknown }): void {
  if (request.signal.aborted) return;
  if (isDatabaseUnavailable(error)) {
    const provider = context as RouterContextProvider | undefined;
    const flag = provider?.get?.(outageContext);
    if (flag) flag.seen = true;
    console.error(`[error] ${request.method} ${new URL(request.url).pathname}: database unavailable (${reasonOf(error)})`);
    return;
  }
  console.error(error);
}

/** Outer: adds Retry-After to the 503 page the inner one causes. */
const retryAfterOnOutage: MiddlewareFunction<Response> = async (_args, next) => {
  const response = await next();
  if (response.status === 503 && !response.headers.has("retry-after")) response.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
  return response;
};

/** Inner: a response that failed because of an outage is rendered again as 503 by the root ErrorBoundary. */
const rerenderOutageAs503: MiddlewareFunction<Response> = async ({ context }, next) => {
  const flag = { seen: false };
  context.set(outageContext, flag);
  const response = await next();
  if (flag.seen && response.status >= 500) throw data(null, { status: 503, statusText: "unavailable" });
  return response;
};

export const outageMiddleware = [retryAfterOnOutage, rerenderOutageAs503];
