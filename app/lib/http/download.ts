// A dated export the browser saves rather than shows: the register, the audit log.

/** "text/csv; charset=Shift_JIS" for Excel on Japanese Windows, else UTF-8. */
export const csvContentType = (encoding: "utf-8" | "shift_jis") => `text/csv; charset=${encoding === "shift_jis" ? "Shift_JIS" : "utf-8"}`;

/**
 * `bytes` as an attachment named for today: "audit-2026-12-05.csv" for old
 * clients, "監査ログ_2026-12-05.csv" (RFC 6266 filename*) for the rest; never cached.
 */
export function datedDownload(
  bytes: Uint8Array,
  contentType: string,
  name: { ascii: string; japanese: string; extension: string },
  now: Date = new Date(),
): Response {
  const stamp = now.toISOString().slice(0, 10);
  const japanese = encodeURIComponent(`${name.japanese}_${stamp}.${name.extension}`);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${name.ascii}-${stamp}.${name.extension}"; filename*=UTF-8''${japanese}`,
      "cache-control": "private, no-store",
    },
  });
}
