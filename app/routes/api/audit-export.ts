import type { Route } from "./+types/audit-export";
import { localeFromRequest } from "~/lib/i18n";
import { parseInput } from "~/lib/validation";
import type { ScopedContext } from "~/lib/tenancy";
import { csvContentType, datedDownload } from "~/lib/http/download";
import { api, guard, requireApiScope, requirePageScope } from "~/server/context.server";
import { auditExportInput } from "~/features/audit/schema";
import { auditEntriesForExport } from "~/features/audit/data.server";
import { auditCsv } from "~/features/audit/export.server";
import { canReadAudit } from "~/features/audit/policy";

/**
 * The audit log as CSV, filtered like the list (action, actor, from, to), for
 * the page (/audit/export.csv, session) and the API (/api/v1/audit/export.csv,
 * token). ?encoding=shift_jis for Excel on Japanese Windows.
 */
async function render(ctx: ScopedContext, request: Request): Promise<Response> {
  const input = parseInput(auditExportInput, Object.fromEntries(new URL(request.url).searchParams));
  const entries = await auditEntriesForExport(ctx, input);
  return datedDownload(auditCsv(entries, localeFromRequest(request), input.encoding), csvContentType(input.encoding), {
    ascii: "audit",
    japanese: "監査ログ",
    extension: "csv",
  });
}

export async function loader(args: Route.LoaderArgs) {
  if (new URL(args.request.url).pathname.startsWith("/api/")) {
    return api(args, async () => render((await requireApiScope(args)).ctx, args.request));
  }
  const { ctx } = await requirePageScope(args, canReadAudit);
  return guard(() => render(ctx, args.request));
}
