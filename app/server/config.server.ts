// Configuration from the environment, read once. See the README's table.
import { randomBytes } from "node:crypto";
import path from "node:path";

export interface Config {
  port: number;
  baseUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  secret: string;
  secureCookies: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Load demo data: default on for the embedded database, off for a server. */
  seedDemo: boolean;
  runJobs: boolean;
  version: string;
}

let generatedSecret: string | undefined;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const baseUrl = (env.RENKEI_BASE_URL || `http://localhost:${port}`).replace(/\/$/, "");
  const databaseUrl = env.DATABASE_URL || undefined;
  const production = env.NODE_ENV === "production";
  if (production && !env.RENKEI_SECRET && databaseUrl) {
    throw new Error("RENKEI_SECRET must be set (32+ random characters) when running on a PostgreSQL server in production.");
  }
  // A random per-process secret is fine for the single-process demo; sessions end on restart.
  generatedSecret ??= randomBytes(32).toString("hex");
  const seedFlag = env.RENKEI_DEMO_DATA || undefined;
  return {
    port,
    baseUrl,
    databaseUrl,
    dataDir: path.resolve(env.RENKEI_DATA_DIR ?? "data"),
    secret: env.RENKEI_SECRET ?? generatedSecret,
    secureCookies: baseUrl.startsWith("https://"),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? "Renkei <no-reply@renkei.invalid>",
    seedDemo: seedFlag === undefined ? !databaseUrl : seedFlag === "1" || seedFlag === "true",
    runJobs: env.RENKEI_JOBS !== "off",
    version: env.npm_package_version ?? "0.1.0",
  };
}
