// The same built app on a PostgreSQL server: migrations on start, no demo data
// unless asked for. Runs whenever TEST_DATABASE_URL answers (CI sets it).
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { randomBytes } from "node:crypto";
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
});
