// What every benchmarked API call shares: who calls (a person with a fresh
// API token, acting for one organisation), the identity lookups each call
// starts with, and the bench context operations report to.
import { randomUUID } from "node:crypto";
import type { Database } from "~/lib/db/client.server";
import { generateApiToken } from "~/features/identity/tokens";
import type { BenchApp } from "../lib/app";
import { bulkInsert } from "../lib/bulk";

export interface BenchContext {
  app: BenchApp;
  iterations: number;
  warmup: number;
  add(operation: string, detail: string, samples: { app: number[]; baseline: number[] | null }, baselineLabel: string | null): void;
  log(message: string): void;
}

export type Row = Record<string, unknown>;

// ── identity: what every authenticated API call does first ──────────────────
const TOKEN_SQL = `select t.id as token_id, t.last_used_at, u.* from api_tokens t join users u on u.id = t.user_id
  where t.token_hash = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > now()) limit 1`;
const MEMBERSHIPS_SQL = `select m.id, o.id as organization_id, o.kind, o.name, m.role, m.department_id, d.name as department_name, o.local_gov_code
  from memberships m join organizations o on o.id = m.organization_id left join organizations d on d.id = m.department_id
  where m.user_id = $1 order by m.created_at, m.id`;

export async function identityBaseline(database: Database, tokenHash: string): Promise<Row> {
  const { rows } = await database.executeSql(TOKEN_SQL, [tokenHash]);
  const user = rows[0] as Row | undefined;
  if (!user) throw new Error("baseline: token not found");
  await database.executeSql(MEMBERSHIPS_SQL, [user.id]);
  return user;
}

// ── who calls ─────────────────────────────────────────────────────────────────
export interface Caller {
  label: string;
  userId: string;
  organizationId: string;
  departmentId: string | null;
  token: string;
  tokenHash: string;
}

export async function issueTokens(
  database: Database,
  users: { userId: string; organizationId: string; departmentId: string | null; label: string }[],
): Promise<Caller[]> {
  const callers = users.map((u) => {
    const issued = generateApiToken();
    return { ...u, token: issued.token, tokenHash: issued.hash, prefix: issued.prefix };
  });
  await bulkInsert(
    database,
    "api_tokens",
    [
      { name: "id", type: "uuid" },
      { name: "user_id", type: "uuid" },
      { name: "name", type: "text" },
      { name: "token_hash", type: "text" },
      { name: "prefix", type: "text" },
    ],
    callers.map((c) => [randomUUID(), c.userId, "bench", c.tokenHash, c.prefix]),
  );
  return callers.map(({ prefix: _prefix, ...c }) => c);
}

export const callOptions = (caller: Caller, path: string, params?: Record<string, string>) => ({
  path,
  token: caller.token,
  headers: { "x-renkei-organization": caller.organizationId },
  params,
});

export async function okJson(response: Response, what: string): Promise<Row> {
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${what}: expected 200, got ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Row;
}
