// The same built app on a PostgreSQL server: migrations on start, no demo data
// unless asked for. Runs whenever TEST_DATABASE_URL answers (CI sets it).
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { startServer, DEMO_PASSWORD, type RunningServer } from "./support";

const adminUrl = process.env.TEST_DATABASE_URL;
const name = `renkei_t_e2e_${randomBytes(4).toString("hex")}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function databaseUrl(): string {
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

describe.runIf(Boolean(adminUrl))("on a PostgreSQL server", () => {
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await admin(`DROP DATABASE IF EXISTS ${name}`);
  });

  it("migrates on start, loads no demo data, and loads it only when asked", async () => {
    await admin(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' TEMPLATE template0`);
    const plain = await startServer({
      DATABASE_URL: databaseUrl(),
      RENKEI_DEMO_DATA: "",
      RENKEI_SECRET: "e2e-secret-e2e-secret-e2e-secret-0000",
    });
    servers.push(plain);
    const health = await (await fetch(`${plain.baseUrl}/api/v1/health`)).json();
    expect(health).toMatchObject({ status: "ok", database: "postgresql" });
    const denied = await fetch(`${plain.baseUrl}/api/v1/tokens`, {
      method: "POST",
      body: JSON.stringify({ email: "desk@demo.renkei.example", password: DEMO_PASSWORD }),
    });
    expect(denied.status).toBe(401);
    const search = await (await fetch(`${plain.baseUrl}/api/v1/municipalities?q=${encodeURIComponent("こまつ")}`)).json();
    expect(search.items.map((m: { name: string }) => m.name)).toContain("小松市");
    await plain.stop();
    servers.pop();

    const seeded = await startServer({
      DATABASE_URL: databaseUrl(),
      RENKEI_DEMO_DATA: "1",
      RENKEI_SECRET: "e2e-secret-e2e-secret-e2e-secret-0000",
    });
    servers.push(seeded);
    const token = await fetch(`${seeded.baseUrl}/api/v1/tokens`, {
      method: "POST",
      body: JSON.stringify({ email: "desk@demo.renkei.example", password: DEMO_PASSWORD }),
    });
    expect(token.status).toBe(201);
  });

  it("runs several processes on one port (RENKEI_PROCESSES), replaces one that dies, and stops them all", async () => {
    const cluster = await startServer({
      DATABASE_URL: databaseUrl(),
      RENKEI_DEMO_DATA: "",
      RENKEI_SECRET: "e2e-secret-e2e-secret-e2e-secret-0000",
      RENKEI_PROCESSES: "2",
    });
    servers.push(cluster);
    const workers = () =>
      spawnSync("ps", ["--ppid", String(cluster.pid), "-o", "pid="], { encoding: "utf8" })
        .stdout.split("\n")
        .map((line) => Number(line.trim()))
        .filter(Boolean);
    const signIn = await fetch(`${cluster.baseUrl}/api/v1/tokens`, {
      method: "POST",
      body: JSON.stringify({ email: "desk@demo.renkei.example", password: DEMO_PASSWORD }),
    });
    expect(signIn.status).toBe(201); // the demo data of the previous test: one database for every process
    const { token } = await signIn.json();
    const me = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${cluster.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })),
    );
    expect(me.map((r) => r.status)).toEqual(Array(20).fill(200));
    for (;;) {
      if (workers().length === 2) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const [first] = workers();
    process.kill(first!, "SIGKILL");
    const deadline = Date.now() + 30_000;
    while (!(workers().length === 2 && !workers().includes(first!) && cluster.output().includes("starting another"))) {
      if (Date.now() > deadline) throw new Error(`no replacement:\n${cluster.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await cluster.stop();
    servers.pop();
    expect(workers()).toEqual([]);
  });

  it("refuses several processes on the embedded database, with a message", async () => {
    const run = spawnSync(process.execPath, ["server.mjs"], {
      env: { ...process.env, DATABASE_URL: "", RENKEI_PROCESSES: "2", PORT: "0" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("組み込みデータベース（PGlite）は 1 プロセスでしか開けません");
  });
});
