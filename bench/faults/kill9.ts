// Fault measurement for issue 17: acknowledged writes vs writes found after a
// kill -9, on PGlite and on PostgreSQL, (a) with one server process and (b)
// with a second server process started on the same data folder / database.
//
//   npx react-router build && npx tsx bench/faults/kill9.ts
//
//   KILL9_ROOT=.            the tree whose built server.mjs runs (another checkout measures the code before a fix)
//   KILL9_WRITES=30         writes per run; the server is killed once KILL9_KILL_AFTER were acknowledged
//   KILL9_KILL_AFTER=25
//   KILL9_PORT_BASE=5150    ports KILL9_PORT_BASE … +9 on 127.0.0.1
//   TEST_DATABASE_URL       PostgreSQL server for the second half (a scratch database is created and dropped)
//
// A write is a theme draft POSTed by the demo desk; it is "acknowledged" when
// the server answered 201. After the kill the folder/database is opened by a
// fresh server and every acknowledged id is read back.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

const root = path.resolve(process.env.KILL9_ROOT ?? ".");
const writes = Number(process.env.KILL9_WRITES ?? 30);
const killAfter = Number(process.env.KILL9_KILL_AFTER ?? 25);
const portBase = Number(process.env.KILL9_PORT_BASE ?? 5150);
const adminUrl = process.env.TEST_DATABASE_URL;
const DEMO_PASSWORD = "renkei-demo-2026";

interface Server {
  port: number;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

let nextPort = portBase;
function port(): number {
  const p = nextPort;
  nextPort = nextPort + 1 > portBase + 9 ? portBase : nextPort + 1;
  return p;
}

function launch(env: Record<string, string>): Server {
  const p = port();
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    env: { ...process.env, PORT: String(p), HOST: "127.0.0.1", RENKEI_BASE_URL: `http://127.0.0.1:${p}`, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { port: p, child, output: () => log, exited };
}

/** Waits until the server answers health, or until it exits (then returns false). */
async function ready(server: Server, timeoutMs = 180_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void server.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) return false;
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/health`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on ${server.port} did not start:\n${server.output()}`);
}

async function stop(server: Server, signal: NodeJS.Signals): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill(signal);
  await server.exited;
}

async function login(server: Server): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "desk@demo.renkei.example", password: DEMO_PASSWORD }),
  });
  if (res.status !== 201) throw new Error(`login: ${res.status} ${await res.text()}`);
  return (await res.json()).token;
}

/** Writes theme drafts five at a time and kills the server (kill -9) once `killAfter` were acknowledged. */
async function burstThenKill(server: Server, token: string, label: string): Promise<string[]> {
  const acknowledged: string[] = [];
  let killed = false;
  let n = 0;
  async function worker() {
    while (n < writes && !killed) {
      const i = n++;
      try {
        const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/themes`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({
            title: `${label} 書き込み ${i}`,
            background: "背景",
            goal: "目標",
            offer: "提供",
            fields: ["mobility"],
            deadline: "2099-03-31",
          }),
        });
        if (res.status === 201 && !killed) acknowledged.push((await res.json()).id);
      } catch {
        // the connection died with the server: not acknowledged
      }
      if (acknowledged.length >= killAfter && !killed) {
        killed = true;
        server.child.kill("SIGKILL");
      }
    }
  }
  await Promise.all(Array.from({ length: 5 }, worker));
  if (!killed) server.child.kill("SIGKILL");
  await server.exited;
  return acknowledged;
}

async function countFound(server: Server, token: string, ids: string[]): Promise<number> {
  let found = 0;
  for (const id of ids) {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/themes/${id}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status === 200) found++;
    await res.body?.cancel();
  }
  return found;
}

interface Row {
  database: string;
  scenario: string;
  secondProcess: string;
  acknowledged: number;
  found: number;
  reopened: string;
}

async function scenario(database: string, env: () => Record<string, string>, withSecond: boolean, cleanup: () => void): Promise<Row> {
  const first = launch(env());
  if (!(await ready(first))) throw new Error(`first server did not start:\n${first.output()}`);
  const token = await login(first);
  let second: Server | undefined;
  let secondProcess = "—";
  if (withSecond) {
    second = launch(env());
    const started = await ready(second, 120_000);
    secondProcess = started
      ? "started (both running)"
      : `refused, exit ${await second.exited}: ${
          second
            .output()
            .split("\n")
            .find((l) => /PID|in use|使用中/.test(l))
            ?.slice(0, 90) ?? ""
        }`;
  }
  const acknowledged = await burstThenKill(first, token, `${database}/${withSecond ? "b" : "a"}`);
  if (second) await stop(second, "SIGTERM");
  const reopened = launch(env());
  let found = 0;
  let reopenedState = "yes";
  if (await ready(reopened)) {
    found = await countFound(reopened, token, acknowledged);
    await stop(reopened, "SIGTERM");
  } else {
    reopenedState = `no: ${reopened.output().trim().split("\n").slice(-1)[0]?.slice(0, 90)}`;
  }
  cleanup();
  return {
    database,
    scenario: withSecond ? "(b) second process on the same data" : "(a) single process",
    secondProcess,
    acknowledged: acknowledged.length,
    found,
    reopened: reopenedState,
  };
}

async function pglite(withSecond: boolean): Promise<Row> {
  const dir = mkdtempSync(path.join(tmpdir(), "renkei-kill9-"));
  return scenario(
    "PGlite",
    () => ({ DATABASE_URL: "", RENKEI_DATA_DIR: dir, RENKEI_DEMO_DATA: "1" }),
    withSecond,
    () => rmSync(dir, { recursive: true, force: true }),
  );
}

async function postgres(withSecond: boolean): Promise<Row> {
  const name = `renkei_kill9_${randomBytes(4).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' TEMPLATE template0`);
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  try {
    return await scenario(
      "PostgreSQL",
      () => ({ DATABASE_URL: url.toString(), RENKEI_DEMO_DATA: "1", RENKEI_SECRET: "kill9-secret-kill9-secret-kill9-secret" }),
      withSecond,
      () => undefined,
    );
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

const rows: Row[] = [];
for (const withSecond of [false, true]) {
  rows.push(await pglite(withSecond));
  console.error(JSON.stringify(rows.at(-1)));
}
if (adminUrl) {
  for (const withSecond of [false, true]) {
    rows.push(await postgres(withSecond));
    console.error(JSON.stringify(rows.at(-1)));
  }
}
console.log(`kill -9 after ${killAfter} acknowledged writes (of ${writes}, five at a time); code under test: ${root}\n`);
console.log("| database | scenario | second process | acknowledged | found after restart | lost | folder/database reopened |");
console.log("|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| ${r.database} | ${r.scenario} | ${r.secondProcess} | ${r.acknowledged} | ${r.found} | ${r.acknowledged - r.found} | ${r.reopened} |`,
  );
}
