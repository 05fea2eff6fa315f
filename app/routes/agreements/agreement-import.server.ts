// Shared by the import pages and the import API: reading the uploaded
// register, and confirming with a live progress stream (NDJSON) for callers
// that ask for one.
import { AppError } from "~/lib/errors";
import { toProblem } from "~/lib/http/problem.server";
import type { Locale } from "~/lib/i18n";
import type { ScopedContext } from "~/lib/tenancy";
import { MAX_TABULAR_BYTES, readTabular } from "~/lib/tabular.server";
import { safeFilename } from "~/features/files/commands.server";
import { readFormData } from "~/server/forms.server";
import { commitImport, requirePendingImport, stageImport } from "~/features/agreements/import/import.server";

const fileRequired = () => new AppError("validation", { fieldErrors: [{ path: "file", message: "validation.required" }] });

/**
 * The register file of a request: the "file" part of a multipart form, or
 * (API) the raw body as text/csv or xlsx with ?filename=.
 */
export async function uploadedRegister(request: Request): Promise<{ filename: string; bytes: Uint8Array }> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_TABULAR_BYTES + 64 * 1024)
    throw new AppError("validation", {
      fieldErrors: [{ path: "file", message: "validation.tabular.tooLarge", params: { max: MAX_TABULAR_BYTES / 1024 / 1024 } }],
    });
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const file = (await readFormData(request)).get("file");
    if (!file || typeof file === "string" || file.size === 0) throw fileRequired();
    return { filename: safeFilename(file.name), bytes: new Uint8Array(await file.arrayBuffer()) };
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength === 0) throw fileRequired();
  const named = new URL(request.url).searchParams.get("filename");
  return { filename: safeFilename(named || (type.includes("csv") ? "register.csv" : "register.xlsx")), bytes };
}

/** Reads and stages an uploaded register; nothing is written to the register yet. */
export async function stageUploadedRegister(ctx: ScopedContext, request: Request): Promise<{ id: string }> {
  const { filename, bytes } = await uploadedRegister(request);
  return stageImport(ctx, filename, await readTabular(bytes, filename));
}

export const wantsProgressStream = (request: Request) => (request.headers.get("accept") ?? "").includes("application/x-ndjson");

/**
 * Confirms an import and streams one JSON line per written batch
 * ({"type":"progress","done","total"}), then {"type":"done","created"} or
 * {"type":"error", ...problem document}. The import itself is one transaction.
 */
export async function commitWithProgress(
  ctx: ScopedContext,
  id: string,
  locale: Locale,
  extra: Record<string, unknown> = {},
): Promise<Response> {
  // Who may confirm is answered with a status code, before the stream starts.
  await requirePendingImport(ctx, id);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: Record<string, unknown>) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const result = await commitImport(ctx, id, (done, total) => send({ type: "progress", done, total }));
        send({ type: "done", created: result.created, ...extra });
      } catch (error) {
        const problem = toProblem(error, ctx.requestId, locale);
        if (problem.status >= 500) console.error(`[error] ${ctx.requestId}`, error);
        send({ ...problem, problemType: problem.type, type: "error" });
      }
      controller.close();
    },
  });
  // no-transform: compression would hold the lines back until the end.
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store, no-transform" },
  });
}
