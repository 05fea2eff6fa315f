// One server and one browser per journey file, started before and stopped after.
import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, startServer, type RunningServer } from "./support";

export function useJourney(env: Record<string, string> = {}): { server: RunningServer; browser: Browser } {
  const handle = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    [handle.server, handle.browser] = await Promise.all([startServer(env), launchBrowser()]);
  });
  afterAll(async () => {
    await handle.browser?.close();
    await handle.server?.stop();
  });
  return handle;
}
