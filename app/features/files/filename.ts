// File names as people see them in a download: what the bytes are decides the
// extension, and characters that disguise a name (right-to-left overrides:
// "invoice\u202Efdp.exe" shows as "invoiceexe.pdf") or break headers are removed.

/** Extensions per detected type; the first is used when the name's does not fit. */
const extensionsByType: Record<string, readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/gif": ["gif"],
  "image/webp": ["webp"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
  // Old Office files share one container format: any of its extensions fits.
  "application/x-cfb": ["doc", "xls", "ppt"],
  "application/vnd.oasis.opendocument.text": ["odt"],
  "application/vnd.oasis.opendocument.spreadsheet": ["ods"],
  "application/vnd.oasis.opendocument.presentation": ["odp"],
};

/** Bidirectional controls: embeddings, overrides, isolates, marks (LRM, RLM, ALM). */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
/** C0/C1 controls, line/paragraph separators and characters that break paths or headers. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029"<>|:*?]/g;

/** Names keep their Japanese characters but lose paths, bidi controls and control characters. */
export function safeFilename(name: string): string {
  const base = name.normalize("NFC").split(/[\\/]/).pop() ?? "file";
  const cleaned = base.replace(BIDI, "").replace(UNSAFE, "_").trim();
  return (cleaned || "file").slice(0, 200);
}

/** "evil.html" holding a PDF becomes "evil.pdf"; a name whose extension fits the type is kept. */
export function nameForType(name: string, contentType: string): string {
  const extensions = extensionsByType[contentType];
  if (!extensions) return name;
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  return extensions.includes(extension) ? name : `${stem}.${extensions[0]}`;
}

/** Content-Disposition for a download: always an attachment, the name in UTF-8 (RFC 6266). */
export function attachmentDisposition(filename: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
