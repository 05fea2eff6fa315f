// The database goes away while the app runs: the API answers 503 with a
// Japanese problem document and Retry-After within the connect timeout, and
// health says so, instead of a 500 or a request that hangs.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import net from "node:net";
import { openPostgres } from "~/lib/db/client.server";
import { generateApiToken } from "~/features/identity/tokens";
import { startTestAppOn, type TestApp } from "~/test/harness";
import * as health from "./health";
import * as municipalities from "./municipalities";
import * as me from "./me";

const CONNECT_TIMEOUT_MS = 1_000;

/** A TCP server that accepts connections and never says a word. */
let silent: net.Server;
const sockets = new Set<net.Socket>();
beforeAll(async () => {
  silent = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

const targets = {
  "a closed port": () => "postgres://renkei@127.0.0.1:1/renkei",
  "a server that accepts and never answers": () => `postgres://renkei@127.0.0.1:${(silent.address() as net.AddressInfo).port}/renkei`,
};

describe.each(Object.keys(targets) as (keyof typeof targets)[])("PostgreSQL at %s", (target) => {
  let app: TestApp;
  afterEach(async () => {
    await app?.close();
  });

  async function timed(fn: () => Promise<Response>): Promise<{ res: Response; ms: number }> {
    const started = Date.now();
    const res = await fn();
    return { res, ms: Date.now() - started };
  }

  it("answers 503 (health, a public list, a token call) within the connect timeout", async () => {
    const database = openPostgres(targets[target](), { connectTimeoutMs: CONNECT_TIMEOUT_MS, statementTimeoutMs: 2_000 });
    app = await startTestAppOn(database);

    const h = await timed(() => app.call(health.loader, { path: "/api/v1/health" }));
    expect(h.res.status).toBe(503);
    expect(h.res.headers.get("retry-after")).toBe("30");
    expect(await h.res.json()).toMatchObject({
      status: "unavailable",
      database: "postgresql",
      checks: { database: { kind: "postgresql", reachable: false } },
    });
    expect(h.ms).toBeLessThan(CONNECT_TIMEOUT_MS + 1_500);

    for (const call of [
      () => app.call(municipalities.loader, { path: "/api/v1/municipalities?q=%E5%B0%8F%E6%9D%BE" }),
      () => app.call(me.loader, { path: "/api/v1/me", token: generateApiToken().token }),
    ]) {
      const { res, ms } = await timed(call);
      expect(res.status).toBe(503);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.headers.get("retry-after")).toBe("30");
      const problem = await res.json();
      expect(problem).toMatchObject({ status: 503, code: "unavailable", title: "ただいまサービスを利用できません。" });
      expect(ms).toBeLessThan(CONNECT_TIMEOUT_MS + 1_500);
    }
  });
});
