import type { Route } from "./+types/agreements-export";
import { localeFromRequest } from "~/lib/i18n";
import { parseInput } from "~/lib/validation";
import { api, guard, requireApiScope, requirePageScope } from "~/server/context.server";
import { agreementListInput } from "~/features/agreements/schema";
import { exportRows, toCsv, toXlsx } from "~/features/agreements/register/export.server";
import type { ScopedContext } from "~/lib/tenancy";
import { csvContentType, datedDownload } from "~/lib/http/download";

/**
 * The register export, for the UI (/agreements/export.csv|xlsx, session) and
 * the API (/api/v1/agreements/export.csv|xlsx, token). CSV: ?encoding=shift_jis|utf-8.
 */
async function render(ctx: ScopedContext, request: Request, format: string): Promise<Response> {
  const url = new URL(request.url);
  const params = Object.fromEntries(url.searchParams);
  const filters = parseInput(agreementListInput, { ...params, limit: undefined, cursor: undefined, encoding: undefined });
  const locale = localeFromRequest(request);
  const rows = await exportRows(ctx, filters, locale);
  const name = { ascii: "agreements", japanese: "協定台帳" };
  if (format === "xlsx") {
    return datedDownload(await toXlsx(rows, locale), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", {
      ...name,
      extension: "xlsx",
    });
  }
  const encoding = params.encoding === "shift_jis" || params.encoding === "sjis" ? "shift_jis" : "utf-8";
  return datedDownload(toCsv(rows, encoding, locale), csvContentType(encoding), { ...name, extension: "csv" });
}

export async function loader(args: Route.LoaderArgs) {
  const path = new URL(args.request.url).pathname;
  const format = path.endsWith(".xlsx") ? "xlsx" : "csv";
  if (path.startsWith("/api/")) {
    return api(args, async () => {
      const { ctx } = await requireApiScope(args);
      return render(ctx, args.request, format);
    });
  }
  const { ctx } = await requirePageScope(args);
  return guard(() => render(ctx, args.request, format));
}
