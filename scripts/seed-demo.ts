// `npm run db:seed`: loads the demo data set (app/demo, once) into the configured database.
import { readConfig } from "../app/server/config.server";
import { createRuntime } from "../app/server/runtime.server";
import { runScript } from "./run-script";

// PGlite: the runtime takes the data folder's lock, so this refuses while the server runs.
await runScript(async () => {
  const config = { ...readConfig(), seedDemo: true, runJobs: false };
  const runtime = await createRuntime(config);
  await runtime.close();
});
