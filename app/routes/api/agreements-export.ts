import type { Route } from "./+types/agreements-export";
import { localeFromRequest } from "~/lib/i18n";
import { parseInput } from "~/lib/validation";
import { api, guard, requireApiScope, requirePageScope } from "~/server/context.server";
import { agreementListInput } from "~/features/agreements/schema";
import { exportRows, toCsv, toXlsx } from "~/features/agreements/register/export.server";
import type { ScopedContext } from "~/lib/tenancy";

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
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === "xlsx") {
    return new Response(new Uint8Array(await toXlsx(rows, locale)), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="agreements-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(`協定台帳_${stamp}.xlsx`)}`,
        "cache-control": "private, no-store",
      },
    });
  }
  const encoding = params.encoding === "shift_jis" || params.encoding === "sjis" ? "shift_jis" : "utf-8";
  return new Response(new Uint8Array(toCsv(rows, encoding, locale)), {
    headers: {
      "content-type": `text/csv; charset=${encoding === "shift_jis" ? "Shift_JIS" : "utf-8"}`,
      "content-disposition": `attachment; filename="agreements-${stamp}.csv"; filename*=UTF-8''${encodeURIComponent(`協定台帳_${stamp}.csv`)}`,
      "cache-control": "private, no-store",
    },
  });
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
