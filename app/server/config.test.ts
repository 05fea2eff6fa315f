import { describe, expect, it } from "vitest";
import { OperatorError } from "~/lib/operator-error";
import { readConfig } from "./config.server";

describe("configuration", () => {
  it("runs embedded with demo data by default", () => {
    const config = readConfig({ PORT: "3100" } as NodeJS.ProcessEnv);
    expect(config).toMatchObject({
      port: 3100,
      baseUrl: "http://localhost:3100",
      databaseUrl: undefined,
      seedDemo: true,
      secureCookies: false,
    });
  });

  it("never loads demo data into a server database unless asked", () => {
    expect(readConfig({ DATABASE_URL: "postgres://x@db/renkei" } as NodeJS.ProcessEnv).seedDemo).toBe(false);
    expect(readConfig({ DATABASE_URL: "postgres://x@db/renkei", RENKEI_DEMO_DATA: "1" } as NodeJS.ProcessEnv).seedDemo).toBe(true);
    expect(readConfig({ RENKEI_DEMO_DATA: "0" } as NodeJS.ProcessEnv).seedDemo).toBe(false);
  });

  it("requires a secret for a production server database and uses secure cookies on https", () => {
    // An OperatorError: server.mjs prints the bilingual message alone, without a stack trace.
    expect(() => readConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://x@db/renkei" } as NodeJS.ProcessEnv)).toThrow(
      OperatorError,
    );
    expect(() => readConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://x@db/renkei" } as NodeJS.ProcessEnv)).toThrow(
      /RENKEI_SECRET/,
    );
    const config = readConfig({
      RENKEI_BASE_URL: "https://renkei.city.example.lg.jp/",
      RENKEI_SECRET: "s".repeat(40),
    } as NodeJS.ProcessEnv);
    expect(config.baseUrl).toBe("https://renkei.city.example.lg.jp");
    expect(config.secureCookies).toBe(true);
  });

  it("trusts X-Forwarded-For only from the proxies RENKEI_TRUSTED_PROXIES names", () => {
    expect(readConfig({} as NodeJS.ProcessEnv).trustProxy).toBe(false);
    expect(readConfig({ RENKEI_TRUSTED_PROXIES: "" } as NodeJS.ProcessEnv).trustProxy).toBe(false);
    expect(readConfig({ RENKEI_TRUSTED_PROXIES: "1" } as NodeJS.ProcessEnv).trustProxy).toBe(1);
    expect(readConfig({ RENKEI_TRUSTED_PROXIES: "10.0.0.5, 10.1.0.0/16,loopback" } as NodeJS.ProcessEnv).trustProxy).toEqual([
      "10.0.0.5",
      "10.1.0.0/16",
      "loopback",
    ]);
  });
});
