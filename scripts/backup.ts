// `npm run backup [-- --out FILE]`: a consistent backup of the configured database.
// PostgreSQL (DATABASE_URL): pg_dump -Fc, while the app runs. PGlite: a dump of
// RENKEI_DATA_DIR with the server stopped (the folder's lock is required).
import path from "node:path";
import { parseArgs } from "node:util";
import { readConfig } from "../app/server/config.server";
import { backupPglite, backupPostgres } from "../app/lib/db/backup.server";
import { runScript } from "./run-script";

await runScript(async () => {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const config = readConfig();
  const kind = config.databaseUrl ? "postgresql" : "pglite";
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const out = path.resolve(values.out ?? path.join("backups", `renkei-${kind}-${stamp}.${kind === "pglite" ? "tar.gz" : "dump"}`));
  const { bytes } = config.databaseUrl ? await backupPostgres(config.databaseUrl, out) : await backupPglite(config.dataDir, out);
  console.log(`backup of ${kind} written: ${out} (${(bytes / 1024 / 1024).toFixed(1)} MiB) / バックアップを保存しました`);
});
