import { afterEach, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE } from "./data-dir-lock.server";

const dirs: string[] = [];
const children: ChildProcess[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "renkei-lock-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A PID that certainly belongs to no running process: a child that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

function writeLock(dir: string, pid: number, extra: Record<string, unknown> = {}) {
  writeFileSync(
    path.join(dir, LOCK_FILE),
    JSON.stringify({ pid, host: hostname(), purpose: "server", since: "2026-01-01T00:00:00Z", ...extra }),
  );
}

describe("the data-folder lock", () => {
  it("is taken, refused to a second taker while held, and free again after release", () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, "server");
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), "utf8"))).toMatchObject({ pid: process.pid, purpose: "server" });
    expect(() => acquireDataDirLock(dir, "backup")).toThrow(DataDirLockedError);
    lock.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    acquireDataDirLock(dir, "backup").release();
  });

  it("refuses while another live process holds it, naming its PID in Japanese and English", () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    children.push(holder);
    writeLock(dir, holder.pid!);
    let error: unknown;
    try {
      acquireDataDirLock(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    const { holderPid, operatorMessage } = error as DataDirLockedError;
    expect(holderPid).toBe(holder.pid);
    expect(operatorMessage).toContain(`PID ${holder.pid}`);
    expect(operatorMessage).toContain("使用中です");
    expect(operatorMessage).toContain("is in use by another process");
  });

  it("takes over a lock left by a process that died (kill -9)", () => {
    const dir = tempDir();
    writeLock(dir, deadPid());
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(readFileSync(lock.file, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("takes over a lock whose PID now belongs to another process (PID reused after a restart)", () => {
    const dir = tempDir();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    children.push(other);
    writeLock(dir, other.pid!, { start: "1" }); // the holder started at tick 1: not this process
    acquireDataDirLock(dir).release();
  });

  it("takes over an unreadable lock file, and refuses a lock held from another host", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, LOCK_FILE), "");
    acquireDataDirLock(dir).release();
    writeLock(dir, deadPid(), { host: "another-host.example" });
    expect(() => acquireDataDirLock(dir)).toThrow(/another-host\.example/);
  });

  it("lets exactly one of several processes starting at once take a stale lock", async () => {
    const dir = tempDir();
    writeLock(dir, deadPid());
    // Each child spins until the same instant, then tries; the winner holds the lock until its stdin closes.
    const script = `
      import { acquireDataDirLock } from ${JSON.stringify(path.resolve("app/lib/db/data-dir-lock.server.ts"))};
      while (Date.now() < Number(process.argv[2])) {}
      try { acquireDataDirLock(process.argv[1]); console.log("won"); process.stdin.resume(); process.stdin.on("end", () => process.exit(0)); }
      catch (e) { console.log(e.name === "DataDirLockedError" ? "refused" : "error " + e.message); process.exit(0); }`;
    const tsx = path.resolve("node_modules/.bin/tsx");
    const startAt = String(Date.now() + 5000);
    const racers = Array.from({ length: 4 }, () => spawn(tsx, ["-e", script, dir, startAt]));
    children.push(...racers);
    const results = await Promise.all(
      racers.map((child) => new Promise<string>((resolve) => child.stdout!.once("data", (d) => resolve(String(d).trim())))),
    );
    expect(results.sort()).toEqual(["refused", "refused", "refused", "won"]);
    await Promise.all(
      racers.map(
        (child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once("exit", resolve), child.stdin!.end()))),
      ),
    );
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false); // released when the winner exited
  }, 30_000);
});
