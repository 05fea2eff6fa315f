// `npm run db:migrate`: applies migrations and loads the national directory.
import { readConfig } from "../app/server/config.server";
import { migrateDatabase, openPglite, openPostgres } from "../app/lib/db/client.server";
import { syncLocalGovernments } from "../app/features/directory/commands.server";

const config = readConfig();
const database = config.databaseUrl ? openPostgres(config.databaseUrl) : await openPglite({ dataDir: config.dataDir });
await migrateDatabase(database);
const directory = await syncLocalGovernments(database.db);
console.log(`migrated ${database.kind}; directory ${directory.changed ? "loaded" : "up to date"} (${directory.total})`);
await database.close();
