import type { Route } from "./+types/audit";
import { parseInput } from "~/lib/validation";
import { api, json, requireApiScope } from "~/server/context.server";
import { auditListInput } from "~/features/audit/schema";
import { listAuditEntries } from "~/features/audit/data.server";

export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    const input = parseInput(auditListInput, Object.fromEntries(new URL(args.request.url).searchParams));
    const page = await listAuditEntries(ctx, input);
    return json({ items: page.items, total: page.items.length, nextCursor: page.nextCursor });
  });
}
