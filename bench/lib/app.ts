// Calls route modules (loaders/actions) in-process against a real runtime, the
// same way app/test/harness.ts does: a Request, a RouterContextProvider that
// carries the runtime and a request id, and the module's handler.
import { RouterContextProvider } from "react-router";
import { randomUUID } from "node:crypto";
import type { Database } from "~/lib/db/client.server";
import { readConfig } from "~/server/config.server";
import { createRuntime, type Runtime } from "~/server/runtime.server";
import { requestIdContext, runtimeContext } from "~/server/context.server";

export interface CallOptions {
  path: string;
  method?: string;
  token?: string;
  json?: unknown;
  /** A raw body (an uploaded file), when there is no json. */
  body?: BodyInit;
  headers?: Record<string, string>;
  params?: Record<string, string>;
}

export interface BenchApp {
  runtime: Runtime;
  call(handler: (args: never) => Promise<unknown> | unknown, options: CallOptions): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A runtime over an already migrated and loaded database: no migration, no
 * demo data, no job workers. `dataDir` only receives the embedded session
 * secret (PGlite runs without RENKEI_SECRET in the process environment).
 */
export async function startBenchApp(database: Database, options: { dataDir: string; databaseUrl?: string }): Promise<BenchApp> {
  const env: NodeJS.ProcessEnv = {
    PORT: "3999",
    RENKEI_SECRET: "bench-secret-bench-secret-bench-secret",
    RENKEI_DATA_DIR: options.dataDir,
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const config = { ...readConfig(env), seedDemo: false, runJobs: false };
  const runtime = await createRuntime(config, { database, migrate: false, log: () => undefined });
  return {
    runtime,
    async call(handler, call) {
      const headers = new Headers(call.headers);
      if (call.token) headers.set("authorization", `Bearer ${call.token}`);
      let body: BodyInit | undefined = call.body;
      if (call.json !== undefined) {
        headers.set("content-type", "application/json");
        body = JSON.stringify(call.json);
      }
      const request = new Request(new URL(call.path, config.baseUrl), { method: call.method ?? "GET", headers, body });
      const context = new RouterContextProvider();
      context.set(runtimeContext, runtime);
      context.set(requestIdContext, randomUUID());
      const result = await (handler as (args: unknown) => Promise<unknown>)({ request, params: call.params ?? {}, context });
      if (result instanceof Response) return result;
      throw new Error("handler did not return a Response");
    },
    close: () => runtime.close(),
  };
}
