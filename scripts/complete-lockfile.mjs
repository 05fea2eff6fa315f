// Our package mirror serves only the platform packages for the machines we run
// on (linux x64/arm64), so npm leaves the other platforms' optional native
// packages (rollup, tailwind oxide, …) out of package-lock.json, and `npm ci`
// then refuses the lock as out of sync. This adds the missing entries with the
// os/cpu/libc that their names encode, exactly as a full registry would; npm
// skips them on other platforms and fetches them by version where they fit.
// Run after `npm install` (npm run lock:complete). See docs/decisions/0009.
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;

const osNames = ["android", "darwin", "freebsd", "linux", "openbsd", "openharmony", "sunos", "win32", "netbsd", "aix"];
const cpuNames = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "wasm32", "mips64el"];

function platformOf(name) {
  const base = name.split("/").pop();
  const parts = base.split("-");
  const os = osNames.find((o) => parts.includes(o));
  let cpu = cpuNames.find((c) => parts.includes(c));
  if (!cpu && parts.includes("arm")) cpu = "arm";
  if (!cpu && /universal/.test(base)) cpu = undefined;
  const libc =
    parts.includes("musl") || parts.includes("musleabihf")
      ? "musl"
      : parts.includes("gnu") || parts.includes("gnueabihf")
        ? "glibc"
        : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  const optional = meta.optionalDependencies ?? {};
  for (const [dep, version] of Object.entries(optional)) {
    const nested = `${path ? `${path}/` : ""}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (packages[nested] || packages[hoisted]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os && !cpu) continue; // not a platform package: leave npm's choice alone
    packages[hoisted] = {
      version: String(version).replace(/^[\^~=]/, ""),
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(libc ? { libc: [libc] } : {}),
      optional: true,
      ...(os ? { os: [os] } : {}),
    };
    added++;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} platform entries`);
