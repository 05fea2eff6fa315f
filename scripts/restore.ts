// `npm run restore -- FILE [--force]`: loads a backup from `npm run backup` into
// the configured database. A target that already holds data is refused unless --force.
import path from "node:path";
import { parseArgs } from "node:util";
import { readConfig } from "../app/server/config.server";
import { restorePglite, restorePostgres } from "../app/lib/db/backup.server";
import { runScript } from "./run-script";

await runScript(async () => {
  const { values, positionals } = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true });
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw Object.assign(new Error("usage"), { operatorMessage: "usage: npm run restore -- FILE [--force]" });
  const config = readConfig();
  if (config.databaseUrl) {
    await restorePostgres(path.resolve(file), config.databaseUrl, { force: values.force });
    console.log("restored into PostgreSQL / 復元しました");
  } else {
    const { keptAside } = await restorePglite(path.resolve(file), config.dataDir, { force: values.force });
    console.log(`restored into ${config.dataDir} / 復元しました${keptAside ? ` (previous data kept in ${keptAside})` : ""}`);
  }
});
