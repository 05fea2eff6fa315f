// Drives HTTP load with autocannon and keeps every response's latency per
// route: a closed loop (each connection sends its next request as soon as the
// answer is in) and a steady rate (each connection sends one request a
// second; the connections start evenly spread over the first second, so the
// server sees one request every 1000/rate ms rather than a burst each second).
import autocannon from "autocannon";
import { cumulative, type Random } from "./random";
import { emptyTally, type RouteTally } from "./load-report";

export interface LoadRoute {
  key: string;
  /** e.g. "GET /proposals (inbox)". */
  label: string;
  /** Who calls, e.g. "desk admin (session)". */
  who: string;
  method: "GET" | "POST";
  /** A function gives a fresh path for each request (writes spread over several targets). */
  path: string | (() => string);
  headers?: Record<string, string>;
  /** A fresh body for each request (writes). */
  body?: () => string;
  /** Relative share in the mix; 0 keeps the route out of it. */
  weight: number;
}

export interface LoadOptions {
  /** One per app process; connections are spread over them in turn. */
  urls: string[];
  routes: LoadRoute[];
  seconds: number;
  timeoutSeconds: number;
  random: Random;
  /** Headers every request carries. */
  headers?: Record<string, string>;
}

export interface LoadOutcome {
  tallies: Map<string, RouteTally>;
  /** The measured window: autocannon's duration (closed loop) or the asked one (steady). */
  seconds: number;
  /** CPU time this process (the load generator) used. */
  loadCpuSeconds: number;
}

type Tallies = Map<string, RouteTally>;

const tallyOf = (tallies: Tallies, key: string) => {
  let t = tallies.get(key);
  if (!t) tallies.set(key, (t = emptyTally()));
  return t;
};

/**
 * The request list for autocannon: one fixed request when a single route has
 * no changing body, else one entry whose setupRequest draws a route by weight
 * and notes its key in the connection's context.
 */
function requestsFor(routes: readonly LoadRoute[], random: Random): { requests: autocannon.Request[]; fixedKey: string | null } {
  const mix = routes.filter((r) => r.weight > 0);
  if (mix.length === 0) throw new Error("no route with a weight above 0");
  const only = mix.length === 1 ? mix[0]! : null;
  if (only && !only.body && typeof only.path === "string") {
    return { requests: [{ method: only.method, path: only.path, headers: only.headers ?? {} }], fixedKey: only.key };
  }
  const table = cumulative(mix.map((r) => r.weight));
  return {
    fixedKey: null,
    requests: [
      {
        setupRequest(request, context) {
          const route = mix[random.weighted(table)]!;
          context.route = route.key;
          return {
            ...request,
            method: route.method,
            path: typeof route.path === "string" ? route.path : route.path(),
            headers: { ...request.headers, ...route.headers },
            body: route.body ? route.body() : Buffer.alloc(0),
          };
        },
      },
    ],
  };
}

/**
 * Counts each connection's answers under the route it asked for. A timeout is
 * reported after autocannon has already sent the connection's next request,
 * so it belongs to the request before the one in flight.
 */
function tracker(tallies: Tallies, fixedKey: string | null) {
  return (client: autocannon.Client) => {
    let inFlight = fixedKey ?? "";
    let previous = inFlight;
    const send = client.getRequestBuffer;
    client.getRequestBuffer = function (this: autocannon.Client) {
      previous = inFlight;
      inFlight = fixedKey ?? String(this.requestIterator.context.route);
      return send.call(this);
    };
    client.on("response", (status: number, _bytes: number, latencyMs: number) => {
      const t = tallyOf(tallies, inFlight);
      t.samples.push(latencyMs);
      t.statuses[status] = (t.statuses[status] ?? 0) + 1;
    });
    client.on("timeout", () => void tallyOf(tallies, previous).timeouts++);
    client.on("connError", () => void tallyOf(tallies, inFlight).errors++);
  };
}

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const quiet = { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false } as const;

/** `connections` connections, each sending its next request as soon as it has the answer, for `seconds`. */
export async function runClosedLoop(options: LoadOptions & { connections: number }): Promise<LoadOutcome> {
  const tallies: Tallies = new Map();
  const { requests, fixedKey } = requestsFor(options.routes, options.random);
  const cpu0 = cpuSeconds();
  const result = await autocannon({
    ...quiet,
    url: options.urls.length === 1 ? options.urls[0]! : options.urls,
    connections: options.connections,
    duration: options.seconds,
    timeout: options.timeoutSeconds,
    headers: options.headers,
    requests,
    setupClient: tracker(tallies, fixedKey),
  });
  return { tallies, seconds: result.duration, loadCpuSeconds: cpuSeconds() - cpu0 };
}

/**
 * `rate` requests a second for `seconds`: `rate` connections, each sending one
 * request a second (autocannon's connectionRate 1), started 1000/rate ms apart.
 * (One instance with overallRate would start every connection's second at the
 * same moment: a burst of `rate` requests once a second.) Latency is measured
 * from sending; a connection whose answer takes over a second sends its next
 * request late, so the rate then falls below `rate` (see the requests column).
 */
export async function runSteady(options: LoadOptions & { rate: number }): Promise<LoadOutcome> {
  const tallies: Tallies = new Map();
  const cpu0 = cpuSeconds();
  const instances: PromiseLike<autocannon.Result>[] = [];
  for (let i = 0; i < options.rate; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 1000 / options.rate));
    const { requests, fixedKey } = requestsFor(options.routes, options.random);
    instances.push(
      autocannon({
        ...quiet,
        url: options.urls[i % options.urls.length]!,
        connections: 1,
        connectionRate: 1,
        ignoreCoordinatedOmission: true,
        duration: options.seconds,
        timeout: options.timeoutSeconds,
        headers: options.headers,
        requests,
        setupClient: tracker(tallies, fixedKey),
      }),
    );
  }
  await Promise.all(instances);
  return { tallies, seconds: options.seconds, loadCpuSeconds: cpuSeconds() - cpu0 };
}
