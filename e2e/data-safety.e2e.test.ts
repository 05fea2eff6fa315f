// Issue 17, data safety: one process per data folder, no "listening" on a
// taken port, and a database outage answered with 503 instead of 500 or a
// stack trace — against the built server, as operators run it.
import { afterAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { DEMO_PASSWORD, startServer, type RunningServer } from "./support";

const folders: string[] = [];
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "renkei-safety-e2e-"));
  folders.push(dir);
  return dir;
}

const freePort = () => 5100 + Math.floor(Math.random() * 100);

/** Runs `node server.mjs` expecting it to stop by itself; its exit code and everything it printed. */
function runUntilExit(env: Record<string, string>, timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["server.mjs"], {
      env: { ...process.env, DATABASE_URL: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function token(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).token;
}

describe("one server per data folder and per port", () => {
  it("refuses a second server on the same folder (naming the first one's PID) and on the same port, and survives kill -9 of the first", async () => {
    const dir = folder();
    const first = await startServer({}, { dataDir: dir });
    servers.push(first);
    expect(JSON.parse(readFileSync(path.join(dir, "renkei.lock"), "utf8")).pid).toBe(first.pid);

    const sameFolder = await runUntilExit({ PORT: String(freePort()), RENKEI_DATA_DIR: dir });
    expect(sameFolder.code).toBe(1);
    expect(sameFolder.output).toContain(`PID ${first.pid}`);
    expect(sameFolder.output).toContain("使用中です");
    expect(sameFolder.output).not.toContain("listening");

    const other = folder();
    const samePort = await runUntilExit({ PORT: new URL(first.baseUrl).port, RENKEI_DATA_DIR: other });
    expect(samePort.code).toBe(1);
    expect(samePort.output).toContain("already in use");
    expect(samePort.output).not.toContain("listening");
    expect(existsSync(path.join(other, "PG_VERSION"))).toBe(false); // it never opened a database

    // The first server still serves, and what it acknowledged survives its kill -9.
    const desk = await token(first.baseUrl, "desk@demo.renkei.example");
    const created = await fetch(`${first.baseUrl}/api/v1/themes`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${desk}` },
      body: JSON.stringify({
        title: "kill -9 の前に保存した課題",
        background: "背景",
        goal: "目標",
        offer: "提供",
        fields: ["mobility"],
        deadline: "2099-03-31",
      }),
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    process.kill(first.pid, "SIGKILL");
    await new Promise((r) => setTimeout(r, 300));

    const second = await startServer({}, { dataDir: dir }); // takes over the dead process's lock
    servers.push(second);
    const read = await fetch(`${second.baseUrl}/api/v1/themes/${id}`, {
      headers: { authorization: `Bearer ${await token(second.baseUrl, "desk@demo.renkei.example")}` },
    });
    expect(read.status).toBe(200);
    expect((await read.json()).title).toBe("kill -9 の前に保存した課題");
  });
});

describe("PostgreSQL away", () => {
  it("at start: retries with a clear message, then exits 1 without a stack trace", async () => {
    const run = await runUntilExit({
      PORT: String(freePort()),
      DATABASE_URL: "postgres://renkei:pw@127.0.0.1:1/renkei",
      RENKEI_SECRET: "e2e-secret-e2e-secret-e2e-secret-0000",
      RENKEI_DB_STARTUP_WAIT_MS: "1500",
    });
    expect(run.code).toBe(1);
    expect(run.output).toContain("retry 1");
    expect(run.output).toContain("データベース postgres://renkei@127.0.0.1:1/renkei に接続できません");
    expect(run.output).toContain("ECONNREFUSED");
    expect(run.output).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.output).not.toContain(":pw@");
  });

  const adminUrl = process.env.TEST_DATABASE_URL;
  it.runIf(Boolean(adminUrl))(
    "while running: pages and API answer 503 in Japanese, health says unavailable, and all recovers",
    async () => {
      const name = `renkei_t_safety_${randomBytes(4).toString("hex")}`;
      const admin = async (sql: string) => {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        await client.query(sql).finally(() => client.end());
      };
      await admin(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' TEMPLATE template0`);
      const upstream = new URL(adminUrl!);
      // A TCP proxy we can cut: it refuses the first two connections (the server must retry), then forwards.
      let refusals = 2;
      let up = true;
      const open = new Set<net.Socket>();
      const proxy = net.createServer((client) => {
        if (refusals-- > 0 || !up) return void client.destroy();
        const server = net.connect(Number(upstream.port || 5432), upstream.hostname);
        for (const s of [client, server]) {
          open.add(s);
          s.on("close", () => open.delete(s));
          s.on("error", () => undefined);
        }
        client.pipe(server).pipe(client);
      });
      await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
      const viaProxy = new URL(adminUrl!);
      viaProxy.host = `127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
      viaProxy.pathname = `/${name}`;
      try {
        const app = await startServer({
          DATABASE_URL: viaProxy.toString(),
          RENKEI_DEMO_DATA: "",
          RENKEI_DB_CONNECT_TIMEOUT_MS: "1500",
          RENKEI_SECRET: "e2e-secret-e2e-secret-e2e-secret-0000",
        });
        servers.push(app);
        expect(app.output()).toMatch(/cannot reach the database \(.+\), retry 1/);
        expect((await fetch(`${app.baseUrl}/municipalities`)).status).toBe(200);

        up = false;
        for (const s of open) s.destroy();
        const page = await fetch(`${app.baseUrl}/municipalities`);
        expect(page.status).toBe(503);
        expect(page.headers.get("retry-after")).toBe("30");
        expect(await page.text()).toContain("ただいまサービスを利用できません。");
        const apiRes = await fetch(`${app.baseUrl}/api/v1/municipalities?q=${encodeURIComponent("こまつ")}`);
        expect(apiRes.status).toBe(503);
        expect(await apiRes.json()).toMatchObject({ code: "unavailable", title: "ただいまサービスを利用できません。" });
        const health = await fetch(`${app.baseUrl}/api/v1/health`);
        expect(health.status).toBe(503);
        expect(await health.json()).toMatchObject({
          status: "unavailable",
          database: "postgresql",
          checks: { database: { reachable: false } },
        });

        up = true;
        expect((await fetch(`${app.baseUrl}/api/v1/health`)).status).toBe(200);
        expect((await fetch(`${app.baseUrl}/municipalities`)).status).toBe(200);
        await app.stop();
        servers.pop();
      } finally {
        for (const s of open) s.destroy();
        proxy.close();
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    },
  );
});
