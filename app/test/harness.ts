// Runs route modules against a real runtime on a fresh database: the request
// goes through the same loader/action code the server runs.
import { RouterContextProvider } from "react-router";
import { randomUUID } from "node:crypto";
import type { Database, DatabaseKind } from "~/lib/db/client.server";
import { readConfig } from "~/server/config.server";
import { createRuntime, type Runtime } from "~/server/runtime.server";
import { clientAddressContext, requestIdContext, runtimeContext } from "~/server/context.server";
import { freshDatabase } from "./database";

export interface TestApp {
  runtime: Runtime;
  call(
    handler: (args: never) => Promise<unknown> | unknown,
    options: {
      path: string;
      method?: string;
      token?: string;
      json?: unknown;
      body?: BodyInit;
      headers?: Record<string, string>;
      params?: Record<string, string>;
      clientAddress?: string;
    },
  ): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestApp(kind: DatabaseKind): Promise<TestApp> {
  return startTestAppOn(await freshDatabase(kind));
}

/** The same over a given database (e.g. one pointed at a server that is away). */
export async function startTestAppOn(database: Database): Promise<TestApp> {
  const config = {
    ...readConfig({ PORT: "3999", RENKEI_SECRET: "test-secret-test-secret-test-secret-00" } as NodeJS.ProcessEnv),
    seedDemo: false,
    runJobs: false,
  };
  const runtime = await createRuntime(config, { database, migrate: false, log: () => undefined });
  return {
    runtime,
    async call(handler, options) {
      const headers = new Headers(options.headers);
      if (options.token) headers.set("authorization", `Bearer ${options.token}`);
      let body = options.body;
      if (options.json !== undefined) {
        headers.set("content-type", "application/json");
        body = JSON.stringify(options.json);
      }
      const request = new Request(new URL(options.path, config.baseUrl), { method: options.method ?? "GET", headers, body });
      const context = new RouterContextProvider();
      context.set(runtimeContext, runtime);
      context.set(requestIdContext, randomUUID());
      context.set(clientAddressContext, options.clientAddress ?? "192.0.2.1");
      const result = await (handler as (args: unknown) => Promise<unknown>)({ request, params: options.params ?? {}, context });
      if (result instanceof Response) return result;
      throw new Error("handler did not return a Response");
    },
    close: () => runtime.close(),
  };
}
