// Configuration from the environment, read once. See the README's table.
import path from "node:path";
import { OperatorError } from "~/lib/operator-error";
import { databaseTimeoutsFromEnv, type DatabaseTimeouts } from "~/lib/db/options";
import { admissionLimitsFromEnv, type AdmissionLimits } from "./admission.server";

export interface Config {
  port: number;
  baseUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** From RENKEI_SECRET; when absent the runtime makes one (kept in the data dir for PGlite). */
  secret: string | undefined;
  secureCookies: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Load demo data: default on for the embedded database, off for a server. */
  seedDemo: boolean;
  runJobs: boolean;
  version: string;
  /** PostgreSQL connect/statement limits and how long to wait for it at start. */
  databaseTimeouts: DatabaseTimeouts;
  /** Express's "trust proxy" from RENKEI_TRUSTED_PROXIES: false (the socket's address), a hop count, or proxy addresses/CIDRs. */
  trustProxy: false | number | string[];
  /** Requests served at once and allowed to wait (admission.server.ts); null: no limit (PostgreSQL's pool decides). */
  admission: AdmissionLimits | null;
}

/** RENKEI_TRUSTED_PROXIES: empty → trust no forwarded header; "1" → one proxy hop; "10.0.0.1, 10.1.0.0/16, loopback" → those proxies. */
export function parseTrustedProxies(value: string | undefined): Config["trustProxy"] {
  const text = value?.trim() ?? "";
  if (!text || text === "0" || text === "false") return false;
  if (/^\d+$/.test(text)) return Number(text);
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const baseUrl = (env.RENKEI_BASE_URL || `http://localhost:${port}`).replace(/\/$/, "");
  const databaseUrl = env.DATABASE_URL || undefined;
  const production = env.NODE_ENV === "production";
  if (production && !env.RENKEI_SECRET && databaseUrl) {
    throw new OperatorError(
      "本番環境で PostgreSQL を使うときは RENKEI_SECRET（32文字以上のランダムな文字列）を設定してください。例: RENKEI_SECRET=$(openssl rand -hex 32)\n" +
        "RENKEI_SECRET must be set (32+ random characters) when running on a PostgreSQL server in production, e.g. RENKEI_SECRET=$(openssl rand -hex 32).",
    );
  }
  const seedFlag = env.RENKEI_DEMO_DATA || undefined;
  return {
    port,
    baseUrl,
    databaseUrl,
    dataDir: path.resolve(env.RENKEI_DATA_DIR ?? "data"),
    secret: env.RENKEI_SECRET || undefined,
    secureCookies: baseUrl.startsWith("https://"),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? "Renkei <no-reply@renkei.invalid>",
    seedDemo: seedFlag === undefined ? !databaseUrl : seedFlag === "1" || seedFlag === "true",
    runJobs: env.RENKEI_JOBS !== "off",
    version: env.npm_package_version ?? "0.1.0",
    databaseTimeouts: databaseTimeoutsFromEnv(env),
    trustProxy: parseTrustedProxies(env.RENKEI_TRUSTED_PROXIES),
    admission: admissionLimitsFromEnv(env, !databaseUrl),
  };
}
