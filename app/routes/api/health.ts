import type { Route } from "./+types/health";
import { checkDatabase } from "~/lib/db/client.server";
import { api, json, runtimeOf } from "~/server/context.server";
import { RETRY_AFTER_SECONDS } from "~/lib/http/problem.server";
import type { HealthView } from "~/server/openapi/paths/system.server";

// `database` stays the driver's name for existing monitors; `checks.database`
// says whether it answers. 503 while it does not, so a load balancer drains us.
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const runtime = runtimeOf(args.context);
    const check = await checkDatabase(runtime.database);
    const status = check.reachable ? "ok" : "unavailable";
    return json(
      { status, database: runtime.database.kind, version: runtime.config.version, checks: { database: check } } satisfies HealthView,
      check.reachable ? {} : { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } },
    );
  });
}
