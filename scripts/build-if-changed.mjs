// `npm start` builds the app only when its sources changed since the last
// build (a fingerprint of their contents is kept beside the build), so a
// restart takes a second instead of a rebuild's 4–11 s (issue 19). A fresh
// clone, an edited file or a changed lockfile still builds first.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const stamp = path.join(root, "build", ".source-hash");
const inputs = ["app", "public", "vite.config.ts", "react-router.config.ts", "tsconfig.json", "package-lock.json"];

/** Every file the build reads, tests left out (they are not built). */
function* files(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    yield entry;
    return;
  }
  for (const name of readdirSync(full).sort()) {
    if (name === "+types" || /\.test\.[jt]sx?$/.test(name)) continue;
    yield* files(path.join(entry, name));
  }
}

export function sourceHash() {
  const hash = createHash("sha256");
  for (const input of inputs) {
    for (const file of files(input)) {
      hash
        .update(file)
        .update("\0")
        .update(readFileSync(path.join(root, file)))
        .update("\0");
    }
  }
  return hash.digest("hex");
}

const current = sourceHash();
const built = existsSync(path.join(root, "build", "server", "index.js")) && existsSync(stamp) ? readFileSync(stamp, "utf8").trim() : null;
if (built === current) {
  console.log("[renkei] build is up to date");
} else {
  console.log(built ? "[renkei] sources changed: building" : "[renkei] building");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "react-router"), ["build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, `${current}\n`);
}
