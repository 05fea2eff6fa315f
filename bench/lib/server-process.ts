// The product as people run it, for the load test: `node server.mjs` (after
// `react-router build`) on 127.0.0.1 and a free port, with its CPU time and
// memory read from /proc, and the machine's busy time from /proc/stat.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

export interface ServerProcess {
  url: string;
  pid: number;
  /** CPU seconds (user + system) the process has used so far. */
  cpuSeconds(): number;
  /** Resident memory now and at its peak, MiB. */
  memoryMiB(): { rss: number; peak: number };
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Whatever happens to this script, the servers it started go with it.
process.once("exit", () => {
  for (const child of running) child.kill("SIGTERM");
});

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

let ticks: number | undefined;
const clockTicks = () => {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
};

/** utime + stime of a process from /proc/<pid>/stat, in seconds (0 when it is gone). */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces: fields count from the closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / clockTicks();
  } catch {
    return 0;
  }
}

/** The machine's busy and total CPU time so far, in seconds summed over cores (/proc/stat). */
export function machineCpuSeconds(): { busy: number; total: number } {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
    const [, ...values] = line.trim().split(/\s+/);
    const n = values.map(Number);
    const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (n[3] ?? 0) + (n[4] ?? 0);
    return { busy: (total - idle) / clockTicks(), total: total / clockTicks() };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/** A process and its children (the workers of `RENKEI_PROCESSES`), from /proc. */
function familyOf(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return [pid, ...children];
  } catch {
    return [pid];
  }
}

function memoryOf(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
    return { rss: kib("VmRSS") / 1024, peak: kib("VmHWM") / 1024 };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/**
 * Starts `node server.mjs` with `env` on 127.0.0.1:<free port> and waits until
 * /api/v1/health answers 200 (migrations, demo data … happen first).
 */
export async function startServer(env: Record<string, string>, options: { waitMs?: number } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = "";
  // An empty value removes the variable (e.g. NODE_ENV: "" runs the server as `npm start` does, without one).
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", RENKEI_BASE_URL: url };
  for (const [name, value] of Object.entries(env)) if (value === "" && name !== "DATABASE_URL") delete merged[name];
  const child = spawn(process.execPath, ["server.mjs"], {
    env: merged,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const deadline = Date.now() + (options.waitMs ?? 180_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited early:\n${log}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`server did not answer /api/v1/health in time:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    // With RENKEI_PROCESSES the work is in the children: count the whole family.
    cpuSeconds: () => familyOf(pid).reduce((sum, p) => sum + processCpuSeconds(p), 0),
    memoryMiB: () =>
      familyOf(pid)
        .map(memoryOf)
        .reduce((sum, m) => ({ rss: sum.rss + m.rss, peak: sum.peak + m.peak }), { rss: 0, peak: 0 }),
    output: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}
