// Per-request wiring between React Router and the runtime: the router context
// keys, the request middleware (request id, CSRF origin check) and helpers
// that route modules use to get a context, a scope or a problem response.
import { createContext, data, redirect, RouterContextProvider, type MiddlewareFunction } from "react-router";
import { randomUUID } from "node:crypto";
import { AppError, isAppError } from "~/lib/errors";
import { apiProblemOf, problemResponse } from "~/lib/http/problem.server";
import { localeFromRequest } from "~/lib/i18n";
import type { PublicContext, RequestContext, ScopeCheck, ScopedContext, TenantScope, ViewerContext } from "~/lib/tenancy";
import { identify, requireScopeFrom, scopeOf, type Identity } from "~/features/identity/gate.server";
import { getRuntime, type Runtime } from "./runtime.server";
import { applySecurityHeaders } from "./security-headers.server";
import { ADMISSION_RETRY_AFTER_SECONDS, AdmissionRefused } from "./admission.server";
import {
  bodyLimitFor,
  guardNodeBody,
  MAX_TEXT_BODY_BYTES,
  payloadTooLarge,
  readBodyCapped,
  type NodeBody,
  type NodeResponse,
} from "./body-limit.server";

export const runtimeContext = createContext<Runtime | null>(null);
export const requestIdContext = createContext<string>("");
/** The caller's network address (server.mjs sets it; see RENKEI_TRUSTED_PROXIES). */
export const clientAddressContext = createContext<string>("unknown");
/** Set by server.mjs: whether the request body passed its limit while streaming in. */
const bodyGuardContext = createContext<{ tripped: () => boolean }>({ tripped: () => false });
/** The identity lookup of this request, shared while in flight: the root and page loaders run in parallel. */
const identityContext = createContext<Promise<Identity | null> | null>(null);

type Ctx = Readonly<RouterContextProvider>;
interface Args {
  request: Request;
  context: Ctx;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated form posts must come from our own origin. Browsers send
 * Origin on every POST; Sec-Fetch-Site covers the rest. Together with
 * SameSite=Lax cookies this is the CSRF defence (see docs/decisions).
 */
export function isCrossSiteFormPost(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const url = new URL(request.url);
  if (url.pathname.startsWith("/api/")) return false; // Bearer tokens, no ambient cookies.
  const origin = request.headers.get("origin");
  if (origin) return origin !== url.origin;
  const site = request.headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}

export const requestMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  if (!context.get(runtimeContext)) context.set(runtimeContext, await getRuntime());
  const incoming = request.headers.get("x-request-id");
  const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
  context.set(requestIdContext, requestId);
  if (isCrossSiteFormPost(request)) {
    throw new Response(null, { status: 403, statusText: "csrf" });
  }
  // Uploads are read into memory: refuse oversized bodies before reading them,
  // and (server.mjs) while reading them when no Content-Length was sent.
  if (Number(request.headers.get("content-length") ?? 0) > bodyLimitFor(request.headers.get("content-type")))
    return tooLarge(request, requestId);
  // API callers get a problem document for every 4xx, also React Router's own 405.
  const pathname = new URL(request.url).pathname;
  const serve = async () => (pathname.startsWith("/api/") ? apiProblemOf(await next(), requestId, localeFromRequest(request)) : next());
  // The embedded database serves a few requests at a time (admission.server.ts); the health check is never held back.
  const admission = pathname === "/api/v1/health" ? null : runtimeOf(context).admission;
  let response: Response;
  try {
    response = admission ? await admission.run(serve) : await serve();
  } catch (error) {
    if (error instanceof AdmissionRefused) return busy(request, requestId);
    throw error;
  }
  if (context.get(bodyGuardContext).tripped()) return tooLarge(request, requestId);
  response.headers.set("x-request-id", requestId);
  applySecurityHeaders(response, runtimeOf(context).config.baseUrl);
  return response;
};

/**
 * The router context server.mjs starts each request with: the client address
 * (Express's req.ip: the socket's address, or the X-Forwarded-For entry of the
 * first untrusted hop when RENKEI_TRUSTED_PROXIES names the proxies in front)
 * and the guard that counts the body as it streams in.
 */
export function routerContextFor(req: NodeBody & { ip?: string }, res?: NodeResponse): RouterContextProvider {
  const context = new RouterContextProvider();
  if (req.ip) context.set(clientAddressContext, req.ip);
  context.set(bodyGuardContext, guardNodeBody(req, res));
  return context;
}

/** Too many requests waiting: come back in a moment (a problem document for the API, the 503 page otherwise). */
function busy(request: Request, requestId: string): Response {
  if (new URL(request.url).pathname.startsWith("/api/"))
    return problemResponse(
      new AppError("unavailable", { retryAfter: ADMISSION_RETRY_AFTER_SECONDS }),
      requestId,
      localeFromRequest(request),
    );
  throw new Response(null, { status: 503, statusText: "unavailable", headers: { "retry-after": String(ADMISSION_RETRY_AFTER_SECONDS) } });
}

/** 413: a problem document for the API, the Japanese error page otherwise; the connection closes (the rest is not read). */
function tooLarge(request: Request, requestId: string): Response {
  if (new URL(request.url).pathname.startsWith("/api/")) return problemResponse(payloadTooLarge(), requestId, localeFromRequest(request));
  throw new Response(null, { status: 413, statusText: "payload_too_large", headers: { connection: "close" } });
}

export function clientAddressOf(context: Ctx): string {
  return context.get(clientAddressContext);
}

export function runtimeOf(context: Ctx): Runtime {
  const runtime = context.get(runtimeContext);
  if (!runtime) throw new Error("runtime missing from router context");
  return runtime;
}

export function requestContextOf({ context }: { context: Ctx }): RequestContext {
  const runtime = runtimeOf(context);
  return { db: runtime.db, requestId: context.get(requestIdContext) || randomUUID(), baseUrl: runtime.config.baseUrl, jobs: runtime.jobs };
}

/** For public data and token-addressed resources: the request's context, explicitly without a tenant scope. */
export function publicContext(args: { context: Ctx }): PublicContext {
  return { ...requestContextOf(args), scope: null };
}

/** For public data that shows more to its own tenant: scoped when the caller has a scope, public otherwise. */
export function viewerContext(args: { context: Ctx }, scope: TenantScope | null): ViewerContext {
  return scope ? { ...requestContextOf(args), scope } : publicContext(args);
}

/**
 * Who is calling, looked up once per request: the first caller starts the
 * lookup and every later one (the root loader beside the page's) awaits the
 * same promise, even before it settles. Invalid API tokens throw 401.
 */
export function identityOf({ request, context }: Args): Promise<Identity | null> {
  const pending = context.get(identityContext);
  if (pending) return pending;
  const runtime = runtimeOf(context);
  const lookup = identify(request, { db: runtime.db, auth: runtime.auth });
  (context as RouterContextProvider).set(identityContext, lookup);
  return lookup;
}

/**
 * For pages: a bad Authorization header counts as not signed in (pages use
 * cookies); a token acting for an organisation that is not the caller's
 * (`X-Renkei-Organization`) is a 403 page, never a 500.
 */
export async function pageIdentityOf(args: Args): Promise<Identity | null> {
  try {
    return await identityOf(args);
  } catch (error) {
    if (isAppError(error) && error.code === "unauthorized") return null;
    if (isAppError(error)) throw data(null, { status: error.status, statusText: error.code });
    throw error;
  }
}

/** The caller's scope if signed in (or holding a token) and in an organisation; else null. */
export async function optionalScope(args: Args): Promise<TenantScope | null> {
  const identity = await identityOf(args);
  return identity?.active ? scopeOf(identity, identity.active) : null;
}

/** Pages: an AppError becomes an error response the root boundary renders in Japanese. */
export async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isAppError(error)) throw data(null, { status: error.status, statusText: error.code });
    throw error;
  }
}

/** For pages: a scoped context, or a redirect to the login page; 403 when `allow` (a policy predicate) says no. */
export async function requirePageScope(args: Args, allow?: ScopeCheck): Promise<{ ctx: ScopedContext; identity: Identity }> {
  const identity = await pageIdentityOf(args);
  if (!identity) {
    const url = new URL(args.request.url);
    throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  const scope = await guard(async () => requireScopeFrom(identity, allow));
  return { ctx: { ...requestContextOf(args), scope }, identity };
}

/** For the JSON API: a scoped context, or 401/403 problems (403 when `allow`, a policy predicate, says no). */
export async function requireApiScope(args: Args, allow?: ScopeCheck): Promise<{ ctx: ScopedContext; identity: Identity }> {
  const identity = await identityOf(args);
  if (!identity || identity.via !== "token") throw new AppError("unauthorized");
  return { ctx: { ...requestContextOf(args), scope: requireScopeFrom(identity, allow) }, identity };
}

/** Runs an API handler; every error becomes an RFC 9457 problem document. */
export async function api(args: Args, handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof Response) return error;
    return problemResponse(error, args.context.get(requestIdContext), localeFromRequest(args.request));
  }
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { ...init, headers });
}

/**
 * Reads a JSON body (at most 1 MiB, counted as it arrives: 413 beyond);
 * malformed JSON, or JSON that is not an object (`null`, `1`, `"x"`, `[]` —
 * every input of ours is an object), is a 422 with a Japanese message, not a 500.
 */
export async function readJson(request: Request): Promise<Record<string, unknown>> {
  const text = new TextDecoder().decode(await readBodyCapped(request, MAX_TEXT_BODY_BYTES));
  if (text.length > 1_000_000)
    throw new AppError("validation", { fieldErrors: [{ path: "_", message: "validation.tooLong", params: { max: 1_000_000 } }] });
  if (!text.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("validation", { fieldErrors: [{ path: "_", message: "validation.invalidJson" }] });
  }
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw new AppError("validation", { fieldErrors: [{ path: "_", message: "validation.notAnObject" }] });
  return body as Record<string, unknown>;
}

export { isAppError };
