// `npm run db:migrate`: applies migrations and loads the national directory.
import { readConfig } from "../app/server/config.server";
import { migrateDatabase, openPglite, openPostgres } from "../app/lib/db/client.server";
import { syncLocalGovernments } from "../app/features/directory/commands.internal.server";
import { runScript } from "./run-script";

// PGlite: takes the data folder's lock, so it refuses while the server runs.
await runScript(async () => {
  const config = readConfig();
  const database = config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : await openPglite({ dataDir: config.dataDir, purpose: "db:migrate" });
  try {
    await migrateDatabase(database);
    const directory = await syncLocalGovernments(database.db);
    console.log(`migrated ${database.kind}; directory ${directory.changed ? "loaded" : "up to date"} (${directory.total})`);
  } finally {
    await database.close();
  }
});
