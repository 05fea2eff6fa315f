// The runner against a small local server: each answer, error and timeout is
// counted under the route that asked for it (the attribution leans on
// autocannon's connection internals, so an upgrade that changes them fails here).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRandom } from "./random";
import { runClosedLoop, runSteady, type LoadRoute } from "./load-runner";

let server: Server;
let url: string;
const bodies: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/slow") return; // never answers: a timeout
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      if (req.method === "POST") bodies.push(`${req.url} ${body}`);
      res.writeHead(req.url === "/missing" ? 404 : req.method === "POST" ? 201 : 200, { "content-type": "text/plain" });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const route = (key: string, path: LoadRoute["path"], weight: number, extra: Partial<LoadRoute> = {}): LoadRoute => ({
  key,
  label: key,
  who: "test",
  method: "GET",
  path,
  weight,
  ...extra,
});

describe("runClosedLoop", () => {
  it("counts answers, statuses and timeouts per route of a mix", async () => {
    let n = 0;
    const outcome = await runClosedLoop({
      urls: [url],
      routes: [
        route("fast", "/fast", 6),
        route("missing", "/missing", 3),
        route("slow", "/slow", 1),
        route("write", () => `/items/${++n % 2}`, 2, { method: "POST", body: () => `{"n":${n}}` }),
      ],
      connections: 4,
      seconds: 2,
      timeoutSeconds: 1,
      random: createRandom(1),
    });
    const fast = outcome.tallies.get("fast")!;
    const missing = outcome.tallies.get("missing")!;
    const slow = outcome.tallies.get("slow")!;
    const write = outcome.tallies.get("write")!;
    expect(fast.samples.length).toBeGreaterThan(10);
    expect(Object.keys(fast.statuses)).toEqual(["200"]);
    expect(Object.keys(missing.statuses)).toEqual(["404"]);
    expect(Object.keys(write.statuses)).toEqual(["201"]);
    expect(write.samples.length).toBeGreaterThan(0);
    // A request to /slow never gets an answer: only timeouts, and nowhere else.
    expect(slow.samples).toHaveLength(0);
    expect(slow.timeouts).toBeGreaterThan(0);
    expect(fast.timeouts + missing.timeouts + write.timeouts).toBe(0);
    expect(outcome.seconds).toBeGreaterThanOrEqual(2);
    expect(bodies.some((b) => /^\/items\/[01] \{"n":\d+\}$/.test(b))).toBe(true);
  });

  it("keeps a single route's fixed request", async () => {
    const outcome = await runClosedLoop({
      urls: [url],
      routes: [route("fast", "/fast", 1)],
      connections: 2,
      seconds: 1,
      timeoutSeconds: 1,
      random: createRandom(1),
    });
    expect([...outcome.tallies.keys()]).toEqual(["fast"]);
    expect(outcome.tallies.get("fast")!.statuses["200"]).toBeGreaterThan(10);
  });
});

describe("runSteady", () => {
  it("sends about `rate` requests a second, spread over as many connections", async () => {
    const outcome = await runSteady({
      urls: [url],
      routes: [route("fast", "/fast", 1)],
      rate: 10,
      seconds: 2,
      timeoutSeconds: 1,
      random: createRandom(1),
    });
    const n = outcome.tallies.get("fast")!.samples.length;
    // 10 connections × one request a second for 2 s (a connection may send one more as it stops).
    expect(n).toBeGreaterThanOrEqual(20);
    expect(n).toBeLessThanOrEqual(30);
  });
});
