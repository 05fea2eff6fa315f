// Request bodies are bounded while they stream in, not only by the
// Content-Length a client may leave out (chunked transfer): past the limit the
// body stream fails and the answer is 413, so no request is read whole.
import { AppError } from "~/lib/errors";

/** Ten 20 MB attachments plus the form itself. */
export const MAX_BODY_BYTES = 210 * 1024 * 1024;
/** JSON and plain form posts carry text only. */
export const MAX_TEXT_BODY_BYTES = 1024 * 1024;

const TEXT_TYPES = /^\s*(application\/(json|problem\+json|[\w.+-]+\+json|x-www-form-urlencoded))\s*(;|$)/i;

/** The byte limit for a request with this Content-Type: small for JSON and URL-encoded forms. */
export function bodyLimitFor(contentType: string | null | undefined): number {
  return contentType && TEXT_TYPES.test(contentType) ? MAX_TEXT_BODY_BYTES : MAX_BODY_BYTES;
}

export const payloadTooLarge = () => new AppError("payload_too_large");

/** A Node request as server.mjs hands it over (IncomingMessage). */
export interface NodeBody {
  headers: Record<string, string | string[] | undefined>;
  prependListener(event: "data", listener: (chunk: Buffer) => void): unknown;
  removeListener(event: "data", listener: (chunk: Buffer) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  emit(event: "error", error: Error): boolean;
  pause(): unknown;
}

export interface NodeResponse {
  shouldKeepAlive: boolean;
}

/**
 * Counts a Node request's body as it arrives. Past the limit the stream stops
 * (paused, not destroyed, so the 413 can still be sent) and fails with
 * payload_too_large, which every reader of the body sees; `tripped()` tells
 * the request middleware to answer 413 whatever the route made of it.
 */
export function guardNodeBody(req: NodeBody, res?: NodeResponse): { tripped: () => boolean } {
  const contentType = req.headers["content-type"];
  const limit = bodyLimitFor(Array.isArray(contentType) ? contentType[0] : contentType);
  let seen = 0;
  let tripped = false;
  // Registered first, so it runs before the body stream queues the chunk.
  const count = (chunk: Buffer) => {
    seen += chunk.byteLength;
    if (seen <= limit) return;
    tripped = true;
    // The rest of the body stays unread: close the connection after the 413 instead of draining it
    // (Node then sends Connection: close unless the response already says so).
    if (res) res.shouldKeepAlive = false;
    req.removeListener("data", count);
    req.pause();
    req.emit("error", payloadTooLarge());
  };
  req.prependListener("data", count);
  // Node swallows request errors only when nothing listens; the body stream's listener is removed once it fires.
  req.on("error", () => undefined);
  return { tripped: () => tripped };
}

/**
 * The body as bytes, reading no more than `limit`. On overflow it stops reading
 * without cancelling (cancelling would drop the connection before the 413).
 */
export async function readBodyCapped(request: Request, limit: number): Promise<Uint8Array> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw payloadTooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) throw payloadTooLarge();
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks);
}
