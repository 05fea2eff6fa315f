// An exclusive lock on the embedded database's folder. PGlite has no lock of
// its own: two processes on one folder both write its files, and a kill -9 of
// either loses acknowledged writes or leaves a folder that no longer opens.
// Every process that opens a PGlite folder (server, scripts, backup, restore)
// takes this lock first; a second one refuses to start and names the holder.
import { readFileSync, unlinkSync, linkSync, writeFileSync, mkdirSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { OperatorError } from "../operator-error";

export const LOCK_FILE = "renkei.lock";

interface LockRecord {
  pid: number;
  host: string;
  /** Linux: boot id and the process's start time, so a reused PID is not mistaken for the holder. */
  boot?: string;
  start?: string;
  purpose: string;
  since: string;
}

export interface DataDirLock {
  readonly file: string;
  /** Writes our record again (restore: the tarball may have carried the old lock file in). */
  reassert(): void;
  release(): void;
}

/** Thrown when another live process holds the folder. `operatorMessage` is meant for the console. */
export class DataDirLockedError extends OperatorError {
  readonly holderPid: number;
  constructor(dataDir: string, holder: LockRecord, file: string) {
    const where = holder.host === hostname() ? `PID ${holder.pid}` : `PID ${holder.pid} on ${holder.host}`;
    const message =
      `データフォルダ ${dataDir} は別のプロセス（${where}、${holder.purpose}）が使用中です。` +
      `同じフォルダで Renkei を二つ同時に動かすとデータが壊れるため、起動を中止しました。先に動いているプロセスを停止してください。\n` +
      `The data folder ${dataDir} is in use by another process (${where}, ${holder.purpose}). ` +
      `Two processes on one folder corrupt it, so this one did not start: stop the other process first. ` +
      `(If you are sure no such process runs, delete ${file}.)`;
    super(message);
    this.holderPid = holder.pid;
  }
}

/** Locks this process holds: file → the record we wrote. Released on exit too. */
const held = new Map<string, string>();
let exitHookInstalled = false;

function readProc(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat: start time in clock ticks since boot (after the ")" that ends the command name). */
function startTimeOf(pid: number): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  return stat?.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
}

function ownRecord(purpose: string): LockRecord {
  return {
    pid: process.pid,
    host: hostname(),
    boot: readProc("/proc/sys/kernel/random/boot_id"),
    start: startTimeOf(process.pid),
    purpose,
    since: new Date().toISOString(),
  };
}

function readRecord(file: string): LockRecord | null | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    const record = JSON.parse(text) as LockRecord;
    return Number.isInteger(record.pid) && record.pid > 0 ? record : null;
  } catch {
    return null; // unreadable: written by something else, treat as stale
  }
}

/** Whether the process that wrote `record` still runs. A lock from another host cannot be checked: assume it does. */
function holderAlive(record: LockRecord, file: string): boolean {
  if (record.host !== hostname()) return true;
  if (record.pid === process.pid) return held.has(file); // else a PID reused after a restart (containers)
  const boot = readProc("/proc/sys/kernel/random/boot_id");
  if (record.boot && boot && record.boot !== boot) return false; // written before a reboot
  try {
    process.kill(record.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false; // ESRCH: no such process
  }
  const start = startTimeOf(record.pid);
  return !(record.start && start && record.start !== start); // same PID, another process
}

/** Creates `file` with `content` only if it does not exist: link(2) of a complete temp file is atomic. */
function createExclusive(file: string, content: string): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temp, content, { mode: 0o644 });
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

/**
 * Takes the folder's lock or throws DataDirLockedError. A lock left by a dead
 * process (kill -9, power loss) is taken over; a guard file makes sure only
 * one of several processes starting at once does the take-over.
 */
export function acquireDataDirLock(dataDir: string, purpose = "server"): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const guard = `${file}.takeover`;
  const record = ownRecord(purpose);
  const content = JSON.stringify(record);
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createExclusive(file, content)) return track(file, content);
    const holder = readRecord(file);
    if (holder === undefined) continue; // released meanwhile: try again
    if (holder && holderAlive(holder, file)) throw new DataDirLockedError(dataDir, holder, file);
    if (!createExclusive(guard, content)) {
      const other = readRecord(guard);
      if (other && holderAlive(other, guard)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
      else unlinkQuietly(guard); // its taker died mid-take-over
      continue;
    }
    try {
      // Still the same stale lock? Then remove it; whoever links first afterwards wins.
      const again = readRecord(file);
      if (again === undefined || JSON.stringify(again) === JSON.stringify(holder)) {
        unlinkQuietly(file);
        if (createExclusive(file, content)) return track(file, content);
      }
    } finally {
      unlinkQuietly(guard);
    }
  }
  throw new Error(`could not take the lock ${file}`);
}

function track(file: string, content: string): DataDirLock {
  held.set(file, content);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => {
      for (const [f, c] of held) releaseIfOurs(f, c);
    });
  }
  return {
    file,
    reassert() {
      writeFileSync(file, content, { mode: 0o644 });
    },
    release() {
      releaseIfOurs(file, content);
    },
  };
}

function releaseIfOurs(file: string, content: string): void {
  held.delete(file);
  try {
    if (readFileSync(file, "utf8") === content) unlinkSync(file);
  } catch {
    // gone already
  }
}
