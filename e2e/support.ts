// Helpers for browser journeys: a real server process, a real Chromium, axe.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { expect } from "vitest";

export const DEMO_PASSWORD = "renkei-demo-2026";

export interface RunningServer {
  baseUrl: string;
  /** The server process (e.g. to read its memory from /proc). */
  pid: number;
  stop(): Promise<void>;
  output(): string;
}

/** Starts `node server.mjs` on a free port with a fresh embedded database (or `dataDir`) and demo data. */
export async function startServer(env: Record<string, string> = {}, options: { dataDir?: string } = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "renkei-e2e-"));
  const port = 4100 + Math.floor(Math.random() * 800);
  let log = "";
  const child: ChildProcess = spawn(process.execPath, ["server.mjs"], {
    env: { ...process.env, PORT: String(port), RENKEI_DATA_DIR: dataDir, DATABASE_URL: "", RENKEI_DEMO_DATA: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    pid: child.pid!,
    output: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** A new context per journey (axe needs a page from a context), Japanese by default. */
export async function newPage(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: "ja-JP", timezoneId: "Asia/Tokyo" });
  // Any request to another host is a bug: the product must work in a closed network.
  await context.route(/^(?!http:\/\/localhost:\d+\/).*/, (route) => {
    throw new Error(`request to an outside host: ${route.request().url()}`);
  });
  return { context, page: await context.newPage() };
}

/** Fails the test on any axe violation (WCAG 2.x A/AA). */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("メールアドレス").fill(email);
  await page.locator("#field-password").fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
  // The URL changes before React commits the new page: wait for signed-in UI
  // (attached: on a phone the sign-out button sits in the folded menu).
  await page.locator('form[action="/logout"]').first().waitFor({ state: "attached" });
}
