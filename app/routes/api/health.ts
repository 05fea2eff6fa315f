import type { Route } from "./+types/health";
import { pingDatabase } from "~/lib/db/client.server";
import { api, json, runtimeOf } from "~/server/context.server";

export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const runtime = runtimeOf(args.context);
    await pingDatabase(runtime.db);
    return json({ status: "ok", database: runtime.database.kind, version: runtime.config.version });
  });
}
