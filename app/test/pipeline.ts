// The whole request pipeline in a test: React Router's own request handler
// over a server build assembled from app/routes.ts, so a request runs the
// root middleware (request id, CSRF check, body limit), route matching and
// the loader or action exactly as `node server.mjs` runs them — unlike
// harness.ts, which calls one handler directly. For the JSON API (resource
// routes); used by the API fuzz.
import { createRequestHandler, RouterContextProvider, type ServerBuild } from "react-router";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import routeConfig from "~/routes";
import * as rootModule from "~/root";
import * as entryModule from "~/entry.server";
import { runtimeContext } from "~/server/context.server";
import type { Runtime } from "~/server/runtime.server";

type RouteModule = ServerBuild["routes"][string] extends infer R ? (R extends { module: infer M } ? M : never) : never;

/** Every route module, keyed as app/routes.ts names files ("routes/api/me.ts"). */
const modules = import.meta.glob<RouteModule>(["../routes/**/*.{ts,tsx}", "!../routes/**/*.test.{ts,tsx}", "!../routes/**/*.server.ts"], {
  eager: true,
});

export interface PipelineRoute {
  id: string;
  /** Path pattern as in app/routes.ts ("api/v1/themes/:id"). */
  path: string;
  file: string;
  hasLoader: boolean;
  hasAction: boolean;
}

const idOf = (entry: RouteConfigEntry) => entry.id ?? entry.file.replace(/\.[jt]sx?$/, "");

/** The routes of app/routes.ts (all children of root), with what their modules export. */
export function pipelineRoutes(): PipelineRoute[] {
  return (routeConfig as RouteConfigEntry[]).map((entry) => {
    const module = modules[`../${entry.file}`];
    if (!module) throw new Error(`route module missing: ${entry.file}`);
    return { id: idOf(entry), path: entry.path ?? "", file: entry.file, hasLoader: "loader" in module, hasAction: "action" in module };
  });
}

/**
 * The build React Router's handler needs for resource routes (the whole API).
 * Pages are not rendered faithfully here: the Vite plugin wraps their
 * components at build time, so page requests belong to e2e tests.
 */
function serverBuild(): ServerBuild {
  const routes: ServerBuild["routes"] = { root: { id: "root", path: "", module: rootModule as unknown as RouteModule } };
  for (const entry of routeConfig as RouteConfigEntry[]) {
    const id = idOf(entry);
    routes[id] = {
      id,
      parentId: "root",
      path: entry.path,
      index: entry.index,
      caseSensitive: entry.caseSensitive,
      module: modules[`../${entry.file}`]!,
    };
  }
  return {
    entry: { module: entryModule as unknown as ServerBuild["entry"]["module"] },
    routes,
    assets: { entry: { module: "/entry.client.js", imports: [] }, routes: {}, url: "/manifest.js", version: "test" },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    basename: "/",
    future: { v8_middleware: true },
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: "initial", manifestPath: "/__manifest" },
  } as unknown as ServerBuild;
}

/** A fetch-like function: Request in, Response out, through the whole pipeline, against `runtime`. */
export function pipelineHandler(runtime: Runtime): (request: Request) => Promise<Response> {
  const handle = createRequestHandler(serverBuild(), "production");
  return (request) => {
    const context = new RouterContextProvider();
    context.set(runtimeContext, runtime);
    return handle(request, context);
  };
}
